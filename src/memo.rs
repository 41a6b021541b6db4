//! Per-thread memos for pure look-ups against the process-wide embedded data (the lexicon's
//! analyses, compound splits, frequencies). Bounded: a memo is cleared when it reaches its
//! limit. The value is computed outside the borrow, so a computation may consult other memos
//! (or the same one for another key). The costliest have a process-wide level behind the
//! thread's memo ([`memoised_shared`]), so that the threads of a corpus run share their work.

use std::cell::RefCell;
use std::sync::{LazyLock, Mutex, PoisonError};
use std::thread::LocalKey;

use rustc_hash::FxHashMap;

/// The cell a memo lives in: `thread_local! { static M: MemoCell<V> = MemoCell::default(); }`.
pub(crate) type MemoCell<V> = RefCell<FxHashMap<Box<str>, V>>;

/// The memoised value for `key`, computed by `compute` on the first call.
pub(crate) fn memoised<V: Clone>(
    memo: &'static LocalKey<MemoCell<V>>,
    key: &str,
    max: usize,
    compute: impl FnOnce() -> V,
) -> V {
    if let Some(v) = memo.with(|m| m.borrow().get(key).cloned()) {
        return v;
    }
    let v = compute();
    memo.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= max {
            m.clear();
        }
        m.insert(key.into(), v.clone());
    });
    v
}

/// The process-wide level behind a per-thread memo ([`memoised_shared`]):
/// `static S: SharedCell<V> = SharedCell::new(Default::default);`.
pub(crate) type SharedCell<V> = LazyLock<Mutex<FxHashMap<Box<str>, V>>>;

/// [`memoised`] with a process-wide level behind the thread's memo, for the costly
/// computations (a word's analysis, its compound split): the threads of a corpus run meet the
/// same words, and one finds what another has computed. Each level is bounded by `max`.
pub(crate) fn memoised_shared<V: Clone>(
    memo: &'static LocalKey<MemoCell<V>>,
    shared: &'static SharedCell<V>,
    key: &str,
    max: usize,
    compute: impl FnOnce() -> V,
) -> V {
    memoised(memo, key, max, || {
        let lock = || shared.lock().unwrap_or_else(PoisonError::into_inner);
        // not locked while computing: the computation may consult this memo
        if let Some(v) = lock().get(key).cloned() {
            return v;
        }
        let v = compute();
        let mut m = lock();
        if m.len() >= max {
            m.clear();
        }
        m.insert(key.into(), v.clone());
        v
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static LOCAL: MemoCell<usize> = Default::default();
    }
    static SHARED: SharedCell<usize> = SharedCell::new(Default::default);

    #[test]
    fn a_thread_finds_what_another_computed() {
        assert_eq!(memoised_shared(&LOCAL, &SHARED, "a", 10, || 1), 1);
        // another thread: its own memo is empty, the shared level answers
        let other = std::thread::spawn(|| memoised_shared(&LOCAL, &SHARED, "a", 10, || 2));
        assert_eq!(other.join().unwrap(), 1);
        // a computation may consult the memo for another key
        let nested = memoised_shared(&LOCAL, &SHARED, "b", 10, || {
            memoised_shared(&LOCAL, &SHARED, "c", 10, || 3) + 1
        });
        assert_eq!(nested, 4);
        // bounded: both levels are cleared when full
        for k in 0..25 {
            memoised_shared(&LOCAL, &SHARED, &k.to_string(), 10, || k);
        }
        assert!(SHARED.lock().unwrap().len() <= 10);
        assert!(LOCAL.with(|m| m.borrow().len()) <= 10);
    }
}
