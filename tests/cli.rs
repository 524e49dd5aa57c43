//! The binary as a user runs it: exit codes, stdin, output files, and every
//! kind of bad input.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn bin() -> Command {
    Command::cargo_bin("corroborate").unwrap()
}

const CORPUS: &str = "corpus";

/// `check corpus/ --format json`, as printed.
fn corpus_json() -> Vec<u8> {
    bin()
        .args(["check", CORPUS, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("valid JSON")
}

/// `check --format json` over a folder of the given `(file name, text)`
/// articles.
fn check_json_of(files: &[(&str, &str)]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    json(&out)
}

#[test]
fn check_corpus_json_follows_the_contract() {
    let out = corpus_json();
    let v = json(&out);
    assert_eq!(v["schema"], "corroborate/1");
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    let dated: Vec<_> = docs.iter().filter(|d| !d["date"].is_null()).collect();
    assert_eq!(dated.len(), 1, "only one article carries its date");
    assert_eq!(dated[0]["date"], "2018-01-10");
    assert!(
        docs.iter().all(|d| d["source"].is_null()),
        "outlets are unknown, never invented"
    );
    let claims = v["claims"].as_array().unwrap();
    assert!(claims.len() > 20);
    for c in claims {
        for key in [
            "id",
            "doc",
            "start",
            "end",
            "line",
            "text",
            "quantities",
            "dates",
            "entities",
            "hedges",
            "attribution",
            "negated",
        ] {
            assert!(c.get(key).is_some(), "claim lacks {key}: {c}");
        }
        assert!(
            !c["text"].as_str().unwrap().contains("date 2018-01-10"),
            "the date header is metadata, not a claim"
        );
    }
    for f in v["findings"].as_array().unwrap() {
        for key in ["rule", "kind", "severity", "cluster", "claims", "message", "suggestion"] {
            assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
        }
    }
}

#[test]
fn claim_text_is_the_source_span() {
    let out = corpus_json();
    let v = json(&out);
    for c in v["claims"].as_array().unwrap() {
        let doc = v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == c["doc"])
            .unwrap();
        let text = fs::read_to_string(doc["path"].as_str().unwrap()).unwrap();
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], c["text"].as_str().unwrap());
        let line = text[..s].matches('\n').count() + 1;
        assert_eq!(c["line"].as_u64().unwrap() as usize, line);
    }
}

#[test]
fn output_does_not_depend_on_file_order() {
    let files: Vec<String> = {
        let mut f: Vec<_> = fs::read_dir(CORPUS)
            .unwrap()
            .flat_map(|story| fs::read_dir(story.unwrap().path()).into_iter().flatten())
            .map(|e| e.unwrap().path().display().to_string())
            .filter(|p| p.ends_with(".txt"))
            .collect();
        f.sort();
        f
    };
    assert!(files.len() >= 3);
    let mut reversed = files.clone();
    reversed.reverse();
    let a = bin()
        .arg("check")
        .args(&files)
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let b = bin()
        .arg("check")
        .args(&reversed)
        .args(["--format", "json"])
        .env("RAYON_NUM_THREADS", "1")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(a, b);
}

#[test]
fn fail_on_sets_exit_code_1() {
    bin().args(["check", CORPUS, "--fail-on", "info"]).assert().code(1);
    bin().args(["check", CORPUS]).assert().code(0);
}

#[test]
fn stdin_is_a_document() {
    let text = "Acme Corp canceled its plan to build a factory in Ohio on Monday, the company said.";
    bin()
        .args(["check", "-", "--format", "json"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"stdin\""));
}

/// One document, one claim, one finding, no cluster: the summary counts in the singular
/// where a count is one, in every format that prints one.
#[test]
fn summaries_count_in_the_singular_for_one() {
    let text = "Acme Corp canceled its plan to build a factory in Ohio on Monday, the company said.";
    for (format, want) in [
        (
            "text",
            "1 document, 1 claim, 0 clusters; findings: 0 errors, 0 warnings, 1 info",
        ),
        ("markdown", "1 document, 1 claim, 0 clusters, 1 finding."),
        ("html", "<p>1 document, 1 claim, 0 clusters, 1 finding</p>"),
    ] {
        bin()
            .args(["check", "-", "--format", format])
            .write_stdin(text)
            .assert()
            .success()
            .stdout(predicate::str::contains(want));
    }
    // No cluster: the clusters heading says so rather than standing empty.
    bin()
        .args(["check", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "========\nnone: no two sources state the same fact\n",
        ));
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    bin()
        .args(["check", CORPUS, "--format", "json", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    // Streamed into the file, byte for byte what stdout gets.
    let written = fs::read(&out).unwrap();
    json(&written);
    let printed = corpus_json();
    assert_eq!(written, printed);
    let bad = dir.path().join("no/such/dir/report.json");
    bin()
        .args(["check", CORPUS, "-o"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write"));
    assert!(!bad.exists());
}

/// `-o` naming an input, under any spelling of its path, is refused before
/// anything is written: the article (or rule file) stays as it was.
#[test]
fn output_over_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let article = b"Acme Corp fired 40 workers at its Ohio plant on Monday.\n";
    let a = write(dir.path(), "a.txt", article);
    let b = write(dir.path(), "b.txt", article);
    let pack = write(
        dir.path(),
        "story.toml",
        b"[[synonyms]]\nid = \"s\"\ndescription = \"d\"\nwords = [\"fired\", \"laid off\"]\n",
    );
    let b_again = dir.path().join(".").join("b.txt");
    for (out, named) in [
        (b.clone(), "b.txt"),
        (b_again.display().to_string(), "b.txt"),
        (pack.clone(), "story.toml"),
    ] {
        bin()
            .args(["check", &a, &b, "--rules", &pack, "-o", &out])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("the report would overwrite it").and(predicate::str::contains(named)))
            .stdout(predicate::str::is_empty());
    }
    assert_eq!(fs::read(&b).unwrap(), article);
    assert!(fs::read_to_string(&pack).unwrap().starts_with("[[synonyms]]"));
    // The metadata sidecar of a folder given is an input too.
    let sidecar = write(
        dir.path(),
        "sources.toml",
        b"[[document]]\nfile = \"a.txt\"\nsource = \"Example Daily\"\n",
    );
    bin()
        .args(["check", dir.path().to_str().unwrap(), "-o", &sidecar])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the report would overwrite it"));
    assert!(fs::read_to_string(&sidecar).unwrap().starts_with("[[document]]"));
    // Another file in the same folder is fine.
    let report = dir.path().join("report.json");
    bin()
        .args(["check", &a, &b, "--format", "json", "-o"])
        .arg(&report)
        .assert()
        .success();
    assert_eq!(
        json(&fs::read(&report).unwrap())["documents"].as_array().unwrap().len(),
        2
    );
}

/// One file named twice ("a.txt", "./a.txt", a link to it) is one document:
/// counted twice, an article would corroborate itself.
#[test]
fn one_file_named_twice_is_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        b"Acme Corp fired 40 workers at its Ohio plant on Monday.\n",
    );
    let again = dir.path().join(".").join("a.txt");
    let mut names = vec![a.clone(), again.display().to_string()];
    #[cfg(unix)]
    {
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&a, &link).unwrap();
        names.push(link.display().to_string());
    }
    let out = bin()
        .arg("check")
        .args(&names)
        .args(["--format", "json"])
        .assert()
        .success();
    let report = json(&out.get_output().stdout);
    assert_eq!(report["documents"].as_array().unwrap().len(), 1, "{report}");
    assert!(report["clusters"].as_array().unwrap().is_empty());
}

/// A byte-order mark is no part of the first sentence, and an excerpt's
/// `path:line:column` is where an editor finds the marked words, also in a
/// sentence that starts mid-line.
#[test]
fn excerpts_point_at_the_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "\u{feff}Acme Corp fired 40 workers at its Ohio plant on Monday.\n".as_bytes(),
    );
    let b = write(
        dir.path(),
        "b.txt",
        b"The plant opened in 1990. Acme Corp fired 400 workers at its Ohio plant on Monday.\n",
    );
    let out = bin().args(["check", &a, &b, "--format", "json"]).assert().success();
    let report = json(&out.get_output().stdout);
    let first = &report["claims"][0];
    assert_eq!(first["start"], 3, "{first}");
    assert!(first["text"].as_str().unwrap().starts_with("Acme"), "{first}");
    let out = bin().args(["check", &a, &b, "--color", "never"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    // "40" is the 17th character of a.txt's line 1 (the mark is not one);
    // "400" the 43rd of b.txt's.
    assert!(text.contains("a.txt:1:17"), "{text}");
    assert!(text.contains("b.txt:1:43"), "{text}");
}

/// `-o` naming a pipe or a device (`-o /dev/null`) writes into it: a rename
/// over it would replace it with a plain file.
#[cfg(unix)]
#[test]
fn output_into_a_named_pipe_keeps_the_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    bin()
        .args(["check", CORPUS, "--format", "json", "-o"])
        .arg(&fifo)
        .assert()
        .success();
    // Checked first: had the pipe been replaced, the reader would wait on
    // it for ever.
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(reader.join().unwrap(), corpus_json());
}

#[test]
fn a_reader_closing_the_pipe_early_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command as Process, Stdio};
    // The corpus report is larger than a pipe holds, so the writer is still
    // streaming when the reader goes away.
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("corroborate"))
        .args(["check", CORPUS, "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(first.starts_with(b"{"));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

fn fails_with(args: &[&str], needle: &str) {
    bin()
        .args(args)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(needle))
        .stdout(predicate::str::is_empty());
}

#[test]
fn bad_inputs_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.txt", b"  \n\n\t ");
    let binary = write(dir.path(), "binary.txt", b"GIF89a\0\0\x01");
    let latin1 = write(dir.path(), "latin1.txt", b"Caf\xe9 prices rose.");
    let utf16 = write(dir.path(), "utf16.txt", b"\xff\xfeH\0i\0");
    fails_with(&["check", "no/such/file.txt"], "no/such/file.txt: no such file");
    fails_with(&["check", &empty], "empty.txt: empty input");
    fails_with(&["check", &blank], "blank.txt: empty input");
    fails_with(&["check", &binary], "binary.txt: looks like a binary file");
    fails_with(
        &["check", &latin1],
        "latin1.txt: not valid UTF-8 (invalid byte at offset 3)",
    );
    fails_with(&["check", &utf16], "utf16.txt: UTF-16");
    let sub = dir.path().join("nothing");
    fs::create_dir(&sub).unwrap();
    write(&sub, "notes.pdf", b"x");
    fails_with(&["check", sub.to_str().unwrap()], "no .txt or .md files");
    fails_with(&["check", "-"], "<stdin>: empty input");
}

#[test]
fn malformed_rules_exit_2_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let syntax = write(
        dir.path(),
        "syntax.toml",
        b"[[negation]]\nid = \"x\"\nwords = [\"no\"\n",
    );
    let unknown = write(
        dir.path(),
        "unknown.toml",
        b"[[negation]]\nid = \"x\"\ndescription = \"d\"\nwords = [\"no\"]\nlevel = 3\n",
    );
    let kind = write(
        dir.path(),
        "kind.toml",
        b"[[finding]]\nid = \"x\"\ndescription = \"d\"\nkind = \"gossip\"\nseverity = \"error\"\n",
    );
    fails_with(&["check", CORPUS, "--rules", &syntax], "syntax.toml:3:");
    fails_with(&["check", CORPUS, "--rules", &unknown], "unknown.toml:5:1");
    fails_with(&["check", CORPUS, "--rules", &kind], "kind.toml:4:8");
    fails_with(
        &["check", CORPUS, "--rules", "missing.toml"],
        "missing.toml: cannot read rule file",
    );
    bin()
        .args(["rules", "lint", &kind])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("kind.toml:4:8"));
}

#[test]
fn rules_lint_accepts_good_packs() {
    bin().args(["rules", "lint"]).assert().success();
    let files: Vec<String> = fs::read_dir("rules")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    bin().args(["rules", "lint"]).args(&files).assert().success();
    // A folder stands for its rule files; one without any is an error.
    bin()
        .args(["rules", "lint", "rules"])
        .assert()
        .success()
        .stderr(predicate::str::contains("synonyms.toml: ok"));
    let empty = tempfile::tempdir().unwrap();
    bin()
        .args(["rules", "lint"])
        .arg(empty.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no .toml rule files"));
}

#[test]
fn user_pack_adds_a_synonym() {
    let dir = tempfile::tempdir().unwrap();
    let pack = write(
        dir.path(),
        "story.toml",
        b"[[synonyms]]\nid = \"shelve\"\ndescription = \"d\"\nwords = [\"shelve\", \"mothball\"]\n",
    );
    let input = "The council shelved the plan.\tThe council mothballed the plan.\n";
    let score = |out: &[u8]| {
        std::str::from_utf8(out)
            .unwrap()
            .split('\t')
            .next()
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    let without = score(
        &bin()
            .arg("similarity")
            .write_stdin(input)
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let with = score(
        &bin()
            .args(["similarity", "--rules", &pack])
            .write_stdin(input)
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert!(with > without, "{with} vs {without}");
}

#[test]
fn segment_contract() {
    let text = "Rep. Jane Doe met the U.S. envoy. They talked.";
    let out = bin()
        .args(["segment", "-", "--format", "json"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    let items = v.as_array().unwrap();
    for it in items {
        let (s, e) = (
            it["start"].as_u64().unwrap() as usize,
            it["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], it["text"].as_str().unwrap());
    }
    bin()
        .args(["segment", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("They talked.\n"));
}

#[test]
fn facets_contract() {
    let text = "Over 40 million people voted last week, officials said.";
    let out = bin()
        .args(["facets", "-", "--format", "json", "--date", "2018-01-10"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    for key in ["quantities", "dates", "entities", "hedges", "attributions"] {
        assert!(v[key].is_array(), "facets lacks {key}");
    }
    fails_with(&["facets", "-", "--date", "10/01/2018"], "--date `10/01/2018`");
}

#[test]
fn similarity_contract() {
    let input = "The deal was canceled on Monday.\tThe deal was called off on Monday.\nThe river flooded.\tStocks rose sharply in Tokyo.\n";
    let out = bin()
        .arg("similarity")
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
    assert_eq!(lines.len(), 2);
    let parse = |l: &str| {
        let (s, m) = l.split_once('\t').unwrap();
        (s.parse::<f64>().unwrap(), m.to_string())
    };
    let (s1, m1) = parse(lines[0]);
    let (s2, m2) = parse(lines[1]);
    assert!(s1 > s2);
    assert_eq!((m1.as_str(), m2.as_str()), ("1", "0"));
    bin()
        .arg("similarity")
        .write_stdin("no tab here\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>:1: expected two sentences"));
    // A third field or an empty side is a malformed line, not a pair; nothing
    // is printed for the lines before it.
    for (input, needle) in [
        (
            "a\tb\nx\ty\tz\n",
            "<stdin>:2: expected two sentences separated by one tab, found 2 tabs",
        ),
        ("\tonly one\n", "<stdin>:1: a sentence of the pair is empty"),
    ] {
        bin()
            .arg("similarity")
            .write_stdin(input)
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(needle));
    }
}

#[test]
fn help_has_examples() {
    bin()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
    for sub in ["lint", "list", "explain"] {
        bin()
            .args(["rules", sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"));
    }
    for cmd in ["check", "segment", "facets", "similarity", "rules"] {
        bin()
            .args([cmd, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"));
    }
}

#[test]
fn shareable_formats() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        b"Acme Corp cut 300 jobs at its Ohio plant on Monday. <script>alert(1)</script> <img src=x onerror=alert(2)> </style>",
    );
    let b = write(
        dir.path(),
        "b.txt",
        b"Acme Corp cut 3,000 jobs at its Ohio plant on Monday, the company said.",
    );
    let html = bin()
        .args(["check", &a, &b, "--format", "html"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let html = String::from_utf8(html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("<script>") && !html.contains("<img"),
        "article text must be escaped"
    );
    assert_eq!(
        html.matches("</style>").count(),
        1,
        "only the page's own style tag closes"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no network requests"
    );
    let csv = bin()
        .args(["check", &a, &b, "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json_out = json(
        &bin()
            .args(["check", &a, &b, "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let rows = csv::Reader::from_reader(csv.as_slice()).records().count();
    assert_eq!(rows, json_out["claims"].as_array().unwrap().len());
    bin()
        .args(["check", &a, &b, "--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# corroborate report"));
}

#[test]
fn rules_explain_and_list() {
    bin()
        .args(["rules", "explain", "quantity-conflict"])
        .assert()
        .success()
        .stdout(predicate::str::contains("finding/quantity-conflict"));
    fails_with(&["rules", "explain", "no-such-rule"], "no rule with id `no-such-rule`");
    bin()
        .args(["rules", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("finding/corroborated\trules/findings.toml"));
}

/// A figure's likely intended value is argued from its own story only: a
/// film's "102 million dollars" is no evidence that a riot's "12" injured
/// should read "102", and an approximate "About 100" states no exact
/// figure to vouch for it either.
#[test]
fn suggestions_draw_on_the_conflicts_own_story() {
    let v = check_json_of(&[
        (
            "riot_a.txt",
            "About 100 people were injured in the riots in the capital on Monday, police said.\n",
        ),
        (
            "riot_b.txt",
            "Police said 12 people were injured in the riots in the capital on Monday.\n",
        ),
        (
            "film_a.txt",
            "The studio said the new spy film cost an estimated 102 million dollars to make.\n",
        ),
        (
            "film_b.txt",
            "The new spy film cost the studio 102 million dollars, its producer said.\n",
        ),
    ]);
    assert_eq!(v["stories"].as_array().unwrap().len(), 2, "{}", v["stories"]);
    let conflicts: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "quantity-conflict")
        .collect();
    assert_eq!(conflicts.len(), 1, "the two riot reports disagree: {conflicts:?}");
    let f = conflicts[0];
    assert!(f["suggestion"].is_null(), "no evidence, no guess: {f}");
    let evidence = f["evidence"].to_string();
    assert!(!evidence.contains("film"), "{evidence}");
}

/// A decimal as tokenised text spaces it ("1 . 2 miles") is a decimal to
/// the suggestions too: against "12 miles" the slip is the point, not a
/// dropped digit in "1".
#[test]
fn a_spaced_decimal_slips_its_point() {
    let v = check_json_of(&[
        (
            "a.txt",
            "The quake near Dornby struck at a depth of 1 . 2 miles , the survey said .\n",
        ),
        (
            "b.txt",
            "The quake near Dornby struck at a depth of 12 miles , the survey said .\n",
        ),
        (
            "c.txt",
            "The quake near Dornby shook buildings for about 10 seconds , residents said .\n",
        ),
    ]);
    let conflict = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "quantity-conflict")
        .expect("1.2 against 12 miles is a conflict");
    let suggestion = conflict["suggestion"].as_str().unwrap_or_default();
    assert!(suggestion.contains("misplaced decimal point"), "{conflict}");
}

/// `check --date` dates the articles that give no date of their own, so
/// "on Friday, May 9" resolves; an article's own date header wins.
#[test]
fn check_date_is_the_default_article_date() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        b"Senator Jane Roe resigned on Friday, May 9, her office said.",
    );
    let b = write(
        dir.path(),
        "b.txt",
        b"date 2024-03-01\nSenator Jane Roe resigned on Friday, May 9, her office said.",
    );
    let out = bin()
        .args(["check", "--format", "json", "--date", "2025-05-12", &a, &b])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    let date_of = |doc: &str| {
        let c = v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["doc"] == doc)
            .unwrap();
        c["dates"][0]["value"].as_str().map(String::from)
    };
    assert_eq!(date_of("a").as_deref(), Some("2025-05-09"));
    assert_eq!(date_of("b").as_deref(), Some("2024-05-09"));
    let docs: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(docs, ["2025-05-12", "2024-03-01"]);
    fails_with(&["check", "--date", "2025-13-01", &a], "--date `2025-13-01`");
}
