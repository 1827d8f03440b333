//! The report's time as a seller reads it: "2026年12月2日 15:30" or "2 Dec 2026, 15:30", with
//! the offset it was made in. The JSON keeps the exact RFC 3339 stamp; only what is shown to
//! people is written this way.

use crate::i18n::Lang;

/// `stamp` (RFC 3339, as `Report::created_at`) in `lang`'s way of writing dates; a stamp that
/// does not parse is shown as it is.
pub fn display(stamp: &str, lang: Lang) -> String {
    let Ok(t) = chrono::DateTime::parse_from_rfc3339(stamp) else {
        return stamp.to_string();
    };
    let offset = t.format("%:z");
    match lang {
        Lang::ZhCn => format!("{}（UTC{offset}）", t.format("%Y年%-m月%-d日 %H:%M")),
        Lang::En => format!("{} (UTC{offset})", t.format("%-d %b %Y, %H:%M")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let s = "2026-12-02T15:04:09+08:00";
        assert_eq!(display(s, Lang::ZhCn), "2026年12月2日 15:04（UTC+08:00）");
        assert_eq!(display(s, Lang::En), "2 Dec 2026, 15:04 (UTC+08:00)");
        assert_eq!(display("yesterday", Lang::En), "yesterday");
    }
}
