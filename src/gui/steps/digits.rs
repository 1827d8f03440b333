//! Digit rehearsal: like the real verification, four random digits appear only after the
//! seller presses start; the app listens through a short countdown (speech there means
//! starting too early), shows the digits, records, and says whether all were heard, whether
//! the pace was right, and — watching the mouth on camera at the same time — whether the voice
//! went with the lips (`rehearsal.lip_sync`).

use super::{Nav, Step, StepCtx, step_header};
use crate::checks::{Judged, Status};
use crate::gui::cards::check_card;
use crate::gui::job::{Job, Poll};
use crate::gui::preview::{Overlay, Preview};
use crate::session::commands::Command;
use crate::session::digit_reading::DigitReading;
use crate::session::mic_opening::MicOpening;
use crate::session::verdicts;
use eframe::egui;
use std::hash::{BuildHasher, Hasher};

enum Phase {
    Idle,
    /// The microphone being opened on a worker; the countdown starts once it is open.
    Opening(MicOpening),
    Listening(Box<DigitReading>),
    Analysing(Job<Vec<Judged>>),
}

pub struct DigitsStep {
    phase: Phase,
    preview: Preview,
    result: Option<Judged>,
    /// `rehearsal.lip_sync` of the last reading.
    lip: Option<Judged>,
    /// The microphone could not be used (its `audio.device` verdict).
    error: Option<Judged>,
}

impl Default for DigitsStep {
    fn default() -> Self {
        DigitsStep {
            phase: Phase::Idle,
            preview: Preview::default(),
            result: None,
            lip: None,
            error: None,
        }
    }
}

/// `count` random decimal digits (std's randomly keyed hasher; no crate needed for this).
pub fn random_digits(count: u32) -> String {
    let mut out = String::new();
    let state = std::collections::hash_map::RandomState::new();
    for i in 0..count {
        let mut h = state.build_hasher();
        h.write_u32(i);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        out.push(char::from(b'0' + (h.finish() % 10) as u8));
    }
    out
}

impl DigitsStep {
    pub fn leave(&mut self) {
        if matches!(self.phase, Phase::Listening(_) | Phase::Opening(_)) {
            self.phase = Phase::Idle;
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut StepCtx<'_>) -> Option<Nav> {
        let tr = cx.tr;
        step_header(ui, &tr, Step::Digits);
        let r = &cx.profile.rehearsal;
        let (countdown, record) = (r.digits_countdown_s, r.digits_record_s);
        let count = cx.profile.audio.digit_count;
        let mut next = None;
        match &mut self.phase {
            Phase::Idle => {
                if ui
                    .add(egui::Button::new(
                        egui::RichText::new(tr.t("digits-start")).size(18.0),
                    ))
                    .clicked()
                {
                    let source = cx.sources.microphone(cx.prefs);
                    let ctx = ui.ctx().clone();
                    next = Some(Phase::Opening(MicOpening::start(
                        &source,
                        countdown + record + 1.0,
                        move || ctx.request_repaint(),
                    )));
                }
            }
            Phase::Opening(opening) => {
                crate::gui::cards::opening_microphone(ui, &tr);
                match opening.poll() {
                    None => {}
                    Some(Ok(mic)) => {
                        self.result = None;
                        self.lip = None;
                        self.error = None;
                        if let Some(camera) = cx.camera {
                            camera.set_card_mode(false);
                            camera.set_mouth_mode(true);
                        }
                        let digits = random_digits(count);
                        let reading = DigitReading::start(mic, digits, countdown, record);
                        next = Some(Phase::Listening(Box::new(reading)));
                    }
                    Some(Err(e)) => {
                        let j = verdicts::microphone(Err(e), cx.profile);
                        self.error = Some(j.clone());
                        cx.send(Command::Record(j));
                        next = Some(Phase::Idle);
                    }
                }
            }
            Phase::Listening(reading) => {
                let t = reading.elapsed_s();
                let levels = reading.levels();
                if reading.show_digits_now() {
                    ui.label(tr.t("digits-read-now"));
                    let spaced: Vec<String> = reading.digits.chars().map(String::from).collect();
                    ui.label(egui::RichText::new(spaced.join("  ")).size(56.0).strong());
                } else {
                    ui.label(egui::RichText::new(tr.t("digits-get-ready")).size(28.0));
                    let left = (countdown - t).max(0.0).ceil();
                    ui.label(
                        egui::RichText::new(
                            tr.f("digits-countdown", &[("seconds", format!("{left:.0}"))]),
                        )
                        .size(20.0),
                    );
                }
                let meter = ((levels.rms_db + 60.0) / 60.0).clamp(0.0, 1.0) as f32;
                ui.add(egui::ProgressBar::new(meter).desired_width(240.0));
                ui.add(
                    egui::ProgressBar::new((t / (countdown + record)).min(1.0) as f32)
                        .text(tr.t("digits-listening")),
                );
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(50));
                if levels.error.is_some() {
                    if let Some(camera) = cx.camera {
                        camera.set_mouth_mode(false);
                    }
                    self.error = Some(verdicts::microphone(Ok(levels.clone()), cx.profile));
                    next = Some(Phase::Idle);
                } else if reading.finished() {
                    let r = reading.reading();
                    // The camera's frames, placed in the recording by the shared clock.
                    let log = cx
                        .camera
                        .map(|c| c.set_mouth_mode(false))
                        .unwrap_or_default();
                    let mouth = crate::session::reading::place_frames(&log, r.first_s);
                    let device = Some(levels.device.clone()).filter(|d| !d.is_empty());
                    let profile = cx.profile.clone();
                    next = Some(Phase::Analysing(Job::spawn(ui.ctx(), move || {
                        let facts = crate::session::reading::measure(
                            &crate::session::reading::Reading {
                                audio: &r.audio,
                                mouth: &mouth,
                                digits: count,
                                shown_at_s: Some(r.shown_at_s),
                                microphone: device.as_deref(),
                            },
                            &profile,
                        );
                        verdicts::reading(facts, &profile)
                    })));
                }
            }
            Phase::Analysing(job) => match job.poll() {
                Poll::Running => {
                    ui.spinner();
                }
                Poll::Done(results) => {
                    for j in results {
                        let id = j.render(&tr).id;
                        if id == crate::checks::ids::AUDIO_DIGITS {
                            self.result = Some(j.clone());
                            cx.send(Command::Record(j));
                        } else if id == crate::checks::ids::REHEARSAL_LIP_SYNC {
                            self.lip = Some(j.clone());
                            cx.send(Command::Record(j));
                        } else {
                            cx.send(Command::RecordIfAbsent(j));
                        }
                    }
                    next = Some(Phase::Idle);
                }
                Poll::Lost => next = Some(Phase::Idle),
            },
        }
        if let Some(p) = next {
            self.phase = p;
        }
        if let Some(e) = &self.error {
            let r = e.render(&tr);
            ui.colored_label(
                crate::gui::readable::tone(ui, crate::gui::readable::Tone::Bad),
                format!("{} {}", r.summary, r.advice),
            );
        }
        let mut all_passed = self.result.is_some();
        for j in [&self.result, &self.lip].into_iter().flatten() {
            let r = &j.render(&tr);
            check_card(ui, r, &tr);
            all_passed &= r.status == Status::Pass;
        }
        if self.result.is_some() {
            ui.label(tr.t(if all_passed {
                "digits-well-done"
            } else {
                "digits-try-again"
            }));
        }
        // The seller sees themself while reading, the mouth framed as it is followed.
        // A camera that cannot be used is said, as in the other camera steps (the reading is
        // then judged on its sound, and the lips as not measurable).
        if let Some(camera) = cx.camera {
            let view = camera.view();
            if view.state.error.is_some() {
                let r = crate::checks::camera::device(&view.state, &cx.profile.camera, &tr);
                check_card(ui, &r, &tr);
            } else {
                let overlay = Overlay {
                    mouth: true,
                    ..Overlay::default()
                };
                self.preview.show_live(ui, &view, overlay, &tr);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn digits_are_decimal_and_vary() {
        let a = super::random_digits(4);
        assert_eq!(a.len(), 4);
        assert!(a.chars().all(|c| c.is_ascii_digit()));
        let many: std::collections::HashSet<String> =
            (0..20).map(|_| super::random_digits(4)).collect();
        assert!(many.len() > 10, "{many:?}");
    }
}
