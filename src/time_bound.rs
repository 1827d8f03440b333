//! A blocking call given a time limit: for calls that have no bound of their own (the
//! system resolver, a driver's device list). Used by the runner's callers, `net` and the
//! report header's device queries.

use std::sync::mpsc;
use std::time::Duration;

/// Runs one blocking call on its own thread and gives up after `limit` (None). The thread is
/// left to end on its own: for calls with no time bound of their own (the system resolver, a
/// driver's device list).
pub fn within<T: Send + 'static>(
    name: &str,
    limit: Duration,
    call: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            let _ = tx.send(call());
        })
        .ok()?;
    rx.recv_timeout(limit).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quick_call_gives_its_value_and_a_stuck_one_gives_none() {
        assert_eq!(within("quick", Duration::from_secs(5), || 7), Some(7));
        let (_keep, hold) = mpsc::channel::<()>();
        let stuck = within("stuck", Duration::from_millis(50), move || {
            let _ = hold.recv();
        });
        assert_eq!(stuck, None);
    }
}
