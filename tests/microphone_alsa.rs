//! The real cpal/ALSA capture path without a sound card: an ALSA `file` plugin whose input is
//! a FIFO that this test feeds in real time with a real recording (raw S16_LE, 48 kHz mono),
//! configured in a test-only HOME. What comes out of cpal must carry the speech: its levels
//! and the four digits.

mod common;
use common::*;
use std::io::Write;
use std::time::{Duration, Instant};

/// The fixture (8 kHz) upsampled to 48 kHz by linear interpolation, as raw S16_LE bytes.
fn speech_48k() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/audio/fsdd_jackson_4719_gap0.5s.wav"
    );
    let mut reader = hound::WavReader::open(path).expect("fixture");
    let s: Vec<i16> = reader
        .samples::<i16>()
        .map(|x| x.expect("sample"))
        .collect();
    let mut out = Vec::with_capacity(s.len() * 12);
    for i in 0..s.len() {
        let a = f32::from(s[i]);
        let b = f32::from(*s.get(i + 1).unwrap_or(&s[i]));
        for k in 0..6 {
            let v = a + (b - a) * k as f32 / 6.0;
            out.extend_from_slice(&(v as i16).to_le_bytes());
        }
    }
    out
}

struct AlsaHome {
    dir: tempfile::TempDir,
    fifo: std::path::PathBuf,
}

/// The test HOME with its `.asoundrc`, or None after recording the skip (a failure in CI).
fn alsa_home() -> Option<AlsaHome> {
    let made = make_alsa_home();
    if made.is_none() {
        common::skip::skip("cannot make a FIFO for the ALSA file plugin");
    }
    made
}

fn make_alsa_home() -> Option<AlsaHome> {
    let dir = tempfile::tempdir().ok()?;
    let fifo = dir.path().join("mic.fifo");
    let c = std::ffi::CString::new(fifo.to_str()?).ok()?;
    if unsafe { libc::mkfifo(c.as_ptr(), 0o600) } != 0 {
        return None;
    }
    let conf = format!(
        "pcm.speechfile {{ type file; slave.pcm \"null\"; file \"/dev/null\"; infile \"{}\"; format \"raw\" }}\n\
         pcm.!default {{ type plug; slave {{ pcm \"speechfile\"; format S16_LE; rate 48000; channels 1 }} }}\n",
        fifo.display()
    );
    std::fs::write(dir.path().join(".asoundrc"), conf).ok()?;
    Some(AlsaHome { dir, fifo })
}

/// Opens the FIFO for writing once a reader has it open, waiting until `deadline`; None when
/// no reader came. Opening without O_NONBLOCK would block for ever if the reader never comes.
fn connect(fifo: &std::path::Path, deadline: Instant) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    loop {
        let opened = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(fifo);
        match opened {
            Ok(f) => {
                use std::os::fd::AsRawFd;
                // Back to blocking writes: the pace is set by the schedule below.
                unsafe { libc::fcntl(f.as_raw_fd(), libc::F_SETFL, 0) };
                return Some(f);
            }
            Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => return None,
        }
    }
}

/// Writes `audio` (plus `tail_s` of silence) into the FIFO in 20 ms chunks at real-time pace.
/// cpal opens an ALSA device twice (once to read its formats, closed again, then for the
/// stream), so a reader that goes away is waited for again, as a real device stays there.
fn feed(fifo: std::path::PathBuf, audio: Vec<u8>, tail_s: f64) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let Some(mut f) = connect(&fifo, Instant::now() + Duration::from_secs(30)) else {
            return;
        };
        let chunk = 48_000 / 50 * 2;
        let mut data = audio;
        data.extend(std::iter::repeat_n(0u8, (48_000.0 * tail_s) as usize * 2));
        let start = Instant::now();
        for (i, part) in data.chunks(chunk).enumerate() {
            let due = start + Duration::from_millis(20 * i as u64);
            if let Some(w) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(w);
            }
            while f.write_all(part).is_err() {
                // No reader: wait for the next one; none within 3 s means the program is done.
                match connect(&fifo, Instant::now() + Duration::from_secs(3)) {
                    Some(again) => f = again,
                    None => return,
                }
            }
        }
    })
}

#[cfg(target_os = "linux")]
#[test]
fn speech_through_alsa_reaches_cpal_with_levels_and_four_digits() {
    let Some(home) = alsa_home() else {
        return;
    };
    let speech = speech_48k();
    let feeder = feed(home.fifo.clone(), speech.clone(), 3.0);
    let o = selfcheck()
        .env("HOME", home.dir.path())
        .args(["analyze-audio", "--record", "6", "--json"])
        .output()
        .expect("runs");
    let _ = feeder.join();
    assert_eq!(o.status.code(), Some(0), "{}\n{}", stdout(&o), stderr(&o));
    let r = json(&o);
    let level = check(&r, "audio.level");
    assert_eq!(level["status"], "pass", "{level}");
    let rms = level["measured"]["speech_rms_dbfs"].as_f64().expect("rms");
    assert!(
        (-30.0..-15.0).contains(&rms),
        "speech level through cpal: {rms}"
    );
    let digits = check(&r, "audio.digits");
    assert_eq!(digits["measured"]["count"], 4, "{digits}");
    assert_eq!(digits["status"], "pass", "{digits}");

    // audio.device opens the same default device and sees sound at 48 kHz.
    let feeder = feed(home.fifo.clone(), speech, 2.0);
    let o = selfcheck()
        .env("HOME", home.dir.path())
        .args(["check", "--json", "--only", "audio.device"])
        .output()
        .expect("runs");
    let _ = feeder.join();
    let r = json(&o);
    let dev = check(&r, "audio.device");
    assert_eq!(dev["status"], "pass", "{dev}");
    assert_eq!(dev["measured"]["sample_rate"], 48000);
}

#[cfg(target_os = "linux")]
#[test]
fn exact_zero_from_the_device_means_blocked_or_muted() {
    let Some(home) = alsa_home() else {
        return;
    };
    let feeder = feed(home.fifo.clone(), Vec::new(), 4.0);
    let o = selfcheck()
        .env("HOME", home.dir.path())
        .args(["check", "--json", "--only", "audio.device"])
        .output()
        .expect("runs");
    let _ = feeder.join();
    let r = json(&o);
    // Muted or blocked by the system: the verification would hear nothing, so it fails.
    let dev = check(&r, "audio.device");
    assert_eq!(dev["status"], "fail", "{dev}");
    assert!(
        dev["summary"]
            .as_str()
            .is_some_and(|s| s.contains("完全是零")),
        "{dev}"
    );
    assert!(
        dev["advice"].as_str().is_some_and(|a| a.contains("隐私")),
        "{dev}"
    );
}

/// A microphone that stops mid-stream (here: the FIFO behind the ALSA device gets no more
/// data, as when a USB microphone is pulled): `audio.device` fails within a bounded time and
/// says the microphone stopped, instead of passing on the sound it had before.
#[cfg(target_os = "linux")]
#[test]
fn a_microphone_that_stops_mid_stream_fails_in_bounded_time() {
    let Some(home) = alsa_home() else {
        return;
    };
    let fifo = home.fifo.clone();
    let (done, wait_done) = std::sync::mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        let Some(mut f) = connect(&fifo, Instant::now() + Duration::from_secs(30)) else {
            return;
        };
        // 0.6 s of sound, then the device goes quiet without closing. cpal opens the device
        // twice (formats, then the stream): a write that found the first reader gone is made
        // again to the next one, as `feed` does.
        let sound: Vec<u8> = speech_48k().into_iter().take(48_000 * 2 * 6 / 10).collect();
        while f.write_all(&sound).is_err() {
            match connect(&fifo, Instant::now() + Duration::from_secs(3)) {
                Some(again) => f = again,
                None => return,
            }
        }
        let _ = wait_done.recv_timeout(Duration::from_secs(60));
    });
    let started = Instant::now();
    let o = selfcheck()
        .env("HOME", home.dir.path())
        .args(["check", "--json", "--only", "audio.device"])
        .output()
        .expect("runs");
    let _ = done.send(());
    let took = started.elapsed();
    let r = json(&o);
    let dev = check(&r, "audio.device");
    assert_eq!(dev["status"], "fail", "{dev}");
    assert!(
        dev["summary"]
            .as_str()
            .is_some_and(|s| s.contains("中途停止")),
        "{dev}"
    );
    assert!(took < Duration::from_secs(20), "took {took:?}");
    let _ = holder.join();
}
