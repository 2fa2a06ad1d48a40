//! A scaffolder task as its event stream tells it: log lines, each step's status
//! and timing, and the outcome. Events are applied by id, so a stream resumed with
//! `?after=<last id>` (or the long-poll `events` call after a cut) never loses or
//! doubles a line.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::api::types::TaskEvent;

#[derive(Clone, Debug, PartialEq)]
pub struct LogLine {
    pub id: u64,
    pub step_id: Option<String>,
    pub created_at: String,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepState {
    /// open, processing, completed, failed, cancelled, skipped.
    pub status: String,
    pub started_at: Option<String>,
    pub ended_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Completed { output: Value },
    Failed { message: String },
    Cancelled,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskLog {
    pub last_id: Option<u64>,
    pub lines: Vec<LogLine>,
    pub steps: BTreeMap<String, StepState>,
    pub outcome: Option<Outcome>,
}

impl TaskLog {
    /// Applies an event; one already seen (id not above the last) is ignored.
    /// Returns whether it was new.
    pub fn apply(&mut self, e: TaskEvent) -> bool {
        if self.last_id.is_some_and(|last| e.id <= last) {
            return false;
        }
        self.last_id = Some(e.id);
        let message = e.body.get("message").and_then(Value::as_str).map(strip_ansi).unwrap_or_default();
        let step_id = e.body.get("stepId").and_then(Value::as_str).map(str::to_string);
        if let (Some(step), Some(status)) = (&step_id, e.body.get("status").and_then(Value::as_str)) {
            let s = self.steps.entry(step.clone()).or_default();
            s.status = status.to_string();
            match status {
                "processing" => s.started_at = Some(e.created_at.clone()),
                "completed" | "failed" | "cancelled" | "skipped" => s.ended_at = Some(e.created_at.clone()),
                _ => {}
            }
        }
        match e.kind.as_str() {
            "completion" => {
                let failed = e.body.get("error").is_some() || message.contains("status: failed");
                self.outcome = Some(if failed {
                    let detail = e.body.get("error").and_then(|x| x.get("message")).and_then(Value::as_str).map(strip_ansi);
                    Outcome::Failed { message: detail.unwrap_or_else(|| message.clone()) }
                } else {
                    Outcome::Completed { output: e.body.get("output").cloned().unwrap_or(Value::Null) }
                });
            }
            "cancelled" => self.outcome = Some(Outcome::Cancelled),
            // A retried task starts over: its old outcome no longer holds.
            "recovered" => self.outcome = None,
            _ => {}
        }
        self.lines.push(LogLine { id: e.id, step_id, created_at: e.created_at, message });
        true
    }

    pub fn is_finished(&self) -> bool {
        self.outcome.is_some()
    }

    /// The lines of one step, or all.
    pub fn lines_of<'a>(&'a self, step: Option<&'a str>) -> impl Iterator<Item = &'a LogLine> + 'a {
        self.lines.iter().filter(move |l| step.is_none() || l.step_id.as_deref() == step)
    }
}

/// Seconds between two of the backend's ISO timestamps (same day or not).
pub fn duration_secs(start: &str, end: &str) -> Option<f64> {
    Some(epoch_secs(end)? - epoch_secs(start)?)
}

/// `2026-11-26T19:37:29.000Z` → seconds since 1970 (UTC only, as the backend writes).
fn epoch_secs(ts: &str) -> Option<f64> {
    let (date, time) = ts.trim_end_matches('Z').split_once('T')?;
    let mut d = date.split('-').map(|x| x.parse::<i64>());
    let (y, m, day) = (d.next()?.ok()?, d.next()?.ok()?, d.next()?.ok()?);
    let mut t = time.split(':');
    let (h, min, s) = (t.next()?.parse::<f64>().ok()?, t.next()?.parse::<f64>().ok()?, t.next()?.parse::<f64>().ok()?);
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    Some(days as f64 * 86400.0 + h * 3600.0 + min * 60.0 + s)
}

/// "1.5 s", "2 min 3 s".
pub fn format_duration(secs: f64) -> String {
    if secs < 60.0 {
        let r = (secs * 10.0).round() / 10.0;
        format!("{r} s")
    } else {
        format!("{} min {} s", (secs / 60.0).floor(), (secs % 60.0).round())
    }
}

/// Log lines carry terminal colour codes (`\u{1b}[32m`); the page shows text only.
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for x in chars.by_ref() {
                if x.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ev(id: u64, kind: &str, body: Value) -> TaskEvent {
        TaskEvent { id, kind: kind.into(), created_at: format!("2026-11-26T19:37:{:02}.000Z", id), body }
    }

    fn stream() -> Vec<TaskEvent> {
        vec![
            ev(1, "log", json!({"message": "Starting up task with 2 steps"})),
            ev(2, "log", json!({"message": "Beginning step A", "stepId": "a", "status": "processing"})),
            ev(3, "log", json!({"message": "\u{1b}[32minfo\u{1b}[39m: working", "stepId": "a"})),
            ev(5, "log", json!({"message": "Finished step A", "stepId": "a", "status": "completed"})),
            ev(
                6,
                "completion",
                json!({"message": "Run completed with status: completed", "output": {"links": [{"title": "Repo", "url": "https://x"}]}}),
            ),
        ]
    }

    #[test]
    fn a_resumed_stream_neither_loses_nor_doubles_lines() {
        let all = stream();
        let mut log = TaskLog::default();
        // First connection delivers 3 events, then is cut.
        for e in all.iter().take(3).cloned() {
            assert!(log.apply(e));
        }
        assert_eq!(log.last_id, Some(3));
        // The backend replays from `after=3`; a server replaying from the start
        // (or an overlapping long-poll) is also harmless.
        for e in all.iter().cloned() {
            log.apply(e);
        }
        let ids: Vec<u64> = log.lines.iter().map(|l| l.id).collect();
        assert_eq!(ids, [1, 2, 3, 5, 6]);
        assert!(log.is_finished());
        assert_eq!(log.lines[2].message, "info: working");
        assert_eq!(log.steps["a"].status, "completed");
        assert_eq!(duration_secs(log.steps["a"].started_at.as_deref().unwrap(), log.steps["a"].ended_at.as_deref().unwrap()), Some(3.0));
        assert_eq!(log.lines_of(Some("a")).count(), 3);
        match log.outcome.unwrap() {
            Outcome::Completed { output } => assert_eq!(output["links"][0]["title"], "Repo"),
            o => panic!("{o:?}"),
        }
    }

    #[test]
    fn failures_cancellation_and_recovery() {
        let mut log = TaskLog::default();
        log.apply(ev(
            1,
            "completion",
            json!({"message": "Run completed with status: failed", "error": {"name": "Error", "message": "ENOENT: no such file"}}),
        ));
        assert_eq!(log.outcome, Some(Outcome::Failed { message: "ENOENT: no such file".into() }));
        log.apply(ev(2, "recovered", json!({"message": "retrying"})));
        assert_eq!(log.outcome, None);
        log.apply(ev(3, "cancelled", json!({"message": "cancelled"})));
        assert_eq!(log.outcome, Some(Outcome::Cancelled));
    }

    #[test]
    fn timestamps_and_durations() {
        assert_eq!(epoch_secs("1970-01-01T00:00:00.000Z"), Some(0.0));
        assert_eq!(epoch_secs("2000-03-01T00:00:00Z"), Some(951868800.0));
        assert_eq!(duration_secs("2026-12-31T23:59:59.500Z", "2027-01-01T00:00:01.000Z"), Some(1.5));
        assert_eq!(format_duration(1.5), "1.5 s");
        assert_eq!(format_duration(125.0), "2 min 5 s");
        assert_eq!(duration_secs("garbage", "2027-01-01T00:00:01Z"), None);
    }
}
