//! The 360° pan rehearsal: the seller turns the camera around the room. The platform fails a
//! verification when anyone else appears during the pan, so every look at the picture counts;
//! a pan that did not really happen (camera held still) is only a warning, because it proves
//! nothing either way.

use super::ids::REHEARSAL_PAN;
use super::model::{CheckResult, Status, round};
use crate::i18n::Tr;
use crate::profile::RehearsalReq;

/// What the app saw during one pan, built look by look.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PanWatch {
    /// Seconds from the start of the pan to the last look.
    pub seconds: f64,
    pub looks: u32,
    /// Looks where the picture changed at least `pan_motion_level`.
    pub moving_looks: u32,
    /// Most people seen in one look.
    pub max_people: u32,
    /// When more than the expected people were first seen.
    pub extra_person_at_s: Option<f64>,
}

impl PanWatch {
    /// Adds one look: `t_s` since the pan started, the people counted, the picture change.
    pub fn observe(
        &mut self,
        t_s: f64,
        people: u32,
        motion: f64,
        req: &RehearsalReq,
        expected: u32,
    ) {
        self.seconds = self.seconds.max(t_s);
        self.looks += 1;
        if motion >= req.pan_motion_level {
            self.moving_looks += 1;
        }
        self.max_people = self.max_people.max(people);
        if people > expected && self.extra_person_at_s.is_none() {
            self.extra_person_at_s = Some(t_s);
        }
    }

    pub fn moving_fraction(&self) -> f64 {
        if self.looks == 0 {
            0.0
        } else {
            f64::from(self.moving_looks) / f64::from(self.looks)
        }
    }
}

pub fn judge(w: &PanWatch, req: &RehearsalReq, expected: u32, tr: &Tr) -> CheckResult {
    let base = |status| {
        CheckResult::new(REHEARSAL_PAN, status, tr)
            .measured("seconds", round(w.seconds, 1))
            .measured("looks", w.looks)
            .measured("moving_fraction", round(w.moving_fraction(), 2))
            .measured("max_people", w.max_people)
            .measured(
                "extra_person_at_s",
                w.extra_person_at_s.map(|t| round(t, 1)),
            )
            .threshold("min_s", req.pan_min_s)
            .threshold("moving_fraction", req.pan_moving_fraction)
            .threshold("expected_people", expected)
    };
    if let Some(at) = w.extra_person_at_s {
        return base(Status::Fail)
            .summary(tr.f(
                "pan-extra-person",
                &[
                    ("count", w.max_people.to_string()),
                    ("at", format!("{at:.0}")),
                ],
            ))
            .advice(tr.t("pan-advice-extra-person"));
    }
    if w.seconds < req.pan_min_s {
        return base(Status::Warn)
            .summary(tr.f(
                "pan-too-short",
                &[
                    ("seconds", format!("{:.0}", w.seconds)),
                    ("min", format!("{:.0}", req.pan_min_s)),
                ],
            ))
            .advice(tr.t("pan-advice-slow-full-turn"));
    }
    if w.moving_fraction() < req.pan_moving_fraction {
        return base(Status::Warn)
            .summary(tr.t("pan-no-motion"))
            .advice(tr.t("pan-advice-slow-full-turn"));
    }
    base(Status::Pass).summary(tr.f("pan-ok", &[("seconds", format!("{:.0}", w.seconds))]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::profile::Profile;

    fn req() -> RehearsalReq {
        Profile::builtin().expect("profile").rehearsal
    }

    fn watch(people: &[u32], motion: f64, step_s: f64) -> PanWatch {
        let r = req();
        let mut w = PanWatch::default();
        for (i, p) in people.iter().enumerate() {
            w.observe(i as f64 * step_s, *p, motion, &r, 1);
        }
        w
    }

    #[test]
    fn a_full_moving_pan_alone_passes() {
        let w = watch(&[1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1], 9.0, 1.0);
        let r = judge(&w, &req(), 1, &Tr::new(Lang::En));
        assert_eq!(r.status, Status::Pass, "{r:?}");
        assert_eq!(r.measured["seconds"], 10.0);
    }

    #[test]
    fn a_second_person_for_one_look_fails_and_says_when() {
        let w = watch(&[1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1], 9.0, 1.0);
        let r = judge(&w, &req(), 1, &Tr::new(Lang::En));
        assert_eq!(r.status, Status::Fail);
        assert_eq!(r.measured["extra_person_at_s"], 3.0);
        assert!(r.summary.contains('3'), "{}", r.summary);
    }

    #[test]
    fn a_still_camera_or_a_short_pan_warns() {
        let still = watch(&[1; 12], 0.5, 1.0);
        let r = judge(&still, &req(), 1, &Tr::new(Lang::En));
        assert_eq!(r.status, Status::Warn);
        assert_eq!(r.measured["moving_fraction"], 0.0);
        let short = watch(&[1; 4], 9.0, 1.0);
        assert_eq!(
            judge(&short, &req(), 1, &Tr::new(Lang::En)).status,
            Status::Warn
        );
    }
}
