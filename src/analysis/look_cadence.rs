//! How often the camera's picture is looked at: light, focus, glare and motion about ten
//! times a second, faces four times a second. The live preview and `analyze-pan` share this
//! rhythm, so a recorded pan is judged on the same looks the app would have taken.

/// Seconds between looks.
pub const LOOK_EVERY_S: f64 = 0.1;
/// Seconds between face searches (the slowest measure).
pub const FACE_EVERY_S: f64 = 0.25;
/// Clock jitter forgiven when deciding whether a look is due (a frame stamped 0.0999 s after
/// the last look still counts as the next one).
const SLACK_S: f64 = 0.002;

/// The time of the last look and of the last face search.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Cadence {
    last_look: Option<f64>,
    last_faces: Option<f64>,
}

impl Cadence {
    /// Whether a picture taken at `t_s` is due for a look.
    pub fn look_due(&self, t_s: f64) -> bool {
        self.last_look
            .is_none_or(|l| t_s - l >= LOOK_EVERY_S - SLACK_S)
    }

    /// Takes a look at `t_s`; returns whether faces are searched at this look.
    pub fn look(&mut self, t_s: f64) -> bool {
        self.last_look = Some(t_s);
        let faces = self
            .last_faces
            .is_none_or(|l| t_s - l >= FACE_EVERY_S - SLACK_S);
        if faces {
            self.last_faces = Some(t_s);
        }
        faces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_frames_a_second_give_ten_looks_and_four_face_searches() {
        let mut c = Cadence::default();
        let (mut looks, mut faces) = (0, 0);
        for i in 0..30 {
            let t = f64::from(i) / 30.0;
            if c.look_due(t) {
                looks += 1;
                faces += u32::from(c.look(t));
            }
        }
        assert_eq!((looks, faces), (10, 4));
    }
}
