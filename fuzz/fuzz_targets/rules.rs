//! Any text as a rule pack: a pack or a located error, never a panic; a
//! pack that adds rules also compiles into an engine.
#![no_main]

use std::sync::OnceLock;

use corroborate::rules::{RuleSet, parse_pack, render_error};
use libfuzzer_sys::fuzz_target;

static DEFAULTS: OnceLock<RuleSet> = OnceLock::new();

fuzz_target!(|text: &str| {
    match parse_pack("fuzz.toml", text) {
        Ok(pack) => {
            let mut set = DEFAULTS.get_or_init(RuleSet::defaults).clone();
            let before = set.origins.len();
            set.add("fuzz.toml", pack);
            // Compiling every matcher is slow: only when the pack added rules.
            if set.origins.len() != before || set.origins.values().any(|o| o == "fuzz.toml") {
                let _ = corroborate::check::Engine::new(set);
            }
        }
        Err(e) => {
            assert!(e.line >= 1);
            let _ = render_error(&e, text, false);
        }
    }
});
