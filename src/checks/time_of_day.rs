//! `system.time_of_day`: between 22:00 and 06:00 fewer human reviewers work and automatic
//! misjudgements rise, so a night attempt gets a warning.

use super::ids::SYSTEM_TIME_OF_DAY;
use super::model::{CheckResult, Status};
use crate::i18n::Tr;
use crate::profile::{Profile, parse_clock};

/// Whether `minutes` after midnight lies in [start, end), wrapping past midnight.
pub fn in_window(minutes: u32, start: u32, end: u32) -> bool {
    if start <= end {
        minutes >= start && minutes < end
    } else {
        minutes >= start || minutes < end
    }
}

/// Parses a UTC offset written "+08:00" / "-05:30" into seconds east of UTC.
pub fn parse_utc_offset(text: &str) -> Option<i32> {
    let (sign, rest) = match text.trim().split_at_checked(1)? {
        ("+", r) => (1, r),
        ("-", r) => (-1, r),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    ((0..=14).contains(&h) && (0..60).contains(&m)).then_some(sign * (h * 3600 + m * 60))
}

/// Judges the moment `now` against the night window, read in the reviewers' time zone (the
/// profile's `schedule.reviewers_utc_offset`); the seller's own clock (`local`) is shown too.
pub fn judge(
    now: chrono::DateTime<chrono::Utc>,
    local: chrono::FixedOffset,
    profile: &Profile,
    tr: &Tr,
) -> CheckResult {
    use chrono::Timelike;
    let s = &profile.schedule;
    let (Some(start), Some(end), Some(reviewers)) = (
        parse_clock(&s.night_start),
        parse_clock(&s.night_end),
        parse_utc_offset(&s.reviewers_utc_offset).and_then(chrono::FixedOffset::east_opt),
    ) else {
        return CheckResult::error(SYSTEM_TIME_OF_DAY, tr, tr.t("tod-bad-profile"));
    };
    let theirs = now.with_timezone(&reviewers);
    let ours = now.with_timezone(&local);
    let time = theirs.format("%H:%M").to_string();
    let local_time = ours.format("%H:%M").to_string();
    let night = in_window(theirs.hour() * 60 + theirs.minute(), start, end);
    let args = [
        ("time", time.clone()),
        ("local", local_time.clone()),
        ("start", s.night_start.clone()),
        ("end", s.night_end.clone()),
    ];
    let r = if night {
        CheckResult::new(SYSTEM_TIME_OF_DAY, Status::Warn, tr)
            .summary(tr.f("tod-summary-night", &args))
            .advice(tr.f("tod-advice-night", &args))
    } else {
        CheckResult::new(SYSTEM_TIME_OF_DAY, Status::Pass, tr)
            .summary(tr.f("tod-summary-day", &args))
    };
    r.measured("reviewers_time", time)
        .measured("local_time", local_time)
        .measured("utc_offset", ours.format("%:z").to_string())
        .threshold("night_start", s.night_start.clone())
        .threshold("night_end", s.night_end.clone())
        .threshold("reviewers_utc_offset", s.reviewers_utc_offset.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn night_window_wraps_midnight() {
        let (start, end) = (22 * 60, 6 * 60);
        assert!(in_window(22 * 60, start, end));
        assert!(in_window(23 * 60 + 59, start, end));
        assert!(in_window(0, start, end));
        assert!(in_window(5 * 60 + 59, start, end));
        assert!(!in_window(6 * 60, start, end));
        assert!(!in_window(21 * 60 + 59, start, end));
        assert!(in_window(10 * 60, 9 * 60, 17 * 60));
    }

    fn at(utc: &str) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339(utc)
            .expect("time")
            .with_timezone(&chrono::Utc)
    }

    fn zone(text: &str) -> chrono::FixedOffset {
        chrono::FixedOffset::east_opt(parse_utc_offset(text).expect("offset")).expect("zone")
    }

    #[test]
    fn verdicts() {
        let p = Profile::builtin().expect("profile");
        let tr = Tr::new(Lang::ZhCn);
        let night = judge(at("2026-12-01T15:30:00Z"), zone("+08:00"), &p, &tr);
        assert_eq!(night.status, Status::Warn);
        assert_eq!(night.measured["reviewers_time"], "23:30");
        assert!(night.summary.contains("23:30"));
        assert!(!night.advice.is_empty());
        let day = judge(at("2026-12-01T06:05:00Z"), zone("+08:00"), &p, &tr);
        assert_eq!(day.status, Status::Pass);
        assert_eq!(day.threshold["night_start"], "22:00");
    }

    /// The window is the reviewers' (China Standard Time): 23:30 in Beijing is 15:30 on a PC
    /// set to UTC, and still a night attempt; 23:30 on that PC is 07:30 in Beijing, daytime.
    #[test]
    fn the_night_window_is_read_in_the_reviewers_time_zone() {
        let p = Profile::builtin().expect("profile");
        let tr = Tr::new(Lang::En);
        let utc = zone("+00:00");
        let r = judge(at("2026-12-01T15:30:00Z"), utc, &p, &tr);
        assert_eq!(r.status, Status::Warn);
        assert_eq!(r.measured["reviewers_time"], "23:30");
        assert_eq!(r.measured["local_time"], "15:30");
        assert!(
            r.summary.contains("23:30") && r.summary.contains("15:30"),
            "{}",
            r.summary
        );
        let r = judge(at("2026-12-01T23:30:00Z"), utc, &p, &tr);
        assert_eq!(r.status, Status::Pass);
        assert_eq!(r.measured["reviewers_time"], "07:30");
        assert_eq!(r.measured["local_time"], "23:30");
    }

    #[test]
    fn offsets_parse() {
        assert_eq!(parse_utc_offset("+08:00"), Some(8 * 3600));
        assert_eq!(parse_utc_offset("-05:30"), Some(-(5 * 3600 + 30 * 60)));
        assert_eq!(parse_utc_offset("08:00"), None);
        assert_eq!(parse_utc_offset("+25:00"), None);
    }
}
