//! A message the seller sees when the app cannot go on: no window could be opened, or the
//! window's thread panicked. The Windows exe has no console, so what is printed to stderr is
//! seen by nobody there: Windows shows a message box too. `SELFCHECK_MESSAGE_BOX_LOG` names a
//! file that receives the title and text instead of a box (how the tests read it, under Wine
//! as on Linux).

/// The test hook's variable.
pub const LOG_ENV: &str = "SELFCHECK_MESSAGE_BOX_LOG";

/// Tells the seller `text` (printed to stderr as well, by the caller).
pub fn show(title: &str, text: &str) {
    match std::env::var_os(LOG_ENV) {
        Some(path) => {
            use std::io::Write;
            let written = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .and_then(|mut f| writeln!(f, "{title}\n{text}"));
            if let Err(e) = written {
                eprintln!("selfcheck: {LOG_ENV}: {e}");
            }
        }
        None => system_box(title, text),
    }
}

/// The system's own message box (Windows; elsewhere stderr is where the app was started).
#[cfg(windows)]
fn system_box(title: &str, text: &str) {
    use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MessageBoxW};
    let wide = |s: &str| s.encode_utf16().chain([0]).collect::<Vec<u16>>();
    let (title, text) = (wide(title), wide(text));
    // SAFETY: both strings are NUL-terminated UTF-16 that outlive the call; no owner window.
    unsafe {
        MessageBoxW(
            std::ptr::null_mut(),
            text.as_ptr(),
            title.as_ptr(),
            MB_OK | MB_ICONERROR,
        );
    }
}

#[cfg(not(windows))]
fn system_box(_title: &str, _text: &str) {}

/// From now on, a panic on this (the window's) thread also tells the seller in a box before
/// the app ends. Panics on worker threads are caught where they run (a check that panics
/// becomes an `error` result) and are not shown.
pub fn on_window_thread_panic(
    title: String,
    text_of: impl Fn(String) -> String + Send + Sync + 'static,
) {
    on_thread_panic(title, text_of, show);
}

fn on_thread_panic(
    title: String,
    text_of: impl Fn(String) -> String + Send + Sync + 'static,
    tell: impl Fn(&str, &str) + Send + Sync + 'static,
) {
    let window_thread = std::thread::current().id();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        // A renderer that panics as it starts is retried with the other, not a crash.
        if std::thread::current().id() == window_thread && !super::renderer::panic_goes_to_retry() {
            let what = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let place = info
                .location()
                .map(|l| format!(" ({}:{})", l.file(), l.line()))
                .unwrap_or_default();
            crate::app_log::note("panic", &format!("{what}{place}"));
            tell(&title, &text_of(format!("{what}{place}")));
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[test]
    fn a_panic_on_the_window_thread_is_told_and_one_elsewhere_is_not() {
        let told = Arc::new(Mutex::new(Vec::<String>::new()));
        let sink = told.clone();
        on_thread_panic(
            "视频验证自检助手".into(),
            |reason| format!("程序出错：{reason}"),
            move |title, text| {
                if let Ok(mut t) = sink.lock() {
                    t.push(format!("{title}|{text}"));
                }
            },
        );
        let _ = std::thread::spawn(|| panic!("a worker")).join();
        let _ = std::panic::catch_unwind(|| panic!("the window"));
        let _ = std::panic::take_hook();
        let told = told.lock().expect("lock").clone();
        assert_eq!(told.len(), 1, "{told:?}");
        assert!(
            told[0].starts_with("视频验证自检助手|程序出错：the window (src/gui/message_box.rs:"),
            "{told:?}"
        );
    }
}
