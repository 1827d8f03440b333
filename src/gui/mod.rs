//! The desktop app. This first window runs the computer and network checks and shows the
//! report; the guided wizard grows from here.

mod app;
mod save_folder;

pub use app::SelfCheckApp;

use crate::i18n::{Lang, Tr};
use crate::profile::Profile;
use std::sync::Arc;

/// Opens the window; returns a message a seller understands when no window can be opened.
pub fn run(profile: Arc<Profile>, lang: Lang) -> Result<(), String> {
    let tr = Tr::new(lang);
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title(tr.t("app-title"))
            .with_inner_size([860.0, 680.0])
            .with_min_inner_size([520.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "seller-selfcheck",
        options,
        Box::new(move |cc| Ok(Box::new(SelfCheckApp::new(cc, profile, lang)))),
    )
    .map_err(|e| tr.f("gui-cannot-start", &[("reason", e.to_string())]))
}
