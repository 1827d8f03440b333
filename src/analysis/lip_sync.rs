//! Does the voice go with the mouth on camera? The platform compares the reading's sound with
//! the mouth's movement; this measures the same on one clock: the mouth's opening per camera
//! frame (`face_mesh`) against the voice's loudness per 10 ms (`voice_activity`).
//!
//! - **Offset**: the lag at which the voice's loudness and the mouth's opening agree best
//!   (cross-correlation, 10 ms steps, within `search_s` either way); positive = the voice comes
//!   after the mouth (a microphone or headset that delays the sound).
//! - **Per digit**: each spoken digit's start, and the start of the mouth opening nearest to it
//!   (after the offset), so a steady delay can be told from a reader out of step.
//! - **Mouth moving**: the share of the speech during which the mouth was open within the
//!   platform's allowed lag — a voice with a still or covered mouth (someone else reading) has
//!   none.
//! - **Face in view**: the share of the reading's frames with a face.

use super::audio_levels::HOP_S;
use super::voice_activity::VoiceActivity;

/// The mouth in one camera frame, on the recording's clock.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MouthSample {
    pub t_s: f64,
    /// The lips' inner gap in eye spans (`Mesh::mouth_opening`); `None` without a face.
    pub opening: Option<f32>,
}

/// The limits the measures use (from the profile's `[audio]`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LipSyncRules {
    /// Offsets are searched this far either way.
    pub search_s: f64,
    /// The mouth counts as open this far (eye spans) above its closed level.
    pub open_min: f64,
    /// The lag the platform allows between voice and mouth.
    pub max_offset_s: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LipSync {
    /// Positive: the voice comes after the mouth. `None` when there was no speech, no mouth
    /// movement, or nothing lined up.
    pub offset_s: Option<f64>,
    /// How well voice and mouth agree at that offset (cosine, 0–1).
    pub agreement: f64,
    pub mouth_moving_share: f64,
    pub face_in_view_share: f64,
    /// Camera frames during the reading (0: no picture at all, nothing to compare).
    pub frames: usize,
    /// Each spoken digit's start.
    pub onsets_s: Vec<f64>,
    /// The mouth's opening nearest each digit (after the offset); `None` when none was near.
    pub mouth_onsets_s: Vec<Option<f64>>,
    /// The mouth's range during the reading (eye spans): how far it opened above closed.
    pub mouth_travel: f64,
}

impl LipSync {
    /// Voice start minus mouth start, per digit whose mouth opening was found.
    pub fn digit_offsets(&self) -> Vec<f64> {
        self.onsets_s
            .iter()
            .zip(&self.mouth_onsets_s)
            .filter_map(|(v, m)| m.map(|m| v - m))
            .collect()
    }
}

pub fn measure(mouth: &[MouthSample], voice: &VoiceActivity, rules: &LipSyncRules) -> LipSync {
    let onsets_s: Vec<f64> = voice.segments.iter().map(|s| s.start_s).collect();
    let reading = voice
        .segments
        .first()
        .zip(voice.segments.last())
        .map(|(a, b)| (a.start_s, b.end_s));
    let during = |m: &&MouthSample| reading.is_some_and(|(a, b)| m.t_s >= a && m.t_s <= b);
    let frames = mouth.iter().filter(during).count();
    let face_in_view_share = share(mouth.iter().filter(during), |m| m.opening.is_some());
    let empty = LipSync {
        offset_s: None,
        agreement: 0.0,
        mouth_moving_share: 0.0,
        face_in_view_share,
        frames,
        mouth_onsets_s: vec![None; onsets_s.len()],
        onsets_s: onsets_s.clone(),
        mouth_travel: 0.0,
    };
    let Some((start, end)) = reading else {
        return empty;
    };
    // Both signals on one 10-ms grid over the reading and the search margin.
    let t0 = (start - rules.search_s).max(0.0);
    let t1 = end + rules.search_s;
    let n = ((t1 - t0) / HOP_S).ceil() as usize + 1;
    let openings: Vec<f64> = mouth
        .iter()
        .filter(|m| m.t_s >= t0 && m.t_s <= t1)
        .filter_map(|m| m.opening.map(f64::from))
        .collect();
    if openings.is_empty() {
        return empty;
    }
    // Closed = the reading's lower tenth (the lips meet between digits).
    let closed = percentile(&openings, 0.1);
    let mouth_travel = percentile(&openings, 0.95) - closed;
    let m = mouth_grid(mouth, t0, n, closed);
    let v = voice_grid(voice, t0, n);
    let steps = (rules.search_s / HOP_S).round() as isize;
    let (lag, agreement) = best_lag(&v, &m, steps);
    let moving = mouth_moving(&v, &m, rules);
    let lip = LipSync {
        mouth_moving_share: moving,
        mouth_travel,
        ..empty
    };
    if agreement <= 0.0 {
        return lip;
    }
    let offset = lag as f64 * HOP_S;
    let mouth_onsets_s = onsets_s
        .iter()
        .map(|&on| nearest_opening(&m, t0, on - offset, rules))
        .collect();
    LipSync {
        offset_s: Some(offset),
        agreement,
        mouth_onsets_s,
        ..lip
    }
}

fn share<'a>(
    items: impl Iterator<Item = &'a MouthSample>,
    yes: impl Fn(&MouthSample) -> bool,
) -> f64 {
    let (mut n, mut k) = (0usize, 0usize);
    for m in items {
        n += 1;
        k += usize::from(yes(m));
    }
    if n == 0 { 0.0 } else { k as f64 / n as f64 }
}

fn percentile(values: &[f64], p: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let i = ((v.len() - 1) as f64 * p).round() as usize;
    v[i.min(v.len() - 1)]
}

/// The opening above closed on the grid, linear between frames; 0 where no face was seen
/// (a face out of view is no mouth movement).
fn mouth_grid(mouth: &[MouthSample], t0: f64, n: usize, closed: f64) -> Vec<f64> {
    let mut grid = vec![0.0; n];
    for pair in mouth.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (Some(oa), Some(ob)) = (a.opening, b.opening) else {
            continue;
        };
        let (oa, ob) = (
            (f64::from(oa) - closed).max(0.0),
            (f64::from(ob) - closed).max(0.0),
        );
        let from = ((a.t_s - t0) / HOP_S).ceil().max(0.0) as usize;
        let to = (((b.t_s - t0) / HOP_S).ceil().max(0.0) as usize).min(n);
        for (i, g) in grid.iter_mut().enumerate().take(to).skip(from) {
            let t = t0 + i as f64 * HOP_S;
            let f = if b.t_s > a.t_s {
                (t - a.t_s) / (b.t_s - a.t_s)
            } else {
                0.0
            };
            *g = oa + (ob - oa) * f.clamp(0.0, 1.0);
        }
    }
    grid
}

/// The voice's loudness on the grid: 0 at the detector's threshold and below, 1 at the
/// reading's loudest.
fn voice_grid(voice: &VoiceActivity, t0: f64, n: usize) -> Vec<f64> {
    let peak = voice
        .speech_frames()
        .filter_map(|i| voice.frames_db.get(i).copied())
        .fold(f64::MIN, f64::max);
    let floor = voice.threshold_db;
    let span = (peak - floor).max(1.0);
    let first = (t0 / HOP_S).round() as usize;
    (0..n)
        .map(|i| {
            voice
                .frames_db
                .get(first + i)
                .map_or(0.0, |db| ((db - floor) / span).clamp(0.0, 1.0))
        })
        .collect()
}

/// The lag (grid steps, voice after mouth positive) with the largest cosine between the voice
/// and the shifted mouth, within ±`steps`.
fn best_lag(v: &[f64], m: &[f64], steps: isize) -> (isize, f64) {
    let norm = (v.iter().map(|x| x * x).sum::<f64>() * m.iter().map(|x| x * x).sum::<f64>()).sqrt();
    if norm <= 0.0 {
        return (0, 0.0);
    }
    let mut best: (isize, f64) = (0, 0.0);
    for lag in -steps..=steps {
        let mut sum = 0.0;
        for (i, &vi) in v.iter().enumerate() {
            // v(t) against m(t − lag): the mouth `lag` steps before the voice.
            let j = i as isize - lag;
            if vi > 0.0 && j >= 0 && (j as usize) < m.len() {
                sum += vi * m[j as usize];
            }
        }
        let c = sum / norm;
        // Ties go to the smaller lag.
        if c > best.1 + 1e-9 || (c >= best.1 - 1e-9 && lag.abs() < best.0.abs() && c > 0.0) {
            best = (lag, c);
        }
    }
    best
}

/// The share of voiced grid steps with the mouth open somewhere within the allowed lag.
fn mouth_moving(v: &[f64], m: &[f64], rules: &LipSyncRules) -> f64 {
    let reach = (rules.max_offset_s / HOP_S).round() as usize;
    let open: Vec<bool> = m.iter().map(|&x| x >= rules.open_min).collect();
    // Prefix counts of open steps, so each window is one subtraction.
    let mut prefix = vec![0usize; open.len() + 1];
    for (i, &o) in open.iter().enumerate() {
        prefix[i + 1] = prefix[i] + usize::from(o);
    }
    let (mut voiced, mut matched) = (0usize, 0usize);
    for (i, &x) in v.iter().enumerate() {
        if x <= 0.0 {
            continue;
        }
        voiced += 1;
        let (a, b) = (i.saturating_sub(reach), (i + reach + 1).min(open.len()));
        if prefix[b] > prefix[a] {
            matched += 1;
        }
    }
    if voiced == 0 {
        0.0
    } else {
        matched as f64 / voiced as f64
    }
}

/// The start of the mouth opening nearest `around_s` (within the allowed lag either way): the
/// grid step where the opening rises through `open_min`.
fn nearest_opening(m: &[f64], t0: f64, around_s: f64, rules: &LipSyncRules) -> Option<f64> {
    let starts = (1..m.len()).filter(|&i| m[i] >= rules.open_min && m[i - 1] < rules.open_min);
    starts
        .map(|i| t0 + i as f64 * HOP_S)
        .filter(|t| (t - around_s).abs() <= rules.max_offset_s)
        .min_by(|a, b| (a - around_s).abs().total_cmp(&(b - around_s).abs()))
}

#[cfg(test)]
mod tests {
    use super::super::voice_activity::Segment;
    use super::*;

    const RULES: LipSyncRules = LipSyncRules {
        search_s: 2.0,
        open_min: 0.05,
        max_offset_s: 0.8,
    };

    /// Four digits spoken at `starts` (0.35 s each), the voice's frames loud inside them.
    fn voice(starts: &[f64], len_s: f64) -> VoiceActivity {
        let n = (len_s / HOP_S) as usize;
        let segments: Vec<Segment> = starts
            .iter()
            .map(|&s| Segment {
                start_s: s,
                end_s: s + 0.35,
            })
            .collect();
        let frames_db = (0..n)
            .map(|i| {
                let t = i as f64 * HOP_S;
                if segments.iter().any(|s| t >= s.start_s && t < s.end_s) {
                    -20.0
                } else {
                    -70.0
                }
            })
            .collect();
        VoiceActivity {
            segments,
            noise_floor_db: -70.0,
            threshold_db: -58.0,
            frames_db,
        }
    }

    /// 30 frames a second, the mouth open (0.2) during `[s, s + 0.35)` for each start.
    fn mouth(starts: &[f64], len_s: f64) -> Vec<MouthSample> {
        (0..(len_s * 30.0) as usize)
            .map(|i| {
                let t = i as f64 / 30.0;
                let open = starts.iter().any(|&s| t >= s && t < s + 0.35);
                MouthSample {
                    t_s: t,
                    opening: Some(if open { 0.2 } else { 0.02 }),
                }
            })
            .collect()
    }

    const DIGITS: [f64; 4] = [2.0, 2.8, 3.5, 4.3];

    #[test]
    fn voice_with_the_mouth_is_in_step() {
        let r = measure(&mouth(&DIGITS, 8.0), &voice(&DIGITS, 8.0), &RULES);
        let off = r.offset_s.expect("an offset");
        assert!(off.abs() <= 0.04, "{r:?}");
        assert!(
            r.mouth_moving_share > 0.95 && r.face_in_view_share == 1.0,
            "{r:?}"
        );
        assert_eq!(r.digit_offsets().len(), 4, "{r:?}");
    }

    #[test]
    fn a_late_or_early_voice_is_measured_with_its_sign() {
        for shift in [1.2, -1.2, 0.5] {
            let spoken: Vec<f64> = DIGITS.iter().map(|s| s + shift).collect();
            let r = measure(&mouth(&DIGITS, 9.0), &voice(&spoken, 9.0), &RULES);
            let off = r.offset_s.expect("an offset");
            assert!((off - shift).abs() <= 0.04, "shift {shift}: {r:?}");
            for d in r.digit_offsets() {
                assert!((d - shift).abs() <= 0.05, "shift {shift}: {r:?}");
            }
        }
    }

    #[test]
    fn a_still_mouth_or_no_face_does_not_move() {
        let still: Vec<MouthSample> = mouth(&[], 8.0);
        let r = measure(&still, &voice(&DIGITS, 8.0), &RULES);
        assert_eq!(r.mouth_moving_share, 0.0, "{r:?}");
        assert!(r.offset_s.is_none());
        let nobody: Vec<MouthSample> = mouth(&DIGITS, 8.0)
            .into_iter()
            .map(|m| MouthSample { opening: None, ..m })
            .collect();
        let r = measure(&nobody, &voice(&DIGITS, 8.0), &RULES);
        assert_eq!(r.face_in_view_share, 0.0);
        assert_eq!(r.mouth_moving_share, 0.0);
        assert!(r.frames > 60, "{r:?}");
        let r = measure(&[], &voice(&DIGITS, 8.0), &RULES);
        assert_eq!(r.frames, 0);
    }
}
