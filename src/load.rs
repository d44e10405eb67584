//! Stage 1: turn files into [`Document`]s.
//!
//! The only stage that reads the file system. A file that cannot be read is reported as a
//! [`LoadError`] and the others are still loaded. Markup is masked, never removed: the prose keeps
//! every offset of the original file, so spans found in the prose point at the original bytes.

use crate::model::{CivilDate, Document, Meta, SpanMap};
use std::path::{Path, PathBuf};

pub mod html;
pub mod meta;

/// Extensions of the files a folder walk picks up.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Expands the command-line arguments into the sorted list of files to read. Folders are walked
/// recursively for article extensions; a named file is taken whatever its extension.
pub fn collect_paths(args: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        match std::fs::metadata(arg) {
            Ok(m) if m.is_dir() => walk(arg, &mut files, &mut errors),
            Ok(_) => files.push(arg.clone()),
            Err(e) => errors.push(LoadError { path: display(arg), message: io_message(&e) }),
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<LoadError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(LoadError { path: display(dir), message: io_message(&e) });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files, errors);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            files.push(path);
        }
    }
}

/// Reads one file and builds its document.
pub fn load_file(path: &Path, index: usize) -> Result<Document, LoadError> {
    let error = |message: String| LoadError { path: display(path), message };
    let bytes = std::fs::read(path).map_err(|e| error(io_message(&e)))?;
    if bytes.is_empty() {
        return Err(error("the file is empty".into()));
    }
    if bytes.contains(&0) {
        return Err(error("the file is binary (it contains NUL bytes), not an article".into()));
    }
    let source = String::from_utf8(bytes).map_err(|e| {
        error(format!("the file is not valid UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()))
    })?;
    if source.trim().is_empty() {
        return Err(error("the file has only white space".into()));
    }
    let is_html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| html::HTML_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    let mut doc = if is_html {
        html::parse_html(display(path), source, index)
    } else {
        parse_document(display(path), source, index)
    };
    // Metadata beside the article (`ARTICLE.meta.toml`) replaces what the article says.
    match meta::read_sidecar(path) {
        Ok(Some(fields)) => fields.apply(&mut doc.meta),
        Ok(None) => {}
        Err(e) => {
            let message = format!("{} (the metadata of {})", e.message, display(path));
            return Err(LoadError { path: format!("{}:{}:{}", e.path, e.line, e.column), message });
        }
    }
    Ok(doc)
}

/// Builds a document from text already in memory (tests, and the map/reduce path).
pub fn parse_document(path: String, source: String, index: usize) -> Document {
    let (meta, body_start) = front_matter(&source);
    let mut prose = String::with_capacity(source.len());
    prose.push_str(&blank(&source[..body_start]));
    prose.push_str(&mask_markdown(&source[body_start..]));
    debug_assert_eq!(prose.len(), source.len());
    let map = SpanMap::identity(source.len());
    Document { index, path, meta, source, prose, map }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a folder, not a file".into(),
        _ => e.to_string(),
    }
}

/// Reads `---`-fenced `key: value` lines at the top of a file. Returns the metadata and the byte
/// offset where the article body starts (0 when there is no front matter).
fn front_matter(source: &str) -> (Meta, usize) {
    let mut meta = Meta::default();
    let mut lines = source.split_inclusive('\n');
    let Some(first) = lines.next() else { return (meta, 0) };
    if first.trim_end() != "---" {
        return (meta, 0);
    }
    let mut offset = first.len();
    for line in lines {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" {
            return (meta, offset);
        }
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim().trim_matches('"').trim();
        let value = (!value.is_empty()).then(|| value.to_string());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => meta.title = value,
            "outlet" | "source" | "publisher" => meta.outlet = value,
            "published" | "date" => meta.published = value.as_deref().and_then(parse_iso_date),
            "url" => meta.url = value,
            _ => {}
        }
    }
    // An opening fence that never closes is not front matter.
    (Meta::default(), 0)
}

/// Parses `YYYY-MM-DD` (a time after it is ignored).
pub fn parse_iso_date(text: &str) -> Option<CivilDate> {
    let text = text.get(..10)?;
    let mut parts = text.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    let date = CivilDate { year, month, day };
    crate::extract::calendar::is_valid(date).then_some(date)
}

/// Replaces every character with spaces of the same byte length, keeping line breaks.
fn blank(text: &str) -> String {
    text.chars().map(|c| if c == '\n' { "\n".to_string() } else { " ".repeat(c.len_utf8()) }).collect()
}

/// Masks Markdown syntax that is not prose: code blocks, inline code, link targets, HTML tags,
/// heading and list markers, emphasis characters. What remains has the offsets of the source.
fn mask_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_fence = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            out.push_str(&blank(line));
            continue;
        }
        if in_fence || line.starts_with("    ") || line.starts_with('\t') && !trimmed.is_empty() {
            out.push_str(&blank(line));
            continue;
        }
        out.push_str(&mask_markdown_line(line));
    }
    out
}

fn mask_markdown_line(line: &str) -> String {
    let mut masked: Vec<u8> = line.as_bytes().to_vec();
    let set_blank = |range: std::ops::Range<usize>, masked: &mut Vec<u8>| {
        for b in &mut masked[range] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    // Block markers at the start of the line: headings, quotes, bullets, numbered items.
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let marker = block_marker_len(rest);
    set_blank(indent..indent + marker, &mut masked);

    // Inline code, link targets and HTML tags, scanned over ASCII delimiters (safe on UTF-8:
    // these bytes never occur inside a multi-byte character).
    let bytes = line.as_bytes();
    let mut i = indent + marker;
    while i < bytes.len() {
        match bytes[i] {
            b'`' => {
                if let Some(close) = line[i + 1..].find('`') {
                    set_blank(i..i + close + 2, &mut masked);
                    i += close + 2;
                    continue;
                }
            }
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                if let Some(close) = line[i + 2..].find(')') {
                    set_blank(i..i + close + 3, &mut masked);
                    i += close + 3;
                    continue;
                }
            }
            b'<' => {
                if let Some(close) = line[i + 1..].find('>') {
                    let inner = &line[i + 1..i + 1 + close];
                    if inner.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
                        set_blank(i..i + close + 2, &mut masked);
                        i += close + 2;
                        continue;
                    }
                }
            }
            b'[' | b'*' => set_blank(i..i + 1, &mut masked),
            b'_' if is_emphasis_underscore(bytes, i) => set_blank(i..i + 1, &mut masked),
            _ => {}
        }
        i += 1;
    }
    String::from_utf8(masked).expect("masking replaces ASCII bytes with ASCII spaces")
}

/// `_` that opens or closes emphasis, not one inside a word (snake_case stays).
fn is_emphasis_underscore(bytes: &[u8], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| bytes[j]);
    let after = bytes.get(i + 1).copied();
    let word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
    !(word(before) && word(after))
}

fn block_marker_len(rest: &str) -> usize {
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && rest[hashes..].starts_with([' ', '\n']) {
        return hashes;
    }
    if let Some(quoted) = rest.strip_prefix('>') {
        return 1 + usize::from(quoted.starts_with(' '));
    }
    if rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("+ ") {
        return 2;
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 && (rest[digits..].starts_with(". ") || rest[digits..].starts_with(") ")) {
        return digits + 2;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_read_and_masked() {
        let src = "---\ntitle: A title\noutlet: The Ledger\npublished: 2024-03-25\n---\nBody text.\n";
        let doc = parse_document("a.md".into(), src.into(), 0);
        assert_eq!(doc.meta.title.as_deref(), Some("A title"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("The Ledger"));
        assert_eq!(doc.meta.published, Some(CivilDate { year: 2024, month: 3, day: 25 }));
        assert!(!doc.prose.contains("title"));
        assert_eq!(doc.prose.len(), src.len());
        let at = doc.prose.find("Body").unwrap();
        assert_eq!(&src[at..at + 4], "Body");
    }

    #[test]
    fn unclosed_front_matter_is_prose() {
        let doc = parse_document("a.md".into(), "---\ntitle: x\nno fence".into(), 0);
        assert_eq!(doc.meta, Meta::default());
        assert!(doc.prose.contains("title: x"));
    }

    #[test]
    fn a_bad_published_date_is_unknown_not_an_error() {
        let doc = parse_document("a.md".into(), "---\npublished: 2024-13-45\n---\nx".into(), 0);
        assert_eq!(doc.meta.published, None);
    }

    #[test]
    fn markdown_markup_is_masked_with_offsets_kept() {
        let src =
            "# Heading\n\n- **At least 143** died, see [the report](http://x.org/62).\n```\n99 dead\n```\n`7 dead`\n";
        let doc = parse_document("a.md".into(), src.into(), 0);
        assert_eq!(doc.prose.len(), src.len());
        assert!(doc.prose.contains("At least 143"));
        assert!(doc.prose.contains("the report"));
        assert!(!doc.prose.contains("62"), "link targets are not prose");
        assert!(!doc.prose.contains("99"), "code blocks are not prose");
        assert!(!doc.prose.contains('7'), "inline code is not prose");
        assert!(!doc.prose.contains('#'));
    }

    #[test]
    fn multibyte_characters_keep_their_byte_length() {
        let src = "## The group’s *toll* — 84\n";
        let doc = parse_document("a.md".into(), src.into(), 0);
        assert_eq!(doc.prose.len(), src.len());
        let at = doc.prose.find("84").unwrap();
        assert_eq!(&src[at..at + 2], "84");
    }
}
