//! The HTML report opened in a real browser (headless Chromium): what it
//! shows, and that no script from article text ran. Skips, saying so, when
//! Chromium is not installed (`.ci/run` installs it).

use std::path::Path;
use std::process::Command;

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

fn dump_dom(browser: &str, page: &Path, profile: &Path) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn html_report_in_a_real_browser() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium on PATH (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Acme Corp cut 300 jobs at its Ohio plant on Monday. \
         <script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script> \
         <img src=x onerror=\"document.title='PWNED'\"> </style><b>bold</b>",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Acme Corp cut 3,000 jobs at its Ohio plant on Monday, the company said.",
    )
    .unwrap();
    let page = dir.path().join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["check", "--format", "html", "-o"])
        .arg(&page)
        .arg(&a)
        .arg(&b)
        .status()
        .unwrap();
    assert!(status.success());
    let dom = dump_dom(browser, &page, &dir.path().join("profile"));
    assert!(
        dom.contains("<title>corroborate report</title>"),
        "a script changed the title or the page did not load: {dom:.400}"
    );
    assert!(!dom.contains("<body data-pwned"), "article script ran");
    assert!(
        !dom.contains("<img") && !dom.contains("<b>bold</b>"),
        "article markup became elements"
    );
    assert!(dom.contains("&lt;script&gt;"), "article text is shown as text");
    assert!(
        dom.contains("id=\"findings\"") && dom.contains("quantity-conflict"),
        "findings panel with the conflict"
    );
    assert_eq!(
        dom.matches("<article class=\"doc\"").count(),
        2,
        "both sources side by side"
    );
    assert!(dom.contains("<mark id=\"claim-"), "claims highlighted");
    assert!(dom.contains("href=\"#c1\""), "claims link to their cluster");
}
