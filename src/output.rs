//! Writing results: stdout, or a file written whole or not at all.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Write `data` to `path` atomically (a temporary file in the same folder,
/// then a rename), or to stdout when `path` is `None` or `-`; a device or
/// a pipe is written in place.
pub fn write(path: Option<&Path>, data: &str) -> Result<()> {
    write_with(path, &mut |w| w.write_all(data.as_bytes()))
}

/// [`write()`], with the data streamed by `render` instead of held whole
/// first: a large report is never in memory twice.
pub fn write_with(path: Option<&Path>, render: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    match path {
        None => print_stdout(render),
        Some(p) if p.as_os_str() == "-" => print_stdout(render),
        Some(p) => {
            let shown = p.display().to_string();
            let err = |e: std::io::Error| Error::Write {
                path: shown.clone(),
                reason: e.to_string(),
            };
            // A device or a pipe (`-o /dev/null`, `-o /dev/stderr`, a FIFO)
            // is written in place: renaming a file over it would replace the
            // device with a file for every program on the machine.
            if std::fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
                let mut file = std::fs::OpenOptions::new().write(true).open(p).map_err(err)?;
                let mut w = std::io::BufWriter::new(&mut file);
                return render(&mut w).and_then(|_| w.flush()).map_err(err);
            }
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            if !dir.is_dir() {
                return Err(Error::Write {
                    path: shown,
                    reason: format!("no folder {}", dir.display()),
                });
            }
            let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(err)?;
            {
                let mut w = std::io::BufWriter::new(tmp.as_file_mut());
                render(&mut w).and_then(|_| w.flush()).map_err(err)?;
            }
            // A temporary file is private (0600); a report is an ordinary file.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                tmp.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644))
                    .map_err(err)?;
            }
            tmp.as_file().sync_all().map_err(err)?;
            tmp.persist(p).map_err(|e| err(e.error))?;
            Ok(())
        }
    }
}

fn print_stdout(render: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match render(&mut out).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Write {
            path: "<stdout>".into(),
            reason: e.to_string(),
        }),
    }
}

/// An error when `out` names one of `inputs` (the articles or rule files a
/// command reads), under any spelling of its path: a report written there
/// would replace what it was made from. Checked before any work is done.
pub fn refuse_overwriting_input<'a>(out: Option<&Path>, inputs: impl IntoIterator<Item = &'a Path>) -> Result<()> {
    let Some(out) = out.filter(|p| p.as_os_str() != "-") else {
        return Ok(());
    };
    // A path that does not exist yet is no input.
    let Ok(target) = out.canonicalize() else {
        return Ok(());
    };
    match inputs.into_iter().find(|i| i.canonicalize().is_ok_and(|c| c == target)) {
        Some(input) => Err(Error::Write {
            path: out.display().to_string(),
            reason: format!(
                "this is the input {}; the report would overwrite it (name another output file)",
                input.display()
            ),
        }),
        None => Ok(()),
    }
}
