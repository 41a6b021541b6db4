//! Per-thread memos for pure look-ups against the process-wide embedded data (the lexicon's
//! analyses, compound splits, frequencies). Bounded: a memo is cleared when it reaches its
//! limit. The value is computed outside the borrow, so a computation may consult other memos
//! (or the same one for another key).

use std::cell::RefCell;
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
