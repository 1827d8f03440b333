//! Where the face model looks, and at what scale. The model finds faces from about
//! `model_px` pixels of its input upwards, so a face of `min_px` frame pixels needs the frame
//! at scale `model_px / min_px` (at most 1: the camera has no finer detail). Larger faces are
//! found on halved copies (levels), each level keeping faces up to `LEVEL_SPAN` times its
//! smallest, until the whole frame fits one tile. The finest level — the smallest faces — is
//! given to the model enlarged so that they are `candidate_model_px` wide to it, and what it
//! finds there is a place to look closer at, judged again enlarged so that they are
//! `fine_model_px` wide (`face_closer_look`): the model finds faces near the bottom of its
//! range less often (held-out faces of 24 px: 31 of 40 at their own size, 38 of 40 enlarged
//! to 32; faces turned away need 48).
//!
//! A still picture is searched whole at every level. A look at a live or recorded camera
//! cannot afford the finest levels whole: levels for faces of at least `every_look_px` are
//! searched whole at every look; each finer level is cut into overlapping full-height columns.
//! With the camera still, one column is searched for `column_looks` looks in a row, then the
//! next. During a pan the middle column is searched at every look: the turn moves the whole
//! room sideways through it. (Columns taking turns during a pan missed a far face in 3 of 16
//! replayed pans: a column moving the way the room moves can keep ahead of a face, or jump
//! over it.)

use super::frame::Rect;

/// A level keeps faces up to this many times its smallest (the next, halved, level starts at
/// twice; the margin lets a face on the border of two levels be found on both).
pub const LEVEL_SPAN: f32 = 3.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SearchRules {
    /// Smallest face the model finds, in pixels of its input.
    pub model_px: f32,
    /// How wide the finest level's smallest faces are made for the model when it is searched
    /// (enlarging it when more than `model_px`)…
    pub candidate_model_px: f32,
    /// …and when a place found there is judged (`face_closer_look`).
    pub fine_model_px: f32,
    /// Smallest face to find, in pixels of a frame `at_width` wide (the platform's 720p);
    /// a larger picture (a phone photo) is searched for the same share of its width.
    pub min_px: f32,
    pub at_width: f32,
    /// Faces at least this wide (frame pixels) are searched in the whole picture at every look.
    pub every_look_px: f32,
    /// Width of a column, in model pixels (and the size of a frame that needs no columns).
    pub tile_px: u32,
    /// Looks in a row given to one column.
    pub column_looks: u32,
}

/// One pass of the model: a part of the frame at a scale, keeping faces of these widths
/// (frame pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pass {
    pub region: Rect,
    pub scale: f32,
    pub min_face: f32,
    pub max_face: f32,
    /// The finest level: what the pass finds is a place to look closer at, judged again
    /// enlarged this much more (`fine_model_px / candidate_model_px`; 1: faces are judged as
    /// found).
    pub closer: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// Frame pixels to the model's pixels, as the face sizes the level keeps are reckoned.
    pub scale: f32,
    /// The model's input is this much larger still (the finest level: `candidate_model_px /
    /// model_px`)…
    pub enlarge: f32,
    /// …and what it finds is judged enlarged this much more (`fine_model_px /
    /// candidate_model_px`; 1 elsewhere: judged as found).
    pub closer: f32,
    /// Searched whole at every look, or a column at a time.
    pub every_look: bool,
    /// Full-height columns, each a stack of tiles (one column of one tile, the whole frame,
    /// for a level searched whole). Tiles keep the model's tensors of one pass small (a
    /// whole-height column enlarged took 60 MB more of the app's memory); a face on a tile's
    /// border is found whole by the neighbouring tile (they overlap by the largest face the
    /// level keeps).
    pub columns: Vec<Vec<Rect>>,
}

/// The levels for a `width`×`height` frame, finest first.
pub fn levels(rules: &SearchRules, width: u32, height: u32) -> Vec<Level> {
    let mut out = Vec::new();
    if width == 0 || height == 0 || rules.model_px <= 0.0 || rules.min_px <= 0.0 {
        return out;
    }
    let long = width.max(height) as f32;
    let min_px = rules.min_px * (long / rules.at_width.max(1.0)).max(1.0);
    let mut scale = (rules.model_px / min_px).min(1.0);
    let tile = rules.tile_px.max(64) as f32;
    loop {
        let smallest = rules.model_px / scale;
        let every_look = smallest >= rules.every_look_px - 0.5;
        let (sw, sh) = (width as f32 * scale, height as f32 * scale);
        let fits = sw <= tile && sh <= tile;
        let columns = if every_look || fits {
            vec![vec![Rect {
                x: 0,
                y: 0,
                w: width,
                h: height,
            }]]
        } else {
            // Neighbouring tiles overlap by the largest face this level keeps.
            let overlap = (rules.model_px * LEVEL_SPAN).min(tile / 2.0) / scale;
            let side = tile / scale;
            // Across: columns `side` wide, spread evenly. Down: as few tiles as keep each
            // at most `side` high, all of one height, overlapping by exactly `overlap` (the
            // fewest pixels for the model; tiles `side` high overlapped more).
            let across = |len: u32| -> Vec<(u32, u32)> {
                let len_f = len as f32;
                let n = ((len_f - overlap) / (side - overlap)).ceil().max(1.0) as u32;
                let step = if n > 1 {
                    (len_f - side) / (n - 1) as f32
                } else {
                    0.0
                };
                (0..n)
                    .map(|i| {
                        let at = ((i as f32 * step).max(0.0).round() as u32).min(len - 1);
                        (at, (side.round() as u32).min(len - at))
                    })
                    .collect()
            };
            let down = |len: u32| -> Vec<(u32, u32)> {
                let len_f = len as f32;
                let n = ((len_f - overlap) / (side - overlap)).ceil().max(1.0);
                let tall = ((len_f + (n - 1.0) * overlap) / n).ceil();
                (0..n as u32)
                    .map(|i| {
                        let at = ((i as f32 * (tall - overlap)).round() as u32).min(len - 1);
                        let end = if i + 1 == n as u32 {
                            len
                        } else {
                            (at + tall as u32).min(len)
                        };
                        (at, end - at)
                    })
                    .collect()
            };
            let ys = down(height);
            across(width)
                .into_iter()
                .map(|(x, w)| ys.iter().map(|&(y, h)| Rect { x, y, w, h }).collect())
                .collect()
        };
        // The finest level's smallest faces, unless it is searched at every look anyway.
        let (enlarge, closer) = if out.is_empty() && !every_look {
            let search = rules.candidate_model_px.max(rules.model_px);
            (
                search / rules.model_px,
                (rules.fine_model_px / search).max(1.0),
            )
        } else {
            (1.0, 1.0)
        };
        out.push(Level {
            scale,
            enlarge,
            closer,
            every_look,
            columns,
        });
        if fits {
            break;
        }
        scale /= 2.0;
    }
    out
}

/// Which columns of the finer levels a search takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Columns {
    /// Every column (a still picture).
    All,
    /// The column whose turn it is once the camera, held still, has given the columns this
    /// many looks (`SearchRules::column_looks` each, in turn).
    Turn(u64),
    /// The middle column (a pan: the turn brings everything in the room through it).
    Middle,
}

/// The passes of one look: every level searched at every look whole, and of each finer level
/// the `columns` asked.
pub fn passes(rules: &SearchRules, width: u32, height: u32, columns: Columns) -> Vec<Pass> {
    let all = levels(rules, width, height);
    let last = all.len().saturating_sub(1);
    all.iter()
        .enumerate()
        .flat_map(|(i, level)| {
            let min_face = if i == 0 {
                0.0
            } else {
                rules.model_px / level.scale
            };
            // The coarsest level keeps every face larger than it too.
            let max_face = if i == last {
                f32::INFINITY
            } else {
                rules.model_px * LEVEL_SPAN / level.scale
            };
            let tiles: Vec<Rect> = match columns {
                Columns::Turn(n) if !level.every_look => {
                    let turn = n / u64::from(rules.column_looks.max(1));
                    level.columns[(turn % level.columns.len() as u64) as usize].clone()
                }
                Columns::Middle if !level.every_look => {
                    level.columns[level.columns.len() / 2].clone()
                }
                _ => level.columns.iter().flatten().copied().collect(),
            };
            let (scale, closer) = (level.scale * level.enlarge, level.closer);
            tiles.into_iter().map(move |region| Pass {
                region,
                scale,
                min_face,
                max_face,
                closer,
            })
        })
        .collect()
}

/// A level's scale as the power-of-two shrink the turned search uses (1 at full scale, 2 at
/// half, …): the largest power of two not above 1/scale, rounded.
pub fn power_of_two_shrink(scale: f32) -> usize {
    1usize << ((1.0 / scale).round().max(1.0) as usize).ilog2()
}

/// How many looks searching a live picture takes to have searched all of it once: the finest
/// level's columns take `column_looks` looks each, in turn. Until then the smallest faces may
/// simply not have been looked for yet.
pub fn looks_to_search_all(rules: &SearchRules, width: u32, height: u32) -> u64 {
    levels(rules, width, height)
        .iter()
        .filter(|l| !l.every_look && l.columns.len() > 1)
        .map(|l| l.columns.len() as u64 * u64::from(rules.column_looks.max(1)))
        .max()
        .unwrap_or(1)
}

/// How far (frame pixels) the picture may slide between two looks of a pan with every face of
/// the column levels still seen whole in the middle column at one of them: the column's width
/// less the smallest face its level keeps. None when no level is searched in columns (the
/// whole picture is searched at every look).
pub fn middle_column_reach(rules: &SearchRules, width: u32, height: u32) -> Option<f32> {
    let long = width.max(height) as f32;
    let min_px = rules.min_px * (long / rules.at_width.max(1.0)).max(1.0);
    levels(rules, width, height)
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.every_look && l.columns.len() > 1)
        .filter_map(|(i, l)| {
            let column = l.columns[l.columns.len() / 2].first()?;
            let smallest = if i == 0 {
                min_px
            } else {
                rules.model_px / l.scale
            };
            Some((column.w as f32 - smallest).max(0.0))
        })
        .reduce(f32::min)
}

/// A second look at a small face found in a column: a region of the finest level one column
/// high (a face must be seen in two looks close together to count, and the column's turn may
/// be over). `moved_px`: how far the picture slid since the face was seen (0 with the camera
/// still) — the region reaches half a column beyond both its old place and its new one (so a
/// slide mismeasured as none still finds it), at most two columns wide; None (a pan whose
/// slide could not be measured): two columns wide around its old place, so the face is still
/// inside after the camera turned by up to a column's width. None when the face has slid out
/// of the picture.
pub fn follow_up(
    rules: &SearchRules,
    face: Rect,
    moved_px: Option<f32>,
    width: u32,
    height: u32,
) -> Option<Pass> {
    let finest = levels(rules, width, height).into_iter().next()?;
    let side = ((rules.tile_px.max(64) as f32 / finest.scale).round() as u32).max(1) as f32;
    let was = face.x as f32 + face.w as f32 / 2.0;
    let (wide, centre) = match moved_px {
        None => (2.0 * side, was),
        Some(dx) => {
            let now = was + dx;
            let half = face.w as f32 / 2.0;
            if now < -half || now > width as f32 + half {
                return None;
            }
            if dx.abs() <= side {
                (side + dx.abs(), was + dx / 2.0)
            } else {
                // Two columns, the new place half a column inside the far side.
                (2.0 * side, now - dx.signum() * side / 2.0)
            }
        }
    };
    let (w, h) = ((wide.round() as u32).min(width), (side as u32).min(height));
    let cx = centre.clamp(0.0, width as f32) as u32;
    let cy = face.y + face.h / 2;
    let x = cx.saturating_sub(w / 2).min(width - w);
    let y = cy.saturating_sub(h / 2).min(height - h);
    Some(Pass {
        region: Rect { x, y, w, h },
        scale: finest.scale * finest.enlarge,
        min_face: 0.0,
        max_face: rules.model_px * LEVEL_SPAN / finest.scale,
        closer: finest.closer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> SearchRules {
        SearchRules {
            model_px: 24.0,
            candidate_model_px: 32.0,
            fine_model_px: 48.0,
            min_px: 24.0,
            at_width: 1280.0,
            every_look_px: 48.0,
            tile_px: 320,
            column_looks: 4,
        }
    }

    #[test]
    fn the_middle_column_keeps_up_with_a_slide_of_its_width_less_the_smallest_face() {
        // 720p: the full-scale columns are 320 px wide, the smallest face 24 px.
        assert_eq!(middle_column_reach(&rules(), 1280, 720), Some(296.0));
        // A picture small enough to be searched whole at every look has no columns.
        assert_eq!(middle_column_reach(&rules(), 320, 180), None);
    }

    #[test]
    fn levels_halve_until_the_frame_fits_one_tile() {
        let l = levels(&rules(), 1280, 720);
        let scales: Vec<f32> = l.iter().map(|l| l.scale).collect();
        assert_eq!(scales, vec![1.0, 0.5, 0.25]);
        // Only the finest level is enlarged for the model (its smallest faces 24 → 32 px) and
        // its places judged enlarged more (→ 48 px).
        let enlarged: Vec<(f32, f32)> = l.iter().map(|l| (l.enlarge, l.closer)).collect();
        assert_eq!(enlarged, vec![(32.0 / 24.0, 1.5), (1.0, 1.0), (1.0, 1.0)]);
        assert!(!l[0].every_look && l[1].every_look && l[2].every_look);
        assert_eq!(l[1].columns.len(), 1);
        assert_eq!(l[2].columns.len(), 1);
    }

    #[test]
    fn columns_of_tiles_cover_the_frame_and_overlap_by_the_largest_face() {
        let l = levels(&rules(), 1280, 720);
        let columns = &l[0].columns;
        assert!(columns.len() >= 4, "{columns:?}");
        for c in columns {
            assert!(
                c.iter().all(|t| t.inside(1280, 720) && t.x == c[0].x),
                "{c:?}"
            );
        }
        // Every face of the level (up to 72 px) lies whole inside some tile.
        let tiles: Vec<Rect> = columns.iter().flatten().copied().collect();
        for y in (0..720 - 72).step_by(7) {
            for x in (0..1280 - 72).step_by(7) {
                let whole =
                    |t: &Rect| t.x <= x && x + 72 <= t.x + t.w && t.y <= y && y + 72 <= t.y + t.h;
                assert!(tiles.iter().any(whole), "({x},{y})");
            }
        }
    }

    #[test]
    fn a_look_searches_the_coarse_levels_whole_and_one_column_for_a_while() {
        let r = rules();
        let fine = &levels(&r, 1280, 720)[0];
        let (n, stack) = (fine.columns.len() as u64, fine.columns[0].len());
        let look0 = passes(&r, 1280, 720, Columns::Turn(0));
        assert_eq!(look0.len(), stack + 2);
        assert_eq!(passes(&r, 1280, 720, Columns::Turn(3)), look0);
        assert_ne!(
            passes(&r, 1280, 720, Columns::Turn(4))[0].region,
            look0[0].region
        );
        assert_eq!(passes(&r, 1280, 720, Columns::Turn(4 * n)), look0);
        let still = passes(&r, 1280, 720, Columns::All);
        assert_eq!(still.len() as u64, n * stack as u64 + 2);
        // Sizes chain: each level keeps faces from its smallest up to past the next level's.
        assert_eq!(still[0].min_face, 0.0);
        assert!(still.last().is_some_and(|p| p.max_face.is_infinite()));
    }

    #[test]
    fn a_pan_searches_the_middle_column_at_every_look() {
        let r = rules();
        let fine = &levels(&r, 1280, 720)[0];
        let middle = passes(&r, 1280, 720, Columns::Middle);
        assert_eq!(middle.len(), fine.columns[0].len() + 2);
        let c = middle[0].region;
        // The column's middle is the picture's (up to the rounding of its place).
        assert!((c.x + c.w / 2).abs_diff(640) <= 1, "{c:?}");
        assert!(
            middle
                .iter()
                .skip(fine.columns[0].len())
                .all(|p| p.scale < 1.0)
        );
    }

    #[test]
    fn the_whole_picture_is_searched_once_every_column_has_had_its_looks() {
        let r = rules();
        let columns = levels(&r, 1280, 720)[0].columns.len() as u64;
        assert_eq!(looks_to_search_all(&r, 1280, 720), columns * 4);
        // Searched whole at every look: one look is enough.
        assert_eq!(looks_to_search_all(&r, 320, 240), 1);
    }

    #[test]
    fn a_follow_up_reaches_from_where_the_face_was_to_where_it_is_now() {
        let r = rules();
        let face = Rect {
            x: 1250,
            y: 10,
            w: 26,
            h: 26,
        };
        // The camera still: one column around it, inside the frame.
        let p = follow_up(&r, face, Some(0.0), 1280, 720).expect("a pass");
        assert_eq!((p.scale, p.closer), (32.0 / 24.0, 1.5));
        assert_eq!((p.region.w, p.region.h), (320, 320));
        assert!(p.region.inside(1280, 720));
        assert!(p.region.contains_centre_of(&face));
        // The picture slid 200 px left since: from its old place to its new one.
        let p = follow_up(&r, face, Some(-200.0), 1280, 720).expect("a pass");
        assert_eq!(p.region.w, 520);
        assert!(p.region.contains_centre_of(&face), "{p:?}");
        assert!(
            p.region.contains_centre_of(&Rect { x: 1050, ..face }),
            "{p:?}"
        );
        // 500 px left: two columns, around its new place.
        let p = follow_up(&r, face, Some(-500.0), 1280, 720).expect("a pass");
        let now = Rect { x: 750, ..face };
        assert_eq!(p.region.w, 640);
        assert!(p.region.contains_centre_of(&now), "{p:?}");
        assert!(!p.region.contains_centre_of(&face), "{p:?}");
        // A pan whose slide could not be measured: two columns around its old place.
        let p = follow_up(&r, face, None, 1280, 720).expect("a pass");
        assert_eq!((p.region.w, p.region.h), (640, 320));
        assert!(p.region.contains_centre_of(&face));
        // Slid out of the picture: nothing to look at.
        assert_eq!(follow_up(&r, face, Some(200.0), 1280, 720), None);
    }

    #[test]
    fn a_large_photo_is_searched_for_the_same_share_of_its_width() {
        let l = levels(&rules(), 4000, 3000);
        assert!((l[0].scale - 1280.0 / 4000.0).abs() < 1e-6, "{l:?}");
    }

    #[test]
    fn a_small_frame_is_one_pass() {
        let p = passes(&rules(), 320, 240, Columns::Turn(5));
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].scale, p[0].closer), (32.0 / 24.0, 1.5));
    }
}
