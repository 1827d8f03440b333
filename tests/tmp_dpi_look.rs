use eframe::egui;
use egui_kittest::Harness;
use selfcheck::gui::{SelfCheckApp, Sources};
use selfcheck::i18n::Lang;
use selfcheck::profile::Profile;
use std::sync::Arc;
#[test]
fn look() {
    for (i, step) in [
        "3. 摄像头",
        "4. 身份证",
        "7. 360° 环视演练",
        "6. 朗读数字演练",
    ]
    .iter()
    .enumerate()
    {
        let profile = Arc::new(Profile::builtin().unwrap());
        let app = SelfCheckApp::with_sources(
            profile,
            Lang::ZhCn,
            Sources {
                no_network: true,
                camera_replay: Some(std::path::PathBuf::from(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/images/one_face_portrait.jpg"
                ))),
                ..Sources::default()
            },
        );
        let mut h = Harness::builder()
            .with_size(egui::vec2(910.0, 512.0))
            .with_pixels_per_point(1.5)
            .build_ui_state(|ui, app: &mut SelfCheckApp| app.draw(ui), app);
        h.run_steps(2);
        use egui_kittest::kittest::Queryable;
        h.get_by_label(step).click();
        for _ in 0..120 {
            h.step();
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        let img = h.render().unwrap();
        img.save(format!("/tmp/dpi_{i}.png")).unwrap();
    }
}
