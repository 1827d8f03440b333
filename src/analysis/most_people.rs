//! The camera step judges "exactly one person" over the last seconds of looks, not the last
//! picture alone: someone walking past behind the seller for a moment fails the real attempt,
//! so the look that saw the most people in the window is the one judged.

use super::frame_analysis::FrameAnalysis;
use std::collections::VecDeque;
use std::sync::Arc;

#[derive(Debug, Clone, Default)]
pub struct MostPeople {
    looks: VecDeque<(f64, Arc<FrameAnalysis>)>,
}

impl MostPeople {
    /// Adds the look taken at `t_s` and forgets looks older than `window_s` before it.
    pub fn add(&mut self, t_s: f64, look: Arc<FrameAnalysis>, window_s: f64) {
        self.looks.push_back((t_s, look));
        while self.looks.front().is_some_and(|(t, _)| t_s - *t > window_s) {
            self.looks.pop_front();
        }
    }

    /// The look with the most people in the window (the newest of equals).
    pub fn most(&self) -> Option<&Arc<FrameAnalysis>> {
        self.looks
            .iter()
            .rev()
            .max_by_key(|(_, a)| a.people.len())
            .map(|(_, a)| a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::faces::FaceBox;
    use crate::analysis::frame::{Rect, RgbFrame};
    use crate::analysis::limits::FrameLimits;

    fn look(people: u32) -> Arc<FrameAnalysis> {
        let frame = RgbFrame {
            width: 64,
            height: 48,
            data: vec![128; 64 * 48 * 3],
        };
        let faces = (0..people)
            .map(|i| FaceBox {
                rect: Rect {
                    x: i * 20,
                    y: 4,
                    w: 16,
                    h: 16,
                },
                score: 5.0,
            })
            .collect();
        let limits = FrameLimits::builtin().expect("profile");
        Arc::new(crate::analysis::frame_analysis::analyze_with_faces(
            &frame, None, faces, &limits,
        ))
    }

    #[test]
    fn a_person_passing_for_one_look_is_judged_until_the_window_passes() {
        let mut m = MostPeople::default();
        m.add(0.0, look(1), 2.0);
        m.add(0.1, look(2), 2.0);
        m.add(0.2, look(1), 2.0);
        assert_eq!(m.most().map(|a| a.people.len()), Some(2));
        m.add(2.05, look(1), 2.0);
        assert_eq!(m.most().map(|a| a.people.len()), Some(2));
        m.add(2.2, look(1), 2.0);
        assert_eq!(m.most().map(|a| a.people.len()), Some(1));
    }
}
