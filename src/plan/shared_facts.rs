//! Facts several checks of one run share, gathered once on first use: the process list, the
//! environment, the camera watched once for all camera checks, and the gate that holds the
//! upload back until the idle latency is measured.

use crate::capture::camera::{CameraCapture, CameraSource, CameraState};
use crate::probe;
use crate::profile::Profile;
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::Duration;

/// Facts several checks share, gathered once on first use.
#[derive(Default)]
pub(super) struct Shared {
    processes: OnceLock<Result<Vec<String>, probe::error::ProbeError>>,
    env: OnceLock<Vec<(String, String)>>,
    /// The camera watched once for all camera checks.
    camera: OnceLock<CameraState>,
    /// Opened when the idle latency measurement is over, so the upload does not load it.
    latency_done: (Mutex<bool>, Condvar),
}

impl Shared {
    pub(super) fn processes(&self) -> Result<&[String], probe::error::ProbeError> {
        self.processes
            .get_or_init(probe::processes::running_names)
            .as_deref()
            .map_err(Clone::clone)
    }
    pub(super) fn env(&self) -> &[(String, String)] {
        self.env.get_or_init(probe::env_vars::snapshot)
    }
    /// Watches the camera for `seconds` (once; other callers wait for the same result).
    pub(super) fn camera(&self, source: &CameraSource, p: &Profile) -> &CameraState {
        self.camera.get_or_init(|| {
            let cam = CameraCapture::start(
                source.clone(),
                p.camera.min_width,
                p.camera.min_height,
                None,
            );
            let until = std::time::Instant::now()
                + Duration::from_secs_f64(p.camera.capture_seconds.clamp(1.0, 10.0));
            while std::time::Instant::now() < until && cam.state().error.is_none() {
                std::thread::sleep(Duration::from_millis(50));
            }
            let state = cam.state();
            cam.stop();
            state
        })
    }
    pub(super) fn open_latency_gate(&self) {
        if let Ok(mut done) = self.latency_done.0.lock() {
            *done = true;
        }
        self.latency_done.1.notify_all();
    }
    pub(super) fn wait_latency_gate(&self, limit: Duration) {
        let Ok(guard) = self.latency_done.0.lock() else {
            return;
        };
        let _ = self
            .latency_done
            .1
            .wait_timeout_while(guard, limit, |done| !*done);
    }
}
