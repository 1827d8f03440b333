//! Report: the overall verdict and every check as a card, with save (HTML / JSON), copy the
//! text summary for a support chat, and open the folder. Made from whatever the steps have
//! measured so far; what was not done reads "skipped".

use super::{Nav, Step, StepCtx, step_header};
use crate::gui::cards::{check_card, status_color};
use crate::gui::job::{Job, Poll};
use crate::i18n::{Lang, Tr};
use crate::report::{Report, Verdict, html, save::save_atomic, text};
use eframe::egui;
use std::path::{Path, PathBuf};

#[derive(Default)]
pub struct ReportStep {
    report: Option<Report>,
    /// The report's header being gathered, for a language.
    making: Option<(Lang, Job<Made>)>,
    /// The seller ticked "include identifying details for support".
    include_identity: bool,
    /// The book's version and the language the report was made from (remade when either
    /// changes: a step measured again, or the seller switched language).
    made_from: Option<(u64, Lang)>,
    folder: Option<String>,
    saving: Option<Job<Result<PathBuf, String>>>,
    message: String,
    last_saved: Option<PathBuf>,
}

/// What the report is made from besides the results: the machine description, and the
/// identifying details when the seller chose to include them.
type Made = (
    crate::probe::system_info::SystemInfo,
    Option<crate::probe::identity::Identity>,
);

fn verdict_color(v: Verdict) -> egui::Color32 {
    use crate::checks::Status;
    status_color(match v {
        Verdict::Ready => Status::Pass,
        Verdict::Warnings => Status::Warn,
        Verdict::NotReady => Status::Fail,
    })
}

/// Opens the folder in the system's file manager (does not wait for it).
pub fn open_folder(path: &Path) -> std::io::Result<()> {
    let program = if cfg!(windows) {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = std::process::Command::new(program)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

impl ReportStep {
    /// Forgets the report so it is remade with the newest results next time.
    pub fn invalidate(&mut self) {
        self.made_from = None;
    }

    fn save(&mut self, ui: &egui::Ui, tr: &Tr, as_html: bool) {
        let Some(report) = &self.report else { return };
        let folder = PathBuf::from(self.folder.clone().unwrap_or_default());
        let ext = if as_html { "html" } else { "json" };
        let path = folder.join(format!("selfcheck-report-{}.{ext}", report.report_id));
        let body = if as_html {
            html::render(report, tr)
        } else {
            report.to_json()
        };
        let tr = *tr;
        self.saving = Some(Job::spawn(ui.ctx(), move || {
            if !folder.is_dir() {
                return Err(tr.f(
                    "gui-folder-missing",
                    &[("path", folder.display().to_string())],
                ));
            }
            save_atomic(&path, body.as_bytes())
                .map(|()| path.clone())
                .map_err(|e| {
                    tr.f(
                        "cli-error-save",
                        &[
                            ("path", path.display().to_string()),
                            ("reason", crate::report::save::reason(&e, &tr)),
                        ],
                    )
                })
        }));
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut StepCtx<'_>) -> Option<Nav> {
        let tr = cx.tr;
        step_header(ui, &tr, Step::Report);
        let folder = self.folder.get_or_insert_with(|| {
            crate::gui::save_folder::default_folder()
                .display()
                .to_string()
        });
        let _ = folder;
        let wanted = (cx.book.version(), cx.lang);
        if self.made_from != Some(wanted) && self.making.is_none() {
            let (lang, with_identity) = (cx.lang, self.include_identity);
            let job = Job::spawn(ui.ctx(), move || {
                let identity = with_identity.then(crate::probe::identity::collect);
                (crate::plan::system_info(lang), identity)
            });
            self.making = Some((lang, job));
        }
        if let Some((lang, job)) = &self.making {
            let lang = *lang;
            let made = match job.poll() {
                Poll::Running => {
                    ui.spinner();
                    None
                }
                Poll::Done(made) => Some(made),
                Poll::Lost => Some((crate::plan::system_info_without_devices(lang), None)),
            };
            if let Some((system, identity)) = made {
                self.making = None;
                // A header gathered in the language the seller has since left is made again.
                if lang == cx.lang {
                    let report = cx.book.report(&cx.profile.profile.id, system);
                    self.report = Some(match identity {
                        Some(id) => report.with_identity(id),
                        None => report,
                    });
                    self.made_from = Some((cx.book.version(), lang));
                }
            }
        }
        if let Some(job) = &self.saving {
            match job.poll() {
                Poll::Running => {}
                Poll::Done(Ok(path)) => {
                    self.message = tr.f("gui-saved", &[("path", path.display().to_string())]);
                    self.last_saved = Some(path);
                    self.saving = None;
                }
                Poll::Done(Err(e)) => {
                    self.message = e;
                    self.saving = None;
                }
                Poll::Lost => {
                    self.message = tr.t("advice-error-generic");
                    self.saving = None;
                }
            }
        }
        let report = self.report.clone()?;
        let verdict = tr.t(&format!(
            "verdict-{}",
            report.verdict.code().replace('_', "-")
        ));
        ui.label(
            egui::RichText::new(verdict)
                .size(22.0)
                .strong()
                .color(verdict_color(report.verdict)),
        );
        let skipped = report.count(crate::checks::Status::Skipped);
        if skipped > 0 {
            ui.label(tr.f("report-skipped-note", &[("count", skipped.to_string())]));
        }
        ui.label(format!("{} {}", tr.t("report-id"), report.report_id));
        if ui
            .checkbox(&mut self.include_identity, tr.t("gui-include-identity"))
            .on_hover_text(tr.t("gui-include-identity-why"))
            .changed()
        {
            // Remade with (or without) the details before anything is saved or copied.
            self.made_from = None;
        }
        ui.horizontal(|ui| {
            let label = ui.label(tr.t("gui-save-folder"));
            if let Some(folder) = &mut self.folder {
                ui.add(egui::TextEdit::singleline(folder).desired_width(320.0))
                    .labelled_by(label.id);
            }
        });
        ui.horizontal_wrapped(|ui| {
            let idle = self.saving.is_none();
            if ui
                .add_enabled(idle, egui::Button::new(tr.t("gui-save-html")))
                .clicked()
            {
                self.save(ui, &tr, true);
            }
            if ui
                .add_enabled(idle, egui::Button::new(tr.t("gui-save-json")))
                .clicked()
            {
                self.save(ui, &tr, false);
            }
            if ui.button(tr.t("gui-copy-text")).clicked() {
                ui.ctx().copy_text(text::render(&report, &tr));
                self.message = tr.t("gui-copied");
            }
            if ui.button(tr.t("gui-open-folder")).clicked() {
                let folder = PathBuf::from(self.folder.clone().unwrap_or_default());
                if let Err(e) = open_folder(&folder) {
                    self.message = tr.f(
                        "gui-open-folder-failed",
                        &[
                            ("path", folder.display().to_string()),
                            ("reason", e.to_string()),
                        ],
                    );
                }
            }
        });
        if !self.message.is_empty() {
            ui.label(&self.message);
        }
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| {
            // Problems first, as in the HTML report.
            let mut checks: Vec<_> = report.checks.iter().collect();
            checks.sort_by_key(|c| crate::report::html::severity(c.status));
            for c in checks {
                check_card(ui, c, &tr);
            }
        });
        None
    }
}
