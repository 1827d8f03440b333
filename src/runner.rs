//! Runs independent checks in parallel, each with a time bound. A check that panics or
//! overruns becomes `status: error` with a reason; the others are unaffected.

use crate::checks::{CheckResult, Judged, Status};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// One check to run: its id, its time bound and the work, which gathers the facts and hands
/// back their verdict (written in whichever language is asked for).
pub struct Task {
    pub id: &'static str,
    pub timeout: Duration,
    pub run: Box<dyn FnOnce() -> Judged + Send + 'static>,
}

impl Task {
    pub fn new(
        id: &'static str,
        timeout: Duration,
        run: impl FnOnce() -> Judged + Send + 'static,
    ) -> Task {
        Task {
            id,
            timeout,
            run: Box::new(run),
        }
    }
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// The runner's own "could not measure" verdict: `key` with one argument.
fn runner_error(id: &'static str, key: &'static str, arg: (&'static str, String)) -> Judged {
    crate::app_log::note("check", &format!("{id}: {key} ({}: {})", arg.0, arg.1));
    Judged::new(move |tr| CheckResult::error(id, tr, tr.f(key, &[(arg.0, arg.1.clone())])))
}

/// The id the runner knows, and advice on every error.
fn finished(id: &'static str, judged: Judged) -> Judged {
    judged.map(move |mut r, tr| {
        r.id = id.to_string();
        if r.status == Status::Error && r.advice.is_empty() {
            r.advice = tr.t("advice-error-generic");
        }
        r
    })
}

/// Runs all tasks at once and returns their verdicts in task order. `progress` sees each
/// verdict as it arrives (for a GUI or a progress line). A check still running at its
/// deadline is abandoned: its thread is left to finish on its own and its result dropped.
pub fn run_all(tasks: Vec<Task>, mut progress: impl FnMut(&Judged)) -> Vec<Judged> {
    let start = Instant::now();
    let (tx, rx) = mpsc::channel::<(usize, Judged)>();
    let mut slots: Vec<Option<Judged>> = Vec::with_capacity(tasks.len());
    let mut meta: Vec<(&'static str, Duration)> = Vec::with_capacity(tasks.len());
    for (index, task) in tasks.into_iter().enumerate() {
        slots.push(None);
        meta.push((task.id, task.timeout));
        let tx = tx.clone();
        let id = task.id;
        let run = task.run;
        let spawned = std::thread::Builder::new()
            .name(format!("check {id}"))
            .spawn(move || {
                let judged = match catch_unwind(AssertUnwindSafe(run)) {
                    Ok(j) => j,
                    Err(payload) => runner_error(
                        id,
                        "runner-panicked",
                        ("reason", panic_text(payload.as_ref())),
                    ),
                };
                let _ = tx.send((index, judged));
            });
        if let Err(e) = spawned {
            slots[index] = Some(runner_error(
                id,
                "runner-panicked",
                ("reason", e.to_string()),
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
            Ok((index, judged)) => {
                if slots[index].is_none() {
                    let judged = finished(meta[index].0, judged);
                    progress(&judged);
                    slots[index] = Some(judged);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let now = Instant::now();
                for i in pending {
                    if now >= start + meta[i].1 {
                        let secs = meta[i].1.as_secs_f64();
                        let j = runner_error(
                            meta[i].0,
                            "runner-timeout",
                            ("seconds", format!("{secs:.0}")),
                        );
                        progress(&j);
                        slots[i] = Some(j);
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                for i in pending {
                    slots[i] = Some(runner_error(
                        meta[i].0,
                        "runner-panicked",
                        ("reason", "lost".into()),
                    ));
                }
                break;
            }
        }
    }
    slots
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let id = meta[i].0;
            s.unwrap_or_else(|| runner_error(id, "runner-panicked", ("reason", String::new())))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Tr};

    #[test]
    fn panics_and_timeouts_become_errors_in_order() {
        let tr = Tr::new(Lang::En);
        // The slow check runs until the test lets it go, which it does only after `run_all`
        // has returned: were the runner to wait for it, it would give up after a minute and
        // the test would see that it had not been let go. No wall-clock bound is asserted.
        let (release, released) = std::sync::mpsc::channel::<()>();
        let (outcome_tx, outcome) = std::sync::mpsc::channel::<bool>();
        let tasks = vec![
            Task::new("system.time_of_day", Duration::from_secs(5), move || {
                Judged::new(|tr| CheckResult::new("system.time_of_day", Status::Pass, tr))
            }),
            Task::new("network.proxy", Duration::from_secs(5), || panic!("boom")),
            Task::new("network.vpn", Duration::from_millis(200), move || {
                let let_go = released.recv_timeout(Duration::from_secs(60)).is_ok();
                let _ = outcome_tx.send(let_go);
                Judged::new(|tr| CheckResult::new("network.vpn", Status::Pass, tr))
            }),
        ];
        let mut seen = 0;
        let results: Vec<CheckResult> = run_all(tasks, |_| seen += 1)
            .iter()
            .map(|j| j.render(&tr))
            .collect();
        release.send(()).expect("the slow check is still waiting");
        assert_eq!(
            outcome.recv_timeout(Duration::from_secs(60)),
            Ok(true),
            "run_all waited for the slow check"
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
