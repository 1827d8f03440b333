//! "Save as": a dialog inside the app for choosing where a report goes — shortcuts to the
//! seller's Documents, Desktop and Downloads (under the names their desktop uses), the
//! folders inside the current one, "up one folder", a folder path that can be typed or
//! pasted, and the file name. Drawn by egui, so it speaks the app's language, works the same
//! on Windows, macOS and Linux, and is driven by keyboard (Tab, Enter to save, Esc to
//! cancel; a click outside does nothing) and by the UI tests. Folders are listed on a job, never while drawing.

use super::job::{Fetched, Job, Poll};
use super::places::{self, Place};
use crate::i18n::Tr;
use eframe::egui;
use std::path::{Path, PathBuf};

/// Esc on the topmost dialog. A click outside does not close it: the click that opened the
/// dialog must not close it again, and a stray click must not lose a typed folder.
pub fn escape_pressed<T>(modal: &egui::ModalResponse<T>) -> bool {
    modal.is_top_modal
        && modal
            .response
            .ctx
            .input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
}

/// What the seller did with the dialog this frame.
#[derive(Debug, PartialEq)]
pub enum Choice {
    Open,
    Cancel,
    Save(PathBuf),
}

type Listing = Result<Vec<String>, String>;

/// Height of the places and folder lists, in points.
const LIST_HEIGHT: f32 = 220.0;

/// What is being saved: the report as a web page, as JSON, or the report card picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveKind {
    Html,
    Json,
    Png,
}

impl SaveKind {
    /// The extensions a name of this kind may end with; the first is added when missing.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            SaveKind::Html => &[".html", ".htm"],
            SaveKind::Json => &[".json"],
            SaveKind::Png => &[".png"],
        }
    }

    pub fn extension(self) -> &'static str {
        &self.extensions()[0][1..]
    }

    fn title_key(self) -> &'static str {
        match self {
            SaveKind::Html => "dialog-save-title-html",
            SaveKind::Json => "dialog-save-title-json",
            SaveKind::Png => "dialog-save-title-png",
        }
    }
}

pub struct SaveDialog {
    pub kind: SaveKind,
    folder: String,
    name: String,
    places: Fetched<Vec<Place>>,
    /// The folder being listed, and its job.
    listing: Option<(String, Job<Listing>)>,
    listed: Option<(String, Listing)>,
}

/// A file name a seller may type: not empty, no folder separators or characters Windows
/// refuses, not "." or "..".
pub fn valid_name(name: &str) -> bool {
    let n = name.trim();
    !n.is_empty()
        && n != "."
        && n != ".."
        && !n.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|'])
        && !n.chars().any(char::is_control)
}

/// The name with the report's extension (added when the seller typed it without).
pub fn with_extension(name: &str, kind: SaveKind) -> String {
    let n = name.trim();
    let lower = n.to_lowercase();
    if kind.extensions().iter().any(|e| lower.ends_with(e)) {
        n.to_string()
    } else {
        format!("{n}{}", kind.extensions()[0])
    }
}

impl SaveDialog {
    /// `folder`: where the last report went (None: Documents, once the places are known).
    pub fn new(folder: Option<&Path>, name: String, kind: SaveKind) -> SaveDialog {
        SaveDialog {
            kind,
            folder: folder.map(|f| f.display().to_string()).unwrap_or_default(),
            name,
            places: Fetched::default(),
            listing: None,
            listed: None,
        }
    }

    /// Keeps the folder list in step with the folder field (one listing at a time).
    fn refresh(&mut self, ctx: &egui::Context) {
        if let Some((folder, job)) = &self.listing {
            match job.poll() {
                Poll::Running => return,
                Poll::Done(found) => self.listed = Some((folder.clone(), found)),
                Poll::Lost => self.listed = Some((folder.clone(), Err(String::new()))),
            }
            self.listing = None;
        }
        let current = self.listed.as_ref().map(|(f, _)| f.as_str());
        if current != Some(self.folder.as_str()) && !self.folder.is_empty() {
            let folder = self.folder.clone();
            let path = PathBuf::from(&folder);
            let job = Job::spawn(ctx, move || {
                places::subfolders(&path).map_err(|e| e.to_string())
            });
            self.listing = Some((folder, job));
        }
    }

    fn place_list(&mut self, ui: &mut egui::Ui, tr: &Tr) {
        let found = self
            .places
            .get(ui.ctx(), places::places, Vec::new)
            .cloned()
            .unwrap_or_default();
        if self.folder.is_empty()
            && let Some(first) = found.first()
        {
            self.folder = first.path.display().to_string();
        }
        ui.label(egui::RichText::new(tr.t("dialog-places")).strong());
        for place in found {
            let name = match place.key {
                Some(key) => tr.t(key),
                None => place.path.display().to_string(),
            };
            let here = Path::new(&self.folder) == place.path;
            if ui
                .selectable_label(here, name)
                .on_hover_text(place.path.display().to_string())
                .clicked()
            {
                self.folder = place.path.display().to_string();
            }
        }
    }

    fn folder_list(&mut self, ui: &mut egui::Ui, tr: &Tr) {
        ui.label(egui::RichText::new(tr.t("dialog-subfolders")).strong());
        let mut open = None;
        // A fixed height: the dialog must not grow (and move under the pointer, being
        // centred) when the folder list arrives.
        egui::ScrollArea::vertical()
            .id_salt("subfolders")
            .min_scrolled_height(LIST_HEIGHT)
            .max_height(LIST_HEIGHT)
            .show(ui, |ui| {
                ui.set_min_height(LIST_HEIGHT);
                self.folder_entries(ui, tr, &mut open);
            });
        if let Some(name) = open {
            self.folder = Path::new(&self.folder).join(name).display().to_string();
        }
    }

    fn folder_entries(&self, ui: &mut egui::Ui, tr: &Tr, open: &mut Option<String>) {
        match &self.listed {
            Some((f, _)) if *f != self.folder => {
                ui.spinner();
            }
            None => {
                ui.spinner();
            }
            Some((_, Err(reason))) => {
                ui.colored_label(
                    super::readable::tone(ui, super::readable::Tone::Bad),
                    tr.f("dialog-cannot-open", &[("reason", reason.clone())]),
                );
            }
            Some((_, Ok(names))) if names.is_empty() => {
                ui.label(egui::RichText::new(tr.t("dialog-no-subfolders")).weak());
            }
            Some((_, Ok(names))) => {
                for name in names {
                    if ui.selectable_label(false, name).clicked() {
                        *open = Some(name.clone());
                    }
                }
            }
        }
    }

    /// Draws the dialog over the app; Esc or a click outside cancels.
    pub fn show(&mut self, ctx: &egui::Context, tr: &Tr) -> Choice {
        self.refresh(ctx);
        let title = tr.t(self.kind.title_key());
        let modal = egui::Modal::new(egui::Id::unique("save-dialog")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(title);
            ui.horizontal(|ui| {
                let label = ui.label(tr.t("dialog-folder"));
                ui.add(egui::TextEdit::singleline(&mut self.folder).desired_width(380.0))
                    .labelled_by(label.id);
                let parent = Path::new(&self.folder).parent().map(Path::to_path_buf);
                if ui
                    .add_enabled(parent.is_some(), egui::Button::new(tr.t("dialog-up")))
                    .clicked()
                    && let Some(p) = parent
                {
                    self.folder = p.display().to_string();
                }
            });
            ui.separator();
            ui.columns(2, |cols| {
                self.place_list(&mut cols[0], tr);
                self.folder_list(&mut cols[1], tr);
            });
            ui.separator();
            let mut enter = false;
            ui.horizontal(|ui| {
                let label = ui.label(tr.t("dialog-file-name"));
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.name).desired_width(380.0))
                    .labelled_by(label.id);
                enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            });
            let ok = valid_name(&self.name) && !self.folder.trim().is_empty();
            // The line is always there (empty when the name is fine): the dialog keeps its size.
            let warning = if valid_name(&self.name) {
                String::new()
            } else {
                tr.t("dialog-name-invalid")
            };
            ui.colored_label(
                super::readable::tone(ui, super::readable::Tone::Bad),
                warning,
            );
            let mut choice = Choice::Open;
            ui.horizontal(|ui| {
                let save = ui.add_enabled(ok, egui::Button::new(tr.t("dialog-save")));
                if ok && (save.clicked() || enter) {
                    let name = with_extension(&self.name, self.kind);
                    choice = Choice::Save(PathBuf::from(self.folder.trim()).join(name));
                }
                if ui.button(tr.t("dialog-cancel")).clicked() {
                    choice = Choice::Cancel;
                }
            });
            choice
        });
        if escape_pressed(&modal) {
            Choice::Cancel
        } else {
            modal.inner
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_a_seller_may_type() {
        assert!(valid_name("报告 11月30日"));
        assert!(valid_name("selfcheck-report-ABCD-1234.html"));
        for bad in ["", "  ", ".", "..", "a/b", "a\\b", "c:x", "what?", "a\u{7}"] {
            assert!(!valid_name(bad), "{bad:?}");
        }
        assert_eq!(with_extension("报告", SaveKind::Html), "报告.html");
        assert_eq!(with_extension("r.HTM", SaveKind::Html), "r.HTM");
        assert_eq!(with_extension("r.html", SaveKind::Json), "r.html.json");
        assert_eq!(with_extension(" r.json ", SaveKind::Json), "r.json");
        assert_eq!(with_extension("卡片", SaveKind::Png), "卡片.png");
    }
}
