//! The event-stream parser: never panics, and a stream cut into two chunks at any
//! point gives the same events as the whole stream (a cut connection resumes).
#![no_main]
use libfuzzer_sys::fuzz_target;
use stagedoor::api::sse::{parse_all, SseParser};

fuzz_target!(|data: &[u8]| {
    let whole = parse_all(data);
    let cut = if data.is_empty() { 0 } else { data[0] as usize % (data.len() + 1) };
    let mut p = SseParser::new();
    let mut split = p.push(&data[..cut]);
    split.extend(p.push(&data[cut..]));
    assert_eq!(whole, split, "cut at {cut}");
});
