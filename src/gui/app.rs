//! The wizard: a step list on the left, the current step in the middle, back / skip / next
//! at the bottom. Steps run their work on threads and the window repaints only when a worker,
//! the camera or the microphone has something new.

use super::readable::{Tone, tone};
use super::steps::{self, Nav, Step, StepCtx};
use crate::checks::Status;
use crate::i18n::{Lang, Tr};
use crate::profile::Profile;
use crate::session::book::ResultBook;
use crate::session::live_camera::LiveCamera;
use crate::session::sources::{Prefs, Sources};
use eframe::egui;
use std::sync::Arc;

pub struct SelfCheckApp {
    profile: Arc<Profile>,
    lang: Lang,
    sources: Sources,
    prefs: Prefs,
    step: Step,
    book: ResultBook,
    camera: Option<LiveCamera>,
    /// The steps' requests of this frame (`session::commands`).
    commands: crate::session::commands::Queue,
    computer: steps::computer::ComputerStep,
    camera_step: steps::camera::CameraStep,
    id_card: steps::id_card::IdCardStep,
    microphone: steps::microphone::MicrophoneStep,
    digits: steps::digits::DigitsStep,
    pan: steps::pan::PanStep,
    checklist: steps::checklist::ChecklistStep,
    report: steps::report::ReportStep,
    stats: super::stats::StatsFile,
    fit: super::window_fit::WindowFit,
}

const LANG_KEY: &str = "selfcheck.lang";
/// The primary button's fill: a dark blue on which white text has a contrast above 7:1.
pub(crate) const PRIMARY: egui::Color32 = egui::Color32::from_rgb(5, 80, 174);
const CAMERA_KEY: &str = "selfcheck.camera";
const MIC_KEY: &str = "selfcheck.microphone";
const FOLDER_KEY: &str = "selfcheck.report_folder";

impl SelfCheckApp {
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        profile: Arc<Profile>,
        launch: super::Launch,
    ) -> SelfCheckApp {
        SelfCheckApp::restore(cc.storage, profile, launch)
    }

    /// The window state with what the last run remembered (language, devices, report folder)
    /// read from `storage`.
    pub fn restore(
        storage: Option<&dyn eframe::Storage>,
        profile: Arc<Profile>,
        launch: super::Launch,
    ) -> SelfCheckApp {
        let super::Launch {
            lang,
            sources,
            step,
            ..
        } = launch;
        let stored = |key| storage.and_then(|s| s.get_string(key));
        // A language given on the command line wins over the remembered one.
        let lang = lang
            .or_else(|| stored(LANG_KEY).and_then(|l| Lang::parse(&l)))
            .unwrap_or_else(Lang::from_system);
        let prefs = Prefs {
            camera_index: stored(CAMERA_KEY).and_then(|c| c.parse().ok()).unwrap_or(0),
            microphone: stored(MIC_KEY).filter(|m| !m.is_empty()),
        };
        let mut app = SelfCheckApp::with_sources(profile, lang, sources);
        if let Some(folder) = stored(FOLDER_KEY).filter(|f| !f.is_empty()) {
            app.report.set_folder(folder.into());
        }
        app.prefs = prefs;
        if let Some(step) = step {
            app.step = step;
        }
        app
    }

    /// A window state without eframe (used by UI tests).
    pub fn with_sources(profile: Arc<Profile>, lang: Lang, sources: Sources) -> SelfCheckApp {
        let book = ResultBook::new(lang).with_replays(
            sources.camera_replay.is_some(),
            sources.mic_replay.is_some(),
        );
        SelfCheckApp {
            profile,
            lang,
            sources,
            prefs: Prefs::default(),
            step: Step::Welcome,
            book,
            camera: None,
            commands: Default::default(),
            computer: Default::default(),
            camera_step: Default::default(),
            id_card: Default::default(),
            microphone: Default::default(),
            digits: Default::default(),
            pan: Default::default(),
            checklist: Default::default(),
            report: Default::default(),
            stats: super::stats::StatsFile::from_env(),
            fit: super::window_fit::WindowFit::default(),
        }
    }

    pub fn step(&self) -> Step {
        self.step
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn book(&self) -> &ResultBook {
        &self.book
    }

    /// What the open camera shows and was last found in it (None: no camera open).
    pub fn camera_view(&self) -> Option<crate::session::live_camera::LiveView> {
        self.camera.as_ref().map(LiveCamera::view)
    }

    /// The chosen camera and microphone.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The folder the last report went to.
    pub fn report_folder(&self) -> Option<&std::path::Path> {
        self.report.folder()
    }

    fn go(&mut self, to: Step) {
        if to == self.step {
            return;
        }
        match self.step {
            Step::Microphone => self.microphone.leave(),
            Step::Digits => {
                self.digits.leave();
                // The mouth is followed only while the digits are read.
                if let Some(c) = &self.camera {
                    c.set_mouth_mode(false);
                }
            }
            // The camera turns around the room only in the pan.
            Step::Pan => {
                if let Some(c) = &self.camera {
                    c.set_pan_mode(false);
                }
            }
            _ => {}
        }
        if !to.uses_camera()
            && let Some(c) = self.camera.take()
        {
            c.stop();
        }
        if to == Step::Report {
            self.report.invalidate();
        }
        self.step = to;
    }

    /// Starts (or restarts, after a device change) the camera the current step needs.
    fn camera_for_step(&mut self, ctx: &egui::Context) {
        if !self.step.uses_camera() {
            return;
        }
        let source = self.sources.camera(&self.prefs);
        if self.camera.as_ref().is_some_and(|c| c.source == source) {
            return;
        }
        if let Some(c) = self.camera.take() {
            c.stop();
        }
        let ctx = ctx.clone();
        self.camera = Some(LiveCamera::start(
            source,
            self.profile.clone(),
            Arc::new(move || ctx.request_repaint()),
        ));
    }

    fn top_bar(&mut self, ui: &mut egui::Ui, tr: &Tr) {
        egui::Panel::top("top").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(tr.t("app-title"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    for lang in Lang::ALL.iter().rev() {
                        let label = Tr::new(*lang).t("lang-name");
                        if ui.selectable_label(self.lang == *lang, label).clicked() {
                            self.lang = *lang;
                            ui.ctx().request_repaint();
                        }
                    }
                });
            });
        });
    }

    fn step_list(&mut self, ui: &mut egui::Ui, tr: &Tr) -> Option<Step> {
        let mut go = None;
        egui::Panel::left("steps")
            .resizable(false)
            .default_size(180.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                for (i, step) in Step::ALL.iter().enumerate() {
                    let text = format!("{}. {}", i + 1, tr.t(step.key()));
                    ui.horizontal(|ui| {
                        // Each step's state at a glance: done well, with a warning, failed, or
                        // not done yet (shape and colour both tell).
                        let mark = step.stage().map(|s| match self.book.worst_of_stage(s) {
                            None => ("step-mark-todo", ui.visuals().weak_text_color()),
                            Some(Status::Pass) => ("step-mark-pass", tone(ui, Tone::Good)),
                            Some(Status::Fail) => ("step-mark-fail", tone(ui, Tone::Bad)),
                            Some(_) => ("step-mark-warn", tone(ui, Tone::Warn)),
                        });
                        match mark {
                            Some((key, colour)) => {
                                let text = egui::RichText::new(tr.t(key)).color(colour).strong();
                                ui.add_sized([14.0, 18.0], egui::Label::new(text))
                                    .on_hover_text(tr.t(&format!("{key}-hint")));
                            }
                            None => ui.add_space(14.0 + ui.spacing().item_spacing.x),
                        }
                        if ui.selectable_label(self.step == *step, text).clicked() {
                            go = Some(*step);
                        }
                    });
                }
                ui.add_space(10.0);
                // How far the seller is, in steps (a count of results meant nothing to one).
                let stages: Vec<_> = Step::ALL.iter().filter_map(|s| s.stage()).collect();
                let done = stages
                    .iter()
                    .filter(|s| self.book.worst_of_stage(**s).is_some())
                    .count();
                ui.label(tr.f(
                    "gui-steps-done",
                    &[
                        ("done", done.to_string()),
                        ("total", stages.len().to_string()),
                    ],
                ));
            });
        go
    }

    /// Whether the seller has done this step: a step with checks once one has a result; the
    /// others (the welcome) always.
    fn step_done(&self) -> bool {
        self.step
            .stage()
            .is_none_or(|s| self.book.worst_of_stage(s).is_some())
    }

    /// One line on how the step went, in words: fine, or what needs attention (the titles of
    /// the worst results first). Nothing while the step is not done.
    fn step_banner(&self, ui: &mut egui::Ui, tr: &Tr) {
        let Some(stage) = self.step.stage() else {
            return;
        };
        let Some(worst) = self.book.worst_of_stage(stage) else {
            return;
        };
        let attention = self.book.attention_of_stage(stage);
        let mut titles: Vec<&str> = attention.iter().take(2).map(|r| r.title.as_str()).collect();
        if attention.len() > 2 {
            titles.push("…");
        }
        let args = [
            ("count", attention.len().to_string()),
            ("titles", titles.join(&tr.t("list-separator"))),
        ];
        let (key, mark, colour) = match worst {
            Status::Pass => ("gui-banner-pass", "step-mark-pass", tone(ui, Tone::Good)),
            Status::Fail => ("gui-banner-fail", "step-mark-fail", tone(ui, Tone::Bad)),
            _ => ("gui-banner-warn", "step-mark-warn", tone(ui, Tone::Warn)),
        };
        let text = format!("{} {}", tr.t(mark), tr.f(key, &args));
        ui.add(egui::Label::new(egui::RichText::new(text).color(colour).strong()).truncate());
    }

    fn bottom_bar(&mut self, ui: &mut egui::Ui, tr: &Tr) -> Option<Step> {
        let mut go = None;
        egui::Panel::bottom("nav").show(ui, |ui| {
            ui.horizontal(|ui| {
                if self.step != Step::Welcome && ui.button(tr.t("gui-back")).clicked() {
                    go = Some(self.step.previous());
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if self.step != Step::Report {
                        // One way forward: "next" once the step is done (the primary button),
                        // "skip" while it is not (a plain one).
                        let forward = if self.step_done() {
                            let text = egui::RichText::new(tr.t("gui-next"))
                                .strong()
                                .color(egui::Color32::WHITE);
                            ui.add(egui::Button::new(text).fill(PRIMARY))
                        } else {
                            ui.button(tr.t("gui-skip"))
                        };
                        if forward.clicked() {
                            go = Some(self.step.next());
                        }
                        if ui.button(tr.t("gui-report-now")).clicked() {
                            go = Some(Step::Report);
                        }
                    }
                    // Beside the buttons, in the room left (cut short, whole on hover).
                    self.step_banner(ui, tr);
                });
            });
        });
        go
    }

    /// Draws one frame; public so UI tests can drive it without a window.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        // After a language switch every verdict is written again in the new language.
        self.book.relanguage(self.lang);
        let tr = Tr::new(self.lang);
        let ctx = ui.ctx().clone();
        // Idempotent; done here so any host of the app (eframe, the UI tests) gets Chinese.
        super::fonts::install(&ctx);
        super::fonts::text_sizes(&ctx);
        super::readable::apply(&ctx);
        self.fit.apply(&ctx);
        self.top_bar(ui, &tr);
        let mut go = self.step_list(ui, &tr);
        go = self.bottom_bar(ui, &tr).or(go);
        self.camera_for_step(&ctx);
        let mut cx = StepCtx {
            tr,
            lang: self.lang,
            profile: &self.profile,
            book: &self.book,
            commands: &mut self.commands,
            sources: &self.sources,
            prefs: &mut self.prefs,
            camera: self.camera.as_ref(),
        };
        let nav = egui::CentralPanel::default_margins()
            .show(ui, |ui| match self.step {
                Step::Welcome => steps::welcome::ui(ui, &mut cx),
                Step::Computer => self.computer.ui(ui, &mut cx),
                Step::Camera => self.camera_step.ui(ui, &mut cx),
                Step::IdCard => self.id_card.ui(ui, &mut cx),
                Step::Microphone => self.microphone.ui(ui, &mut cx),
                Step::Digits => self.digits.ui(ui, &mut cx),
                Step::Pan => self.pan.ui(ui, &mut cx),
                Step::Checklist => self.checklist.ui(ui, &mut cx),
                Step::Report => self.report.ui(ui, &mut cx),
            })
            .inner;
        // What the step asked for, carried out now that it is drawn; drawn again at once.
        if self.commands.carry_out(&mut self.book) {
            ctx.request_repaint();
        }
        if let Some(Nav::Go(step)) = nav {
            go = Some(step);
        }
        if let Some(step) = go {
            self.go(step);
            ctx.request_repaint();
        }
        self.stats.write(self.step, &self.camera_step);
    }
}

impl eframe::App for SelfCheckApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
        super::renderer::frame_drawn();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        storage.set_string(LANG_KEY, self.lang.code().to_string());
        storage.set_string(CAMERA_KEY, self.prefs.camera_index.to_string());
        storage.set_string(MIC_KEY, self.prefs.microphone.clone().unwrap_or_default());
        let folder = self.report.folder().map(|f| f.display().to_string());
        storage.set_string(FOLDER_KEY, folder.unwrap_or_default());
    }
}
