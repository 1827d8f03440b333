//! The main window's state and drawing. Checks run on a worker thread; the UI only reads
//! what the worker sends and repaints when something arrives.

use crate::checks::{CheckResult, Status};
use crate::i18n::{Lang, Tr};
use crate::plan::{self, CheckOptions};
use crate::profile::Profile;
use crate::report::{Report, html, save::save_atomic, text};
use eframe::egui;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

enum WorkerMsg {
    Progress(CheckResult),
    Done(Box<Report>),
}

pub struct SelfCheckApp {
    profile: Arc<Profile>,
    lang: Lang,
    results: Vec<CheckResult>,
    report: Option<Report>,
    worker: Option<Receiver<WorkerMsg>>,
    message: String,
}

const LANG_KEY: &str = "selfcheck.lang";

impl SelfCheckApp {
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        profile: Arc<Profile>,
        lang: Lang,
    ) -> SelfCheckApp {
        let lang = cc
            .storage
            .and_then(|s| s.get_string(LANG_KEY))
            .and_then(|l| Lang::parse(&l))
            .unwrap_or(lang);
        SelfCheckApp::with_language(profile, lang)
    }

    /// A window state without eframe (used by UI tests).
    pub fn with_language(profile: Arc<Profile>, lang: Lang) -> SelfCheckApp {
        SelfCheckApp {
            profile,
            lang,
            results: Vec::new(),
            report: None,
            worker: None,
            message: String::new(),
        }
    }

    fn start_checks(&mut self, ctx: &egui::Context) {
        let (tx, rx) = channel();
        let opts = CheckOptions::new(self.profile.clone(), self.lang);
        let profile_id = self.profile.profile.id.clone();
        let ctx = ctx.clone();
        self.results.clear();
        self.report = None;
        self.message.clear();
        std::thread::spawn(move || {
            let checks = plan::run(&opts, |r| {
                let _ = tx.send(WorkerMsg::Progress(r.clone()));
                ctx.request_repaint();
            });
            let system = plan::system_info(opts.lang);
            let report = Report::new(&profile_id, opts.lang, system, checks);
            let _ = tx.send(WorkerMsg::Done(Box::new(report)));
            ctx.request_repaint();
        });
        self.worker = Some(rx);
    }

    fn drain_worker(&mut self) {
        let Some(rx) = &self.worker else { return };
        let mut finished = false;
        while let Ok(msg) = rx.try_recv() {
            match msg {
                WorkerMsg::Progress(r) => self.results.push(r),
                WorkerMsg::Done(report) => {
                    self.results = report.checks.clone();
                    self.report = Some(*report);
                    finished = true;
                }
            }
        }
        if finished {
            self.worker = None;
        }
    }

    fn save(&mut self, as_html: bool) {
        let Some(report) = &self.report else { return };
        let tr = Tr::new(self.lang);
        let folder = super::save_folder::default_folder();
        let ext = if as_html { "html" } else { "json" };
        let path = folder.join(format!("selfcheck-report-{}.{ext}", report.report_id));
        let body = if as_html {
            html::render(report, &tr)
        } else {
            report.to_json()
        };
        self.message = match save_atomic(&path, body.as_bytes()) {
            Ok(()) => tr.f("gui-saved", &[("path", path.display().to_string())]),
            Err(e) => tr.f(
                "cli-error-save",
                &[
                    ("path", path.display().to_string()),
                    ("reason", e.to_string()),
                ],
            ),
        };
    }

    /// Draws one frame; public so UI tests can drive it without a window.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        self.drain_worker();
        let tr = Tr::new(self.lang);
        let ctx = ui.ctx().clone();
        egui::Panel::top("top").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(tr.t("app-title"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    for lang in Lang::ALL {
                        let label = Tr::new(lang).t("lang-name");
                        if ui.selectable_label(self.lang == lang, label).clicked() {
                            self.lang = lang;
                        }
                    }
                });
            });
        });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.label(tr.t("app-intro"));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let running = self.worker.is_some();
                if ui
                    .add_enabled(!running, egui::Button::new(tr.t("gui-run")))
                    .clicked()
                {
                    self.start_checks(&ctx);
                }
                if running {
                    ui.spinner();
                    ui.label(tr.t("gui-running"));
                }
                if self.report.is_some() {
                    if ui.button(tr.t("gui-save-html")).clicked() {
                        self.save(true);
                    }
                    if ui.button(tr.t("gui-save-json")).clicked() {
                        self.save(false);
                    }
                    if ui.button(tr.t("gui-copy-text")).clicked()
                        && let Some(r) = &self.report
                    {
                        ctx.copy_text(text::render(r, &tr));
                        self.message = tr.t("gui-copied");
                    }
                }
            });
            if !self.message.is_empty() {
                ui.label(&self.message);
            }
            if let Some(r) = &self.report {
                ui.add_space(6.0);
                let verdict = tr.t(&format!("verdict-{}", r.verdict.code().replace('_', "-")));
                ui.heading(format!("{verdict} · {} {}", tr.t("report-id"), r.report_id));
            }
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                for c in &self.results {
                    check_card(ui, c, &tr);
                }
            });
        });
    }
}

fn status_color(status: Status) -> egui::Color32 {
    match status {
        Status::Pass => egui::Color32::from_rgb(45, 164, 78),
        Status::Warn => egui::Color32::from_rgb(191, 135, 0),
        Status::Fail => egui::Color32::from_rgb(207, 34, 46),
        Status::Error => egui::Color32::from_rgb(130, 80, 223),
        Status::Skipped => egui::Color32::GRAY,
    }
}

fn check_card(ui: &mut egui::Ui, c: &CheckResult, tr: &Tr) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.colored_label(
                status_color(c.status),
                egui::RichText::new(c.status.label(tr)).strong(),
            );
            ui.label(egui::RichText::new(&c.title).strong());
            ui.label(egui::RichText::new(&c.id).weak().small());
        });
        if !c.summary.is_empty() {
            ui.label(&c.summary);
        }
        if !c.advice.is_empty() {
            ui.label(
                egui::RichText::new(format!("{}: {}", tr.t("report-advice"), c.advice)).italics(),
            );
        }
    });
}

impl eframe::App for SelfCheckApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        storage.set_string(LANG_KEY, self.lang.code().to_string());
    }
}
