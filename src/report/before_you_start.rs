//! "Before you start": the rules of the real verification a seller must know before trying,
//! with the profile's numbers. The numbers travel inside the report (`rules`), so a report
//! renders the same rules it was judged against, in either language, years later.

use super::Report;
use crate::i18n::Tr;
use crate::profile::Profile;
use serde::{Deserialize, Serialize};

/// The profile's facts about the verification itself (schema 2; absent in version 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    /// The requirement profile's name for people ("速卖通视频验证").
    pub name_zh: String,
    pub name_en: String,
    pub verification_domain: String,
    pub attempts_per_day: u32,
    pub freeze_hours: u32,
    pub notice_deadline_hours: u32,
    pub result_wait_s: u32,
    pub flow_minutes_min: u32,
    pub flow_minutes_max: u32,
    pub max_lip_sync_offset_s: f64,
    pub min_product_samples: u32,
    pub id_photo_max_mb: f64,
}

impl Rules {
    pub fn of(p: &Profile) -> Rules {
        Rules {
            name_zh: p.profile.name_zh.clone(),
            name_en: p.profile.name_en.clone(),
            verification_domain: p.profile.verification_domain.clone(),
            attempts_per_day: p.verification.attempts_per_day,
            freeze_hours: p.verification.freeze_hours,
            notice_deadline_hours: p.verification.notice_deadline_hours,
            result_wait_s: p.verification.result_wait_s,
            flow_minutes_min: p.verification.flow_minutes_min,
            flow_minutes_max: p.verification.flow_minutes_max,
            max_lip_sync_offset_s: p.audio.max_lip_sync_offset_s,
            min_product_samples: p.checklist.min_product_samples,
            id_photo_max_mb: p.checklist.id_photo_max_mb,
        }
    }
}

/// The profile's name in `tr`'s language (its id for a report without rules).
pub fn profile_name(report: &Report, tr: &Tr) -> String {
    match (&report.rules, tr.lang) {
        (Some(r), crate::i18n::Lang::ZhCn) => r.name_zh.clone(),
        (Some(r), _) => r.name_en.clone(),
        (None, _) => report.profile.clone(),
    }
}

/// The block's lines in `tr`'s language; empty for a report that carries no rules (v1).
pub fn lines(report: &Report, tr: &Tr) -> Vec<String> {
    let Some(r) = &report.rules else {
        return Vec::new();
    };
    let n = |v: f64| format!("{v}");
    vec![
        tr.f(
            "start-flow",
            &[
                ("domain", r.verification_domain.clone()),
                ("min", r.flow_minutes_min.to_string()),
                ("max", r.flow_minutes_max.to_string()),
                ("wait", r.result_wait_s.to_string()),
            ],
        ),
        tr.f(
            "start-attempts",
            &[
                ("attempts", r.attempts_per_day.to_string()),
                ("freeze", r.freeze_hours.to_string()),
                ("deadline", r.notice_deadline_hours.to_string()),
            ],
        ),
        tr.t("start-focus"),
        tr.f("start-reading", &[("offset", n(r.max_lip_sync_offset_s))]),
        tr.f(
            "start-premises",
            &[("samples", r.min_product_samples.to_string())],
        ),
        tr.t("start-if-failed"),
        tr.f("start-id-photos", &[("mb", n(r.id_photo_max_mb))]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::report::header::SystemInfo;

    #[test]
    fn the_block_carries_the_profile_numbers_in_both_languages() {
        let p = Profile::builtin().expect("profile");
        let report = Report::new(&p, Lang::ZhCn, SystemInfo::default(), vec![]);
        let zh = lines(&report, &Tr::new(Lang::ZhCn)).join("\n");
        for needle in [
            "aliyun.com",
            "72",
            "0.8",
            "无痕",
            "标签页",
            "2 MB",
            "错误代码",
        ] {
            assert!(zh.contains(needle), "{needle} missing in: {zh}");
        }
        let en = lines(&report, &Tr::new(Lang::En)).join("\n");
        for needle in [
            "aliyun.com",
            "72",
            "0.8",
            "incognito",
            "tab",
            "2 MB",
            "error code",
        ] {
            assert!(en.contains(needle), "{needle} missing in: {en}");
        }
        let mut v1 = report;
        v1.rules = None;
        assert!(lines(&v1, &Tr::new(Lang::En)).is_empty());
    }
}
