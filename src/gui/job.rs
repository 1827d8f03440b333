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
