//! Reading the full ECB+ archive, shared by the `ecb_bench` and
//! `ecb_conflicts` binaries (included by `#[path]`: a folder without
//! `main.rs` under `src/bin/` is not a binary of its own).

use std::path::{Path, PathBuf};

/// Unpacks the archive into a temporary folder (kept alive by the returned
/// handle) and lists its XML files in path order; `None` when `tar` fails.
pub fn unpack(archive: &Path) -> Option<(tempfile::TempDir, Vec<PathBuf>)> {
    let tmp = tempfile::tempdir().ok()?;
    let ok = std::process::Command::new("tar")
        .arg("-xzf")
        .arg(archive)
        .arg("-C")
        .arg(tmp.path())
        .status()
        .ok()?
        .success();
    if !ok {
        return None;
    }
    let mut files = Vec::new();
    collect(tmp.path(), &mut files);
    files.sort();
    Some((tmp, files))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "xml") {
            out.push(p);
        }
    }
}

/// The five XML entities the archive's token texts use.
pub fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
