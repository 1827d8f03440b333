//! Who the seller is during the 360° pan. The seller is the largest face seen when the pan
//! starts; it is followed look by look while it stays in view (the camera turns, so the face
//! slides away). Once it has left the picture, a face comes back as the seller only when it
//! is about as close to the camera as the seller was — the end of a full turn. Every other
//! face, at any look, is someone else (a person or a face on a poster alike).

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
    /// The seller's face at the last look it was seen, while still in view.
    last: Option<Rect>,
}

/// One look's faces: the seller (when in view) and everyone else.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LookFaces {
    pub seller: Option<FaceBox>,
    pub others: Vec<FaceBox>,
}

impl SellerTrack {
    /// Whether the seller's face was found at the start of the pan.
    pub fn known(&self) -> bool {
        self.first.is_some()
    }

    /// Splits the faces of one look, `t_s` seconds into the pan.
    pub fn split(&mut self, t_s: f64, faces: &[FaceBox], rules: &SellerRules) -> LookFaces {
        let seller_at = match (self.first, self.last) {
            (None, _) => largest(faces),
            (Some(_), Some(last)) => nearest_follower(faces, &last, rules.follow_share),
            (Some(first), None) => coming_back(faces, &first, rules.return_ratio),
        };
        // Not seen at the start, the seller stays unknown: the largest face of each look is
        // given the benefit of the doubt (the verdict then says the pan proves little).
        let unknown = self.first.is_none() && t_s > rules.start_s;
        if !unknown {
            self.first = self.first.or(seller_at.map(|i| faces[i].rect));
            self.last = seller_at.map(|i| faces[i].rect);
        }
        LookFaces {
            seller: seller_at.map(|i| faces[i]),
            others: faces
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != seller_at)
                .map(|(_, f)| *f)
                .collect(),
        }
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
        let a = t.split(0.0, &[face(500, 200, 240), face(100, 300, 90)], &r);
        assert_eq!(a.seller, Some(face(500, 200, 240)));
        assert_eq!(a.others, vec![face(100, 300, 90)]);
        // The camera turns: the seller's face slides left, then leaves.
        assert!(t.split(0.25, &[face(300, 200, 240)], &r).others.is_empty());
        assert!(t.split(0.5, &[face(100, 210, 230)], &r).others.is_empty());
        assert!(t.split(0.75, &[], &r).seller.is_none());
        // A smaller face while the seller is out of view: someone else, even though alone.
        let b = t.split(3.0, &[face(700, 300, 120)], &r);
        assert_eq!((b.seller, b.others.len()), (None, 1));
        // Full turn: a face as large as the seller's comes back from the right.
        let c = t.split(9.0, &[face(1000, 200, 220)], &r);
        assert_eq!((c.seller.is_some(), c.others.len()), (true, 0));
    }

    #[test]
    fn no_face_at_the_start_leaves_the_seller_unknown() {
        let mut t = SellerTrack::default();
        let r = rules();
        assert!(t.split(0.0, &[], &r).seller.is_none());
        let late = t.split(2.5, &[face(500, 200, 240), face(100, 200, 90)], &r);
        assert!(!t.known());
        assert_eq!(late.others, vec![face(100, 200, 90)]);
    }
}
