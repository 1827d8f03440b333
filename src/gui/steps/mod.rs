//! The wizard's steps. Each step draws itself, reads the live camera or microphone it needs
//! and writes what it measured into the result book.

pub mod camera;
pub mod checklist;
pub mod computer;
pub mod digits;
pub mod id_card;
pub mod microphone;
pub mod pan;
pub mod report;
pub mod welcome;

use crate::i18n::{Lang, Tr};
use crate::profile::Profile;
use crate::session::book::ResultBook;
use crate::session::commands::{Command, Queue};
use crate::session::live_camera::LiveCamera;
use crate::session::sources::{Prefs, Sources};
use eframe::egui;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Step {
    Welcome,
    Computer,
    Camera,
    IdCard,
    Microphone,
    Digits,
    Pan,
    Checklist,
    Report,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Step::Welcome,
        Step::Computer,
        Step::Camera,
        Step::IdCard,
        Step::Microphone,
        Step::Digits,
        Step::Pan,
        Step::Checklist,
        Step::Report,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Step::Welcome => "step-welcome",
            Step::Computer => "step-computer",
            Step::Camera => "step-camera",
            Step::IdCard => "step-id-card",
            Step::Microphone => "step-microphone",
            Step::Digits => "step-digits",
            Step::Pan => "step-pan",
            Step::Checklist => "step-checklist",
            Step::Report => "step-report",
        }
    }

    /// Where the step's checks sit in the catalogue (none for the welcome and report screens).
    pub fn stage(self) -> Option<crate::checks::catalogue::Stage> {
        use crate::checks::catalogue::Stage;
        match self {
            Step::Welcome | Step::Report => None,
            Step::Computer => Some(Stage::Computer),
            Step::Camera => Some(Stage::Camera),
            Step::IdCard => Some(Stage::IdCard),
            Step::Microphone => Some(Stage::Microphone),
            Step::Digits => Some(Stage::Digits),
            Step::Pan => Some(Stage::Pan),
            Step::Checklist => Some(Stage::Checklist),
        }
    }

    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> Step {
        Step::ALL[(self.index() + 1).min(Step::ALL.len() - 1)]
    }

    pub fn previous(self) -> Step {
        Step::ALL[self.index().saturating_sub(1)]
    }

    /// Steps that show the live camera.
    pub fn uses_camera(self) -> bool {
        matches!(self, Step::Camera | Step::IdCard | Step::Digits | Step::Pan)
    }
}

/// What a step may use while it draws.
pub struct StepCtx<'a> {
    pub tr: Tr,
    pub lang: Lang,
    pub profile: &'a Arc<Profile>,
    /// The results so far, to read; changes go through `send`.
    pub book: &'a ResultBook,
    pub commands: &'a mut Queue,
    pub sources: &'a Sources,
    pub prefs: &'a mut Prefs,
    pub camera: Option<&'a LiveCamera>,
}

impl StepCtx<'_> {
    /// Queues a command for the end of the frame (`session::commands`).
    pub fn send(&mut self, command: Command) {
        self.commands.send(command);
    }
}

/// What a step asks the wizard to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Go(Step),
}

/// A heading and a one-paragraph explanation at the top of a step.
pub fn step_header(ui: &mut egui::Ui, tr: &Tr, step: Step) {
    ui.heading(tr.t(step.key()));
    ui.label(tr.t(&format!("{}-intro", step.key())));
    ui.add_space(6.0);
}

/// The space left for a camera preview under the header.
pub fn preview_size(ui: &egui::Ui) -> egui::Vec2 {
    let avail = ui.available_size();
    egui::vec2(avail.x.max(160.0), (avail.y * 0.6).clamp(120.0, 540.0))
}
