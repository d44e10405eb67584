//! Metadata given beside an article rather than in it: a sidecar file next to the article
//! (`ARTICLE.meta.toml`, e.g. `report.txt.meta.toml`) or an entry of `factlint.toml`. Both use the
//! same fields; a field given there replaces what the article says about itself.
//!
//! ```toml
//! title = "Gunmen storm concert hall"
//! outlet = "The Northern Ledger"
//! published = 2024-03-23        # a TOML date or "2024-03-23"
//! url = "https://example.org/a"
//! ```

use crate::model::Meta;
use crate::rules::RuleError;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Metadata fields, each optional; unknown keys are errors.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaFields {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<toml::Spanned<DateInput>>,
    pub url: Option<String>,
}

/// A date as TOML allows it: `2024-03-23` or `"2024-03-23"`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum DateInput {
    Date(toml::value::Datetime),
    Text(String),
}

impl MetaFields {
    /// Checks the fields; an error gives the byte offset in the TOML text and the message.
    pub fn validate(&self) -> Result<(), (usize, String)> {
        if let Some(p) = &self.published
            && self.published_date().is_none()
        {
            return Err((p.span().start, "published must be a date, YYYY-MM-DD".to_string()));
        }
        Ok(())
    }

    fn published_date(&self) -> Option<crate::model::CivilDate> {
        let text = match self.published.as_ref()?.get_ref() {
            DateInput::Date(d) => d.to_string(),
            DateInput::Text(t) => t.clone(),
        };
        crate::load::parse_iso_date(text.trim())
    }

    /// Replaces the fields of `meta` that are given here.
    pub fn apply(&self, meta: &mut Meta) {
        if let Some(t) = &self.title {
            meta.title = Some(t.clone());
        }
        if let Some(o) = &self.outlet {
            meta.outlet = Some(o.clone());
        }
        if let Some(d) = self.published_date() {
            meta.published = Some(d);
        }
        if let Some(u) = &self.url {
            meta.url = Some(u.clone());
        }
    }
}

/// The sidecar file of an article: `a.html` → `a.html.meta.toml`.
pub fn sidecar_path(article: &Path) -> PathBuf {
    let mut name = article.as_os_str().to_owned();
    name.push(".meta.toml");
    PathBuf::from(name)
}

/// Reads the sidecar of an article, if there is one.
pub fn read_sidecar(article: &Path) -> Result<Option<MetaFields>, RuleError> {
    let path = sidecar_path(article);
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(None) };
    let fields: MetaFields = crate::config::parse_toml(&path, &text)?;
    fields.validate().map_err(|(at, message)| crate::config::toml_error(&path, &text, at, message))?;
    Ok(Some(fields))
}

/// Applies the configured metadata whose path is the document's file (compared as canonical
/// paths, so `./a.txt` and `a.txt` are one file).
pub fn apply_configured(doc: &mut crate::model::Document, configured: &[(PathBuf, MetaFields)]) {
    if configured.is_empty() {
        return;
    }
    let Ok(file) = std::fs::canonicalize(&doc.path) else { return };
    for (path, fields) in configured {
        if std::fs::canonicalize(path).is_ok_and(|p| p == file) {
            fields.apply(&mut doc.meta);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CivilDate;

    #[test]
    fn fields_replace_what_they_give() {
        let fields: MetaFields = toml::from_str("published = 2024-03-23\noutlet = \"Ledger\"").unwrap();
        let mut meta = Meta { title: Some("T".into()), ..Meta::default() };
        fields.apply(&mut meta);
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(meta.outlet.as_deref(), Some("Ledger"));
        assert_eq!(meta.published, Some(CivilDate { year: 2024, month: 3, day: 23 }));
        let text: MetaFields = toml::from_str("published = \"2024-03-24\"").unwrap();
        assert!(text.validate().is_ok());
        let bad: MetaFields = toml::from_str("published = \"March\"").unwrap();
        assert_eq!(bad.validate().unwrap_err().0, 12);
        assert!(toml::from_str::<MetaFields>("date = 2024-03-23").unwrap_err().message().contains("unknown field"));
    }

    #[test]
    fn the_sidecar_sits_beside_the_article() {
        assert_eq!(sidecar_path(Path::new("a/b.txt")), PathBuf::from("a/b.txt.meta.toml"));
    }
}
