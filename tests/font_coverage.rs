//! The bundled subset font (assets/fonts/ui-cjk-subset.ttf) has a glyph for every character
//! of every translation, so no screen or message shows empty boxes on a PC without a Chinese
//! font — including messages only shown in rare states. Rebuild it with
//! scripts/subset-font.sh when this fails.

use skrifa::MetadataProvider;

#[test]
fn the_bundled_font_covers_every_translated_character() {
    let root = env!("CARGO_MANIFEST_DIR");
    let font = std::fs::read(format!("{root}/assets/fonts/ui-cjk-subset.ttf")).expect("font");
    let font = skrifa::FontRef::new(&font).expect("a TrueType font");
    let charmap = font.charmap();
    let mut missing = std::collections::BTreeSet::new();
    for lang in ["zh-CN", "en"] {
        let text = std::fs::read_to_string(format!("{root}/assets/i18n/{lang}/main.ftl"))
            .expect("translations");
        for c in text.chars().filter(|c| !c.is_control() && !c.is_ascii()) {
            if charmap.map(c).is_none() {
                missing.insert(c);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no glyph for {missing:?}: run scripts/subset-font.sh"
    );
}
