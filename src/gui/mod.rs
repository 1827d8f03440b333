//! The desktop app: a guided self-check and rehearsal (see `steps`). Workers publish, the UI
//! reads: capture and analysis run on their own threads and the window repaints only when
//! something new arrived.

mod app;
mod cards;
mod fonts;
mod job;
pub mod message_box;
mod places;
mod preview;
mod readable;
pub mod renderer;
mod save_dialog;
mod stats;
pub mod steps;
pub mod window_fit;
mod window_look;
pub mod work_area;

pub use crate::session::sources::Sources;
pub use app::SelfCheckApp;

use crate::i18n::{Lang, Tr};
use crate::profile::Profile;
use std::sync::Arc;

/// How the app was asked to start.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub lang: Option<Lang>,
    pub sources: Sources,
    /// Open at this step instead of the welcome screen.
    pub step: Option<steps::Step>,
    /// Use only this renderer (no fallback).
    pub renderer: Option<renderer::Renderer>,
}

/// The window's size in points. It fits a 1366×768 laptop panel with the taskbar (40 px) and
/// the title bar (~31 px): 660 + 31 ≤ 728, so the bottom navigation is never under the
/// taskbar; smaller screens get it fitted (`window_fit`).
pub const WINDOW_SIZE: [f32; 2] = [980.0, 660.0];

/// Opens the window; returns a message a seller understands when no window can be opened.
/// The first renderer that fails — with an error, or with a panic before the window has drawn
/// — hands over to the other one (in a child process).
pub fn run(profile: Arc<Profile>, launch: Launch) -> Result<(), String> {
    let tr = Tr::new(launch.lang.unwrap_or_else(Lang::from_system));
    let first = launch.renderer.unwrap_or_else(renderer::Renderer::first);
    let may_retry = launch.renderer.is_none() && std::env::var_os(renderer::RETRY_ENV).is_none();
    renderer::arm_retry(may_retry);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        run_with(first, profile, launch)
    }));
    renderer::arm_retry(false);
    let err = match outcome {
        Ok(Ok(())) => return Ok(()),
        Ok(Err(e)) => format!("{}: {e}", first.name()),
        // Before the window drew, a panic is the renderer failing to start.
        Err(payload) if !renderer::window_started() => {
            format!(
                "{}: {}",
                first.name(),
                renderer::panic_text(payload.as_ref())
            )
        }
        Err(payload) => std::panic::resume_unwind(payload),
    };
    crate::app_log::note("window", &err);
    if may_retry {
        let next = first.other();
        eprintln!("selfcheck: {err}; trying {}", next.name());
        match renderer::retry_with(next) {
            Ok(0) => return Ok(()),
            Ok(code) => std::process::exit(code),
            Err(e) => {
                crate::app_log::note("window", &format!("{}: {e}", next.name()));
                return Err(tr.f(
                    "gui-cannot-start",
                    &[("reason", format!("{err}; {}: {e}", next.name()))],
                ));
            }
        }
    }
    Err(tr.f("gui-cannot-start", &[("reason", err)]))
}

fn run_with(
    renderer: renderer::Renderer,
    profile: Arc<Profile>,
    launch: Launch,
) -> Result<(), eframe::Error> {
    let tr = Tr::new(launch.lang.unwrap_or_else(Lang::from_system));
    renderer::injected_panic(renderer);
    let mut viewport = eframe::egui::ViewportBuilder::default();
    if let Some(icon) = window_look::icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title(tr.t("app-title"))
            .with_app_id("seller-selfcheck")
            .with_inner_size(WINDOW_SIZE)
            .with_min_inner_size([640.0, 480.0]),
        wgpu_options: window_look::wgpu_options(),
        // Opened in the middle of the screen, not wherever the window manager drops it.
        centered: true,
        renderer: renderer.to_eframe(),
        ..Default::default()
    };
    eframe::run_native(
        "seller-selfcheck",
        options,
        Box::new(move |cc| Ok(Box::new(SelfCheckApp::new(cc, profile, launch)))),
    )
}
