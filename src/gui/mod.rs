//! The desktop app: a guided self-check and rehearsal (see `steps`). Workers publish, the UI
//! reads: capture and analysis run on their own threads and the window repaints only when
//! something new arrived.

mod app;
pub mod book;
mod cards;
mod fonts;
mod job;
pub mod live_camera;
mod preview;
mod save_folder;
pub mod sources;
pub mod steps;

pub use app::SelfCheckApp;
pub use sources::Sources;

use crate::i18n::{Lang, Tr};
use crate::profile::Profile;
use std::sync::Arc;

/// Opens the window; returns a message a seller understands when no window can be opened.
/// `lang` is the command line's choice; without it the remembered or system language is used.
pub fn run(profile: Arc<Profile>, lang: Option<Lang>, sources: Sources) -> Result<(), String> {
    let tr = Tr::new(lang.unwrap_or_else(Lang::from_system));
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title(tr.t("app-title"))
            .with_app_id("seller-selfcheck")
            .with_inner_size([960.0, 720.0])
            .with_min_inner_size([640.0, 480.0]),
        ..Default::default()
    };
    eframe::run_native(
        "seller-selfcheck",
        options,
        Box::new(move |cc| Ok(Box::new(SelfCheckApp::new(cc, profile, lang, sources)))),
    )
    .map_err(|e| tr.f("gui-cannot-start", &[("reason", e.to_string())]))
}
