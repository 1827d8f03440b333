//! The camera as the camera, ID-card and pan steps see it. Capture runs on its own thread
//! (`capture::camera`); a second thread analyses only the newest frame — light and focus on
//! every look, faces a few times a second — and publishes a `LiveView`. The UI reads the view
//! and never waits for either thread. In mouth mode (the digits step) the second thread instead
//! follows the reader's mouth on every new frame and logs its opening on the shared clock.

use crate::analysis::faces::{FaceBox, FaceDetector, FaceRules};
use crate::analysis::frame::{Rect, RgbFrame};
use crate::analysis::frame_analysis::{FrameAnalysis, analyze_with_faces};
use crate::analysis::lip_sync::MouthSample;
use crate::analysis::look_cadence::{Cadence, LOOK_EVERY_S};
use crate::analysis::motion::{mean_abs_diff, tiny_gray};
use crate::analysis::mouth_track::MouthTracker;
use crate::capture::camera::{CameraCapture, CameraSource, CameraState};
use crate::profile::Profile;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// What the UI reads.
#[derive(Clone, Default)]
pub struct LiveView {
    /// The newest picture from the camera.
    pub frame: Option<Arc<RgbFrame>>,
    /// Changes whenever `analysis` does.
    pub seq: u64,
    pub analysis: Option<Arc<FrameAnalysis>>,
    /// Changes whenever faces were searched anew (the analysis reuses the last faces between
    /// searches, see `analysis::look_cadence`).
    pub faces_seq: u64,
    /// Face searches it takes to search the whole picture once with the camera still (the
    /// smallest faces are searched a column at a time).
    pub faces_search_looks: u64,
    /// Face searches with the camera still before the whole picture has been searched once:
    /// until then, "one person" is not known (0: searched).
    pub faces_looks_left: u64,
    /// The last face search was a pan's: far faces in the picture's middle column
    /// (`LiveCamera::set_pan_mode`).
    pub panning: bool,
    /// Where the ID-card guide frame was when the analysis ran (card mode only).
    pub card: Option<Rect>,
    /// While panning: how far the picture slid before the last face search, against what the
    /// far-face search keeps up with (`FaceDetector::last_slide`).
    pub slide: Option<crate::analysis::turn_shift::Slide>,
    /// Mean grey change against the previous look (0–255): how much the picture moved.
    pub motion: f64,
    /// Seconds since the camera started, at the time of the analysis.
    pub at_s: f64,
    /// When the analysed frame arrived, on the shared clock (`capture::clock`), to line it up
    /// with microphone samples and on-screen prompts.
    pub captured_s: f64,
    pub state: CameraState,
    /// Mouth mode: the lips' box in the newest frame followed (None: no face).
    pub mouth: Option<Rect>,
}

/// Where the ID-1 guide frame sits in a picture of this size: centred, `width_fraction` of
/// the width, the card's aspect ratio (clipped to the picture).
pub fn card_guide(width: u32, height: u32, aspect: f64, width_fraction: f64) -> Rect {
    let mut w = (f64::from(width) * width_fraction).round();
    let mut h = (w / aspect).round();
    if h > f64::from(height) * 0.9 {
        h = (f64::from(height) * 0.9).round();
        w = (h * aspect).round();
    }
    let (w, h) = (w.max(2.0) as u32, h.max(2.0) as u32);
    // Low in the picture: the card is held at the chest, with the face above it in the same
    // picture (a twentieth of the height left below it).
    Rect {
        x: width.saturating_sub(w) / 2,
        y: height
            .saturating_sub(h + height / 20)
            .max(height.saturating_sub(h) / 4),
        w,
        h,
    }
}

struct Shared {
    view: Mutex<LiveView>,
    wake: (Mutex<u64>, Condvar),
    card_mode: AtomicBool,
    mouth_mode: AtomicBool,
    pan_mode: AtomicBool,
    /// Mouth mode's log: every frame's mouth, stamped with the frame's capture time on the
    /// shared clock.
    mouth_log: Mutex<Vec<MouthSample>>,
    stop: AtomicBool,
}

pub struct LiveCamera {
    shared: Arc<Shared>,
    capture: Option<Arc<CameraCapture>>,
    worker: Option<std::thread::JoinHandle<()>>,
    pub source: CameraSource,
}

type Repaint = Arc<dyn Fn() + Send + Sync>;

/// Light, focus, glare and motion are judged about ten times a second (faces four times): often
/// enough for live verdicts and the card hold timer, and it leaves the CPU to the preview on
/// weak PCs.
const LOOK_EVERY: Duration = Duration::from_millis((LOOK_EVERY_S * 1000.0) as u64);

impl LiveCamera {
    pub fn start(source: CameraSource, profile: Arc<Profile>, repaint: Repaint) -> LiveCamera {
        let shared = Arc::new(Shared {
            view: Mutex::new(LiveView::default()),
            wake: (Mutex::new(0), Condvar::new()),
            card_mode: AtomicBool::new(false),
            mouth_mode: AtomicBool::new(false),
            pan_mode: AtomicBool::new(false),
            mouth_log: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
        });
        let s = shared.clone();
        let redraw = repaint.clone();
        let notify: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
            if let Ok(mut n) = s.wake.0.lock() {
                *n += 1;
            }
            s.wake.1.notify_all();
            // The preview shows every new picture, whether or not the analysis kept up.
            redraw();
        });
        let capture = Arc::new(CameraCapture::start(
            source.clone(),
            profile.camera.min_width,
            profile.camera.min_height,
            Some(notify),
        ));
        let (s, c) = (shared.clone(), capture.clone());
        let worker = std::thread::Builder::new()
            .name("camera-analysis".into())
            .spawn(move || analyse_loop(&s, &c, &profile, &repaint))
            .ok();
        LiveCamera {
            shared,
            capture: Some(capture),
            worker,
            source,
        }
    }

    /// The newest analysis, with the newest picture (which may be a little newer than the
    /// analysed one: the preview runs at the camera's pace, the analysis at its own).
    pub fn view(&self) -> LiveView {
        let mut v = self
            .shared
            .view
            .lock()
            .map(|v| v.clone())
            .unwrap_or_default();
        if let Some(latest) = self.capture.as_ref().and_then(|c| c.latest()) {
            v.frame = Some(latest);
        }
        v
    }

    /// In card mode the guide frame is analysed for glare and card sharpness.
    pub fn set_card_mode(&self, on: bool) {
        self.shared.card_mode.store(on, Ordering::Relaxed);
    }

    /// In pan mode the camera is turning around the room: far faces are searched in the
    /// picture's middle column at every look (`FaceDetector::set_panning`).
    pub fn set_pan_mode(&self, on: bool) {
        self.shared.pan_mode.store(on, Ordering::Relaxed);
    }

    /// Mouth mode on: every new frame's mouth is logged from now on (the log starts empty);
    /// off: the log is handed over and the mouth is no longer followed.
    pub fn set_mouth_mode(&self, on: bool) -> Vec<MouthSample> {
        let log = self
            .shared
            .mouth_log
            .lock()
            .map(|mut l| std::mem::take(&mut *l))
            .unwrap_or_default();
        self.shared.mouth_mode.store(on, Ordering::Relaxed);
        log
    }

    /// Stops both threads (bounded: the camera thread gets 3 s, see `CameraCapture::stop`).
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        self.shared.wake.1.notify_all();
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
        if let Some(c) = self.capture.take().and_then(|c| Arc::try_unwrap(c).ok()) {
            c.stop();
        }
    }
}

impl Drop for LiveCamera {
    fn drop(&mut self) {
        self.halt();
    }
}

fn analyse_loop(s: &Shared, cap: &CameraCapture, profile: &Profile, repaint: &Repaint) {
    let start = Instant::now();
    let mut detector = FaceDetector::new(FaceRules::from_profile(&profile.image)).ok();
    // Made when mouth mode is first asked for (it holds its own face finder).
    let mut mouths: Option<Option<MouthTracker>> = None;
    let mut faces: Vec<FaceBox> = Vec::new();
    let mut faces_seq = 0u64;
    let (mut faces_search_looks, mut faces_looks_left) = (1u64, 1u64);
    let mut panning = false;
    let mut slide = None;
    let mut cadence = Cadence::default();
    let mut last_seen = 0u64;
    let mut previous_tiny: Option<(Vec<u8>, u32, u32)> = None;
    let mut last_frame: Option<Arc<RgbFrame>> = None;
    let mut last_look: Option<Instant> = None;
    let limits = crate::analysis::limits::FrameLimits::from_profile(&profile.image);
    let r = &profile.rehearsal;
    while !s.stop.load(Ordering::Relaxed) {
        let seen = match s.wake.0.lock() {
            Ok(n) => {
                let (n, _) = s
                    .wake
                    .1
                    .wait_timeout_while(n, Duration::from_millis(200), |n| {
                        *n == last_seen && !s.stop.load(Ordering::Relaxed)
                    })
                    .unwrap_or_else(|e| e.into_inner());
                *n
            }
            Err(_) => return,
        };
        let state = cap.state();
        let frame = cap.latest();
        let new_frame = match (&frame, &last_frame) {
            (Some(f), Some(l)) => !Arc::ptr_eq(f, l),
            (Some(_), None) => true,
            _ => false,
        };
        if !new_frame {
            // Errors (camera lost) still reach the UI.
            if seen == last_seen && state.error.is_some() {
                publish_state(s, state, repaint);
            }
            last_seen = seen;
            continue;
        }
        last_seen = seen;
        if s.mouth_mode.load(Ordering::Relaxed)
            && let Some((f, captured_s)) = cap.latest_stamped()
        {
            let tracker = mouths.get_or_insert_with(|| {
                MouthTracker::new(FaceRules::from_profile(&profile.image)).ok()
            });
            let mesh = tracker.as_mut().and_then(|t| t.look(&f, captured_s));
            if let Ok(mut log) = s.mouth_log.lock() {
                log.push(MouthSample {
                    t_s: captured_s,
                    opening: mesh.as_ref().map(|m| m.mouth_opening()),
                });
            }
            if let Ok(mut v) = s.view.lock() {
                v.mouth = mesh.as_ref().map(|m| m.mouth_rect());
                // The camera's clock stays current for a step that starts timing from the
                // view (the pan), although the other measures wait.
                v.at_s = start.elapsed().as_secs_f64();
                v.captured_s = captured_s;
                v.state = state.clone();
            }
            // Every frame goes to the mouth, and nothing else: a face search of the other
            // measures (a third of a second on one core) would leave gaps in the mouth's log.
            last_frame = Some(f);
            repaint();
            continue;
        } else if let Some(t) = last_look
            && t.elapsed() < LOOK_EVERY
        {
            std::thread::sleep(LOOK_EVERY - t.elapsed());
        }
        last_look = Some(Instant::now());
        let Some((frame, captured_s)) = cap
            .latest_stamped()
            .or(frame.map(|f| (f, crate::capture::clock::now_s())))
        else {
            continue;
        };
        last_frame = Some(frame.clone());
        let card = s.card_mode.load(Ordering::Relaxed).then(|| {
            card_guide(
                frame.width,
                frame.height,
                r.card_aspect,
                r.card_guide_width_fraction,
            )
        });
        let at_s = start.elapsed().as_secs_f64();
        if cadence.look(at_s)
            && let Some(d) = detector.as_mut()
        {
            panning = s.pan_mode.load(Ordering::Relaxed);
            d.set_panning(panning);
            faces = d.detect_look(&frame);
            slide = d.last_slide();
            faces_seq += 1;
            faces_search_looks = d.looks_to_search_all(frame.width, frame.height);
            faces_looks_left = d.looks_left_to_search_all(frame.width, frame.height);
        }
        let analysis = analyze_with_faces(&frame, card, faces.clone(), &limits);
        let tiny = tiny_gray(&frame);
        let motion = match &previous_tiny {
            Some(p) => mean_abs_diff(p, &tiny),
            None => 0.0,
        };
        previous_tiny = Some(tiny);
        if let Ok(mut v) = s.view.lock() {
            v.frame = Some(frame);
            v.seq += 1;
            v.analysis = Some(Arc::new(analysis));
            v.card = card;
            v.motion = motion;
            v.faces_seq = faces_seq;
            v.faces_search_looks = faces_search_looks;
            v.faces_looks_left = faces_looks_left;
            v.panning = panning;
            v.slide = slide;
            v.captured_s = captured_s;
            v.at_s = at_s;
            v.state = state;
        }
        repaint();
    }
}

fn publish_state(s: &Shared, state: CameraState, repaint: &Repaint) {
    if let Ok(mut v) = s.view.lock()
        && v.state != state
    {
        v.state = state;
        repaint();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_has_card_aspect_and_stays_inside() {
        let g = card_guide(1280, 720, 1.586, 0.55);
        assert!(g.inside(1280, 720));
        assert!((f64::from(g.w) / f64::from(g.h) - 1.586).abs() < 0.01);
        assert_eq!(g.x, (1280 - g.w) / 2);
        let narrow = card_guide(640, 200, 1.586, 0.9);
        assert!(narrow.inside(640, 200), "{narrow:?}");
    }
}
