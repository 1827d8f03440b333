//! The part of the screen the desktop leaves to windows (the work area: the screen without its
//! taskbar or panels), as the system tells it. Windows: `SPI_GETWORKAREA`. Linux on X11 (and
//! XWayland): the window manager's `_NET_WORKAREA` for the current desktop. Where the system
//! does not say (Wayland alone, a bare X server, macOS) there is no answer, and the caller
//! keeps a taskbar's room itself.

use super::window_fit::Room;
use eframe::egui;

/// A work area in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PixelArea {
    pub left: i64,
    pub top: i64,
    pub width: i64,
    pub height: i64,
}

impl PixelArea {
    /// In points, for a screen at `pixels_per_point`; None when it is empty.
    pub fn to_room(self, pixels_per_point: f32) -> Option<Room> {
        let ppp = pixels_per_point.max(0.5);
        (self.width > 0 && self.height > 0).then(|| Room {
            min: egui::pos2(self.left as f32 / ppp, self.top as f32 / ppp),
            size: egui::vec2(self.width as f32 / ppp, self.height as f32 / ppp),
        })
    }
}

/// The work area of the screen the app opened on, in points; None where the system does not
/// say. `monitor` (points) clips a work area that spans several screens.
pub fn work_area(pixels_per_point: f32, monitor: egui::Vec2) -> Option<Room> {
    let area = system_area()?.to_room(pixels_per_point)?;
    clipped(area, monitor)
}

/// A work area wider or taller than the monitor spans several screens (X11 gives one for the
/// whole desktop): keep its part on the screen at the origin, where a new window opens.
fn clipped(area: Room, monitor: egui::Vec2) -> Option<Room> {
    let max = egui::pos2(
        (area.min.x + area.size.x).min(monitor.x),
        (area.min.y + area.size.y).min(monitor.y),
    );
    (max.x > area.min.x && max.y > area.min.y).then(|| Room {
        min: area.min,
        size: max - area.min,
    })
}

#[cfg(windows)]
fn system_area() -> Option<PixelArea> {
    use windows_sys::Win32::Foundation::RECT;
    use windows_sys::Win32::UI::WindowsAndMessaging::{SPI_GETWORKAREA, SystemParametersInfoW};
    let mut r = RECT {
        left: 0,
        top: 0,
        right: 0,
        bottom: 0,
    };
    // SAFETY: SPI_GETWORKAREA writes one RECT to the pointer given.
    let ok = unsafe { SystemParametersInfoW(SPI_GETWORKAREA, 0, (&raw mut r).cast(), 0) };
    (ok != 0).then_some(PixelArea {
        left: r.left.into(),
        top: r.top.into(),
        width: (r.right - r.left).into(),
        height: (r.bottom - r.top).into(),
    })
}

/// Read from the X server in `DISPLAY`, bounded (a display over the network could hang).
#[cfg(target_os = "linux")]
fn system_area() -> Option<PixelArea> {
    let display = std::env::var("DISPLAY").ok().filter(|d| !d.is_empty())?;
    crate::time_bound::within("work-area", std::time::Duration::from_secs(2), move || {
        x11_area(&display)
    })
    .flatten()
}

#[cfg(not(any(windows, target_os = "linux")))]
fn system_area() -> Option<PixelArea> {
    None
}

/// `_NET_WORKAREA` (x, y, width, height per desktop) at `_NET_CURRENT_DESKTOP`, as window
/// managers that follow the EWMH set it on the root window. Any error: no answer.
#[cfg(target_os = "linux")]
pub fn x11_area(display: &str) -> Option<PixelArea> {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{AtomEnum, ConnectionExt};
    let (conn, screen) = x11rb::connect(Some(display)).ok()?;
    let root = conn.setup().roots.get(screen)?.root;
    let atom = |name: &[u8]| -> Option<u32> {
        Some(conn.intern_atom(true, name).ok()?.reply().ok()?.atom).filter(|a| *a != 0)
    };
    let cardinals = |property: u32, longs: u32| -> Option<Vec<u32>> {
        let reply = conn
            .get_property(false, root, property, AtomEnum::CARDINAL, 0, longs)
            .ok()?
            .reply()
            .ok()?;
        Some(reply.value32()?.collect())
    };
    let areas = cardinals(atom(b"_NET_WORKAREA")?, 4 * 64)?;
    let desktop = atom(b"_NET_CURRENT_DESKTOP")
        .and_then(|a| cardinals(a, 1))
        .and_then(|v| v.first().copied())
        .unwrap_or(0) as usize;
    area_of_desktop(&areas, desktop)
}

/// The `desktop`th group of four in a `_NET_WORKAREA` value (the first when there is no such
/// desktop).
pub fn area_of_desktop(values: &[u32], desktop: usize) -> Option<PixelArea> {
    let group = |i: usize| values.get(4 * i..4 * i + 4);
    let v = group(desktop).or_else(|| group(0))?;
    Some(PixelArea {
        left: v[0].into(),
        top: v[1].into(),
        width: v[2].into(),
        height: v[3].into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_desktops_area_is_taken_and_scaled_to_points() {
        // Two desktops; a 48-px panel on the left of the second.
        let values = [0, 0, 2732, 1488, 48, 0, 2684, 1536];
        let area = area_of_desktop(&values, 1).expect("second desktop");
        assert_eq!((area.left, area.width), (48, 2684));
        let room = area.to_room(2.0).expect("not empty");
        assert_eq!(room.min, egui::pos2(24.0, 0.0));
        assert_eq!(room.size, egui::vec2(1342.0, 768.0));
        // No such desktop: the first; a short value: none.
        assert_eq!(area_of_desktop(&values, 5).map(|a| a.width), Some(2732));
        assert_eq!(area_of_desktop(&values[..3], 0), None);
    }

    #[test]
    fn an_area_over_two_screens_is_clipped_to_the_first() {
        let both = Room {
            min: egui::pos2(0.0, 0.0),
            size: egui::vec2(3286.0, 1040.0),
        };
        let room = clipped(both, egui::vec2(1366.0, 768.0)).expect("on screen");
        assert_eq!(room.size, egui::vec2(1366.0, 768.0));
        let off = Room {
            min: egui::pos2(1400.0, 0.0),
            size: egui::vec2(100.0, 100.0),
        };
        assert_eq!(clipped(off, egui::vec2(1366.0, 768.0)), None);
    }

    /// Under Wine the work area is the virtual screen: read, non-empty, inside the screen.
    #[cfg(windows)]
    #[test]
    fn the_work_area_is_read_from_windows() {
        let room = work_area(1.0, egui::vec2(100_000.0, 100_000.0)).expect("answers");
        assert!(room.size.x > 0.0 && room.size.y > 0.0, "{room:?}");
        assert!(room.min.x >= 0.0 && room.min.y >= 0.0, "{room:?}");
    }
}
