//! The translation layer: every string a seller or support agent reads comes from
//! `assets/i18n/<lang>/main.ftl` (Fluent), Simplified Chinese first, English on request.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./assets/i18n",
        fallback_language: "zh-CN",
        // No Unicode isolation marks around arguments: reports are pasted into chats.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

const ZH_CN: LanguageIdentifier = langid!("zh-CN");
const EN: LanguageIdentifier = langid!("en");

/// A language the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Accepts "zh-CN", "zh", "zh_CN.UTF-8", "en", "en-US", … (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        let lower = s.trim().to_ascii_lowercase();
        if lower.starts_with("zh") {
            Some(Lang::ZhCn)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The system locale if we speak it, else Simplified Chinese.
    pub fn from_system() -> Lang {
        sys_locale::get_locale()
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default()
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::ZhCn => ZH_CN,
            Lang::En => EN,
        }
    }
}

/// Looks up translated strings for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The message `key`; a missing key shows the key itself rather than failing.
    pub fn t(&self, key: &str) -> String {
        LOCALES
            .try_lookup(&self.lang.langid(), key)
            .unwrap_or_else(|| key.to_string())
    }

    /// The message `key` with named arguments, e.g. `tr.f("x", &[("mbps", "3.1".into())])`.
    pub fn f(&self, key: &str, args: &[(&str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Owned((*k).to_string()), FluentValue::from(v.clone())))
            .collect();
        LOCALES
            .try_lookup_with_args(&self.lang.langid(), key, &map)
            .unwrap_or_else(|| key.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(text: &str) -> BTreeSet<String> {
        text.lines()
            .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
            .filter_map(|l| l.split(" =").next().map(|k| k.trim().to_string()))
            .collect()
    }

    #[test]
    fn no_key_is_defined_twice() {
        for text in [
            include_str!("../assets/i18n/zh-CN/main.ftl"),
            include_str!("../assets/i18n/en/main.ftl"),
        ] {
            let all: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
                .filter_map(|l| l.split(" =").next())
                .collect();
            let unique: BTreeSet<&str> = all.iter().copied().collect();
            assert_eq!(
                all.len(),
                unique.len(),
                "a Fluent key is defined twice (the loader would panic)"
            );
        }
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let zh = keys(include_str!("../assets/i18n/zh-CN/main.ftl"));
        let en = keys(include_str!("../assets/i18n/en/main.ftl"));
        let only_zh: Vec<_> = zh.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&zh).collect();
        assert!(only_zh.is_empty(), "missing in en: {only_zh:?}");
        assert!(only_en.is_empty(), "missing in zh-CN: {only_en:?}");
        assert!(zh.len() > 50);
    }

    #[test]
    fn lookups_translate_and_substitute() {
        let zh = Tr::new(Lang::ZhCn);
        let en = Tr::new(Lang::En);
        assert_eq!(zh.t("verdict-ready"), "可以开始验证");
        assert_eq!(en.t("verdict-ready"), "Ready to verify");
        let s = en.f(
            "tod-summary-night",
            &[
                ("time", "23:10".into()),
                ("local", "16:10".into()),
                ("start", "22:00".into()),
                ("end", "06:00".into()),
            ],
        );
        assert!(s.contains("23:10"), "{s}");
        assert!(!s.contains('\u{2068}'), "no isolation marks: {s:?}");
        assert_eq!(zh.t("no-such-key"), "no-such-key");
    }

    #[test]
    fn language_codes_parse() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("en-US"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
