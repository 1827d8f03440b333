//! What the camera actually delivers, measured from the frames themselves: size, frame rate
//! from timestamps, frozen (identical) frames and black frames. Pure, so it is tested on
//! synthetic sequences.

/// A camera mode offered by the device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mode {
    pub width: u32,
    pub height: u32,
    pub fps: u32,
    /// The format as nokhwa names it: "MJPEG", "YUYV", "NV12", "GRAY", "RAWRGB", …
    pub fourcc: String,
}

/// Whether a format name is Motion-JPEG (nokhwa says "MJPEG"; the FourCC is "MJPG").
fn is_mjpeg(fourcc: &str) -> bool {
    matches!(fourcc, "MJPEG" | "MJPG")
}

/// Picks the mode to open: MJPEG or YUYV at 1280×720 (then 1920×1080) at the highest frame
/// rate of at least 15; otherwise the largest mode at or above the minimum; otherwise the
/// largest of all (the check then reports it as too small).
pub fn choose_mode(modes: &[Mode], min_w: u32, min_h: u32) -> Option<Mode> {
    let preferred = |m: &Mode| is_mjpeg(&m.fourcc) || m.fourcc == "YUYV";
    for (w, h) in [(1280, 720), (1920, 1080)] {
        if let Some(m) = modes
            .iter()
            .filter(|m| m.width == w && m.height == h && preferred(m) && m.fps >= 15)
            .max_by_key(|m| (m.fps, is_mjpeg(&m.fourcc)))
        {
            return Some(m.clone());
        }
    }
    let big_enough = modes
        .iter()
        .filter(|m| m.width >= min_w && m.height >= min_h);
    big_enough
        .max_by_key(|m| {
            (
                m.fps >= 15,
                std::cmp::Reverse(u64::from(m.width) * u64::from(m.height)),
                m.fps,
            )
        })
        .or_else(|| {
            modes
                .iter()
                .max_by_key(|m| (u64::from(m.width) * u64::from(m.height), m.fps))
        })
        .cloned()
}

/// How many of the darkest mean-luma levels are kept per frame (a black-frame limit is
/// below this).
pub const DARK_LEVELS: usize = 32;

/// Running statistics over delivered frames.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrameStats {
    pub frames: u64,
    pub width: u32,
    pub height: u32,
    pub frozen: u64,
    /// Frames by mean luma, for the dark end only: `dark[v]` counts frames whose mean luma
    /// rounds down to `v` (0..DARK_LEVELS). The check decides what counts as black.
    pub dark: [u64; DARK_LEVELS],
    first_s: Option<f64>,
    last_s: f64,
    last_hash: Option<u64>,
}

impl FrameStats {
    /// Records one frame: when it arrived (seconds), a hash of its pixels, its mean luma.
    pub fn observe(&mut self, t_s: f64, width: u32, height: u32, hash: u64, mean_luma: f64) {
        self.frames += 1;
        self.width = width;
        self.height = height;
        if self.last_hash == Some(hash) {
            self.frozen += 1;
        }
        if mean_luma >= 0.0 && mean_luma < DARK_LEVELS as f64 {
            self.dark[mean_luma as usize] += 1;
        }
        self.last_hash = Some(hash);
        self.first_s.get_or_insert(t_s);
        self.last_s = t_s;
    }

    /// Frames whose mean luma is below `limit` (0–255; limits past DARK_LEVELS count as it).
    pub fn black(&self, limit: f64) -> u64 {
        let whole = (limit.max(0.0).ceil() as usize).min(DARK_LEVELS);
        self.dark[..whole].iter().sum()
    }

    /// Frames per second from the arrival times.
    pub fn fps(&self) -> f64 {
        match self.first_s {
            Some(first) if self.frames > 1 && self.last_s > first => {
                (self.frames - 1) as f64 / (self.last_s - first)
            }
            _ => 0.0,
        }
    }
}

/// A cheap content hash (every 7th byte) to spot a frozen stream.
pub fn frame_hash(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data.iter().step_by(7) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(w: u32, h: u32, fps: u32, f: &str) -> Mode {
        Mode {
            width: w,
            height: h,
            fps,
            fourcc: f.into(),
        }
    }

    #[test]
    fn mode_choice() {
        // The names nokhwa itself gives the formats (its `FrameFormat` Display).
        use nokhwa::utils::FrameFormat;
        let (mj, yu, nv) = (
            FrameFormat::MJPEG.to_string(),
            FrameFormat::YUYV.to_string(),
            FrameFormat::NV12.to_string(),
        );
        // A typical UVC webcam (Logitech C920 mode list, abridged).
        let c920 = [
            m(640, 480, 30, &yu),
            m(1280, 720, 10, &yu),
            m(1280, 720, 30, &mj),
            m(1920, 1080, 30, &mj),
            m(1920, 1080, 5, &yu),
        ];
        assert_eq!(choose_mode(&c920, 1280, 720), Some(m(1280, 720, 30, &mj)));
        let only_1080 = [m(640, 480, 30, &yu), m(1920, 1080, 30, &mj)];
        assert_eq!(
            choose_mode(&only_1080, 1280, 720),
            Some(m(1920, 1080, 30, &mj))
        );
        let odd = [
            m(640, 480, 30, &yu),
            m(1600, 900, 30, &nv),
            m(2560, 1440, 15, &nv),
        ];
        assert_eq!(choose_mode(&odd, 1280, 720), Some(m(1600, 900, 30, &nv)));
        let small = [m(320, 240, 30, &yu), m(640, 480, 30, &yu)];
        assert_eq!(choose_mode(&small, 1280, 720), Some(m(640, 480, 30, &yu)));
        assert_eq!(choose_mode(&[], 1280, 720), None);
        // MJPEG at 30 fps beats YUYV at 15 at the same size (USB 2.0 cannot carry 720p YUYV
        // at 30 fps, so cameras offer it slower).
        let usb2 = [m(1280, 720, 15, &yu), m(1280, 720, 30, &mj)];
        assert_eq!(choose_mode(&usb2, 1280, 720), Some(m(1280, 720, 30, &mj)));
        let tie = [m(1280, 720, 30, &yu), m(1280, 720, 30, &mj)];
        assert_eq!(choose_mode(&tie, 1280, 720), Some(m(1280, 720, 30, &mj)));
        // The FourCC spelling is accepted too.
        assert_eq!(
            choose_mode(&[m(1280, 720, 30, "MJPG")], 1280, 720),
            Some(m(1280, 720, 30, "MJPG"))
        );
    }

    #[test]
    fn fps_frozen_and_black() {
        let mut s = FrameStats::default();
        for i in 0..31u32 {
            let hash = if i >= 25 { 7 } else { u64::from(i) };
            s.observe(
                f64::from(i) / 30.0,
                1280,
                720,
                hash,
                if i < 3 { 2.0 } else { 120.0 },
            );
        }
        assert!((s.fps() - 30.0).abs() < 0.01);
        assert_eq!(s.frozen, 5);
        assert_eq!(s.black(8.0), 3);
        assert_eq!(s.black(2.0), 0);
        assert_eq!(s.black(2.5), 3);
        assert_eq!(FrameStats::default().fps(), 0.0);
    }
}
