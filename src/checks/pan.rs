//! The 360° pan rehearsal: the seller turns the camera around the room. The platform fails a
//! verification when any face other than the seller's is seen during the pan — also while the
//! seller's own face is out of view — so the seller is followed from the start
//! (`analysis::seller_track`) and every other face is a sighting. A pan that did not really
//! happen (camera held still) is only a warning, because it proves nothing either way.

use super::ids::REHEARSAL_PAN;
use super::model::{CheckResult, Status, round};
use super::pan_far_search::{SlideAt, far_search};
use super::pan_turn::full_turn;
use crate::analysis::faces::FaceBox;
use crate::analysis::frame::Rect;
use crate::analysis::seller_track::{SellerRules, SellerTrack};
use crate::analysis::turn_shift::Slide;
use crate::i18n::Tr;
use crate::profile::RehearsalReq;

/// Faces other than the seller's seen in looks close together: one person (or poster) passing
/// through the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Sighting {
    pub first_s: f64,
    pub last_s: f64,
    /// Face looks that saw someone else.
    pub looks: u32,
    /// Most other faces in one of those looks.
    pub most: u32,
    /// Where the other faces were at the first look.
    pub first_boxes: Vec<Rect>,
}

impl Sighting {
    fn new(t_s: f64, boxes: Vec<Rect>) -> Self {
        Sighting {
            first_s: t_s,
            last_s: t_s,
            looks: 1,
            most: boxes.len() as u32,
            first_boxes: boxes,
        }
    }

    fn add(&mut self, t_s: f64, count: u32) {
        self.last_s = t_s;
        self.looks += 1;
        self.most = self.most.max(count);
    }
}

/// What the app saw during one pan, built look by look.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PanWatch {
    /// Seconds from the start of the pan to the last look.
    pub seconds: f64,
    pub looks: u32,
    /// Looks where the picture changed at least `pan_motion_level`.
    pub moving_looks: u32,
    /// Looks where faces were searched.
    pub face_looks: u32,
    /// Most faces (the seller included) in one look.
    pub max_faces: u32,
    pub seller: SellerTrack,
    pub sightings: Vec<Sighting>,
    /// Each time a face as near to the camera as the seller came back after the face before
    /// it had slid out at the side of the picture. One turn brings the seller back once, at
    /// its end: all but the last are someone else.
    pub comebacks: Vec<Sighting>,
    /// How far the picture slid at each face look, against what the far-face search keeps up
    /// with (`pan_far_search`).
    pub slides: Vec<SlideAt>,
    /// The picture's width at the last face look (frame pixels).
    pub picture_w: u32,
}

impl PanWatch {
    /// Adds one look: `t_s` since the pan started and the picture change since the last look.
    pub fn observe_look(&mut self, t_s: f64, motion: f64, req: &RehearsalReq) {
        self.seconds = self.seconds.max(t_s);
        self.looks += 1;
        if motion >= req.pan_motion_level {
            self.moving_looks += 1;
        }
    }

    /// Adds the faces found at a look `t_s` into the pan (every face, however small: a face far
    /// behind is exactly what fails the real pan), and how far the picture slid since the last
    /// face look (`FaceDetector::last_slide`).
    pub fn observe_faces(
        &mut self,
        t_s: f64,
        faces: &[FaceBox],
        picture_w: u32,
        slide: Option<Slide>,
        req: &RehearsalReq,
    ) {
        self.seconds = self.seconds.max(t_s);
        self.face_looks += 1;
        self.max_faces = self.max_faces.max(faces.len() as u32);
        self.picture_w = picture_w;
        if let Some(slide) = slide {
            self.slides.push(SlideAt { t_s, slide });
        }
        let slid = slide.and_then(|s| s.px);
        let split = self
            .seller
            .split(t_s, faces, picture_w, slid, &seller_rules(req));
        if let (Some(face), stay @ 1..) = (split.seller, split.stay) {
            let comeback = stay as usize - 1;
            if self.comebacks.len() <= comeback {
                self.comebacks.push(Sighting::new(t_s, vec![face.rect]));
            } else {
                self.comebacks[comeback].add(t_s, 1);
            }
        }
        if split.others.is_empty() {
            return;
        }
        let boxes: Vec<Rect> = split.others.iter().map(|f| f.rect).collect();
        let count = boxes.len() as u32;
        match self.sightings.last_mut() {
            Some(s) if t_s - s.last_s <= req.pan_sighting_gap_s => s.add(t_s, count),
            _ => self.sightings.push(Sighting::new(t_s, boxes)),
        }
    }

    /// Whether the last face look fell behind the turn: far faces were not looked for in a
    /// strip of the room (the seller should turn slower).
    pub fn falling_behind(&self) -> bool {
        self.slides
            .last()
            .is_some_and(|s| s.slide.unsearched_px() > 0.0)
    }

    /// Whether the last face look's picture was smeared by the turn beyond what far faces
    /// survive (the seller should turn on more light and turn slower).
    pub fn smeared_now(&self, req: &RehearsalReq) -> bool {
        let most = max_smear_px(req, self.picture_w);
        self.slides
            .last()
            .and_then(|s| {
                s.slide
                    .smear_px
                    .filter(|&l| s.slide.px.is_some_and(|p| l <= p.abs()))
            })
            .is_some_and(|l| l > most)
    }

    /// Sightings seen in enough looks to be a face and not a passing pattern, in time order:
    /// other faces, and faces as near as the seller's that came back before the last one.
    pub fn counted(&self, req: &RehearsalReq) -> Vec<&Sighting> {
        let min = req.pan_other_min_looks;
        let mut all: Vec<&Sighting> = self
            .sightings
            .iter()
            .chain(self.near_others())
            .filter(|s| s.looks >= min)
            .collect();
        all.sort_by(|a, b| a.first_s.total_cmp(&b.first_s));
        all
    }

    /// Other faces seen: each sighting counts the most faces it showed at once.
    pub fn others_seen(&self, req: &RehearsalReq) -> u32 {
        self.counted(req).iter().map(|s| s.most).sum()
    }

    /// Whether a counted sighting is a face as near as the seller's that came back mid-turn.
    pub fn near_other_seen(&self, req: &RehearsalReq) -> bool {
        self.near_others()
            .any(|s| s.looks >= req.pan_other_min_looks)
    }

    /// Faces as near as the seller's that came back, slid out at the side of the picture as
    /// the camera turned on, and were followed by another coming back: not the seller, whom
    /// one turn brings back once, at its end.
    fn near_others(&self) -> impl Iterator<Item = &Sighting> {
        self.comebacks[..self.comebacks.len().saturating_sub(1)].iter()
    }

    pub fn moving_fraction(&self) -> f64 {
        if self.looks == 0 {
            0.0
        } else {
            f64::from(self.moving_looks) / f64::from(self.looks)
        }
    }
}

/// The longest smear far faces survive in a picture `picture_w` wide (frame pixels).
fn max_smear_px(req: &RehearsalReq, picture_w: u32) -> f32 {
    (req.pan_far_max_smear_share * f64::from(picture_w)) as f32
}

pub fn seller_rules(req: &RehearsalReq) -> SellerRules {
    SellerRules {
        start_s: req.pan_seller_start_s,
        follow_share: req.pan_seller_follow_share,
        return_ratio: req.pan_seller_return_ratio,
    }
}

fn box_json(r: &Rect) -> serde_json::Value {
    serde_json::json!({ "x": r.x, "y": r.y, "w": r.w, "h": r.h })
}

pub fn judge(w: &PanWatch, req: &RehearsalReq, tr: &Tr) -> CheckResult {
    let counted = w.counted(req);
    let first = counted.first();
    let others = w.others_seen(req);
    let max_smear = max_smear_px(req, w.picture_w);
    let far = far_search(&w.slides, max_smear);
    let turn = full_turn(&w.slides, w.picture_w, req.pan_camera_max_fov_deg);
    let base = |status| {
        CheckResult::new(REHEARSAL_PAN, status, tr)
            .measured("seconds", round(w.seconds, 1))
            .measured("looks", w.looks)
            .measured("face_looks", w.face_looks)
            .measured("moving_fraction", round(w.moving_fraction(), 2))
            .measured("seller_at_start", w.seller.known())
            .measured("max_faces", w.max_faces)
            .measured("near_faces_back", w.comebacks.len())
            .measured("others_seen", others)
            .measured("first_other_at_s", first.map(|s| round(s.first_s, 1)))
            .measured(
                "first_other_boxes",
                first
                    .map(|s| s.first_boxes.iter().map(box_json).collect::<Vec<_>>())
                    .unwrap_or_default(),
            )
            .measured("turned_px", far.turned_px.round())
            .measured("full_turn_share", turn.map(|t| round(t.share(), 2)))
            .measured("far_unsearched_share", round(far.unsearched_share(), 3))
            .measured("far_search_behind_looks", far.behind_looks)
            .measured(
                "far_search_first_behind_s",
                far.first_behind_s.map(|t| round(t, 1)),
            )
            .measured("slides_unmeasured", far.unmeasured_looks)
            .measured("far_smeared_looks", far.smeared_looks)
            .measured(
                "far_smeared_first_s",
                far.first_smeared_s.map(|t| round(t, 1)),
            )
            .measured("most_smear_px", far.most_smear_px.map(f32::round))
            .threshold("min_s", req.pan_min_s)
            .threshold("moving_fraction", req.pan_moving_fraction)
            .threshold("other_min_looks", req.pan_other_min_looks)
            .threshold("camera_max_fov_deg", req.pan_camera_max_fov_deg)
            .threshold("far_unsearched_max_share", req.pan_far_unsearched_max_share)
            .threshold("far_max_smear_px", max_smear.round())
    };
    if let Some(s) = first {
        let advice = if w.near_other_seen(req) {
            "pan-advice-near-face-mid-turn"
        } else {
            "pan-advice-extra-person"
        };
        return base(Status::Fail)
            .summary(tr.f(
                "pan-extra-person",
                &[
                    ("count", others.to_string()),
                    ("at", format!("{:.0}", s.first_s)),
                ],
            ))
            .advice(tr.t(advice));
    }
    if !w.seller.known() {
        return base(Status::Warn)
            .summary(tr.f(
                "pan-no-seller-at-start",
                &[("seconds", format!("{:.0}", req.pan_seller_start_s))],
            ))
            .advice(tr.t("pan-advice-start-facing"));
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
    if let Some(short) = turn.filter(|t| !t.is_full_circle()) {
        return base(Status::Warn)
            .summary(tr.f(
                "pan-not-full-circle",
                &[("percent", format!("{:.0}", short.share() * 100.0))],
            ))
            .advice(tr.t("pan-advice-slow-full-turn"));
    }
    if far.unsearched_share() > req.pan_far_unsearched_max_share && far.mostly_smeared() {
        return base(Status::Warn)
            .summary(tr.f(
                "pan-too-smeared-for-far-faces",
                &[
                    (
                        "px",
                        format!("{:.0}", far.most_smear_px.unwrap_or_default()),
                    ),
                    ("percent", format!("{:.0}", far.unsearched_share() * 100.0)),
                    (
                        "at",
                        format!("{:.0}", far.first_smeared_s.unwrap_or_default()),
                    ),
                ],
            ))
            .advice(tr.t("pan-advice-more-light"));
    }
    if far.unsearched_share() > req.pan_far_unsearched_max_share {
        return base(Status::Warn)
            .summary(tr.f(
                "pan-too-fast-for-far-faces",
                &[
                    ("percent", format!("{:.0}", far.unsearched_share() * 100.0)),
                    (
                        "at",
                        format!("{:.0}", far.first_behind_s.unwrap_or_default()),
                    ),
                ],
            ))
            .advice(tr.t("pan-advice-turn-slower"));
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

    fn face(x: u32, w: u32) -> FaceBox {
        FaceBox {
            rect: Rect { x, y: 200, w, h: w },
            score: 5.0,
        }
    }

    /// One look every quarter second: `faces[i]` at look i, the picture moving by `motion`.
    fn watch(faces: &[Vec<FaceBox>], motion: f64) -> PanWatch {
        let r = req();
        let mut w = PanWatch::default();
        for (i, f) in faces.iter().enumerate() {
            let t = i as f64 * 0.25;
            w.observe_look(t, motion, &r);
            w.observe_faces(t, f, 1280, None, &r);
        }
        w
    }

    fn seller_leaves_and_returns(middle: &[Vec<FaceBox>]) -> Vec<Vec<FaceBox>> {
        let mut looks = vec![
            vec![face(520, 240)],
            vec![face(360, 240)],
            vec![face(160, 240)],
        ];
        looks.extend(vec![vec![]; 15]);
        looks.extend(middle.iter().cloned());
        looks.extend(vec![vec![]; 16]);
        looks.push(vec![face(900, 230)]);
        looks.push(vec![face(700, 240)]);
        looks
    }

    #[test]
    fn a_full_moving_pan_alone_passes_even_when_the_seller_comes_back() {
        let w = watch(&seller_leaves_and_returns(&[]), 9.0);
        let r = judge(&w, &req(), &Tr::new(Lang::En));
        assert_eq!(r.status, Status::Pass, "{r:?}");
        assert_eq!(r.measured["others_seen"], 0);
        assert_eq!(r.measured["seller_at_start"], true);
    }

    /// As `watch`, the picture sliding left `slid(i)` pixels before look i (the far-face
    /// search keeping up with 296).
    fn watch_sliding(faces: &[Vec<FaceBox>], slid: impl Fn(usize) -> f32) -> PanWatch {
        watch_smeared(faces, slid, |_| None)
    }

    /// As `watch_sliding`, look i's picture smeared `smear(i)` pixels by the turn.
    fn watch_smeared(
        faces: &[Vec<FaceBox>],
        slid: impl Fn(usize) -> f32,
        smear: impl Fn(usize) -> Option<f32>,
    ) -> PanWatch {
        let r = req();
        let mut w = PanWatch::default();
        for (i, f) in faces.iter().enumerate() {
            let t = i as f64 * 0.25;
            w.observe_look(t, 9.0, &r);
            let slide = (i > 0).then(|| Slide {
                px: Some(-slid(i)),
                reach_px: 296.0,
                smear_px: smear(i),
            });
            w.observe_faces(t, f, 1280, slide, &r);
        }
        w
    }

    #[test]
    fn a_turn_the_far_face_search_fell_behind_warns_to_turn_slower() {
        let r = req();
        let looks = seller_leaves_and_returns(&[]);
        // Ten looks keeping up, then the PC or the turn falls behind (400 px a look).
        let w = watch_sliding(&looks, |i| if i < 10 { 200.0 } else { 400.0 });
        assert!(w.falling_behind());
        let j = judge(&w, &r, &Tr::new(Lang::En));
        assert_eq!(j.status, Status::Warn, "{j:?}");
        assert!(j.summary.contains("too fast"), "{j:?}");
        assert_eq!(j.measured["far_search_first_behind_s"], 2.5);
        assert_eq!(j.measured["near_faces_back"], 1);
        let share = j.measured["far_unsearched_share"].as_f64().unwrap_or(0.0);
        assert!(share > r.pan_far_unsearched_max_share, "{j:?}");
        // Keeping up all the way, it passes.
        let steady = watch_sliding(&looks, |_| 250.0);
        assert!(!steady.falling_behind());
        assert_eq!(judge(&steady, &r, &Tr::new(Lang::En)).status, Status::Pass);
    }

    #[test]
    fn a_turn_smeared_past_what_far_faces_survive_warns_to_add_light() {
        let r = req();
        let looks = seller_leaves_and_returns(&[]);
        let limit = (r.pan_far_max_smear_share * 1280.0) as f32;
        // 200 px a look; from look 10 the room darkens and the pictures smear 27 px.
        let w = watch_smeared(&looks, |_| 200.0, |i| Some(if i < 10 { 6.0 } else { 27.0 }));
        assert!(w.smeared_now(&r));
        assert!(!w.falling_behind());
        let j = judge(&w, &r, &Tr::new(Lang::ZhCn));
        assert_eq!(j.status, Status::Warn, "{j:?}");
        assert!(j.summary.contains("拖影"), "{j:?}");
        assert!(j.advice.contains("灯"), "{j:?}");
        assert_eq!(j.measured["far_smeared_first_s"], 2.5);
        assert_eq!(j.measured["most_smear_px"], 27.0);
        assert_eq!(j.threshold["far_max_smear_px"], f64::from(limit.round()));
        // Smeared just under the limit all the way: a pass.
        let fine = watch_smeared(&looks, |_| 200.0, |_| Some(limit - 1.0));
        assert!(!fine.smeared_now(&r));
        assert_eq!(judge(&fine, &r, &Tr::new(Lang::En)).status, Status::Pass);
    }

    #[test]
    fn a_turn_short_of_a_full_circle_warns() {
        let r = req();
        let looks = seller_leaves_and_returns(&[]);
        // 36 looks of 60 px: 2,160 px, about half of what a 90-degree camera's circle needs.
        let w = watch_sliding(&looks, |_| 60.0);
        let j = judge(&w, &r, &Tr::new(Lang::En));
        assert_eq!(j.status, Status::Warn, "{j:?}");
        assert!(j.summary.contains("all the way round"), "{j:?}");
        let share = j.measured["full_turn_share"].as_f64().unwrap_or(9.0);
        assert!((0.4..0.7).contains(&share), "{j:?}");
        // There and back: nothing in one direction.
        let back = watch_sliding(&looks, |i| if i < 18 { 200.0 } else { -200.0 });
        let b = judge(&back, &r, &Tr::new(Lang::En));
        assert_eq!(b.status, Status::Warn, "{b:?}");
        assert!(b.measured["full_turn_share"].as_f64().unwrap_or(9.0) < 0.2);
    }

    /// The seller lost in the middle of the picture while the camera turns on: once the
    /// picture has slid the seller's face out of view, a face as near as the seller's is
    /// someone else mid-turn (before the slide was measured, any such face was taken for the
    /// seller found again).
    #[test]
    fn a_near_face_after_the_seller_was_lost_mid_picture_and_slid_away_fails() {
        let r = req();
        let mut looks = vec![vec![face(520, 240)], vec![face(400, 240)]];
        // Lost at x 400 (looking down, a blur): the camera turns on 120 px a look.
        looks.extend(vec![vec![]; 8]);
        // Someone close to the camera comes in from the right, crosses and leaves.
        for x in [1000, 880, 760, 640, 520, 400, 280, 160, 40] {
            looks.push(vec![face(x, 250)]);
        }
        looks.extend(vec![vec![]; 12]);
        looks.push(vec![face(1000, 235)]);
        looks.push(vec![face(880, 240)]);
        let w = watch_sliding(&looks, |_| 120.0);
        let j = judge(&w, &r, &Tr::new(Lang::En));
        assert_eq!(j.status, Status::Fail, "{j:?}");
        assert_eq!(j.measured["near_faces_back"], 2, "{j:?}");
        // The camera held still while the seller looked down: found again anywhere, the same.
        let mut still = vec![vec![face(520, 240)], vec![face(500, 240)]];
        still.extend(vec![vec![]; 8]);
        still.extend(vec![vec![face(900, 250)]; 3]);
        let s = watch_sliding(&still, |_| 0.0);
        assert_eq!(s.comebacks.len(), 0, "{s:?}");
        assert_eq!(s.others_seen(&r), 0);
    }

    #[test]
    fn someone_else_alone_in_view_while_the_seller_is_away_fails_and_says_when() {
        let stranger = vec![
            vec![face(800, 120)],
            vec![face(600, 118)],
            vec![face(420, 121)],
        ];
        let w = watch(&seller_leaves_and_returns(&stranger), 9.0);
        let r = judge(&w, &req(), &Tr::new(Lang::En));
        assert_eq!(r.status, Status::Fail, "{r:?}");
        assert_eq!(r.measured["others_seen"], 1);
        assert_eq!(r.measured["first_other_at_s"], 4.5);
        assert_eq!(r.measured["first_other_boxes"][0]["x"], 800);
        assert!(r.summary.contains('4'), "{}", r.summary);
    }

    #[test]
    fn someone_as_near_as_the_seller_mid_turn_fails_and_the_seller_at_the_end_is_not_counted() {
        let near = vec![
            vec![face(1000, 250)],
            vec![face(800, 246)],
            vec![face(600, 250)],
            vec![face(400, 250)],
            vec![face(200, 250)],
        ];
        let w = watch(&seller_leaves_and_returns(&near), 9.0);
        let r = judge(&w, &req(), &Tr::new(Lang::En));
        assert_eq!(r.status, Status::Fail, "{r:?}");
        assert_eq!(r.measured["others_seen"], 1);
        assert_eq!(r.measured["near_faces_back"], 2);
        assert_eq!(r.measured["first_other_at_s"], 4.5);
        assert!(
            r.advice.contains("more than one full circle"),
            "{}",
            r.advice
        );
    }

    #[test]
    fn the_seller_lost_mid_picture_at_the_end_and_found_elsewhere_passes() {
        // Back at the end of the turn, then lost in the middle of the picture for a second
        // (looking down, the camera put on the desk) and found higher up and to the right.
        let mut looks = seller_leaves_and_returns(&[]);
        looks.extend(vec![vec![]; 4]);
        looks.push(vec![face(1000, 260)]);
        looks.push(vec![face(1000, 260)]);
        let r = judge(&watch(&looks, 9.0), &req(), &Tr::new(Lang::En));
        assert_eq!(r.status, Status::Pass, "{r:?}");
        assert_eq!(r.measured["near_faces_back"], 1);
    }

    #[test]
    fn the_seller_turning_past_the_start_and_out_again_passes() {
        let mut looks = seller_leaves_and_returns(&[]);
        looks.push(vec![face(500, 240)]);
        looks.push(vec![face(300, 240)]);
        looks.push(vec![face(100, 240)]);
        looks.extend(vec![vec![]; 3]);
        let r = judge(&watch(&looks, 9.0), &req(), &Tr::new(Lang::En));
        assert_eq!(r.status, Status::Pass, "{r:?}");
        assert_eq!(r.measured["near_faces_back"], 1);
    }

    #[test]
    fn a_face_seen_in_one_look_only_is_not_counted() {
        let flash = vec![vec![face(800, 60)]];
        let w = watch(&seller_leaves_and_returns(&flash), 9.0);
        let r = judge(&w, &req(), &Tr::new(Lang::En));
        assert_eq!(r.status, Status::Pass, "{r:?}");
        assert_eq!(w.sightings.len(), 1);
    }

    #[test]
    fn a_second_person_beside_the_seller_at_the_start_fails() {
        let mut looks = seller_leaves_and_returns(&[]);
        looks[0].push(face(100, 200));
        looks[1].push(face(60, 200));
        let r = judge(&watch(&looks, 9.0), &req(), &Tr::new(Lang::En));
        assert_eq!(r.status, Status::Fail, "{r:?}");
        assert_eq!(r.measured["first_other_at_s"], 0.0);
    }

    #[test]
    fn no_face_at_the_start_a_still_camera_or_a_short_pan_warns() {
        let en = Tr::new(Lang::En);
        let mut away = seller_leaves_and_returns(&[]);
        away[0].clear();
        away[1].clear();
        away[2].clear();
        away.splice(0..0, vec![vec![]; 8]);
        assert_eq!(judge(&watch(&away, 9.0), &req(), &en).status, Status::Warn);
        let still = watch(&seller_leaves_and_returns(&[]), 0.5);
        let r = judge(&still, &req(), &en);
        assert_eq!(r.status, Status::Warn);
        assert_eq!(r.measured["moving_fraction"], 0.0);
        let short = watch(&vec![vec![face(520, 240)]; 8], 9.0);
        assert_eq!(judge(&short, &req(), &en).status, Status::Warn);
    }
}
