//! `config.json` as deployers write it: any text is a config or a clear error.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = stagedoor::config::parse_config_text(text, "config.json") {
        assert!(e.to_string().contains("config.json"), "{e}");
    }
});
