//! Which checks `selfcheck check` (and the app's "computer and network" step) run, and how
//! each gathers its facts. The same plan serves the CLI and the GUI.

use crate::checks::{self, CheckResult, Judged, ids};
use crate::i18n::{Lang, Tr};
use crate::probe;
use crate::probe::device_consent::{self, Device};
use crate::profile::Profile;
use crate::runner::{Task, run_all};
use chrono::{Local, NaiveDate};
use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

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

/// Facts several checks share, gathered once on first use.
#[derive(Default)]
struct Shared {
    processes: OnceLock<Result<Vec<String>, String>>,
    env: OnceLock<Vec<(String, String)>>,
    /// The camera watched once for all camera checks.
    camera: OnceLock<crate::capture::camera::CameraState>,
    /// Opened when the idle latency measurement is over, so the upload does not load it.
    latency_done: (Mutex<bool>, Condvar),
}

impl Shared {
    fn processes(&self) -> Result<&[String], String> {
        self.processes
            .get_or_init(probe::processes::running_names)
            .as_deref()
            .map_err(Clone::clone)
    }
    fn env(&self) -> &[(String, String)] {
        self.env.get_or_init(probe::env_vars::snapshot)
    }
    /// Watches the camera for `seconds` (once; other callers wait for the same result).
    fn camera(
        &self,
        source: &crate::capture::camera::CameraSource,
        p: &Profile,
    ) -> &crate::capture::camera::CameraState {
        self.camera.get_or_init(|| {
            let cam = crate::capture::camera::CameraCapture::start(
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
    fn open_latency_gate(&self) {
        if let Ok(mut done) = self.latency_done.0.lock() {
            *done = true;
        }
        self.latency_done.1.notify_all();
    }
    fn wait_latency_gate(&self, limit: Duration) {
        let Ok(guard) = self.latency_done.0.lock() else {
            return;
        };
        let _ = self
            .latency_done
            .1
            .wait_timeout_while(guard, limit, |done| !*done);
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
        .map(|id| task_for(id, opts, &shared))
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

fn skipped_no_network(id: &'static str) -> Judged {
    Judged::new(move |tr| CheckResult::skipped(id, tr, tr.t("skipped-no-network")))
}

fn task_for(id: &'static str, opts: &CheckOptions, shared: &Arc<Shared>) -> Task {
    let p = opts.profile.clone();
    let sh = shared.clone();
    let secs = Duration::from_secs;
    match id {
        ids::SYSTEM_VIRTUAL_MACHINE => Task::new(id, secs(10), move || {
            let facts = probe::vm::probe();
            Judged::new(move |tr| checks::virtual_machine::judge(&facts, &p.virtual_machine, tr))
        }),
        ids::SYSTEM_REMOTE_DESKTOP => Task::new(id, secs(15), move || {
            let processes = match sh.processes() {
                Ok(p) => p.to_vec(),
                Err(e) => return process_list_error(id, e),
            };
            let env = sh.env().to_vec();
            let (remote_session, remote_control) = remote_session();
            Judged::new(move |tr| {
                let facts = checks::remote_desktop::RemoteFacts {
                    processes: &processes,
                    env: &env,
                    remote_session,
                    remote_control,
                };
                checks::remote_desktop::judge(&facts, &p.remote_desktop, tr)
            })
        }),
        ids::NETWORK_PROXY => Task::new(id, secs(15), move || {
            let facts = probe::proxy::probe(sh.env());
            Judged::new(move |tr| checks::proxy::judge(&facts, tr))
        }),
        ids::NETWORK_VPN => {
            let no_network = opts.no_network;
            Task::new(id, secs(20), move || {
                let processes = match sh.processes() {
                    Ok(p) => p.to_vec(),
                    Err(e) => return process_list_error(id, e),
                };
                let adapters = match probe::net_facts::adapters() {
                    Ok(a) => a,
                    Err(e) => {
                        return Judged::new(move |tr| {
                            CheckResult::error(
                                id,
                                tr,
                                tr.f("probe-adapters-unreadable", &[("reason", e.clone())]),
                            )
                        });
                    }
                };
                let route = probe::net_facts::routes()
                    .map(|r| probe::net_facts::default_route_interfaces(&r));
                let trace =
                    (!no_network).then(|| crate::net::trace::fetch(&p.network.trace_url, secs(6)));
                Judged::new(move |tr| {
                    let facts = checks::vpn::VpnFacts {
                        trace: trace.as_ref(),
                        adapters: &adapters,
                        default_route: route.as_deref(),
                        processes: &processes,
                    };
                    checks::vpn::judge(&facts, &p.vpn, &p.network.expected_countries, tr)
                })
            })
        }
        ids::NETWORK_LATENCY => {
            let no_network = opts.no_network;
            Task::new(id, secs(20), move || {
                if no_network {
                    sh.open_latency_gate();
                    return skipped_no_network(id);
                }
                let samples = crate::net::latency::measure(
                    &p.network.latency_hosts,
                    5,
                    secs(2),
                    Duration::from_millis(100),
                );
                sh.open_latency_gate();
                Judged::new(move |tr| checks::latency::judge(&samples, &p.network, tr))
            })
        }
        ids::NETWORK_UPLOAD => {
            let no_network = opts.no_network;
            let url = opts
                .upload_url
                .clone()
                .unwrap_or_else(|| p.network.upload_url.clone());
            let max_s = p.network.upload_max_seconds;
            let hook = opts.upload_progress.clone();
            // Waiting for the latency test, ramp-up probes, the test itself (twice at most: it
            // is repeated once after a stall it recovered from) and a short grace.
            let bound = secs(20) + 2 * Duration::from_secs_f64(max_s) + secs(24);
            Task::new(id, bound, move || {
                if no_network {
                    return skipped_no_network(id);
                }
                sh.wait_latency_gate(secs(20));
                let via_proxy = !probe::proxy::from_env(sh.env()).is_empty();
                let plan =
                    crate::net::upload::UploadPlan::new(&url, max_s, p.network.upload_max_bytes);
                let run = || {
                    crate::net::upload::measure(&plan, |progress| {
                        if let Some(h) = &hook {
                            (h.0)(&progress);
                        }
                    })
                };
                let mut result = run();
                // A stall the link recovered from: once more, to tell a passing hiccup from a
                // link that keeps stalling (a stall that never ended is judged as it is).
                let mut earlier_stall = None;
                if let Ok(o) = &result
                    && o.longest_stall_s >= p.network.max_stall_s
                    && o.final_stall_s < p.network.max_stall_s
                {
                    earlier_stall = Some(o.longest_stall_s);
                    result = run();
                }
                Judged::new(move |tr| {
                    checks::upload::judge(&result, earlier_stall, via_proxy, &p.network, tr)
                })
            })
        }
        ids::BROWSER_VERSION => Task::new(id, secs(40), move || {
            let facts = probe::browsers::probe(&p.browser.fingerprint_browsers);
            Judged::new(move |tr| {
                checks::browser::judge(&facts, probe::browsers::CAN_SEARCH, &p.browser, tr)
            })
        }),
        ids::CAMERA_VIRTUAL => Task::new(id, secs(15), move || {
            let processes = match sh.processes() {
                Ok(p) => p.to_vec(),
                Err(e) => return process_list_error(id, e),
            };
            let cameras = crate::capture::devices::camera_names();
            Judged::new(move |tr| match &cameras {
                Ok(cameras) => {
                    checks::virtual_camera::judge(&processes, cameras, &p.virtual_camera, tr)
                }
                Err(reason) => {
                    checks::virtual_camera::list_failed(&processes, reason, &p.virtual_camera, tr)
                }
            })
        }),
        ids::CAMERA_DEVICE | ids::CAMERA_RESOLUTION | ids::CAMERA_FRAME_RATE => {
            let source = opts.camera_source.clone();
            Task::new(id, secs(20), move || {
                let state = sh.camera(&source, &p).clone();
                let consent = if id == ids::CAMERA_DEVICE {
                    device_consent::read(Device::Camera, &p.browser.programs)
                } else {
                    device_consent::DeviceConsent::default()
                };
                Judged::new(move |tr| match id {
                    ids::CAMERA_DEVICE => {
                        let r = checks::camera::device(&state, &p.camera, tr);
                        checks::device_privacy::apply(r, &consent, Device::Camera, tr)
                    }
                    ids::CAMERA_RESOLUTION => checks::camera::resolution(&state, &p.camera, tr),
                    _ => checks::camera::frame_rate(&state, &p.camera, tr),
                })
            })
        }
        ids::AUDIO_DEVICE => {
            let source = opts.mic_source.clone();
            Task::new(id, secs(10), move || {
                let heard = listen(&source, secs(3));
                let consent = device_consent::read(Device::Microphone, &p.browser.programs);
                Judged::new(move |tr| {
                    let r = checks::audio_device::judge(&heard, &p.audio, tr);
                    checks::device_privacy::apply(r, &consent, Device::Microphone, tr)
                })
            })
        }
        ids::SYSTEM_TIME_OF_DAY => Task::new(id, secs(5), move || {
            let now = Local::now();
            let (utc, local) = (now.to_utc(), *now.offset());
            Judged::new(move |tr| checks::time_of_day::judge(utc, local, &p, tr))
        }),
        ids::CHECKLIST_ID_CARD_VALIDITY => {
            let (expiry, long_term) = (opts.id_expiry, opts.id_long_term);
            Task::new(id, secs(5), move || {
                let today = Local::now().date_naive();
                Judged::new(move |tr| {
                    checks::checklist::id_card_validity(expiry, long_term, today, &p.checklist, tr)
                })
            })
        }
        other => {
            let answer = opts.confirmations.get(other).copied();
            Task::new(other, secs(5), move || {
                Judged::new(move |tr| checks::checklist::confirmation(other, answer, tr))
            })
        }
    }
}

/// Whether this is a remote session, and whether it is being controlled from elsewhere, by
/// the OS's own account (Windows: SM_REMOTESESSION, SM_REMOTECONTROL; elsewhere unknown, and
/// the session variables decide).
fn remote_session() -> (Option<bool>, Option<bool>) {
    #[cfg(windows)]
    {
        (
            Some(probe::windows::remote_session()),
            Some(probe::windows::remote_control()),
        )
    }
    #[cfg(not(windows))]
    {
        (None, None)
    }
}

fn process_list_error(id: &'static str, reason: String) -> Judged {
    Judged::new(move |tr| {
        CheckResult::error(
            id,
            tr,
            tr.f("probe-processes-unreadable", &[("reason", reason.clone())]),
        )
    })
}

/// Seconds a device list may take before the report says the device does not respond: a
/// driver that blocks (a stuck USB device, a device another program holds) must not stop
/// the report.
const DEVICE_QUERY_S: u64 = 5;

/// The machine description for the report header (no host or user names).
pub fn system_info(lang: Lang) -> crate::probe::system_info::SystemInfo {
    let tr = Tr::new(lang);
    let (os, cpu) = probe::system_info::os_and_cpu();
    let limit = Duration::from_secs(DEVICE_QUERY_S);
    let camera =
        match crate::runner::within("device query", limit, crate::capture::devices::camera_names) {
            Some(Ok(names)) if !names.is_empty() => names.join(", "),
            Some(Ok(_)) => tr.t("system-none-found"),
            Some(Err(e)) => tr.f("system-unreadable", &[("reason", e)]),
            None => tr.f(
                "system-not-responding",
                &[("seconds", DEVICE_QUERY_S.to_string())],
            ),
        };
    let microphone = match crate::runner::within(
        "device query",
        limit,
        crate::capture::devices::default_microphone,
    ) {
        Some(Some((name, true))) => name,
        Some(Some((name, false))) => tr.f("system-mic-unavailable", &[("name", name)]),
        Some(None) => tr.t("system-none-found"),
        None => tr.f(
            "system-not-responding",
            &[("seconds", DEVICE_QUERY_S.to_string())],
        ),
    };
    crate::probe::system_info::SystemInfo {
        os,
        cpu,
        camera,
        microphone,
    }
}

/// OS and CPU only, for reports about a file (no device is opened).
pub fn system_info_without_devices(lang: Lang) -> crate::probe::system_info::SystemInfo {
    let tr = Tr::new(lang);
    let (os, cpu) = probe::system_info::os_and_cpu();
    crate::probe::system_info::SystemInfo {
        os,
        cpu,
        camera: tr.t("system-not-used"),
        microphone: tr.t("system-not-used"),
    }
}

/// Opens the microphone (or replay) and listens for up to `wait`, returning the last levels.
pub fn listen(
    source: &crate::capture::microphone::MicSource,
    wait: Duration,
) -> Result<crate::capture::microphone::MicLevels, crate::capture::microphone::MicError> {
    let mic = crate::capture::microphone::MicCapture::start(source, 3.0)?;
    let start = std::time::Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let l = mic.levels();
        let enough = l.seconds >= wait.as_secs_f64() - 0.3;
        if l.error.is_some() || enough || start.elapsed() >= wait {
            return Ok(l);
        }
    }
}

/// Records `seconds` from the microphone (or replay) into memory for analysis; nothing is
/// written to disk.
pub fn record(
    source: &crate::capture::microphone::MicSource,
    seconds: f64,
) -> Result<crate::analysis::audio_levels::MonoAudio, crate::capture::microphone::MicError> {
    let mic = crate::capture::microphone::MicCapture::start(source, seconds + 1.0)?;
    let deadline = std::time::Instant::now() + Duration::from_secs_f64(seconds);
    while std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        if let Some(e) = mic.levels().error {
            return Err(e);
        }
    }
    std::thread::sleep(Duration::from_millis(120));
    Ok(mic.recent())
}
