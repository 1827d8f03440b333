//! How each check `selfcheck check` can run gathers its facts, within what time, and which
//! judge it goes to.

use super::CheckOptions;
use super::shared_facts::Shared;
use crate::checks::{self, CheckResult, Judged, ids};
use crate::probe;
use crate::probe::device_consent::{self, Device};
use crate::runner::Task;
use chrono::Local;
use std::sync::Arc;
use std::time::Duration;

fn skipped_no_network(id: &'static str) -> Judged {
    Judged::new(move |tr| CheckResult::skipped(id, tr, tr.t("skipped-no-network")))
}

pub(super) fn task_for(id: &'static str, opts: &CheckOptions, shared: &Arc<Shared>) -> Task {
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
            let (remote_session, remote_control) = probe::remote_session::current();
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
                                tr.f("probe-adapters-unreadable", &[("reason", e.to_string())]),
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
                let plan = crate::net::upload::UploadPlan::new(
                    &url,
                    max_s,
                    p.network.upload_max_bytes,
                    p.network.upload_warn_mbps,
                );
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
                    let reason = reason.to_string();
                    checks::virtual_camera::list_failed(&processes, &reason, &p.virtual_camera, tr)
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
                let heard = crate::session::listening::listen(&source, secs(3));
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

fn process_list_error(id: &'static str, reason: probe::error::ProbeError) -> Judged {
    Judged::new(move |tr| {
        CheckResult::error(
            id,
            tr,
            tr.f(
                "probe-processes-unreadable",
                &[("reason", reason.to_string())],
            ),
        )
    })
}
