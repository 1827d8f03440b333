//! Work the UI must not wait for (checks, analysis, saving) runs on a thread; the UI polls
//! its result each frame and is woken when it arrives.

use eframe::egui;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

pub struct Job<T> {
    rx: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    pub fn spawn(ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) -> Job<T> {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(work());
            ctx.request_repaint();
        });
        Job { rx }
    }
}

/// What polling a job found.
pub enum Poll<T> {
    Running,
    Done(T),
    /// The worker ended without an answer (it panicked).
    Lost,
}

impl<T> Job<T> {
    pub fn poll(&self) -> Poll<T> {
        match self.rx.try_recv() {
            Ok(v) => Poll::Done(v),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }
}

/// A value looked up once in the background (a device list): `None` until it arrives.
pub struct Fetched<T> {
    value: Option<T>,
    job: Option<Job<T>>,
}

impl<T> Default for Fetched<T> {
    fn default() -> Self {
        Fetched {
            value: None,
            job: None,
        }
    }
}

impl<T: Send + 'static> Fetched<T> {
    /// Starts the lookup on first call; `lost` stands in if the worker dies.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        work: impl FnOnce() -> T + Send + 'static,
        lost: impl FnOnce() -> T,
    ) -> Option<&T> {
        if self.value.is_none() && self.job.is_none() {
            self.job = Some(Job::spawn(ctx, work));
        }
        if let Some(job) = &self.job {
            match job.poll() {
                Poll::Running => {}
                Poll::Done(v) => {
                    self.value = Some(v);
                    self.job = None;
                }
                Poll::Lost => {
                    self.value = Some(lost());
                    self.job = None;
                }
            }
        }
        self.value.as_ref()
    }
}
