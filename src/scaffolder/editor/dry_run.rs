//! Running the edited template without side effects (`POST /v2/dry-run`) and
//! finding the step that failed. The backend answers a failed step with a bare
//! 500 and no log, so when a template fails the dry run is repeated with only its
//! first steps, halving the range each time: the first step whose run fails is
//! the culprit, and the longest run that passed gives the log up to it.

use serde_json::{Map, Value};

use crate::api::scaffolder::SubmitError;
use crate::api::types::{DryRunLog, DryRunResult};
use crate::api::{ApiError, Backend};
use crate::scaffolder::forms::submit_errors::field_errors;

/// What a dry run came to.
#[derive(Clone, Debug)]
pub enum Outcome {
    Done(DryRunResult),
    /// The backend checked the values against the template's form.
    ValuesRejected(Vec<String>),
    Failed {
        error: ApiError,
        /// The step that fails (index in `spec.steps`, its name), when found.
        step: Option<(usize, String)>,
        /// The log of the steps before it.
        log: Vec<DryRunLog>,
    },
}

/// One dry run the page keeps, to compare with the next ones.
#[derive(Clone)]
pub struct Run {
    pub number: usize,
    pub outcome: Outcome,
    /// The template as it was run, to point at its lines.
    pub yaml: String,
}

/// The search for the first failing step among `n`: runs of the first `k` steps
/// are tried until `failing` is the smallest `k` whose run fails.
#[derive(Clone, Debug, PartialEq)]
pub struct Bisect {
    /// The longest prefix known to pass.
    passing: usize,
    /// The shortest prefix known to fail.
    failing: usize,
}

impl Bisect {
    /// All `n` steps failed together.
    pub fn new(n: usize) -> Self {
        Bisect { passing: 0, failing: n }
    }

    /// The next prefix length to try, or `None` when the failing step is found
    /// (step index `failing - 1`).
    pub fn next(&self) -> Option<usize> {
        (self.failing - self.passing > 1).then(|| self.passing + (self.failing - self.passing) / 2)
    }

    pub fn record(&mut self, k: usize, failed: bool) {
        if failed {
            self.failing = k;
        } else {
            self.passing = k;
        }
    }

    pub fn failing_step(&self) -> usize {
        self.failing.saturating_sub(1)
    }
}

/// The template with only its first `k` steps.
fn first_steps(template: &Value, k: usize) -> Value {
    let mut t = template.clone();
    if let Some(steps) = t.pointer_mut("/spec/steps").and_then(Value::as_array_mut) {
        steps.truncate(k);
    }
    t
}

fn step_name(template: &Value, i: usize) -> String {
    let step = template.pointer(&format!("/spec/steps/{i}"));
    let text = |k: &str| step.and_then(|s| s.get(k)).and_then(Value::as_str).map(str::to_string);
    text("name").or_else(|| text("id")).or_else(|| text("action")).unwrap_or_else(|| format!("step {}", i + 1))
}

/// Runs the template; on a failure, finds the step (`searching` is called when
/// that search starts).
pub async fn run(
    backend: &Backend,
    template: &Value,
    values: Map<String, Value>,
    secrets: Map<String, Value>,
    files: &[(String, String)],
    searching: impl FnOnce(),
) -> Outcome {
    let once = |t: Value| {
        let (values, secrets) = (values.clone(), secrets.clone());
        async move { backend.dry_run(&t, values, secrets, files).await }
    };
    let error = match once(template.clone()).await {
        Ok(r) => return Outcome::Done(r),
        Err(SubmitError::Fields(errs)) => {
            return Outcome::ValuesRejected(field_errors(&errs).into_iter().map(|e| format!("{}: {}", e.field, e.message)).collect())
        }
        Err(SubmitError::Api(e)) => e,
    };
    let n = template.pointer("/spec/steps").and_then(Value::as_array).map_or(0, Vec::len);
    // Only a step's own failure is searched for: not a refusal, nor a template the
    // backend would not run at all (which a run of no steps shows).
    if n == 0 || !matches!(error.kind, crate::api::error::ApiErrorKind::Status(500)) {
        return Outcome::Failed { error, step: None, log: Vec::new() };
    }
    searching();
    let mut log = match once(first_steps(template, 0)).await {
        Ok(r) => r.log,
        Err(_) => return Outcome::Failed { error, step: None, log: Vec::new() },
    };
    let mut search = Bisect::new(n);
    while let Some(k) = search.next() {
        match once(first_steps(template, k)).await {
            Ok(r) => {
                log = r.log;
                search.record(k, false);
            }
            Err(_) => search.record(k, true),
        }
    }
    let i = search.failing_step();
    Outcome::Failed { error, step: Some((i, step_name(template, i))), log }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bisects `n` steps of which step `bad` (0-based) fails; the prefix lengths tried.
    fn search(n: usize, bad: usize) -> (usize, Vec<usize>) {
        let mut b = Bisect::new(n);
        let mut tried = Vec::new();
        while let Some(k) = b.next() {
            tried.push(k);
            b.record(k, k > bad);
        }
        (b.failing_step(), tried)
    }

    #[test]
    fn finds_the_failing_step_in_few_runs() {
        for n in 1..=12 {
            for bad in 0..n {
                let (found, tried) = search(n, bad);
                assert_eq!(found, bad, "n={n} bad={bad}");
                assert!(tried.len() <= (usize::BITS - n.leading_zeros()) as usize, "n={n}: {tried:?}");
            }
        }
        // One step: nothing to search.
        assert_eq!(search(1, 0).1, Vec::<usize>::new());
    }

    #[test]
    fn runs_keep_only_the_first_steps_and_name_them() {
        let t = serde_json::json!({"spec": {"steps": [{"id": "a", "action": "x"}, {"name": "Publish", "action": "y"}, {"action": "z"}]}});
        assert_eq!(first_steps(&t, 1)["spec"]["steps"], serde_json::json!([{"id": "a", "action": "x"}]));
        assert_eq!(first_steps(&t, 0)["spec"]["steps"], serde_json::json!([]));
        assert_eq!([step_name(&t, 0), step_name(&t, 1), step_name(&t, 2), step_name(&t, 5)], ["a", "Publish", "z", "step 6"]);
    }
}
