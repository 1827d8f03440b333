//! Microphone: pick the device, watch the level meter, and a short "say something" test that
//! measures the speaking level, the background noise and distortion. Sound stays in memory.

use super::{Nav, Step, StepCtx, step_header};
use crate::analysis::audio_levels::MonoAudio;
use crate::capture::microphone::{MicCapture, MicError, MicSource};
use crate::checks::{self, Judged};
use crate::gui::cards::{check_card, live_line};
use crate::gui::job::{Fetched, Job, Poll};
use crate::session::commands::Command;
use crate::session::mic_opening::MicOpening;
use crate::session::verdicts;
use eframe::egui;
use std::time::Instant;

#[derive(Default)]
pub struct MicrophoneStep {
    mic: Option<Result<MicCapture, MicError>>,
    /// The device being opened on a worker (the window never waits for a sound driver).
    opening: Option<MicOpening>,
    opened_for: Option<MicSource>,
    names: Fetched<Vec<String>>,
    test_started: Option<Instant>,
    analysing: Option<Job<Vec<Judged>>>,
    results: Vec<Judged>,
}

/// The last `seconds` of the kept sound.
pub fn tail(mut audio: MonoAudio, seconds: f64) -> MonoAudio {
    let keep = (seconds * f64::from(audio.rate)) as usize;
    if audio.samples.len() > keep {
        audio.samples.drain(..audio.samples.len() - keep);
    }
    audio
}

impl MicrophoneStep {
    /// Closes the microphone (leaving the step).
    pub fn leave(&mut self) {
        self.mic = None;
        self.opening = None;
        self.opened_for = None;
        self.test_started = None;
    }

    fn ensure_open(&mut self, ctx: &egui::Context, cx: &mut StepCtx<'_>) {
        let source = cx.sources.microphone(cx.prefs);
        if self.opened_for.as_ref() != Some(&source) {
            self.mic = None;
            let keep = cx.profile.rehearsal.mic_test_s + 1.0;
            let ctx = ctx.clone();
            self.opening = Some(MicOpening::start(&source, keep, move || {
                ctx.request_repaint()
            }));
            self.opened_for = Some(source);
        }
        if let Some(opened) = self.opening.as_ref().and_then(MicOpening::poll) {
            self.opening = None;
            if let Err(e) = &opened {
                cx.send(Command::Record(verdicts::microphone(
                    Err(e.clone()),
                    cx.profile,
                )));
            }
            self.mic = Some(opened);
        }
    }

    fn picker(&mut self, ui: &mut egui::Ui, cx: &mut StepCtx<'_>) {
        let tr = cx.tr;
        if let Some(path) = &cx.sources.mic_replay {
            ui.label(tr.f("mic-replay", &[("path", path.display().to_string())]));
            return;
        }
        let names = self
            .names
            .get(
                ui.ctx(),
                crate::capture::devices::microphone_names,
                Vec::new,
            )
            .cloned()
            .unwrap_or_default();
        let default = tr.t("mic-default");
        let current = cx
            .prefs
            .microphone
            .clone()
            .unwrap_or_else(|| default.clone());
        egui::ComboBox::from_label(tr.t("mic-pick"))
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut cx.prefs.microphone, None, default);
                for name in names {
                    ui.selectable_value(&mut cx.prefs.microphone, Some(name.clone()), name);
                }
            });
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut StepCtx<'_>) -> Option<Nav> {
        let tr = cx.tr;
        step_header(ui, &tr, Step::Microphone);
        self.picker(ui, cx);
        self.ensure_open(ui.ctx(), cx);
        let test_s = cx.profile.rehearsal.mic_test_s;
        let mic = match &self.mic {
            Some(Ok(m)) => m,
            Some(Err(e)) => {
                let r = checks::audio_device::judge(&Err(e.clone()), &cx.profile.audio, &tr);
                check_card(ui, &r, &tr);
                return None;
            }
            None => {
                // Still opening: said, and looked at again soon (the limit must show).
                crate::gui::cards::opening_microphone(ui, &tr);
                return None;
            }
        };
        let levels = mic.levels();
        if levels.error.is_some() {
            let j = verdicts::microphone(Ok(levels), cx.profile);
            check_card(ui, &j.render(&tr), &tr);
            cx.send(Command::Record(j));
            return None;
        }
        ui.label(tr.f(
            "mic-device",
            &[
                ("name", levels.device.clone()),
                ("rate", levels.rate.to_string()),
            ],
        ));
        let meter = ((levels.rms_db + 60.0) / 60.0).clamp(0.0, 1.0) as f32;
        ui.add(
            egui::ProgressBar::new(meter)
                .text(tr.f("mic-level", &[("db", format!("{:.0}", levels.rms_db))])),
        );
        // The meter moves while sound arrives: keep repainting at a calm rate.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(50));
        if let Some(started) = self.test_started {
            let t = started.elapsed().as_secs_f64();
            ui.add(
                egui::ProgressBar::new((t / test_s).min(1.0) as f32)
                    .text(tr.t("mic-say-something")),
            );
            if t >= test_s {
                self.test_started = None;
                let audio = tail(mic.recent(), test_s);
                let req = cx.profile.audio.clone();
                let device = verdicts::microphone(Ok(levels.clone()), cx.profile);
                self.analysing = Some(Job::spawn(ui.ctx(), move || {
                    let mut all = vec![device];
                    all.extend(crate::session::recordings::speech(&audio, &req, None));
                    all
                }));
            }
        } else if ui
            .add_enabled(
                self.analysing.is_none(),
                // After a test the same button tests again, and says so.
                egui::Button::new(tr.t(if self.results.is_empty() {
                    "mic-test-start"
                } else {
                    "mic-test-again"
                })),
            )
            .clicked()
        {
            self.test_started = Some(Instant::now());
            self.results.clear();
        }
        if let Some(job) = &self.analysing {
            match job.poll() {
                Poll::Running => {
                    ui.spinner();
                }
                Poll::Done(results) => {
                    for j in &results {
                        cx.send(Command::Record(j.clone()));
                    }
                    self.results = results;
                    self.analysing = None;
                }
                Poll::Lost => self.analysing = None,
            }
        }
        for j in &self.results {
            let r = &j.render(&tr);
            live_line(ui, r, &tr);
            if !r.advice.is_empty() && r.status != crate::checks::Status::Pass {
                ui.label(&r.advice);
            }
        }
        None
    }
}
