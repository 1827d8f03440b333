//! Which checks `selfcheck check` (and the app's "computer and network" step) run: the
//! caller's choices and the run itself. How each check gathers its facts is in `tasks`, the
//! facts they share in `shared_facts`, the report header's machine facts in `machine`.
//! The same plan serves the CLI and the GUI.

pub mod machine;
mod shared_facts;
mod tasks;

use crate::checks::{self, CheckResult, Judged, ids};
use crate::i18n::{Lang, Tr};
use crate::profile::Profile;
use crate::runner::{Task, run_all};
use chrono::NaiveDate;
use shared_facts::Shared;
use std::collections::HashMap;
use std::sync::Arc;

/// What the caller chose.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub profile: Arc<Profile>,
    pub lang: Lang,
    pub no_network: bool,
    /// Overrides the profile's speed-test endpoint.
    pub upload_url: Option<String>,
    /// Where the microphone sound comes from (default device unless a WAV replays).
    pub mic_source: crate::capture::microphone::MicSource,
    /// Where the pictures come from (default camera unless images replay).
    pub camera_source: crate::capture::camera::CameraSource,
    pub only: Option<Vec<&'static str>>,
    pub skip: Vec<&'static str>,
    pub id_expiry: Option<NaiveDate>,
    pub id_long_term: bool,
    /// Seller's answers to the yes/no checklist items, by id.
    pub confirmations: HashMap<&'static str, bool>,
    /// Sees the speed test's progress (the app draws it live).
    pub upload_progress: Option<UploadHook>,
}

/// A callback for the speed test's progress.
#[derive(Clone)]
pub struct UploadHook(pub Arc<dyn Fn(&crate::net::upload::UploadProgress) + Send + Sync>);

impl std::fmt::Debug for UploadHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UploadHook")
    }
}

impl CheckOptions {
    pub fn new(profile: Arc<Profile>, lang: Lang) -> CheckOptions {
        CheckOptions {
            profile,
            lang,
            no_network: false,
            upload_url: None,
            mic_source: crate::capture::microphone::MicSource::Device(None),
            camera_source: crate::capture::camera::CameraSource::Device(0),
            only: None,
            skip: Vec::new(),
            id_expiry: None,
            id_long_term: false,
            confirmations: HashMap::new(),
            upload_progress: None,
        }
    }

    /// Ids that will run, in report order.
    pub fn selected(&self) -> Vec<&'static str> {
        checks::catalogue::runnable()
            .filter(|id| self.only.as_ref().is_none_or(|o| o.contains(id)))
            .filter(|id| !self.skip.contains(id))
            .collect()
    }
}

/// Runs the selected checks in parallel; `progress` sees each result as it lands.
pub fn run(opts: &CheckOptions, mut progress: impl FnMut(&CheckResult)) -> Vec<CheckResult> {
    let tr = Tr::new(opts.lang);
    run_judged(opts, |j| progress(&j.render(&tr)))
        .iter()
        .map(|j| j.render(&tr))
        .collect()
}

/// Like `run`, keeping each verdict with its facts so it can be written in either language.
pub fn run_judged(opts: &CheckOptions, progress: impl FnMut(&Judged)) -> Vec<Judged> {
    let shared = Arc::new(Shared::default());
    if !opts.selected().contains(&ids::NETWORK_LATENCY) {
        shared.open_latency_gate();
    }
    let tasks: Vec<Task> = opts
        .selected()
        .into_iter()
        .map(|id| tasks::task_for(id, opts, &shared))
        .collect();
    let camera_replayed = matches!(
        opts.camera_source,
        crate::capture::camera::CameraSource::Replay(_)
    );
    let mic_replayed = matches!(
        opts.mic_source,
        crate::capture::microphone::MicSource::Replay(_)
    );
    let with_source = move |j: Judged| {
        j.map(move |r, _| {
            let source = checks::provenance::of(&r.id, camera_replayed, mic_replayed);
            r.with_source(source)
        })
    };
    let mut progress = progress;
    run_all(tasks, |j| progress(&with_source(j.clone())))
        .into_iter()
        .map(with_source)
        .collect()
}
