//! Server-sent events parsing, fed with raw bytes as `fetch` delivers them.
//!
//! The browser's `EventSource` cannot send a Bearer header, so the portal streams
//! with `fetch` and parses here. Chunks may end anywhere: inside a line, inside a
//! `\r\n` pair, or inside a UTF-8 character; the parser buffers bytes until a line
//! is complete. Follows the WHATWG "event stream interpretation" rules.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SseEvent {
    /// `event:` field; `message` when the stream gave none.
    pub event: String,
    /// `data:` lines joined with `\n`.
    pub data: String,
    /// The last `id:` seen so far in the stream (sticky, like `lastEventId`).
    pub id: Option<String>,
}

#[derive(Default, Debug)]
pub struct SseParser {
    /// Bytes of a line not yet ended.
    pending: Vec<u8>,
    /// The previous chunk ended in `\r`: a leading `\n` in the next one belongs to it.
    after_cr: bool,
    event: Option<String>,
    data: Vec<String>,
    has_data: bool,
    last_id: Option<String>,
    started: bool,
}

impl SseParser {
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds a chunk; returns the events it completed.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<SseEvent> {
        let mut out = Vec::new();
        let mut bytes = chunk;
        if self.after_cr && !bytes.is_empty() {
            self.after_cr = false;
            if bytes.first() == Some(&b'\n') {
                bytes = &bytes[1..];
            }
        }
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' | b'\r' => {
                    self.pending.extend_from_slice(&bytes[start..i]);
                    let line = std::mem::take(&mut self.pending);
                    self.line(&line, &mut out);
                    if bytes[i] == b'\r' {
                        if i + 1 < bytes.len() {
                            if bytes[i + 1] == b'\n' {
                                i += 1;
                            }
                        } else {
                            self.after_cr = true;
                        }
                    }
                    start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        self.pending.extend_from_slice(&bytes[start..]);
        out
    }

    fn line(&mut self, raw: &[u8], out: &mut Vec<SseEvent>) {
        let mut raw = raw;
        // A byte-order mark may open the stream.
        if !self.started {
            self.started = true;
            raw = raw.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(raw);
        }
        let line = String::from_utf8_lossy(raw);
        if line.is_empty() {
            self.dispatch(out);
            return;
        }
        if line.starts_with(':') {
            return; // comment, e.g. a keep-alive
        }
        let (field, value) = match line.find(':') {
            Some(i) => {
                let v = &line[i + 1..];
                (&line[..i], v.strip_prefix(' ').unwrap_or(v))
            }
            None => (&line[..], ""),
        };
        match field {
            "event" => self.event = Some(value.to_string()),
            "data" => {
                self.data.push(value.to_string());
                self.has_data = true;
            }
            "id" if !value.contains('\0') => self.last_id = Some(value.to_string()),
            _ => {} // `retry` and unknown fields do not concern a fetch reader
        }
    }

    fn dispatch(&mut self, out: &mut Vec<SseEvent>) {
        let event = self.event.take();
        if !self.has_data {
            self.data.clear();
            return;
        }
        self.has_data = false;
        out.push(SseEvent {
            event: event.filter(|e| !e.is_empty()).unwrap_or_else(|| "message".to_string()),
            data: std::mem::take(&mut self.data).join("\n"),
            id: self.last_id.clone(),
        });
    }
}

/// Parses a whole stream at once (used by tests and by non-streaming fallbacks).
pub fn parse_all(text: &[u8]) -> Vec<SseEvent> {
    SseParser::new().push(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(event: &str, data: &str, id: Option<&str>) -> SseEvent {
        SseEvent { event: event.into(), data: data.into(), id: id.map(Into::into) }
    }

    #[test]
    fn scaffolder_log_and_completion() {
        let s = b"event: log\ndata: {\"id\":1,\"type\":\"log\"}\n\nevent: completion\ndata: {\"id\":2}\n\n";
        assert_eq!(parse_all(s), vec![ev("log", "{\"id\":1,\"type\":\"log\"}", None), ev("completion", "{\"id\":2}", None)]);
    }

    #[test]
    fn multi_line_data_and_default_event_name() {
        assert_eq!(parse_all(b"data: a\ndata: b\ndata:c\n\n"), vec![ev("message", "a\nb\nc", None)]);
        // Only one leading space is stripped.
        assert_eq!(parse_all(b"data:  two\n\n"), vec![ev("message", " two", None)]);
        // An empty data line still counts.
        assert_eq!(parse_all(b"data\n\n"), vec![ev("message", "", None)]);
    }

    #[test]
    fn comments_unknown_fields_and_dataless_events_are_skipped() {
        let s = b": keep-alive\nretry: 100\nfoo: bar\n\nevent: ping\n\ndata: x\n\n";
        assert_eq!(parse_all(s), vec![ev("message", "x", None)]);
    }

    #[test]
    fn ids_are_sticky() {
        let s = b"id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\n";
        assert_eq!(parse_all(s), vec![ev("message", "a", Some("7")), ev("message", "b", Some("7")), ev("message", "c", Some(""))]);
    }

    #[test]
    fn unfinished_event_is_not_dispatched() {
        assert_eq!(parse_all(b"data: half"), vec![]);
        assert_eq!(parse_all(b"data: half\n"), vec![]);
    }

    #[test]
    fn crlf_and_cr_line_ends() {
        assert_eq!(
            parse_all(b"event: e\r\ndata: 1\r\n\r\ndata: 2\r\rdata: 3\n\n"),
            vec![ev("e", "1", None), ev("message", "2", None), ev("message", "3", None)]
        );
    }

    #[test]
    fn every_chunk_boundary_gives_the_same_events() {
        let stream =
            "\u{feff}event: log\r\ndata: {\"message\":\"Bygg klar ✓ — 完成\"}\r\nid: 42\r\n\r\n: c\ndata: zwei\ndata: 🚀\n\n".as_bytes();
        let whole = parse_all(stream);
        assert_eq!(whole.len(), 2);
        assert_eq!(whole[0], ev("log", "{\"message\":\"Bygg klar ✓ — 完成\"}", Some("42")));
        assert_eq!(whole[1], ev("message", "zwei\n🚀", Some("42")));
        for a in 0..=stream.len() {
            for b in a..=stream.len() {
                let mut p = SseParser::new();
                let mut got = p.push(&stream[..a]);
                got.extend(p.push(&stream[a..b]));
                got.extend(p.push(&stream[b..]));
                assert_eq!(got, whole, "split at {a},{b}");
            }
        }
    }

    #[test]
    fn byte_at_a_time() {
        let stream = "data: héllo\r\n\r\n".as_bytes();
        let mut p = SseParser::new();
        let got: Vec<_> = stream.iter().flat_map(|b| p.push(&[*b])).collect();
        assert_eq!(got, vec![ev("message", "héllo", None)]);
    }
}
