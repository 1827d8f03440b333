//! Who the seller is during the 360° pan. The seller is the largest face seen when the pan
//! starts; it is followed look by look while it stays in view (the camera turns, so the face
//! slides away). A face found again where the seller was lost — near the last place, or
//! further along the way the seller's face was sliding — is the same stay in view (the
//! detector missed a look or two). So is a face about as near as the seller found anywhere
//! after the seller was lost in the middle of the picture (looking down, the camera lifted).
//! Once the face has slid out at the side of the picture (the camera turned past it), a face
//! about as close to the camera as the seller starts a new stay: the seller back at the end
//! of a full turn, or someone standing as near to the camera as the seller. One 360° turn
//! brings the seller back once, at its end, so only the last of those stays is the seller
//! (`PanWatch` counts the earlier ones as someone else). Every other face, at any look, is
//! someone else (a person or a face on a poster alike).

use super::faces::FaceBox;
use super::frame::Rect;

/// The profile's rules for following the seller (`[rehearsal]` `pan_seller_*`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SellerRules {
    /// The seller must be in the picture within this many seconds of the pan's start.
    pub start_s: f64,
    /// Between two face looks the seller's face moves at most this many face widths.
    pub follow_share: f64,
    /// After leaving the picture, a face at least this share of the seller's starting width
    /// (as near to the camera as the seller) is the seller coming back.
    pub return_ratio: f64,
}

/// Where the seller's face is, look by look.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SellerTrack {
    /// The seller's face when first seen.
    pub first: Option<Rect>,
    /// The face of the current stay when it began, and when last seen.
    stay_first: Option<Rect>,
    seen: Option<Rect>,
    /// Face looks since the current stay's face was last seen (0: seen at the last look).
    looks_since_seen: u32,
    /// Stays in view so far: 0 is the one from the start; each face as near as the seller
    /// coming from elsewhere begins the next.
    stay: u32,
    /// Whether the current stay's face was last lost sliding out at the side of the picture
    /// (the camera turned past it), rather than in the middle (a missed look, the seller
    /// looking down, the camera lifted or put down).
    out_at_side: bool,
    /// How far the picture slid (frame pixels, measured: `turn_shift`) since the current
    /// stay's face was last seen: where it is now, unseen.
    drift: f64,
}

/// One look's faces: the seller (when in view) and everyone else.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LookFaces {
    pub seller: Option<FaceBox>,
    pub others: Vec<FaceBox>,
    /// Which stay in view `seller` belongs to (0: the one from the start of the pan).
    pub stay: u32,
}

impl SellerTrack {
    /// Whether the seller's face was found at the start of the pan.
    pub fn known(&self) -> bool {
        self.first.is_some()
    }

    /// The seller's face at the last look, if it was seen there (still in view).
    fn last(&self) -> Option<Rect> {
        self.seen.filter(|_| self.looks_since_seen == 0)
    }

    /// Splits the faces of one look, `t_s` seconds into the pan, in a picture `picture_w`
    /// pixels wide that slid `slid_px` since the last look (None: not measured).
    pub fn split(
        &mut self,
        t_s: f64,
        faces: &[FaceBox],
        picture_w: u32,
        slid_px: Option<f32>,
        rules: &SellerRules,
    ) -> LookFaces {
        self.drift += f64::from(slid_px.unwrap_or(0.0));
        // The picture slid on until the face unseen since is well outside it: the camera
        // turned past it, wherever it was lost, and it cannot be found again.
        let gone = self.last().is_none() && self.turned_past(picture_w, rules);
        self.out_at_side |= gone;
        let seller_at = match (self.first, self.last()) {
            (None, _) => largest(faces),
            (Some(_), Some(last)) => nearest_follower(faces, &last, rules.follow_share),
            (Some(first), None) => (!gone)
                .then(|| self.found_again(faces, rules))
                .flatten()
                .or_else(|| {
                    let back = coming_back(faces, &first, rules.return_ratio);
                    if let Some(i) = back.filter(|_| self.out_at_side) {
                        self.stay += 1;
                        self.stay_first = Some(faces[i].rect);
                    }
                    back
                }),
        };
        // Not seen at the start, the seller stays unknown: the largest face of each look is
        // given the benefit of the doubt (the verdict then says the pan proves little).
        let unknown = self.first.is_none() && t_s > rules.start_s;
        if !unknown {
            self.first = self.first.or(seller_at.map(|i| faces[i].rect));
            self.stay_first = self.stay_first.or(self.first);
            let lost = self.last().filter(|_| seller_at.is_none());
            match seller_at {
                Some(i) => {
                    self.seen = Some(faces[i].rect);
                    self.looks_since_seen = 0;
                    self.out_at_side = false;
                    self.drift = 0.0;
                }
                None => self.looks_since_seen += 1,
            }
            if let Some(at) = lost {
                self.out_at_side = self.slid_out_at_side(&at, picture_w, rules);
            }
        }
        LookFaces {
            seller: seller_at.map(|i| faces[i]),
            others: faces
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != seller_at)
                .map(|(_, f)| *f)
                .collect(),
            stay: self.stay,
        }
    }

    /// Whether the current stay's face, last seen at `at`, was sliding towards the side of the
    /// picture it was near: within the follow reach of that side, the next look can have taken
    /// it out of view.
    fn slid_out_at_side(&self, at: &Rect, picture_w: u32, rules: &SellerRules) -> bool {
        let Some(start) = self.stay_first else {
            return false;
        };
        let slid = centre(at).0 - centre(&start).0;
        let reach = rules.follow_share * f64::from(at.w.max(1));
        let (left, right) = (
            f64::from(at.x),
            f64::from(picture_w) - f64::from(at.x + at.w),
        );
        (slid < 0.0 && left <= reach) || (slid > 0.0 && right <= reach)
    }

    /// Whether the current stay's face, unseen since it was last seen, has slid with the
    /// picture more than a follow reach beyond the picture's side (a margin against a slide
    /// mismeasured on a repeating pattern).
    fn turned_past(&self, picture_w: u32, rules: &SellerRules) -> bool {
        let Some(seen) = self.seen else {
            return false;
        };
        let now = centre(&seen).0 + self.drift;
        let margin = rules.follow_share * f64::from(seen.w.max(1));
        now < -margin || now > f64::from(picture_w) + margin
    }

    /// The current stay's face found again after missed looks: within the follow reach of
    /// where it was last seen, or — it kept sliding while unseen — further along the way it
    /// was going, at most the follow reach for each look since.
    fn found_again(&self, faces: &[FaceBox], rules: &SellerRules) -> Option<usize> {
        let (seen, start) = (self.seen?, self.stay_first?);
        if let Some(i) = nearest_follower(faces, &seen, rules.follow_share) {
            return Some(i);
        }
        let slid = centre(&seen).0 - centre(&start).0;
        let looks = f64::from(self.looks_since_seen + 1);
        let i = nearest_follower(faces, &seen, rules.follow_share * looks)?;
        let further = centre(&faces[i].rect).0 - centre(&seen).0;
        (slid != 0.0 && slid.signum() == further.signum()).then_some(i)
    }
}

fn largest(faces: &[FaceBox]) -> Option<usize> {
    (0..faces.len()).max_by_key(|&i| faces[i].rect.area())
}

fn centre(r: &Rect) -> (f64, f64) {
    (
        f64::from(r.x) + f64::from(r.w) / 2.0,
        f64::from(r.y) + f64::from(r.h) / 2.0,
    )
}

/// The face nearest to where the seller was, if it is close enough and of a like size (half
/// to twice the width: the seller does not jump towards or away from the camera).
fn nearest_follower(faces: &[FaceBox], last: &Rect, follow_share: f64) -> Option<usize> {
    let (lx, ly) = centre(last);
    let reach = follow_share * f64::from(last.w.max(1));
    let width = f64::from(last.w.max(1));
    faces
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            let ratio = f64::from(f.rect.w) / width;
            (0.5..=2.0).contains(&ratio)
        })
        .map(|(i, f)| {
            let (x, y) = centre(&f.rect);
            (i, (x - lx).hypot(y - ly))
        })
        .filter(|(_, d)| *d <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The seller back in view: the largest face of the look, if it is about as large as the
/// seller's face was at the start.
fn coming_back(faces: &[FaceBox], first: &Rect, return_ratio: f64) -> Option<usize> {
    largest(faces)
        .filter(|&i| f64::from(faces[i].rect.w) >= return_ratio * f64::from(first.w.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face(x: u32, y: u32, w: u32) -> FaceBox {
        FaceBox {
            rect: Rect { x, y, w, h: w },
            score: 5.0,
        }
    }

    impl SellerTrack {
        /// One look in a 1280-px picture.
        fn split_in(&mut self, t_s: f64, faces: &[FaceBox], rules: &SellerRules) -> LookFaces {
            self.split(t_s, faces, 1280, None, rules)
        }
    }

    fn rules() -> SellerRules {
        SellerRules {
            start_s: 2.0,
            follow_share: 1.0,
            return_ratio: 0.7,
        }
    }

    #[test]
    fn the_seller_is_followed_out_of_view_and_a_stranger_is_someone_else() {
        let mut t = SellerTrack::default();
        let r = rules();
        let a = t.split_in(0.0, &[face(500, 200, 240), face(100, 300, 90)], &r);
        assert_eq!(a.seller, Some(face(500, 200, 240)));
        assert_eq!(a.others, vec![face(100, 300, 90)]);
        // The camera turns: the seller's face slides left, then leaves.
        assert!(
            t.split_in(0.25, &[face(300, 200, 240)], &r)
                .others
                .is_empty()
        );
        assert!(
            t.split_in(0.5, &[face(100, 210, 230)], &r)
                .others
                .is_empty()
        );
        assert!(t.split_in(0.75, &[], &r).seller.is_none());
        // A smaller face while the seller is out of view: someone else, even though alone.
        let b = t.split_in(3.0, &[face(700, 300, 120)], &r);
        assert_eq!((b.seller, b.others.len()), (None, 1));
        // Full turn: a face as large as the seller's comes back from the right.
        let c = t.split_in(9.0, &[face(1000, 200, 220)], &r);
        assert_eq!((c.seller.is_some(), c.others.len(), c.stay), (true, 0, 1));
    }

    #[test]
    fn a_look_or_two_missed_while_the_seller_slides_keeps_the_same_stay() {
        let mut t = SellerTrack::default();
        let r = rules();
        t.split_in(0.0, &[face(600, 200, 240)], &r);
        t.split_in(0.25, &[face(450, 200, 240)], &r);
        // Missed (blur) where it was: found again in place.
        assert!(t.split_in(0.5, &[], &r).seller.is_none());
        assert_eq!(t.split_in(0.75, &[face(430, 200, 240)], &r).stay, 0);
        // Missed for two looks while sliding on: found further along, beyond one reach.
        t.split_in(1.0, &[], &r);
        t.split_in(1.25, &[], &r);
        let on = t.split_in(1.5, &[face(20, 200, 230)], &r);
        assert_eq!((on.seller.is_some(), on.stay), (true, 0));
    }

    #[test]
    fn a_face_as_near_as_the_seller_from_the_other_side_begins_a_new_stay() {
        let mut t = SellerTrack::default();
        let r = rules();
        t.split_in(0.0, &[face(600, 200, 240)], &r);
        t.split_in(0.25, &[face(400, 200, 240)], &r);
        t.split_in(0.5, &[face(200, 200, 240)], &r);
        t.split_in(0.75, &[], &r);
        // Someone as near as the seller enters from the right mid-turn, crosses, leaves.
        let a = t.split_in(4.0, &[face(1000, 180, 250)], &r);
        assert_eq!((a.seller.is_some(), a.stay), (true, 1));
        assert_eq!(t.split_in(4.25, &[face(800, 180, 250)], &r).stay, 1);
        assert_eq!(t.split_in(4.5, &[face(600, 180, 250)], &r).stay, 1);
        assert_eq!(t.split_in(4.75, &[face(400, 180, 250)], &r).stay, 1);
        assert_eq!(t.split_in(5.0, &[face(180, 180, 250)], &r).stay, 1);
        t.split_in(5.25, &[], &r);
        // The seller, at the end of the turn, from the right again: the next stay.
        let b = t.split_in(9.0, &[face(1000, 200, 235)], &r);
        assert_eq!((b.seller.is_some(), b.stay), (true, 2));
        // Lost in the middle of the picture (looking down), found up and to the right: the
        // same stay.
        t.split_in(9.25, &[face(800, 200, 235)], &r);
        t.split_in(9.5, &[face(600, 200, 235)], &r);
        t.split_in(9.75, &[], &r);
        let d = t.split_in(10.0, &[face(950, 20, 250)], &r);
        assert_eq!((d.seller.is_some(), d.stay), (true, 2));
    }

    #[test]
    fn the_seller_lifting_the_camera_at_the_start_is_still_the_first_stay() {
        let mut t = SellerTrack::default();
        let r = rules();
        t.split_in(0.0, &[face(500, 300, 240)], &r);
        t.split_in(0.25, &[], &r);
        t.split_in(0.5, &[], &r);
        // Found high up and to the right of where it was lost mid-picture.
        let a = t.split_in(0.75, &[face(900, 20, 250)], &r);
        assert_eq!((a.seller.is_some(), a.stay), (true, 0));
    }

    #[test]
    fn no_face_at_the_start_leaves_the_seller_unknown() {
        let mut t = SellerTrack::default();
        let r = rules();
        assert!(t.split_in(0.0, &[], &r).seller.is_none());
        let late = t.split_in(2.5, &[face(500, 200, 240), face(100, 200, 90)], &r);
        assert!(!t.known());
        assert_eq!(late.others, vec![face(100, 200, 90)]);
    }
}
