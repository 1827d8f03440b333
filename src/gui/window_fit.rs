//! The window fitted to the screen it opened on. It opens at 980×660 points, which fits a
//! 1366×768 panel at 100 % scaling; on a smaller screen in points (1366×768 at 125 % is
//! 1093×614, a netbook 1024×600) its bottom bar would sit under the taskbar. Once the first
//! frames tell the monitor's size, the window is shrunk to fit and centred in the part above a
//! taskbar. Where the system tells the work area (Windows; Linux on X11 with a window manager that
//! publishes it) the taskbar's real place is used (`work_area`); elsewhere a taskbar's room at
//! the bottom is kept.

use super::work_area::work_area;
use eframe::egui;

/// Room kept below the window for a taskbar (Windows': 40–48 points) …
const TASKBAR: f32 = 48.0;
/// … above it for the title bar the system adds (about 31 points on Windows 10/11) …
const TITLE_BAR: f32 = 32.0;
/// … and at each side.
const SIDE: f32 = 8.0;

/// Done once per run, when the monitor's size is first known.
#[derive(Debug, Default)]
pub struct WindowFit {
    done: bool,
}

impl WindowFit {
    pub fn apply(&mut self, ctx: &egui::Context) {
        if self.done {
            return;
        }
        let (monitor, inner) = ctx.input(|i| (i.viewport().monitor_size, i.viewport().inner_rect));
        let (Some(monitor), Some(inner)) = (monitor, inner) else {
            return;
        };
        self.done = true;
        // The system's own work area where it tells it (the screen without the taskbar or
        // panels, wherever they sit and however tall); else a taskbar's room at the bottom is
        // guessed.
        let room =
            work_area(ctx.pixels_per_point(), monitor).unwrap_or_else(|| guessed_room(monitor));
        if let Some((size, top_left)) = fitted_in(room, inner.size()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
            ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(top_left));
        }
    }
}

/// The part of the screen a window may use, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Room {
    pub min: egui::Pos2,
    pub size: egui::Vec2,
}

/// A screen's room when the system does not say: all of it but a taskbar at the bottom.
fn guessed_room(monitor: egui::Vec2) -> Room {
    Room {
        min: egui::Pos2::ZERO,
        size: egui::vec2(monitor.x, monitor.y - TASKBAR),
    }
}

/// The inner size that fits `monitor` and the outer position that centres it above the
/// taskbar; `None` when `inner` already fits.
pub fn fitted(monitor: egui::Vec2, inner: egui::Vec2) -> Option<(egui::Vec2, egui::Pos2)> {
    fitted_in(guessed_room(monitor), inner)
}

/// The inner size that fits `room` with the title bar and the outer position that centres it
/// there; `None` when `inner` already fits.
pub fn fitted_in(room: Room, inner: egui::Vec2) -> Option<(egui::Vec2, egui::Pos2)> {
    let space = egui::vec2(room.size.x - 2.0 * SIDE, room.size.y - TITLE_BAR);
    if inner.x <= space.x && inner.y <= space.y {
        return None;
    }
    let size = egui::vec2(inner.x.min(space.x), inner.y.min(space.y));
    let top_left = egui::pos2(
        room.min.x + ((room.size.x - size.x) / 2.0).max(0.0),
        room.min.y + ((room.size.y - TITLE_BAR - size.y) / 2.0).max(0.0),
    );
    Some((size, top_left))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrinks_only_what_does_not_fit() {
        let inner = egui::vec2(980.0, 660.0);
        // 1366×768 at 100 %: fits (660 + 32 + 48 = 740 ≤ 768).
        assert!(fitted(egui::vec2(1366.0, 768.0), inner).is_none());
        // 1366×768 at 125 % (1093×614 points): the height shrinks, the width stays.
        let (size, at) = fitted(egui::vec2(1092.8, 614.4), inner).expect("shrinks");
        assert_eq!(size.x, 980.0);
        assert!(size.y + TITLE_BAR + TASKBAR <= 614.4 + 0.01, "{size:?}");
        assert!(at.x > 0.0 && at.y >= 0.0, "{at:?}");
        // A netbook, 1024×600: both fit inside with the taskbar's room left.
        let (size, at) = fitted(egui::vec2(1024.0, 600.0), inner).expect("shrinks");
        assert!(size.x <= 1024.0 - 2.0 * SIDE && size.y <= 600.0 - TASKBAR - TITLE_BAR);
        assert!(at.y + TITLE_BAR + size.y <= 600.0 - TASKBAR + 0.01);
    }

    #[test]
    fn a_taskbar_on_the_left_or_on_top_is_kept_clear() {
        let inner = egui::vec2(980.0, 660.0);
        // 1366×768 with a 62-point taskbar on the left: the window goes right of it.
        let left = Room {
            min: egui::pos2(62.0, 0.0),
            size: egui::vec2(1304.0, 768.0),
        };
        assert!(fitted_in(left, inner).is_none(), "fits as it is");
        // 1093×614 points with a 40-point taskbar on top: below it, and above the bottom.
        let top = Room {
            min: egui::pos2(0.0, 40.0),
            size: egui::vec2(1093.0, 574.0),
        };
        let (size, at) = fitted_in(top, inner).expect("shrinks");
        assert!(at.y >= 40.0, "{at:?}");
        assert!(at.y + TITLE_BAR + size.y <= 614.0 + 0.01, "{at:?} {size:?}");
    }
}
