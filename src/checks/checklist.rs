//! Items the seller confirms: ID card validity (from its expiry date), real-name phone,
//! product samples in view, done at the business premises.

use super::ids;
use super::model::{CheckResult, Status};
use crate::i18n::Tr;
use crate::profile::ChecklistReq;
use chrono::{Datelike, NaiveDate};

/// Whole months from `from` to `to` (negative when `to` is earlier).
pub fn whole_months(from: NaiveDate, to: NaiveDate) -> i64 {
    let mut months =
        i64::from(to.year() - from.year()) * 12 + i64::from(to.month()) - i64::from(from.month());
    if to.day() < from.day() {
        months -= 1;
    }
    months
}

/// The end of the card's validity as the seller typed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    Until(NaiveDate),
    LongTerm,
}

/// Reads the validity as printed on the back of the card: one date (2031-05-01, 2031.05.01,
/// 2031/05/01, 20310501) or the whole range `2016.05.01-2036.05.01` (with `-`, `－`, `—`, `~`
/// or `至` between, spaces anywhere), whose end is what counts; `…-长期` or `长期` alone is
/// long-term. None when no date can be read or a date is impossible.
pub fn parse_validity(text: &str) -> Option<Validity> {
    let t = text.trim();
    let long_term = t.ends_with("长期") || t.to_ascii_lowercase().ends_with("long-term");
    // Digit runs: one of 8 digits is a date; 4 + 1–2 + 1–2 digits are a date with separators.
    let runs: Vec<&str> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect();
    let mut dates = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        if runs[i].len() == 8 {
            dates.push(NaiveDate::parse_from_str(runs[i], "%Y%m%d").ok()?);
            i += 1;
        } else if runs[i].len() == 4 && i + 3 <= runs.len() {
            if runs[i + 1].len() > 2 || runs[i + 2].len() > 2 {
                return None;
            }
            let y = runs[i].parse().ok()?;
            let (m, d) = (runs[i + 1].parse().ok()?, runs[i + 2].parse().ok()?);
            dates.push(NaiveDate::from_ymd_opt(y, m, d)?);
            i += 3;
        } else {
            return None;
        }
    }
    if long_term {
        return (dates.len() <= 1).then_some(Validity::LongTerm);
    }
    match dates.as_slice() {
        [end] | [_, end] => Some(Validity::Until(*end)),
        _ => None,
    }
}

/// The end date when the text holds one (see `parse_validity`).
pub fn parse_expiry(text: &str) -> Option<NaiveDate> {
    match parse_validity(text)? {
        Validity::Until(d) => Some(d),
        Validity::LongTerm => None,
    }
}

/// `checklist.id_card_validity` from the expiry date printed on the back of the card.
pub fn id_card_validity(
    expiry: Option<NaiveDate>,
    long_term: bool,
    today: NaiveDate,
    req: &ChecklistReq,
    tr: &Tr,
) -> CheckResult {
    let id = ids::CHECKLIST_ID_CARD_VALIDITY;
    let min = req.id_card_min_valid_months;
    if long_term {
        return CheckResult::new(id, Status::Pass, tr)
            .summary(tr.t("idcard-summary-long-term"))
            .measured("expiry", "long-term")
            .threshold("min_valid_months", min);
    }
    let Some(expiry) = expiry else {
        return CheckResult::skipped(id, tr, tr.t("checklist-not-confirmed"))
            .advice(tr.f("idcard-advice", &[("months", min.to_string())]))
            .threshold("min_valid_months", min);
    };
    let months = whole_months(today, expiry);
    let args = [
        ("expiry", expiry.to_string()),
        ("months", months.to_string()),
        ("min", min.to_string()),
    ];
    let (status, key) = if expiry < today {
        (Status::Fail, "idcard-summary-expired")
    } else if months < i64::from(min) {
        (Status::Fail, "idcard-summary-short")
    } else {
        (Status::Pass, "idcard-summary-ok")
    };
    let r = CheckResult::new(id, status, tr)
        .summary(tr.f(key, &args))
        .measured("expiry", expiry.to_string())
        .measured("months_left", months.max(0))
        .threshold("min_valid_months", min);
    if status == Status::Fail {
        r.advice(tr.f("idcard-advice", &[("months", min.to_string())]))
    } else {
        r
    }
}

/// A yes/no item the seller confirms (`None` = not answered yet).
pub fn confirmation(id: &str, answer: Option<bool>, tr: &Tr) -> CheckResult {
    let stem = super::model::message_stem(id);
    let advice = tr.t(&format!("advice-{stem}"));
    match answer {
        None => CheckResult::skipped(id, tr, tr.t("checklist-not-confirmed")).advice(advice),
        Some(true) => CheckResult::new(id, Status::Pass, tr)
            .summary(tr.t("checklist-confirmed"))
            .measured("confirmed", true),
        Some(false) => CheckResult::new(id, Status::Fail, tr)
            .summary(tr.t("checklist-not-ready"))
            .advice(advice)
            .measured("confirmed", false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_dates_as_printed_parse() {
        let d = chrono::NaiveDate::from_ymd_opt(2031, 5, 1);
        assert_eq!(parse_expiry("2031-05-01"), d);
        assert_eq!(parse_expiry("2031.05.01"), d);
        assert_eq!(parse_expiry(" 20310501 "), d);
        assert_eq!(parse_expiry("2031-13-01"), None);
        assert_eq!(parse_expiry("长期"), None);
    }

    /// The validity exactly as printed on the back of a second-generation card.
    #[test]
    fn the_printed_range_counts_by_its_end() {
        let end = Some(Validity::Until(d(2036, 5, 1)));
        for text in [
            "2016.05.01-2036.05.01",
            "2016.05.01－2036.05.01",
            "2016.05.01 至 2036.05.01",
            " 2016.05.01 - 2036.05.01 ",
            "20160501-20360501",
            "2016-05-01-2036-05-01",
            "2016.5.1-2036.5.1",
        ] {
            assert_eq!(parse_validity(text), end, "{text}");
        }
        assert_eq!(parse_validity("2016.05.01-长期"), Some(Validity::LongTerm));
        assert_eq!(parse_validity("长期"), Some(Validity::LongTerm));
        assert_eq!(parse_validity("2016.05.01-2036.13.01"), None);
        assert_eq!(parse_validity("2016.05.01-2036.05"), None);
        assert_eq!(parse_validity("2016.05.01-2026.05.01-2036.05.01"), None);
        assert_eq!(parse_validity("请输入"), None);
        assert_eq!(parse_expiry("2016.05.01-2036.05.01"), Some(d(2036, 5, 1)));
    }
    use crate::i18n::Lang;
    use crate::profile::Profile;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn months_are_whole() {
        assert_eq!(whole_months(d(2026, 11, 30), d(2027, 5, 30)), 6);
        assert_eq!(whole_months(d(2026, 11, 30), d(2027, 5, 29)), 5);
        assert_eq!(whole_months(d(2026, 11, 30), d(2026, 10, 1)), -2);
    }

    #[test]
    fn id_card_rules() {
        let req = Profile::builtin().expect("p").checklist;
        let tr = Tr::new(Lang::ZhCn);
        let today = d(2026, 11, 30);
        assert_eq!(
            id_card_validity(Some(d(2030, 1, 1)), false, today, &req, &tr).status,
            Status::Pass
        );
        let short = id_card_validity(Some(d(2027, 3, 1)), false, today, &req, &tr);
        assert_eq!(short.status, Status::Fail);
        assert_eq!(short.measured["months_left"], 3);
        assert_eq!(
            id_card_validity(Some(d(2026, 1, 1)), false, today, &req, &tr).status,
            Status::Fail
        );
        assert_eq!(
            id_card_validity(None, false, today, &req, &tr).status,
            Status::Skipped
        );
        assert_eq!(
            id_card_validity(None, true, today, &req, &tr).status,
            Status::Pass
        );
    }

    #[test]
    fn confirmations() {
        let tr = Tr::new(Lang::En);
        let id = ids::CHECKLIST_PHONE_REAL_NAME;
        assert_eq!(confirmation(id, None, &tr).status, Status::Skipped);
        assert_eq!(confirmation(id, Some(true), &tr).status, Status::Pass);
        let no = confirmation(id, Some(false), &tr);
        assert_eq!(no.status, Status::Fail);
        assert!(!no.advice.is_empty() && !no.advice.starts_with("advice-"));
    }
}
