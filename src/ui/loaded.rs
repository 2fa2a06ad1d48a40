//! A value loaded by an async call, called again when a signal it read changes or
//! on `refetch`. Used like Leptos's `LocalResource` (`get` is `None` until the
//! first answer; while a call is repeated the last answer stays), but its
//! machinery is compiled once for every type: Leptos's async-derived code is
//! compiled per value type, 4–7 KB of wasm each (scripts/bench/size.sh).

use std::any::Any;
use std::cell::Cell;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

type Answer = Rc<dyn Any>;
type Call = Pin<Box<dyn Future<Output = Answer>>>;

pub struct Loaded<T> {
    answer: RwSignal<Option<Answer>, LocalStorage>,
    again: Trigger,
    value: PhantomData<fn() -> T>,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Loaded<T> {}

impl<T: Clone + 'static> Loaded<T> {
    /// `call` runs once the page is built (it is an effect) and again whenever a
    /// signal it read (before its future's first await) changes.
    pub fn new<F: Future<Output = T> + 'static>(call: impl Fn() -> F + 'static) -> Self {
        let (answer, again) = start(Box::new(move || {
            let call = call();
            Box::pin(async move { Rc::new(call.await) as Answer })
        }));
        Loaded { answer, again, value: PhantomData }
    }

    /// The last answer (tracked), `None` before the first.
    pub fn get(&self) -> Option<T> {
        self.answer.with(Self::read)
    }

    pub fn get_untracked(&self) -> Option<T> {
        self.answer.with_untracked(Self::read)
    }

    /// Reads the last answer in place (tracked), without cloning it.
    pub fn with<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.answer.with(|a| f(a.as_ref().and_then(|a| a.downcast_ref::<T>())))
    }

    fn read(answer: &Option<Answer>) -> Option<T> {
        answer.as_ref().and_then(|a| a.downcast_ref::<T>()).cloned()
    }

    /// Calls again; the last answer stays until the new one arrives.
    pub fn refetch(&self) {
        self.again.notify();
    }
}

/// The part that does not depend on the value's type. An answer that arrives
/// after a newer call was started is dropped, and so is one for a page that has
/// gone (`try_set` on a disposed signal does nothing).
fn start(call: Box<dyn Fn() -> Call>) -> (RwSignal<Option<Answer>, LocalStorage>, Trigger) {
    let answer = RwSignal::new_local(None);
    let again = Trigger::new();
    let latest = Rc::new(Cell::new(0u32));
    Effect::new(move |_| {
        again.track();
        let pending = call();
        let n = latest.get().wrapping_add(1);
        latest.set(n);
        let latest = latest.clone();
        spawn_local(async move {
            let a = pending.await;
            if latest.get() == n {
                answer.try_set(Some(a));
            }
        });
    });
    (answer, again)
}
