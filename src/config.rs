//! `factlint.toml`: the settings of a project, found from the current folder upward (or named with
//! `--config FILE`). Every key is optional; an unknown key is an error that names the key, the
//! file, the line and the column. Paths in the file are relative to the file's folder.
//!
//! ```toml
//! rules = ["rules"]                    # extra rule folders
//! aliases = ["aliases.toml"]           # alias files (aliases = [["ISIS-K", "ISKP"]])
//! fail-on = "warning"                  # default of --fail-on
//!
//! [thresholds]                         # see src/thresholds.rs
//! name-similarity = 0.9
//! diverge-ratio = 1.5
//! about-tolerance = 0.1
//!
//! [severity]                           # per check, by code or name: error | warning | info | off
//! FL004 = "off"
//!
//! [metadata."archive/ledger-0323.txt"] # per article, like a sidecar file
//! published = 2024-03-23
//!
//! [[suppress]]                         # a reviewed finding, silenced with the reason
//! subject = "Crocus City Hall"
//! attribute = "deaths"
//! check = "FL002"                      # optional: only this check
//! reason = "60 was the first official count, 143 the later one; both reported correctly."
//! ```

use crate::compare::check;
use crate::load::meta::MetaFields;
use crate::model::Severity;
use crate::rules::{RuleError, line_column};
use crate::thresholds::Thresholds;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file name looked for from the current folder upward.
pub const FILE_NAME: &str = "factlint.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
    fail_on: Option<FailOn>,
    #[serde(default)]
    thresholds: ThresholdsFile,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, SeverityLevel>,
    #[serde(default)]
    metadata: BTreeMap<String, MetaFields>,
    #[serde(default)]
    suppress: Vec<Spanned<SuppressionFile>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ThresholdsFile {
    name_similarity: Option<Spanned<f64>>,
    diverge_ratio: Option<Spanned<f64>>,
    about_tolerance: Option<Spanned<f64>>,
    nearly_tolerance: Option<Spanned<f64>>,
    same_event_days: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SuppressionFile {
    subject: String,
    attribute: String,
    check: Option<Spanned<String>>,
    reason: Spanned<String>,
}

/// When `check` exits 1 (`--fail-on`, or `fail-on` in the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The least severity that fails the check (None = never fail).
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum SeverityLevel {
    Error,
    Warning,
    Info,
    Off,
}

/// A reviewed finding that is not reported again: its topic, optionally its check, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub subject: String,
    pub attribute: String,
    pub check: Option<&'static str>,
    pub reason: String,
    /// Where the entry is, for the warning when it no longer matches anything.
    pub line: usize,
    pub column: usize,
}

impl Suppression {
    pub fn matches(&self, f: &crate::model::Finding) -> bool {
        let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        same(&self.subject, &f.topic.subject)
            && same(&self.attribute, &f.topic.attribute)
            && self.check.is_none_or(|c| c == f.code)
    }
}

/// Threshold values the file sets; the others keep their defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThresholdOverrides {
    pub name_similarity: Option<f64>,
    pub diverge_ratio: Option<f64>,
    pub about_tolerance: Option<f64>,
    pub nearly_tolerance: Option<f64>,
    pub same_event_days: Option<i64>,
}

impl ThresholdOverrides {
    pub fn apply(&self, t: &mut Thresholds) {
        if let Some(v) = self.name_similarity {
            t.name_similarity = v;
        }
        if let Some(v) = self.diverge_ratio {
            t.diverge_ratio = v;
        }
        if let Some(v) = self.about_tolerance {
            t.about_tolerance = v;
        }
        if let Some(v) = self.nearly_tolerance {
            t.nearly_tolerance = v;
        }
        if let Some(v) = self.same_event_days {
            t.same_event_days = v;
        }
    }
}

/// A read and checked configuration, paths resolved against the file's folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file it came from (None: no file, defaults only).
    pub path: Option<PathBuf>,
    pub rule_dirs: Vec<PathBuf>,
    pub alias_files: Vec<PathBuf>,
    pub fail_on: Option<FailOn>,
    pub thresholds: ThresholdOverrides,
    /// Severity per check code; None turns the check off.
    pub severity: BTreeMap<&'static str, Option<Severity>>,
    /// Metadata per article path.
    pub metadata: Vec<(PathBuf, MetaFields)>,
    pub suppressions: Vec<Suppression>,
}

impl Config {
    /// The configuration of a run: the named file, else the first `factlint.toml` from `start`
    /// upward, else the defaults.
    pub fn discover(explicit: Option<&Path>, start: &Path) -> Result<Config, RuleError> {
        if let Some(path) = explicit {
            return Config::read(path);
        }
        for (up, dir) in start.ancestors().enumerate() {
            if dir.join(FILE_NAME).is_file() {
                // From the current folder, name it relatively, as a user would.
                let path = if std::env::current_dir().is_ok_and(|cwd| cwd == start) {
                    std::iter::repeat_n("..", up).collect::<PathBuf>().join(FILE_NAME)
                } else {
                    dir.join(FILE_NAME)
                };
                return Config::read(&path);
            }
        }
        Ok(Config::default())
    }

    pub fn read(path: &Path) -> Result<Config, RuleError> {
        let text = std::fs::read_to_string(path).map_err(|e| RuleError {
            path: path.display().to_string(),
            line: 1,
            column: 1,
            message: format!("cannot read the configuration: {e}"),
        })?;
        Config::parse(path, &text)
    }

    /// Parses the text of a configuration file at `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Config, RuleError> {
        let error = |offset: usize, message: String| toml_error(path, text, offset, message);
        let file: ConfigFile = parse_toml(path, text)?;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let resolve = |p: &str| if Path::new(p).is_absolute() { PathBuf::from(p) } else { base.join(p) };

        let t = &file.thresholds;
        let fraction = |v: &Option<Spanned<f64>>, name: &str, lo: f64, hi: f64| match v {
            Some(s) if !(lo..=hi).contains(s.get_ref()) => {
                Err(error(s.span().start, format!("{name} must be between {lo} and {hi}")))
            }
            Some(s) => Ok(Some(*s.get_ref())),
            None => Ok(None),
        };
        let thresholds = ThresholdOverrides {
            name_similarity: fraction(&t.name_similarity, "name-similarity", 0.0, 1.0)?,
            diverge_ratio: fraction(&t.diverge_ratio, "diverge-ratio", 1.0, f64::MAX)?,
            about_tolerance: fraction(&t.about_tolerance, "about-tolerance", 0.0, 1.0)?,
            nearly_tolerance: fraction(&t.nearly_tolerance, "nearly-tolerance", 0.0, 1.0)?,
            same_event_days: match &t.same_event_days {
                Some(s) if *s.get_ref() < 0 => {
                    return Err(error(s.span().start, "same-event-days must be 0 or more".into()));
                }
                s => s.as_ref().map(|s| *s.get_ref()),
            },
        };

        let mut severity = BTreeMap::new();
        for (key, level) in &file.severity {
            let Some(c) = check(key.get_ref()) else {
                let known: Vec<&str> = crate::compare::CHECKS.iter().map(|c| c.code).collect();
                return Err(error(
                    key.span().start,
                    format!("unknown check `{}` in [severity], expected one of {}", key.get_ref(), known.join(", ")),
                ));
            };
            let level = match level {
                SeverityLevel::Error => Some(Severity::Error),
                SeverityLevel::Warning => Some(Severity::Warning),
                SeverityLevel::Info => Some(Severity::Info),
                SeverityLevel::Off => None,
            };
            severity.insert(c.code, level);
        }

        let mut metadata = Vec::new();
        for (article, fields) in &file.metadata {
            if let Err((_, message)) = fields.validate() {
                // The span is within the value; point at the [metadata] entry instead.
                let at = text.find(article.as_str()).unwrap_or(0);
                return Err(error(at, format!("metadata of {article:?}: {message}")));
            }
            metadata.push((resolve(article), fields.clone()));
        }

        let mut suppressions = Vec::new();
        for entry in &file.suppress {
            let (line, column) = line_column(text, entry.span().start);
            let s = entry.get_ref();
            if s.reason.get_ref().trim().is_empty() {
                return Err(error(s.reason.span().start, "a suppression needs a reason: say what was checked".into()));
            }
            let check = match &s.check {
                Some(c) => Some(
                    check(c.get_ref())
                        .ok_or_else(|| error(c.span().start, format!("unknown check `{}`", c.get_ref())))?
                        .code,
                ),
                None => None,
            };
            suppressions.push(Suppression {
                subject: s.subject.clone(),
                attribute: s.attribute.clone(),
                check,
                reason: s.reason.get_ref().trim().to_string(),
                line,
                column,
            });
        }

        Ok(Config {
            path: Some(path.to_path_buf()),
            rule_dirs: file.rules.iter().map(|p| resolve(p)).collect(),
            alias_files: file.aliases.iter().map(|p| resolve(p)).collect(),
            fail_on: file.fail_on,
            thresholds,
            severity,
            metadata,
            suppressions,
        })
    }

    /// The file's name for messages.
    pub fn display_path(&self) -> String {
        self.path.as_ref().map_or_else(|| FILE_NAME.to_string(), |p| p.display().to_string())
    }
}

/// An error at a byte offset of a TOML file, as `path:line:column: message`.
pub fn toml_error(path: &Path, text: &str, offset: usize, message: String) -> RuleError {
    let (line, column) = line_column(text, offset);
    RuleError { path: path.display().to_string(), line, column, message }
}

/// Parses a TOML file's text; a syntax error or an unknown key points at its line and column.
pub fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, RuleError> {
    toml::from_str(text)
        .map_err(|e| toml_error(path, text, e.span().map_or(0, |s| s.start), e.message().trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, RuleError> {
        Config::parse(Path::new("proj/factlint.toml"), text)
    }

    #[test]
    fn a_full_file_reads() {
        let c = parse(
            r#"rules = ["more-rules"]
aliases = ["/abs/aliases.toml"]
fail-on = "warning"
[thresholds]
name-similarity = 0.9
same-event-days = 10
[severity]
FL004 = "off"
count-divergence = "error"
[metadata."a.txt"]
published = 2024-03-23
[[suppress]]
subject = "Crocus City Hall"
attribute = "deaths"
check = "count-divergence"
reason = "both figures were right when published"
"#,
        )
        .unwrap();
        assert_eq!(c.rule_dirs, vec![PathBuf::from("proj/more-rules")]);
        assert_eq!(c.alias_files, vec![PathBuf::from("/abs/aliases.toml")]);
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.thresholds.name_similarity, Some(0.9));
        assert_eq!(c.thresholds.same_event_days, Some(10));
        assert_eq!(c.severity.get("FL004"), Some(&None));
        assert_eq!(c.severity.get("FL002"), Some(&Some(Severity::Error)));
        assert_eq!(c.metadata[0].0, PathBuf::from("proj/a.txt"));
        assert_eq!(c.suppressions[0].check, Some("FL002"));
        assert_eq!((c.suppressions[0].line, c.suppressions[0].column), (12, 1));
    }

    #[test]
    fn errors_name_the_key_line_and_column() {
        let e = parse("rules = []\n[thresholds]\nname-similarity = 0.9\nfuzzy = 1\n").unwrap_err();
        assert_eq!((e.line, e.column), (4, 1));
        assert!(e.message.contains("unknown field `fuzzy`"), "{}", e.message);
        let e = parse("fail_on = \"error\"\n").unwrap_err();
        assert!(e.message.contains("unknown field `fail_on`") && e.line == 1, "{e}");
        let e = parse("[severity]\nFL009 = \"off\"\n").unwrap_err();
        assert!(e.message.contains("unknown check `FL009`") && e.line == 2 && e.column == 1, "{e}");
        let e = parse("[severity]\nFL001 = \"fatal\"\n").unwrap_err();
        assert!(e.message.contains("unknown variant `fatal`") && e.line == 2, "{e}");
        let e = parse("[thresholds]\nname-similarity = 1.5\n").unwrap_err();
        assert!(e.message.contains("between 0 and 1") && (e.line, e.column) == (2, 19), "{e}");
        let e = parse("[[suppress]]\nsubject = \"X\"\nattribute = \"deaths\"\n").unwrap_err();
        assert!(e.message.contains("missing field `reason`"), "{e}");
        let e = parse("[[suppress]]\nsubject = \"X\"\nattribute = \"deaths\"\nreason = \" \"\n").unwrap_err();
        assert!(e.message.contains("needs a reason") && e.line == 4, "{e}");
        let e = parse("[metadata.\"a.txt\"]\npublished = \"soon\"\n").unwrap_err();
        assert!(e.message.contains("YYYY-MM-DD"), "{e}");
    }
}
