//! Any text as a rule pack: a pack or a located error, never a panic; a
//! pack that loads also compiles into an engine.
#![no_main]

use corroborate::rules::{RuleSet, parse_pack, render_error};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match parse_pack("fuzz.toml", text) {
        Ok(pack) => {
            let mut set = RuleSet::defaults();
            set.add("fuzz.toml", pack);
            let _ = corroborate::check::Engine::new(set);
        }
        Err(e) => {
            assert!(e.line >= 1);
            let _ = render_error(&e, text, false);
        }
    }
});
