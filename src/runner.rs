//! Runs independent checks in parallel, each with a time bound. A check that panics or
//! overruns becomes `status: error` with a reason; the others are unaffected.

use crate::checks::{CheckResult, Status};
use crate::i18n::Tr;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// One check to run: its id, its time bound and the work.
pub struct Task {
    pub id: &'static str,
    pub timeout: Duration,
    pub run: Box<dyn FnOnce() -> CheckResult + Send + 'static>,
}

impl Task {
    pub fn new(
        id: &'static str,
        timeout: Duration,
        run: impl FnOnce() -> CheckResult + Send + 'static,
    ) -> Task {
        Task {
            id,
            timeout,
            run: Box::new(run),
        }
    }
}

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

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Runs all tasks at once and returns their results in task order. `progress` sees each
/// result as it arrives (for a GUI or a progress line). A check still running at its
/// deadline is abandoned: its thread is left to finish on its own and its result dropped.
pub fn run_all(
    tasks: Vec<Task>,
    tr: &Tr,
    mut progress: impl FnMut(&CheckResult),
) -> Vec<CheckResult> {
    let start = Instant::now();
    let (tx, rx) = mpsc::channel::<(usize, CheckResult)>();
    let mut slots: Vec<Option<CheckResult>> = Vec::with_capacity(tasks.len());
    let mut meta: Vec<(&'static str, Duration)> = Vec::with_capacity(tasks.len());
    for (index, task) in tasks.into_iter().enumerate() {
        slots.push(None);
        meta.push((task.id, task.timeout));
        let tx = tx.clone();
        let id = task.id;
        let tr = *tr;
        let run = task.run;
        let spawned = std::thread::Builder::new()
            .name(format!("check {id}"))
            .spawn(move || {
                let result = match catch_unwind(AssertUnwindSafe(run)) {
                    Ok(r) => r,
                    Err(payload) => CheckResult::error(
                        id,
                        &tr,
                        tr.f(
                            "runner-panicked",
                            &[("reason", panic_text(payload.as_ref()))],
                        ),
                    ),
                };
                let _ = tx.send((index, result));
            });
        if let Err(e) = spawned {
            slots[index] = Some(CheckResult::error(
                id,
                &tr,
                tr.f("runner-panicked", &[("reason", e.to_string())]),
            ));
        }
    }
    drop(tx);
    loop {
        let pending: Vec<usize> = (0..slots.len()).filter(|i| slots[*i].is_none()).collect();
        let Some(next_deadline) = pending.iter().map(|i| start + meta[*i].1).min() else {
            break;
        };
        let wait = next_deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(wait) {
            Ok((index, mut result)) => {
                if slots[index].is_none() {
                    result.id = meta[index].0.to_string();
                    progress(&result);
                    slots[index] = Some(result);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let now = Instant::now();
                for i in pending {
                    if now >= start + meta[i].1 {
                        let secs = meta[i].1.as_secs_f64();
                        let r = CheckResult::error(
                            meta[i].0,
                            tr,
                            tr.f("runner-timeout", &[("seconds", format!("{secs:.0}"))]),
                        );
                        progress(&r);
                        slots[i] = Some(r);
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                for i in pending {
                    slots[i] = Some(CheckResult::error(
                        meta[i].0,
                        tr,
                        tr.f("runner-panicked", &[("reason", "lost".into())]),
                    ));
                }
                break;
            }
        }
    }
    slots
        .into_iter()
        .enumerate()
        .map(|(i, s)| s.unwrap_or_else(|| CheckResult::error(meta[i].0, tr, String::new())))
        .map(|mut r| {
            if r.status == Status::Error && r.advice.is_empty() {
                r.advice = tr.t("advice-error-generic");
            }
            r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn panics_and_timeouts_become_errors_in_order() {
        let tr = Tr::new(Lang::En);
        let tasks = vec![
            Task::new("system.time_of_day", Duration::from_secs(5), move || {
                CheckResult::new("system.time_of_day", Status::Pass, &Tr::new(Lang::En))
            }),
            Task::new("network.proxy", Duration::from_secs(5), || panic!("boom")),
            Task::new("network.vpn", Duration::from_millis(200), || {
                std::thread::sleep(Duration::from_secs(3));
                CheckResult::new("network.vpn", Status::Pass, &Tr::new(Lang::En))
            }),
        ];
        let start = Instant::now();
        let mut seen = 0;
        let results = run_all(tasks, &tr, |_| seen += 1);
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "did not wait for the slow check"
        );
        assert_eq!(seen, 3);
        assert_eq!(results[0].status, Status::Pass);
        assert_eq!(results[1].status, Status::Error);
        assert!(
            results[1].summary.contains("boom"),
            "{}",
            results[1].summary
        );
        assert_eq!(results[2].status, Status::Error);
        assert_eq!(results[2].id, "network.vpn");
        assert!(!results[2].advice.is_empty());
    }
}
