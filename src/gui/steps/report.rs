//! Report: the overall verdict and every check as a card, with save (HTML / JSON), copy the
//! text summary for a support chat, and open the folder. Made from whatever the steps have
//! measured so far; what was not done reads "skipped".

use super::{Nav, Step, StepCtx, step_header};
use crate::gui::cards::check_card;
use crate::gui::job::{Job, Poll};
use crate::gui::readable::{Tone, tone};
use crate::gui::save_dialog::{Choice, SaveDialog, SaveKind};
use crate::i18n::{Lang, Tr};
use crate::report::{Report, Verdict, html, save::save_atomic, text};
use eframe::egui;
use std::path::{Path, PathBuf};

#[derive(Default)]
pub struct ReportStep {
    report: Option<Report>,
    /// The machine facts (and identifying details when asked for), with what they were
    /// gathered for: asked again when a step measured anew or the box was ticked, never for
    /// a language switch (the facts are in no language).
    gathered: Option<(Gathered, Made)>,
    gathering: Option<(Gathered, Job<Made>)>,
    /// The seller ticked "include identifying details for support".
    include_identity: bool,
    /// What the report on screen was made from, and in which language (remade when either
    /// changes).
    made_from: Option<(u64, Gathered, Lang, bool)>,
    /// Where the last report went (remembered between runs); None: Documents.
    folder: Option<PathBuf>,
    dialog: Option<SaveDialog>,
    /// A save that found a file of that name: (path, what), waiting for "replace".
    replace: Option<(PathBuf, SaveKind)>,
    saving: Option<Job<Result<Saved, String>>>,
    notice: Notice,
    last_saved: Option<PathBuf>,
}

/// The line under the buttons: what the last action did, kept as facts and written in the
/// language on screen (a switch of language rewrites it, as it does every result).
#[derive(Default)]
enum Notice {
    #[default]
    Nothing,
    Saved(PathBuf),
    Copied,
    CopiedPicture,
    PictureFailed(String),
    OpenFolderFailed(PathBuf, String),
    /// A save that failed, said in the language of the moment it failed (its reason comes
    /// from the system then).
    SaveFailed(String),
    Lost,
}

impl Notice {
    /// Draws the notice; returns what the seller asked to open (a saved report, its folder).
    fn show(&self, ui: &mut egui::Ui, tr: &Tr) -> Option<PathBuf> {
        let (text, colour) = match self {
            Notice::Nothing => return None,
            Notice::Saved(path) => return saved_confirmation(ui, path, tr),
            Notice::Copied => (tr.t("gui-copied"), None),
            Notice::CopiedPicture => (tr.t("gui-copied-png"), None),
            Notice::PictureFailed(reason) => (
                tr.f("cli-error-card-picture", &[("reason", reason.clone())]),
                Some(Tone::Bad),
            ),
            Notice::OpenFolderFailed(path, reason) => (
                tr.f(
                    "gui-open-folder-failed",
                    &[
                        ("path", path.display().to_string()),
                        ("reason", reason.clone()),
                    ],
                ),
                Some(Tone::Bad),
            ),
            Notice::SaveFailed(message) => (message.clone(), Some(Tone::Bad)),
            Notice::Lost => (tr.t("advice-error-generic"), Some(Tone::Bad)),
        };
        let text = egui::RichText::new(text).size(16.0);
        match colour {
            Some(t) => ui.label(text.color(tone(ui, t)).strong()),
            None => ui.label(text),
        };
        None
    }
}

/// A saved report said clearly, in a frame: where it is, and two ways to it — open the
/// report itself, or the folder it is in.
fn saved_confirmation(ui: &mut egui::Ui, path: &Path, tr: &Tr) -> Option<PathBuf> {
    let mut open = None;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(2.0, tone(ui, Tone::Good)))
        .show(ui, |ui| {
            ui.label(
                egui::RichText::new(tr.f("gui-saved", &[("path", path.display().to_string())]))
                    .size(17.0)
                    .strong()
                    .color(tone(ui, Tone::Good)),
            );
            ui.horizontal(|ui| {
                if ui.button(tr.t("gui-open-report")).clicked() {
                    open = Some(path.to_path_buf());
                }
                if ui.button(tr.t("gui-open-its-folder")).clicked() {
                    open = path.parent().map(Path::to_path_buf);
                }
            });
        });
    open
}

/// How a save ended.
enum Saved {
    Written(PathBuf),
    /// A file of that name is there already; nothing was written. (path, what)
    Exists(PathBuf, SaveKind),
}

/// What the report is made from besides the results: the machine's facts, and the
/// identifying details when the seller chose to include them.
type Made = (
    crate::report::header::MachineFacts,
    Option<crate::report::identity::Identity>,
);

/// What a gathering was for: the result book's version and whether identifying details
/// were asked for.
type Gathered = (u64, bool);

fn verdict_tone(v: Verdict) -> Tone {
    match v {
        Verdict::Ready => Tone::Good,
        Verdict::Warnings | Verdict::Incomplete => Tone::Warn,
        Verdict::NotReady => Tone::Bad,
    }
}

/// Opens the folder in the system's file manager, or a file in the program the system
/// gives it (does not wait for either).
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

    /// The folder reports go to (remembered between runs).
    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    pub fn set_folder(&mut self, folder: PathBuf) {
        self.folder = Some(folder);
    }

    /// Writes the report to `path` on a job; an existing file is only replaced when the
    /// seller said so.
    fn save(&mut self, ctx: &egui::Context, tr: &Tr, path: PathBuf, kind: SaveKind, replace: bool) {
        let Some(report) = self.report.clone() else {
            return;
        };
        let tr = *tr;
        self.saving = Some(Job::spawn(ctx, move || {
            // Drawn on the job: the picture takes a moment.
            let body = match kind {
                SaveKind::Html => html::render(&report, &tr).into_bytes(),
                SaveKind::Json => report.to_json().into_bytes(),
                SaveKind::Png => crate::report::card_png::render(&report, &tr)
                    .map_err(|e| tr.f("cli-error-card-picture", &[("reason", e)]))?,
            };
            let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
            if !folder.is_dir() {
                return Err(tr.f(
                    "gui-folder-missing",
                    &[("path", folder.display().to_string())],
                ));
            }
            if !replace && path.exists() {
                return Ok(Saved::Exists(path, kind));
            }
            save_atomic(&path, &body)
                .map(|()| Saved::Written(path.clone()))
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

    /// Opens the save dialog with a file name in the seller's language ("视频验证自检报告-ID",
    /// "selfcheck-report-ID"): the ID support asks for is in the name.
    fn open_dialog(&mut self, kind: SaveKind, tr: &Tr) {
        let Some(report) = &self.report else { return };
        let stem = tr.t("report-file-stem");
        let name = format!("{stem}-{}.{}", report.report_id, kind.extension());
        self.dialog = Some(SaveDialog::new(self.folder.as_deref(), name, kind));
        self.replace = None;
    }

    /// The save dialog and the "replace?" question, when open.
    fn dialogs(&mut self, ctx: &egui::Context, tr: &Tr) {
        if let Some(dialog) = &mut self.dialog {
            match dialog.show(ctx, tr) {
                Choice::Open => {}
                Choice::Cancel => self.dialog = None,
                Choice::Save(path) => {
                    let kind = dialog.kind;
                    self.dialog = None;
                    self.save(ctx, tr, path, kind, false);
                }
            }
        }
        if let Some((path, kind)) = self.replace.clone() {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let modal = egui::Modal::new(egui::Id::unique("replace-report")).show(ctx, |ui| {
                ui.label(tr.f("dialog-exists", &[("name", name)]));
                ui.horizontal(|ui| {
                    if ui.button(tr.t("dialog-replace")).clicked() {
                        Some(true)
                    } else if ui.button(tr.t("dialog-cancel")).clicked() {
                        Some(false)
                    } else {
                        None
                    }
                })
                .inner
            });
            let answer = if crate::gui::save_dialog::escape_pressed(&modal) {
                Some(false)
            } else {
                modal.inner
            };
            match answer {
                Some(true) => {
                    self.replace = None;
                    self.save(ctx, tr, path, kind, true);
                }
                Some(false) => {
                    self.replace = None;
                    // Back to the dialog, to choose another name or folder.
                    self.open_dialog(kind, tr);
                }
                None => {}
            }
        }
    }

    /// The verdict, what is missing, the report id and the ways to save and send it.
    fn body(&mut self, ui: &mut egui::Ui, tr: &Tr, report: &Report) {
        let tr = *tr;
        let skipped = report.count(crate::checks::Status::Skipped);
        if skipped == report.checks.len() {
            // Nothing measured yet: "ready" in green would read as a promise.
            ui.label(
                egui::RichText::new(tr.t("report-nothing-checked"))
                    .size(22.0)
                    .strong(),
            );
        } else {
            let verdict = tr.t(&format!(
                "verdict-{}",
                report.verdict.code().replace('_', "-")
            ));
            ui.label(
                egui::RichText::new(verdict)
                    .size(22.0)
                    .strong()
                    .color(tone(ui, verdict_tone(report.verdict))),
            );
        }
        if skipped > 0 {
            ui.label(tr.f("report-skipped-note", &[("count", skipped.to_string())]));
        }
        if let Some(note) = crate::report::replay_note::note(report, &tr) {
            ui.label(note);
        }
        let missing = crate::report::missing::lines(report, &tr);
        if !missing.is_empty() && skipped < report.checks.len() {
            // Folded when long: open, it would push the buttons and results off the screen.
            let title = tr.f(
                "report-missing-fold",
                &[("count", missing.len().to_string())],
            );
            egui::CollapsingHeader::new(egui::RichText::new(title).strong())
                .id_salt("missing")
                .default_open(missing.len() <= 3)
                .show(ui, |ui| {
                    for m in &missing {
                        ui.label(format!("○ {}: {}", m.title, m.how));
                    }
                });
        }
        ui.label(format!("{} {}", tr.t("report-id"), report.report_id));
        let start = crate::report::before_you_start::lines(report, &tr);
        if !start.is_empty() {
            ui.collapsing(tr.t("start-title"), |ui| {
                for line in &start {
                    ui.label(format!("• {line}"));
                }
            });
        }
        if ui
            .checkbox(&mut self.include_identity, tr.t("gui-include-identity"))
            .on_hover_text(tr.t("gui-include-identity-why"))
            .changed()
        {
            // Remade with (or without) the details before anything is saved or copied: the
            // next frame gathers for the new choice.
            ui.ctx().request_repaint();
        }
        ui.horizontal_wrapped(|ui| {
            let idle = self.saving.is_none() && self.dialog.is_none() && self.replace.is_none();
            if ui
                .add_enabled(idle, egui::Button::new(tr.t("gui-save-html")))
                .clicked()
            {
                self.open_dialog(SaveKind::Html, &tr);
            }
            if ui
                .add_enabled(idle, egui::Button::new(tr.t("gui-save-json")))
                .clicked()
            {
                self.open_dialog(SaveKind::Json, &tr);
            }
            if ui
                .add_enabled(idle, egui::Button::new(tr.t("gui-save-png")))
                .clicked()
            {
                self.open_dialog(SaveKind::Png, &tr);
            }
            if ui.button(tr.t("gui-copy-png")).clicked() {
                match crate::report::card_png::draw(report, &tr) {
                    Ok(img) => {
                        let size = [img.width() as usize, img.height() as usize];
                        let pixels = egui::ColorImage::from_rgba_unmultiplied(size, img.as_raw());
                        ui.ctx().copy_image(pixels);
                        self.notice = Notice::CopiedPicture;
                    }
                    Err(e) => self.notice = Notice::PictureFailed(e),
                }
            }
            if ui.button(tr.t("gui-copy-text")).clicked() {
                ui.ctx().copy_text(text::render(report, &tr));
                self.notice = Notice::Copied;
            }
            if let Some(log) = crate::app_log::path()
                && let Some(dir) = log.parent().filter(|d| d.is_dir())
                && ui
                    .button(tr.t("gui-open-log"))
                    .on_hover_text(tr.t("gui-open-log-hint"))
                    .clicked()
                && let Err(e) = open_folder(dir)
            {
                self.notice = Notice::OpenFolderFailed(dir.to_path_buf(), e.to_string());
            }
            if ui.button(tr.t("gui-open-folder")).clicked() {
                let folder = self
                    .folder
                    .clone()
                    .unwrap_or_else(crate::gui::places::default_folder);
                if let Err(e) = open_folder(&folder) {
                    self.notice = Notice::OpenFolderFailed(folder, e.to_string());
                }
            }
        });
        if let Some(target) = self.notice.show(ui, &tr)
            && let Err(e) = open_folder(&target)
        {
            self.notice = Notice::OpenFolderFailed(target, e.to_string());
        }
    }

    /// Gathers the machine's facts when the results (or the identity box) changed, on a
    /// worker, and makes the report from them in the language on screen; a language switch
    /// only writes the same facts again.
    fn make_report(&mut self, ctx: &egui::Context, cx: &StepCtx<'_>) {
        let want: Gathered = (cx.book.version(), self.include_identity);
        let have = self.gathered.as_ref().map(|(g, _)| *g);
        let asked = self.gathering.as_ref().map(|(g, _)| *g);
        if have != Some(want) && asked != Some(want) {
            let camera = cx.sources.camera(cx.prefs);
            let microphone = cx.sources.microphone(cx.prefs);
            let with_identity = self.include_identity;
            let job = Job::spawn(ctx, move || {
                let identity = with_identity.then(crate::probe::identity::collect);
                (crate::plan::machine::gather(&camera, &microphone), identity)
            });
            self.gathering = Some((want, job));
        }
        if let Some((what, job)) = &self.gathering {
            let what = *what;
            match job.poll() {
                Poll::Running => {}
                Poll::Done(made) => {
                    self.gathered = Some((what, made));
                    self.gathering = None;
                }
                Poll::Lost => {
                    self.gathered = Some((what, (crate::plan::machine::without_devices(), None)));
                    self.gathering = None;
                }
            }
        }
        let Some((what, (machine, identity))) = &self.gathered else {
            return;
        };
        // Made at once from the facts at hand (a new gathering replaces them when it lands):
        // the results and the language on screen never wait for a device query.
        // The book's language, not the screen's: in the frame of a switch the book is still
        // in the old one (it is rewritten at the start of the next frame).
        // The box decides at once whether identifying details go in: a report made from
        // facts gathered while it was ticked must not keep them once it is not.
        let with_identity = self.include_identity;
        let made = (cx.book.version(), *what, cx.book.lang(), with_identity);
        if self.made_from == Some(made) {
            return;
        }
        let report = cx
            .book
            .report(cx.profile, machine.describe(&Tr::new(cx.book.lang())));
        let report = match identity {
            Some(id) if with_identity => report.with_identity(id.clone()),
            _ => report,
        };
        // Remade in the other language with the same results: same time, same ID.
        self.report = Some(match &self.report {
            Some(earlier) => report.keeping_stamp_of(earlier),
            None => report,
        });
        self.made_from = Some(made);
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut StepCtx<'_>) -> Option<Nav> {
        let tr = cx.tr;
        step_header(ui, &tr, Step::Report);
        self.make_report(ui.ctx(), cx);
        // A spinner only while there is no report yet: above one it would move the buttons
        // while the seller reaches for them.
        if self.gathering.is_some() && self.report.is_none() {
            ui.spinner();
        }
        if let Some(job) = &self.saving {
            match job.poll() {
                Poll::Running => {}
                Poll::Done(Ok(Saved::Written(path))) => {
                    self.notice = Notice::Saved(path.clone());
                    self.folder = path.parent().map(Path::to_path_buf);
                    self.last_saved = Some(path);
                    self.saving = None;
                }
                Poll::Done(Ok(Saved::Exists(path, kind))) => {
                    self.replace = Some((path, kind));
                    self.saving = None;
                }
                Poll::Done(Err(e)) => {
                    self.notice = Notice::SaveFailed(e);
                    self.saving = None;
                }
                Poll::Lost => {
                    self.notice = Notice::Lost;
                    self.saving = None;
                }
            }
        }
        let report = self.report.clone()?;
        // The verdict and the ways to save and send stay in view; the results scroll below
        // them (on a 1366×768 laptop they do not all fit).
        self.body(ui, &tr, &report);
        self.dialogs(ui.ctx(), &tr);
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
