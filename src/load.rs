//! Loading: files, folders (recursive, `.txt` and `.md`) and `-` for stdin.
//!
//! Metadata comes from two places and is never guessed:
//! - a `sources.toml` sidecar in a folder, with one `[[document]]` table per
//!   file (`file`, and any of `source`, `date`, `url`, `title`);
//! - a header that the text carries itself: a first line (or line start)
//!   `date YYYY-MM-DD`, or a `---` front-matter block of `key: value` lines.
//!
//! A header is metadata, not article text: the document's `body_start` points
//! past it, so it is never segmented into a claim.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::Document;

/// Name of the per-folder metadata sidecar.
pub const SIDECAR: &str = "sources.toml";

/// Folder depth past which the walk stops: a guard against symlink loops
/// that canonicalisation cannot see (and absurd trees).
const MAX_DEPTH: usize = 64;

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    #[serde(default)]
    document: Vec<SidecarEntry>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SidecarEntry {
    file: String,
    source: Option<String>,
    date: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// Load every document named by `paths` ("-" is stdin), in a stable order:
/// the order of `paths`, and sorted by path within a folder.
pub fn load_paths(paths: &[PathBuf]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            docs.push(document_from_bytes("<stdin>", "stdin", &read_stdin()?, None)?);
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(path, 0, &mut HashSet::new(), &mut files)?;
            if files.is_empty() {
                return Err(Error::NoDocuments {
                    path: path.display().to_string(),
                });
            }
            files.sort();
            for file in files {
                if seen.insert(identity(&file)) {
                    docs.push(load_file(&file)?);
                }
            }
        } else if seen.insert(identity(path)) {
            docs.push(load_file(path)?);
        }
    }
    make_ids_unique(&mut docs);
    Ok(docs)
}

/// What makes two paths one file: "a.txt", "./a.txt", "dir/../a.txt" and
/// a link to it are read once, or one article would count as two sources
/// and corroborate itself. The path as given when it cannot be resolved.
fn identity(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

fn walk(dir: &Path, depth: usize, visited: &mut HashSet<PathBuf>, out: &mut Vec<PathBuf>) -> Result<()> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    // A folder reached twice through symlinks is read once.
    if let Ok(real) = dir.canonicalize()
        && !visited.insert(real)
    {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::Unreadable {
        path: dir.display().to_string(),
        reason: e.to_string(),
    })?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::Unreadable {
            path: dir.display().to_string(),
            reason: e.to_string(),
        })?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        // Follows symlinks; a dangling link is skipped rather than fatal.
        let Ok(meta) = std::fs::metadata(&path) else { continue };
        if meta.is_dir() {
            walk(&path, depth + 1, visited, out)?;
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "md")) {
            out.push(path);
        }
    }
    Ok(())
}

fn load_file(path: &Path) -> Result<Document> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::Unreadable {
        path: shown.clone(),
        reason: e.to_string(),
    })?;
    let sidecar = read_sidecar(path)?;
    let stem = path
        .file_stem()
        .map_or_else(|| "doc".to_string(), |s| s.to_string_lossy().into_owned());
    document_from_bytes(&shown, &stem, &bytes, sidecar)
}

/// Where the metadata sidecar of `file` would be: beside it.
fn sidecar_of(file: &Path) -> Option<PathBuf> {
    file.parent().map(|dir| dir.join(SIDECAR))
}

/// Every file that loading `docs` read or could have read: each document's
/// own file and the sidecar beside it, once each (stdin has neither).
pub fn input_files(docs: &[Document]) -> BTreeSet<PathBuf> {
    let mut files = BTreeSet::new();
    for d in docs.iter().filter(|d| d.path != "<stdin>") {
        let file = PathBuf::from(&d.path);
        files.extend(sidecar_of(&file));
        files.insert(file);
    }
    files
}

fn read_sidecar(file: &Path) -> Result<Option<SidecarEntry>> {
    let Some(side) = sidecar_of(file) else { return Ok(None) };
    let Ok(text) = std::fs::read_to_string(&side) else {
        return Ok(None);
    };
    let parsed: Sidecar = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(1, |s| crate::rules::line_col(&text, s.start).0);
        Error::Metadata {
            path: side.display().to_string(),
            line,
            reason: e.message().trim().to_string(),
        }
    })?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let entry = parsed.document.into_iter().find(|d| d.file == name);
    if let Some(date) = entry.as_ref().and_then(|e| e.date.as_deref())
        && !is_iso_date(date)
    {
        return Err(Error::Metadata {
            path: side.display().to_string(),
            line: crate::rules::line_col(&text, text.find(date).unwrap_or(0)).0,
            reason: format!("date `{date}` is not YYYY-MM-DD"),
        });
    }
    Ok(entry)
}

/// A file name ending in `.html` or `.htm`.
fn is_html_name(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Build a document from raw bytes: checks encoding, reads a header.
fn document_from_bytes(path: &str, stem: &str, bytes: &[u8], sidecar: Option<SidecarEntry>) -> Result<Document> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::Utf16 {
            path: path.into(),
            what: "UTF-16 text (byte-order mark)",
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.into(),
            offset,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(e) => {
            return Err(Error::InvalidUtf8 {
                path: path.into(),
                offset: e.valid_up_to(),
            });
        }
    };
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.is_empty() {
        return Err(Error::Empty { path: path.into() });
    }
    // Markup read as prose makes one long "claim" of tags; say so instead.
    let opening = start.get(..14).unwrap_or(start).to_ascii_lowercase();
    if opening.starts_with("<!doctype html") || opening.starts_with("<html") || is_html_name(path) {
        return Err(Error::Html { path: path.into() });
    }
    let header = read_header(&text);
    let side = sidecar.unwrap_or_default();
    let doc = Document {
        id: sanitize_id(stem),
        path: path.to_string(),
        source: side.source.or(header.fields.get("source").cloned()),
        date: side.date.or(header.fields.get("date").cloned()),
        url: side.url.or(header.fields.get("url").cloned()),
        title: side.title.or(header.fields.get("title").cloned()),
        body_start: header.body_start,
        text,
    };
    if doc.text[doc.body_start..].trim().is_empty() {
        return Err(Error::Empty { path: path.into() });
    }
    Ok(doc)
}

struct Header {
    fields: BTreeMap<String, String>,
    body_start: usize,
}

/// Reads `date YYYY-MM-DD` at the start of the text (after whitespace and a
/// BOM) or a `---` front-matter block.
fn read_header(text: &str) -> Header {
    let mut fields = BTreeMap::new();
    let lead = text.len() - text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).len();
    let rest = &text[lead..];
    if let Some(after) = rest.strip_prefix("---\n").or_else(|| rest.strip_prefix("---\r\n")) {
        let mut offset = text.len() - after.len();
        for line in after.split_inclusive('\n') {
            offset += line.len();
            let trimmed = line.trim();
            if trimmed == "---" {
                return Header {
                    fields,
                    body_start: offset,
                };
            }
            if let Some((k, v)) = trimmed.split_once(':') {
                let key = k.trim().to_ascii_lowercase();
                let value = v.trim().trim_matches('"').to_string();
                if matches!(key.as_str(), "source" | "date" | "url" | "title") && !value.is_empty() {
                    if key == "date" && !is_iso_date(&value) {
                        continue;
                    }
                    fields.insert(key, value);
                }
            }
        }
        // No closing line: not front matter after all.
        return Header {
            fields: BTreeMap::new(),
            body_start: 0,
        };
    }
    if let Some(after) = rest
        .strip_prefix("date ")
        .or_else(|| rest.strip_prefix("Date: "))
        .or_else(|| rest.strip_prefix("date: "))
    {
        let candidate = after.get(..10).unwrap_or("");
        if is_iso_date(candidate) {
            fields.insert("date".into(), candidate.to_string());
            let body = lead + (rest.len() - after.len()) + 10;
            let skip = text[body..].len() - text[body..].trim_start().len();
            return Header {
                fields,
                body_start: body + skip,
            };
        }
    }
    Header { fields, body_start: 0 }
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

fn sanitize_id(stem: &str) -> String {
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if id.is_empty() { "doc".into() } else { id }
}

/// Two files with one stem (in different folders) get `-2`, `-3`...
fn make_ids_unique(docs: &mut [Document]) {
    let mut used: HashSet<String> = HashSet::new();
    for doc in docs.iter_mut() {
        let base = doc.id.clone();
        let mut n = 1;
        while !used.insert(doc.id.clone()) {
            n += 1;
            doc.id = format!("{base}-{n}");
        }
    }
}

fn read_stdin() -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Unreadable {
            path: "<stdin>".into(),
            reason: e.to_string(),
        })?;
    Ok(bytes)
}

/// A missing path, or another reason it cannot be read.
fn io_error(path: &Path, e: std::io::Error) -> Error {
    let path = path.display().to_string();
    match e.kind() {
        std::io::ErrorKind::NotFound => Error::Missing { path },
        _ => Error::Unreadable {
            path,
            reason: e.to_string(),
        },
    }
}

/// Read one text for `segment` or `facets`: a file or `-` for stdin. Empty
/// text is allowed here (it has no sentences); bad encodings are errors.
pub fn read_text(path: &Path) -> Result<Document> {
    let (shown, bytes) = if path.as_os_str() == "-" {
        ("<stdin>".to_string(), read_stdin()?)
    } else {
        let shown = path.display().to_string();
        if path.is_dir() {
            return Err(Error::Unreadable {
                path: shown,
                reason: "is a folder; give a file".into(),
            });
        }
        let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
        (shown, bytes)
    };
    match document_from_bytes(&shown, "input", &bytes, None) {
        Err(Error::Empty { .. }) => Ok(Document::new(
            "input",
            shown,
            String::from_utf8(bytes).unwrap_or_default(),
        )),
        other => other,
    }
}

/// Sentence pairs, one `a<TAB>b` line each (what `similarity` reads);
/// blank lines are skipped. A line is an error, naming `name` and its line,
/// unless it holds exactly two non-empty sentences: a third field or an
/// empty side is a malformed file, not a pair to score as nothing.
pub fn read_pairs(reader: impl std::io::BufRead, name: &str) -> Result<Vec<(String, String)>> {
    let mut pairs = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Error::Unreadable {
            path: name.into(),
            reason: e.to_string(),
        })?;
        // Trailing spaces, tabs and a CR end no sentence.
        let line = line.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let bad = |what: &str| Error::Usage(format!("{name}:{}: {what}", n + 1));
        let fields: Vec<&str> = line.split('\t').collect();
        match fields[..] {
            [a, b] if !a.trim().is_empty() && !b.trim().is_empty() => pairs.push((a.to_string(), b.to_string())),
            [_, _] => return Err(bad("a sentence of the pair is empty")),
            [_] => return Err(bad("expected two sentences separated by a tab")),
            _ => {
                return Err(bad(&format!(
                    "expected two sentences separated by one tab, found {} tabs",
                    fields.len() - 1
                )));
            }
        }
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {

    #[test]
    fn pairs_need_two_sentences_and_one_tab() {
        let ok = read_pairs("a one\tb one\r\n\n  \nc\td\t\n".as_bytes(), "p.tsv").unwrap();
        assert_eq!(
            ok,
            [
                ("a one".to_string(), "b one".to_string()),
                ("c".to_string(), "d".to_string())
            ]
        );
        for (text, want) in [
            ("a\tb\nno tab\n", "p.tsv:2: expected two sentences separated by a tab"),
            ("\tonly\n", "p.tsv:1: a sentence of the pair is empty"),
            (
                "a\t \tc\n",
                "p.tsv:1: expected two sentences separated by one tab, found 2 tabs",
            ),
        ] {
            let e = read_pairs(text.as_bytes(), "p.tsv").unwrap_err();
            assert_eq!(e.to_string(), want);
        }
    }
    use super::*;

    #[test]
    fn date_header_on_the_first_line_is_metadata() {
        let d = document_from_bytes("x", "x", b" date 2018-01-10 US CARRIER has backed out.", None).unwrap();
        assert_eq!(d.date.as_deref(), Some("2018-01-10"));
        assert_eq!(&d.text[d.body_start..], "US CARRIER has backed out.");
    }

    #[test]
    fn not_a_date_header() {
        let d = document_from_bytes("x", "x", b"date night is fun.", None).unwrap();
        assert_eq!(d.date, None);
        assert_eq!(d.body_start, 0);
    }

    #[test]
    fn front_matter() {
        let d = document_from_bytes(
            "x",
            "x",
            b"---\ntitle: A\nsource: Daily\ndate: 2020-02-03\n---\nBody here.",
            None,
        )
        .unwrap();
        assert_eq!(d.source.as_deref(), Some("Daily"));
        assert_eq!(d.date.as_deref(), Some("2020-02-03"));
        assert_eq!(&d.text[d.body_start..], "Body here.");
    }

    #[test]
    fn bad_inputs() {
        assert!(matches!(
            document_from_bytes("x", "x", b"", None),
            Err(Error::Empty { .. })
        ));
        assert!(matches!(
            document_from_bytes("x", "x", b" \n\t", None),
            Err(Error::Empty { .. })
        ));
        assert!(matches!(
            document_from_bytes("x", "x", b"ab\0c", None),
            Err(Error::Binary { offset: 2, .. })
        ));
        assert!(matches!(
            document_from_bytes("x", "x", b"ab\xffc", None),
            Err(Error::InvalidUtf8 { offset: 2, .. })
        ));
        assert!(matches!(
            document_from_bytes("x", "x", b"\xff\xfea\0", None),
            Err(Error::Utf16 { .. })
        ));
        assert!(matches!(
            document_from_bytes("x", "x", b"date 2018-01-10 ", None),
            Err(Error::Empty { .. })
        ));
    }

    #[test]
    fn ids_are_unique() {
        let mk = |id: &str| document_from_bytes("p", id, b"Text.", None).unwrap();
        let mut docs = vec![mk("a"), mk("a"), mk("a b")];
        make_ids_unique(&mut docs);
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-2", "a_b"]);
    }
}
