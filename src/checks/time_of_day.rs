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

/// Judges the local time `hh:mm` (`utc_offset` like "+08:00" is shown for support).
pub fn judge(hour: u32, minute: u32, utc_offset: &str, profile: &Profile, tr: &Tr) -> CheckResult {
    let s = &profile.schedule;
    let time = format!("{hour:02}:{minute:02}");
    let (Some(start), Some(end)) = (parse_clock(&s.night_start), parse_clock(&s.night_end)) else {
        return CheckResult::error(SYSTEM_TIME_OF_DAY, tr, tr.t("tod-bad-profile"));
    };
    let night = in_window(hour * 60 + minute, start, end);
    let args = [
        ("time", time.clone()),
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
    r.measured("local_time", time)
        .measured("utc_offset", utc_offset.to_string())
        .threshold("night_start", s.night_start.clone())
        .threshold("night_end", s.night_end.clone())
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

    #[test]
    fn verdicts() {
        let p = Profile::builtin().expect("profile");
        let tr = Tr::new(Lang::ZhCn);
        let night = judge(23, 30, "+08:00", &p, &tr);
        assert_eq!(night.status, Status::Warn);
        assert_eq!(night.measured["local_time"], "23:30");
        assert!(night.summary.contains("23:30"));
        assert!(!night.advice.is_empty());
        let day = judge(14, 5, "+08:00", &p, &tr);
        assert_eq!(day.status, Status::Pass);
        assert_eq!(day.threshold["night_start"], "22:00");
    }
}
