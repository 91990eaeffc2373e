//! Work side by side on scoped threads, with a fallback where the system has no
//! thread to give.

/// Runs `work` on a thread of `scope`, and returns how to wait for its result (a panic
/// there, a bug, goes on in the caller). Where the system has no thread to give, the
/// work is done on the caller's thread instead.
pub(crate) fn side_by_side<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> Box<dyn FnOnce() -> T + 'scope> {
    // A thread that fails to start drops its closure: the work waits here, and
    // whichever side takes it first runs it.
    let work = std::sync::Arc::new(std::sync::Mutex::new(Some(work)));
    let take = |w: &std::sync::Mutex<Option<_>>| w.lock().ok().and_then(|mut w| w.take());
    let theirs = std::sync::Arc::clone(&work);
    let spawned =
        std::thread::Builder::new().spawn_scoped(scope, move || take(&theirs).map(|w| w()));
    Box::new(move || {
        let done = match spawned {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => None,
        };
        match done {
            Some(value) => value,
            // Not started (or, impossibly, started without the work): run it here.
            None => match take(&work) {
                Some(w) => w(),
                None => unreachable!("the work ran on neither thread"),
            },
        }
    })
}
