use leptos::prelude::*;
use std::time::Duration;

/// Runs only the last of a burst of calls, `delay` after it (search boxes).
#[derive(Clone, Copy)]
pub struct Debounce {
    pending: StoredValue<Option<TimeoutHandle>>,
    delay: Duration,
}

impl Debounce {
    pub fn new(ms: u64) -> Self {
        let pending = StoredValue::new(None::<TimeoutHandle>);
        on_cleanup(move || {
            if let Some(h) = pending.try_get_value().flatten() {
                h.clear();
            }
        });
        Self { pending, delay: Duration::from_millis(ms) }
    }

    pub fn run(&self, f: impl FnOnce() + 'static) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        let pending = self.pending;
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                f();
            },
            self.delay,
        )
        .ok();
        self.pending.set_value(handle);
    }
}
