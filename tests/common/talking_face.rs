//! Synthetic recordings of a digit reading, made from real parts (no video of a person reading
//! digits with a free licence was found): the fixtures' real spoken digits
//! (`fsdd_jackson_4719_gap0.5s.wav`, CC BY-SA 4.0) with faint noise, and camera frames of a
//! real photographed face (public domain, see `Face`) whose jaw is moved with the voice's
//! loudness, so the mouth opens with the voice (optionally `delay_s` before it). The lip
//! positions come from TensorFlow Lite's own face mesh of each photo (tests/fixtures/models/),
//! not from the code under test.

use image::RgbImage;
use selfcheck::analysis::frame::RgbFrame;
use std::path::Path;

const PORTRAIT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/images/one_face_portrait.jpg"
);
const MESH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/models/mesh_192_tflite.bin"
);
const TWO_PEOPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/images/two_people.jpg"
);
const MESH_TWO_PEOPLE_RIGHT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/models/mesh_two_people_right_tflite.bin"
);
const DIGITS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/audio/fsdd_jackson_4719_gap0.5s.wav"
);

/// The reading's sound: `lead_s` of faint noise, the four digits (noise mixed in, so no stretch
/// is digital zero), `tail_s` of noise. 8 kHz, 16-bit.
pub struct ReadingAudio {
    pub rate: u32,
    pub samples: Vec<i16>,
    /// Loudness per 10 ms, 0–1 (1 = the loudest 40 ms of the reading).
    envelope: Vec<f64>,
}

impl ReadingAudio {
    pub fn new(lead_s: f64, tail_s: f64) -> ReadingAudio {
        let mut reader = hound::WavReader::open(DIGITS).expect("digits wav");
        let rate = reader.spec().sample_rate;
        let speech: Vec<i16> = reader
            .samples::<i16>()
            .map(|s| s.expect("sample"))
            .collect();
        let lead = (f64::from(rate) * lead_s) as usize;
        let tail = (f64::from(rate) * tail_s) as usize;
        let mut seed: u32 = 12345;
        let samples: Vec<i16> = (0..lead + speech.len() + tail)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let noise = ((seed >> 16) % 21) as i16 - 10;
                let s = if i >= lead {
                    speech.get(i - lead).copied().unwrap_or(0)
                } else {
                    0
                };
                s.saturating_add(noise)
            })
            .collect();
        let hop = (rate / 100) as usize;
        let window = 4 * hop;
        let rms: Vec<f64> = (0..samples.len() / hop)
            .map(|k| {
                let a = (k * hop).saturating_sub(window / 2);
                let b = (a + window).min(samples.len());
                let sum: f64 = samples[a..b].iter().map(|&s| f64::from(s).powi(2)).sum();
                (sum / (b - a).max(1) as f64).sqrt()
            })
            .collect();
        let peak = rms.iter().copied().fold(1.0, f64::max);
        ReadingAudio {
            rate,
            envelope: rms.iter().map(|r| r / peak).collect(),
            samples,
        }
    }

    pub fn seconds(&self) -> f64 {
        self.samples.len() as f64 / f64::from(self.rate)
    }

    /// How far the mouth is open (0 closed – 1 as in the portrait) for the voice at `t_s`.
    pub fn mouth_for_voice_at(&self, t_s: f64) -> f64 {
        if t_s < 0.0 {
            return 0.0;
        }
        let e = self
            .envelope
            .get((t_s * 100.0) as usize)
            .copied()
            .unwrap_or(0.0);
        // The jaw is fully open from a third of the loudest on; noise leaves it closed.
        ((e - 0.03) / 0.3).clamp(0.0, 1.0)
    }

    pub fn write_wav(&self, path: &Path) {
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: self.rate,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let mut w = hound::WavWriter::create(path, spec).expect("create wav");
        for &s in &self.samples {
            w.write_sample(s).expect("write");
        }
        w.finalize().expect("finalize");
    }

    pub fn mono(&self) -> selfcheck::analysis::audio_levels::MonoAudio {
        selfcheck::analysis::audio_levels::MonoAudio {
            rate: self.rate,
            samples: self
                .samples
                .iter()
                .map(|&s| f32::from(s) / 32768.0)
                .collect(),
        }
    }
}

/// Which real face, and how its jaw is moved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Face {
    /// The tuning face: `one_face_portrait.jpg`, photographed with the mouth open (teeth
    /// showing); the face below the upper lip is shifted up to close it.
    Portrait,
    /// The validation face, never used to choose a limit: the right-hand man of
    /// `two_people.jpg`, photographed with the mouth closed; the jaw is dropped and the gap
    /// between the lips drawn dark, the other way round from the tuning face.
    ClosedMouthMan,
}

struct Source {
    photo: &'static str,
    /// The part of the photo used (x, y, w, h).
    crop: (u32, u32, u32, u32),
    mesh: &'static str,
    /// TFLite's mesh square in the photo: centre and side.
    square: (f32, f32, f32),
}

impl Face {
    fn source(self) -> Source {
        match self {
            Face::Portrait => Source {
                photo: PORTRAIT,
                crop: (0, 0, 910, 1137),
                mesh: MESH,
                square: (470.0, 300.0, 440.0),
            },
            Face::ClosedMouthMan => Source {
                photo: TWO_PEOPLE,
                crop: (563, 0, 563, 661),
                mesh: MESH_TWO_PEOPLE_RIGHT,
                square: (858.0, 160.0, 290.0),
            },
        }
    }
}

/// A real face in a camera frame, ready to have its jaw moved.
pub struct TalkingFace {
    face: Face,
    base: RgbImage,
    /// Inner edges of the lips (middle), mouth corners' x, chin's y — frame pixels.
    upper_lip_y: f32,
    lower_lip_y: f32,
    mouth_left: f32,
    mouth_right: f32,
    chin_y: f32,
}

impl TalkingFace {
    /// The tuning face (`Face::Portrait`).
    pub fn new(width: u32, height: u32) -> TalkingFace {
        TalkingFace::of(Face::Portrait, width, height)
    }

    /// The photo scaled to the frame's height, centred on a grey wall.
    pub fn of(face: Face, width: u32, height: u32) -> TalkingFace {
        let src = face.source();
        let (cx0, cy0, cw, ch) = src.crop;
        let photo = image::open(src.photo).expect("photo").to_rgb8();
        let photo = image::imageops::crop_imm(&photo, cx0, cy0, cw, ch).to_image();
        let scale = height as f32 / photo.height() as f32;
        let pw = (photo.width() as f32 * scale).round() as u32;
        let small =
            image::imageops::resize(&photo, pw, height, image::imageops::FilterType::Triangle);
        let mut base = RgbImage::from_pixel(width, height, image::Rgb([128, 128, 120]));
        let left = (width.saturating_sub(pw)) / 2;
        image::imageops::overlay(&mut base, &small, i64::from(left), 0);
        let raw = std::fs::read(src.mesh).expect("mesh reference");
        let v: Vec<f32> = raw
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let (sx, sy, side) = src.square;
        let at = |i: usize| {
            let (x, y) = (v[i * 3], v[i * 3 + 1]);
            let px = sx - side / 2.0 + x * side / 192.0 - cx0 as f32;
            let py = sy - side / 2.0 + y * side / 192.0 - cy0 as f32;
            (px * scale + left as f32, py * scale)
        };
        TalkingFace {
            face,
            base,
            upper_lip_y: at(13).1,
            lower_lip_y: at(14).1,
            mouth_left: at(61).0,
            mouth_right: at(291).0,
            chin_y: at(152).1,
        }
    }

    /// The frame with the mouth `open` (0 closed – 1 fully open).
    pub fn frame(&self, open: f64) -> RgbFrame {
        let open = open.clamp(0.0, 1.0) as f32;
        let (w, h) = (self.base.width() as usize, self.base.height() as usize);
        let mut data = self.base.as_raw().clone();
        let src = self.base.as_raw();
        let mw = self.mouth_right - self.mouth_left;
        let cx = (self.mouth_left + self.mouth_right) / 2.0;
        // Per column: how much of the jaw's movement it takes, and the lips' gap's share.
        let lens = |x: f32| (1.0 - ((x - cx) / (mw * 0.5)).powi(2)).max(0.0).sqrt();
        let (line, drop, column): (f32, f32, Box<dyn Fn(f32) -> f32>) = match self.face {
            // Shift up by the closed part of the photographed gap, fading past the mouth.
            Face::Portrait => (
                self.upper_lip_y,
                -(self.lower_lip_y - self.upper_lip_y) * (1.0 - open),
                Box::new(move |x: f32| {
                    (1.0 - ((x - cx).abs() - mw * 0.6) / (mw * 0.5)).clamp(0.0, 1.0)
                }),
            ),
            // Drop the jaw by up to 0.3 mouth widths, most in the middle of the mouth.
            Face::ClosedMouthMan => (
                (self.upper_lip_y + self.lower_lip_y) / 2.0,
                0.3 * mw * open,
                Box::new(move |x: f32| {
                    if (x - cx).abs() < mw * 0.5 {
                        0.35 + 0.65 * lens(x)
                    } else {
                        (0.35 * (1.0 - ((x - cx).abs() - mw * 0.5) / (mw * 0.4))).clamp(0.0, 1.0)
                    }
                }),
            ),
        };
        let reach = self.chin_y + drop.max(0.0);
        let y_end = ((reach + 0.3 * mw) as usize).min(h - 1);
        let x0 = (cx - 1.1 * mw).max(0.0) as usize;
        let x1 = ((cx + 1.1 * mw) as usize).min(w);
        for y in line as usize..y_end {
            let yf = y as f32;
            let sy = if yf < reach {
                1.0
            } else {
                (1.0 - (yf - reach) / (0.3 * mw)).clamp(0.0, 1.0)
            };
            for x in x0..x1 {
                let xf = x as f32;
                let d = drop * column(xf) * sy;
                // The gap opened between the lips shows the dark inside of the mouth.
                if drop > 0.0 && (xf - cx).abs() < mw * 0.5 && yf < line + drop * lens(xf) {
                    data[(y * w + x) * 3..(y * w + x) * 3 + 3].copy_from_slice(&[45, 18, 20]);
                    continue;
                }
                let from = (yf - d).clamp(0.0, (h - 2) as f32);
                let y0 = from as usize;
                let f = from - y0 as f32;
                for c in 0..3 {
                    let a = f32::from(src[(y0 * w + x) * 3 + c]);
                    let b = f32::from(src[((y0 + 1) * w + x) * 3 + c]);
                    data[(y * w + x) * 3 + c] = (a + (b - a) * f).round() as u8;
                }
            }
        }
        RgbFrame {
            width: w as u32,
            height: h as u32,
            data,
        }
    }
}

/// How the mouth on camera moves while the voice reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mouth {
    /// With the voice; the voice comes `delay_s` after the mouth (negative: before it).
    WithVoice { delay_s: f64 },
    /// Closed throughout (someone else reads).
    Still,
    /// Closed throughout while the head sways (the seller moves while someone else reads):
    /// the whole picture shifted by up to `amplitude_px`.
    StillSwaying { amplitude_px: f64 },
    /// With the voice, in step, while the head sways as above.
    SwayingWithVoice { amplitude_px: f64 },
    /// No face in the picture.
    NoFace,
}

/// Frame `i` at `fps` of the reading.
pub fn frame_at(
    face: &TalkingFace,
    audio: &ReadingAudio,
    mouth: Mouth,
    i: usize,
    fps: f64,
) -> RgbFrame {
    let t = i as f64 / fps;
    match mouth {
        Mouth::WithVoice { delay_s } => face.frame(audio.mouth_for_voice_at(t + delay_s)),
        Mouth::Still => face.frame(0.0),
        Mouth::StillSwaying { amplitude_px } => sway(&face.frame(0.0), amplitude_px, t),
        Mouth::SwayingWithVoice { amplitude_px } => {
            sway(&face.frame(audio.mouth_for_voice_at(t)), amplitude_px, t)
        }
        Mouth::NoFace => {
            let f = face.frame(0.0);
            RgbFrame {
                data: vec![128; f.data.len()],
                ..f
            }
        }
    }
}

/// The picture moved as a swaying head moves it at `t_s`: sideways at 0.7 Hz, up and down at
/// 1.1 Hz (half as far); uncovered edges are grey.
fn sway(f: &RgbFrame, amplitude_px: f64, t_s: f64) -> RgbFrame {
    let tau = std::f64::consts::TAU;
    let dx = (amplitude_px * (tau * 0.7 * t_s).sin()).round() as i64;
    let dy = (amplitude_px * 0.5 * (tau * 1.1 * t_s).sin()).round() as i64;
    let (w, h) = (i64::from(f.width), i64::from(f.height));
    let mut data = vec![128u8; f.data.len()];
    for y in 0..h {
        let sy = y - dy;
        if !(0..h).contains(&sy) {
            continue;
        }
        for x in 0..w {
            let sx = x - dx;
            if (0..w).contains(&sx) {
                let (to, from) = (((y * w + x) * 3) as usize, ((sy * w + sx) * 3) as usize);
                data[to..to + 3].copy_from_slice(&f.data[from..from + 3]);
            }
        }
    }
    RgbFrame {
        width: f.width,
        height: f.height,
        data,
    }
}
