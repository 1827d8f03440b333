//! What the window is opened with besides its size: the app's icon (title bar, taskbar,
//! Alt-Tab) and, for the wgpu renderer, which graphics back ends it may use.

use eframe::egui;
use std::sync::Arc;

/// The app's icon (the same 256-pixel picture the Linux menu entry uses); `None` if it could
/// not be decoded (then the system's default icon shows, nothing else changes).
pub fn icon() -> Option<Arc<egui::IconData>> {
    let png = include_bytes!("../../assets/icons/selfcheck-256.png");
    let img = image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .ok()?
        .to_rgba8();
    Some(Arc::new(egui::IconData {
        width: img.width(),
        height: img.height(),
        rgba: img.into_raw(),
    }))
}

/// wgpu's set-up: on Windows Direct3D 12 (with its WARP software device where no driver
/// offers it) and then OpenGL — not Vulkan, into which recording and game-booster tools inject
/// overlay layers that can break or slow the window; everywhere the low-power GPU (this app
/// draws a few panels; the integrated GPU is enough and keeps laptops cool). `WGPU_BACKEND`
/// and `WGPU_POWER_PREF` still choose, for support.
pub fn wgpu_options() -> eframe::egui_wgpu::WgpuConfiguration {
    let mut setup = eframe::egui_wgpu::WgpuSetupCreateNew::without_display_handle();
    if cfg!(windows) {
        setup.instance_descriptor.backends =
            wgpu::Backends::from_env().unwrap_or(wgpu::Backends::DX12 | wgpu::Backends::GL);
    }
    setup.power_preference =
        wgpu::PowerPreference::from_env().unwrap_or(wgpu::PowerPreference::LowPower);
    eframe::egui_wgpu::WgpuConfiguration {
        wgpu_setup: setup.into(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_decodes_and_wgpu_avoids_vulkan_on_windows() {
        let icon = icon().expect("icon");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        let eframe::egui_wgpu::WgpuSetup::CreateNew(setup) = wgpu_options().wgpu_setup else {
            panic!("a new set-up");
        };
        if std::env::var_os("WGPU_BACKEND").is_none() && cfg!(windows) {
            let backends = setup.instance_descriptor.backends;
            assert!(backends.contains(wgpu::Backends::DX12 | wgpu::Backends::GL));
            assert!(!backends.contains(wgpu::Backends::VULKAN));
        }
        if std::env::var_os("WGPU_POWER_PREF").is_none() {
            assert_eq!(setup.power_preference, wgpu::PowerPreference::LowPower);
        }
    }
}
