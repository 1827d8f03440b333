//! The camera on its own thread (a plain nokhwa `Camera`, not `CallbackCamera`): opens the
//! chosen device in the best mode, keeps only the latest frame and measures what is
//! delivered. A folder of images (or one image) can stand in for the camera
//! (`--camera-source`), played at 30 fps in name order, looping, through the same interface.

use super::camera_stats::{FrameStats, Mode, choose_mode, frame_hash};
use crate::analysis::frame::RgbFrame;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq)]
pub enum CameraSource {
    /// Camera number `n` as the OS lists them (0 = default).
    Device(u32),
    /// A folder of JPEG/PNG frames, or one picture.
    Replay(PathBuf),
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CameraError {
    #[error("no camera found")]
    NoDevice,
    #[error("the camera cannot be opened (busy or not allowed): {0}")]
    Open(String),
    /// Another program holds the camera (a browser tab, a meeting or beauty app).
    #[error("the camera is in use by another program: {0}")]
    Busy(String),
    /// The system refuses this program the camera (Windows privacy settings, Linux
    /// permissions).
    #[error("the system does not allow the camera to be opened: {0}")]
    Denied(String),
    #[error("the camera stopped delivering pictures: {0}")]
    Lost(String),
    #[error("the replay source has no pictures: {0}")]
    Replay(String),
}

impl CameraError {
    pub fn detail(&self) -> String {
        match self {
            CameraError::NoDevice => String::new(),
            CameraError::Open(d)
            | CameraError::Busy(d)
            | CameraError::Denied(d)
            | CameraError::Lost(d)
            | CameraError::Replay(d) => d.clone(),
        }
    }

    /// An error from opening or reading the device, named by its cause where the system's
    /// text gives it: Media Foundation's 0xC00D3704 (MF_E_HW_MFT_FAILED_START_STREAMING: the
    /// camera is streaming to another program) and Linux's EBUSY are busy; E_ACCESSDENIED
    /// (0x80070005, the privacy switch) and EACCES are denied. The codes, not the messages,
    /// are matched: Windows writes its messages in the system's language, but the `windows`
    /// crate always adds the code as "(0xC00D3704)".
    pub fn from_device(text: String, otherwise: fn(String) -> CameraError) -> CameraError {
        let t = text.to_ascii_uppercase();
        if t.contains("0XC00D3704") || t.contains("OS ERROR 16)") {
            CameraError::Busy(text)
        } else if t.contains("0X80070005") || t.contains("OS ERROR 13)") {
            CameraError::Denied(text)
        } else {
            otherwise(text)
        }
    }
}

/// What the camera thread publishes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CameraState {
    pub name: String,
    /// The mode that was asked for (None for replay).
    pub mode: Option<Mode>,
    pub stats: FrameStats,
    pub error: Option<CameraError>,
}

pub struct CameraCapture {
    state: Arc<Mutex<CameraState>>,
    latest: Arc<Mutex<Option<Stamped>>>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

type Notify = Arc<dyn Fn() + Send + Sync>;

/// A frame and its arrival on the shared clock, in seconds.
pub type Stamped = (Arc<RgbFrame>, f64);

impl CameraCapture {
    /// Starts capturing; `notify` is called after each new frame (the GUI asks for a repaint).
    pub fn start(
        source: CameraSource,
        min_w: u32,
        min_h: u32,
        notify: Option<Notify>,
    ) -> CameraCapture {
        let state = Arc::new(Mutex::new(CameraState::default()));
        let latest = Arc::new(Mutex::new(None));
        let stop = Arc::new(AtomicBool::new(false));
        let (s, l, st) = (state.clone(), latest.clone(), stop.clone());
        let thread = std::thread::Builder::new()
            .name("camera".into())
            .spawn(move || {
                let publish = Publisher {
                    state: s.clone(),
                    latest: l,
                    notify,
                    start: Instant::now(),
                };
                let result = match source {
                    CameraSource::Replay(path) => run_replay(&path, &publish, &st),
                    CameraSource::Device(index) => run_device(index, min_w, min_h, &publish, &st),
                };
                if let (Err(e), Ok(mut state)) = (result, s.lock()) {
                    crate::app_log::note("camera", &format!("{e:?}"));
                    state.error = Some(e);
                }
            })
            .ok();
        CameraCapture {
            state,
            latest,
            stop,
            thread,
        }
    }

    pub fn state(&self) -> CameraState {
        self.state.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// The most recent frame (shared, not copied).
    pub fn latest(&self) -> Option<Arc<RgbFrame>> {
        self.latest_stamped().map(|(f, _)| f)
    }

    /// The newest frame and when it arrived, on the shared clock (`capture::clock`).
    pub fn latest_stamped(&self) -> Option<Stamped> {
        self.latest.lock().ok().and_then(|l| l.clone())
    }

    /// Stops the thread and waits for it (bounded).
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let deadline = Instant::now() + Duration::from_secs(3);
            while !t.is_finished() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(10));
            }
            if t.is_finished() {
                let _ = t.join();
            }
        }
    }
}

impl Drop for CameraCapture {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

struct Publisher {
    state: Arc<Mutex<CameraState>>,
    latest: Arc<Mutex<Option<Stamped>>>,
    notify: Option<Notify>,
    start: Instant,
}

impl Publisher {
    fn frame(&self, frame: RgbFrame) {
        let hash = frame_hash(&frame.data);
        let mean = mean_luma(&frame);
        if let Ok(mut s) = self.state.lock() {
            s.stats.observe(
                self.start.elapsed().as_secs_f64(),
                frame.width,
                frame.height,
                hash,
                mean,
            );
        }
        if let Ok(mut l) = self.latest.lock() {
            *l = Some((Arc::new(frame), super::clock::now_s()));
        }
        if let Some(n) = &self.notify {
            n();
        }
    }

    fn describe(&self, name: String, mode: Option<Mode>) {
        if let Ok(mut s) = self.state.lock() {
            s.name = name;
            s.mode = mode;
        }
    }
}

fn mean_luma(frame: &RgbFrame) -> f64 {
    let (sum, n) = frame
        .data
        .chunks_exact(3)
        .step_by(16)
        .fold((0u64, 0u64), |(s, n), p| {
            (
                s + u64::from(crate::analysis::frame::luma(p[0], p[1], p[2])),
                n + 1,
            )
        });
    sum as f64 / n.max(1) as f64
}

/// Files of a replay folder in name order (or the one file).
fn replay_files(path: &std::path::Path) -> Result<Vec<PathBuf>, CameraError> {
    let files = super::image_file::pictures_in(path)
        .map_err(|e| CameraError::Replay(format!("{}: {e}", path.display())))?;
    if files.is_empty() {
        return Err(CameraError::Replay(format!(
            "{}: no JPEG or PNG files",
            path.display()
        )));
    }
    Ok(files)
}

/// Plays the pictures at 30 fps, looping. Files are read as they are played, so a source that
/// disappears mid-stream ends like an unplugged camera.
fn run_replay(
    path: &std::path::Path,
    publish: &Publisher,
    stop: &AtomicBool,
) -> Result<(), CameraError> {
    let files = replay_files(path)?;
    publish.describe(format!("{} (replay)", path.display()), None);
    let single: Option<RgbFrame> = if files.len() == 1 {
        Some(read_picture(&files[0])?)
    } else {
        None
    };
    let period = Duration::from_micros(33_333);
    let start = Instant::now();
    let mut n: u64 = 0;
    while !stop.load(Ordering::Relaxed) {
        let frame = match &single {
            Some(f) => f.clone(),
            None => read_picture(&files[(n % files.len() as u64) as usize])
                .map_err(|e| CameraError::Lost(e.detail()))?,
        };
        publish.frame(frame);
        n += 1;
        let due = start + period * n as u32;
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
    }
    Ok(())
}

fn read_picture(path: &std::path::Path) -> Result<RgbFrame, CameraError> {
    super::image_file::read(path)
        .map_err(|e| CameraError::Replay(format!("{}: {e}", path.display())))
}

fn run_device(
    index: u32,
    min_w: u32,
    min_h: u32,
    publish: &Publisher,
    stop: &AtomicBool,
) -> Result<(), CameraError> {
    use nokhwa::pixel_format::RgbFormat;
    use nokhwa::utils::{CameraIndex, RequestedFormat, RequestedFormatType};
    super::com_thread::start_for_this_thread();
    let cameras = nokhwa::query(nokhwa::utils::ApiBackend::Auto)
        .map_err(|e| CameraError::Open(e.to_string()))?;
    if cameras.is_empty() {
        return Err(CameraError::NoDevice);
    }
    let idx = CameraIndex::Index(index);
    let mut camera = nokhwa::Camera::new(
        idx,
        RequestedFormat::new::<RgbFormat>(RequestedFormatType::AbsoluteHighestFrameRate),
    )
    .map_err(|e| CameraError::from_device(e.to_string(), CameraError::Open))?;
    let formats = camera.compatible_camera_formats().unwrap_or_default();
    let modes: Vec<Mode> = formats
        .iter()
        .map(|f| Mode {
            width: f.width(),
            height: f.height(),
            fps: f.frame_rate(),
            fourcc: format!("{}", f.format()),
        })
        .collect();
    let chosen = choose_mode(&modes, min_w, min_h);
    if let Some(m) = &chosen
        && let Some(f) = formats.iter().find(|f| {
            f.width() == m.width
                && f.height() == m.height
                && f.frame_rate() == m.fps
                && format!("{}", f.format()) == m.fourcc
        })
    {
        let _ = camera.set_camera_requset(RequestedFormat::new::<RgbFormat>(
            RequestedFormatType::Exact(*f),
        ));
    }
    publish.describe(camera.info().human_name(), chosen);
    camera
        .open_stream()
        .map_err(|e| CameraError::from_device(e.to_string(), CameraError::Open))?;
    let mut failures = 0;
    while !stop.load(Ordering::Relaxed) {
        match camera.frame().and_then(|b| b.decode_image::<RgbFormat>()) {
            Ok(img) => {
                failures = 0;
                publish.frame(RgbFrame {
                    width: img.width(),
                    height: img.height(),
                    data: img.into_raw(),
                });
            }
            Err(e) => {
                failures += 1;
                if failures >= 10 {
                    let _ = camera.stop_stream();
                    return Err(CameraError::from_device(e.to_string(), CameraError::Lost));
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
    let _ = camera.stop_stream();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Polls `done` until it holds or `limit` passes (tests wait for events, not for a time).
    fn wait_for(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            if done() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        done()
    }

    #[test]
    fn replay_folder_plays_at_30_fps_and_a_vanishing_source_is_lost() {
        let dir = tempfile::tempdir().expect("tmp");
        for i in 0..3u8 {
            let img = image::RgbImage::from_pixel(1280, 720, image::Rgb([40 * i + 20, 90, 140]));
            img.save(dir.path().join(format!("f{i}.png")))
                .expect("save");
        }
        let cam = CameraCapture::start(
            CameraSource::Replay(dir.path().to_path_buf()),
            1280,
            720,
            None,
        );
        // Thirty frames arrive (a loaded machine only makes them later)...
        assert!(
            wait_for(Duration::from_secs(30), || cam.state().stats.frames >= 30),
            "frames: {}",
            cam.state().stats.frames
        );
        let s = cam.state();
        assert_eq!((s.stats.width, s.stats.height), (1280, 720));
        // ...and never faster than 30 a second: frame n is not played before n/30 s (the margin
        // is for the first frame's read being slower than the others'; unpaced, these
        // pictures would play at hundreds a second).
        assert!(
            s.stats.fps() > 0.0 && s.stats.fps() <= 33.0,
            "{}",
            s.stats.fps()
        );
        assert!(cam.latest().is_some());
        assert!(s.error.is_none());
        // Pull the "camera": delete the frames while it plays.
        for i in 0..3 {
            let _ = std::fs::remove_file(dir.path().join(format!("f{i}.png")));
        }
        assert!(
            wait_for(Duration::from_secs(10), || matches!(
                cam.state().error,
                Some(CameraError::Lost(_))
            )),
            "{:?}",
            cam.state().error
        );
        cam.stop();
    }

    #[test]
    fn missing_source_and_missing_device_are_errors_not_hangs() {
        let cam = CameraCapture::start(
            CameraSource::Replay("/no/such/folder".into()),
            1280,
            720,
            None,
        );
        std::thread::sleep(Duration::from_millis(200));
        assert!(matches!(cam.state().error, Some(CameraError::Replay(_))));
        let cam = CameraCapture::start(CameraSource::Device(7), 1280, 720, None);
        let start = Instant::now();
        while cam.state().error.is_none() && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(50));
        }
        // This build machine has no camera: a clear error, never a hang.
        assert!(cam.state().error.is_some());
    }
}
