//! selfcheck.exe and its installer under Wine: one Wine session at a time, `reg`, and runs
//! with a time limit. Used by `windows_wine.rs` and `windows_installer.rs`.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// One Wine session at a time. The first program of a session starts Wine's desktop process
/// with its own environment, and every later program shares it: a window test that joins a
/// session begun without DISPLAY never gets a window (seen in CI).
static SESSION: Mutex<()> = Mutex::new(());

/// Runs `wineserver ARGS` for the prefix (it detaches when it starts a server).
pub fn server(prefix: &str, args: &[&str]) {
    let _ = Command::new("wineserver")
        .args(args)
        .env("WINEPREFIX", prefix)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// A Wine session of one test: the persistent server is ended (and its programs with it) when
/// the test ends, passed or failed.
pub struct Session {
    prefix: String,
    _guard: MutexGuard<'static, ()>,
}

impl Drop for Session {
    fn drop(&mut self) {
        server(&self.prefix, &["-k"]);
        server(&self.prefix, &["-w"]);
    }
}

pub struct Wine {
    pub exe: PathBuf,
    pub prefix: String,
}

impl Wine {
    pub fn from_env() -> Option<Wine> {
        let Some(exe) = std::env::var_os("SELFCHECK_WINDOWS_EXE") else {
            super::skip::skip("SELFCHECK_WINDOWS_EXE not set (scripts/test.sh builds it)");
            return None;
        };
        Some(Wine {
            exe: exe.into(),
            prefix: std::env::var("WINEPREFIX")
                .unwrap_or_else(|_| "/var/tmp/selfcheck-wine".into()),
        })
    }

    /// Ends any running session of the prefix, then starts a wineserver that stays up until
    /// the returned session drops. Without `-p` the server begins shutting down 3 s after the
    /// last program ends and, two seconds later, kills every process still running — a
    /// program started in that window dies of SIGKILL (CI once saw `selfcheck.exe check` end
    /// by a signal mid-test).
    pub fn fresh_session(&self) -> Session {
        let guard = SESSION.lock().unwrap_or_else(|e| e.into_inner());
        self.server(&["-k"]);
        self.server(&["-w"]);
        self.server(&["-p"]);
        self.until_the_session_answers();
        Session {
            prefix: self.prefix.clone(),
            _guard: guard,
        }
    }

    /// The session's first program starts Wine's own processes (services, the desktop). Rarely
    /// (CI once in about 30 runs of these tests, and twice by hand in 45) the test's first
    /// program then printed nothing, or a `reg` change did not take, while the same test
    /// alone passed every time. So the session is first asked to echo a word through `cmd`,
    /// up to three times, before a test's program runs in it.
    fn until_the_session_answers(&self) {
        for attempt in 1..=3 {
            let mut c = self.command("cmd");
            c.args(["/c", "echo", "session-ready"]);
            let (_, out, err) = self.run(c, Duration::from_secs(60));
            if out.contains("session-ready") {
                return;
            }
            eprintln!("Wine session not answering (attempt {attempt}): {out:?} {err:?}");
        }
    }

    pub fn server(&self, args: &[&str]) {
        server(&self.prefix, args);
    }

    pub fn command(&self, program: &str) -> Command {
        let mut c = Command::new("wine");
        c.arg(program)
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml,winemenubuilder.exe=")
            .env_remove("DISPLAY")
            .env_remove("HTTPS_PROXY")
            .env_remove("HTTP_PROXY")
            .env_remove("https_proxy")
            .env_remove("http_proxy")
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy");
        c
    }

    /// Runs to the end within `limit` (killed after), returning (exit code, stdout, stderr).
    /// A program ended by a signal has no exit code; its stderr then names the signal.
    pub fn run(&self, mut c: Command, limit: Duration) -> (Option<i32>, String, String) {
        let dir = tempfile::tempdir().expect("tmp");
        let (out, err) = (dir.path().join("out"), dir.path().join("err"));
        let mut child = c
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&out).expect("out"))
            .stderr(std::fs::File::create(&err).expect("err"))
            .spawn()
            .expect("wine starts");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if start.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                panic!("timed out after {limit:?}: {c:?}");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let read = |p| std::fs::read_to_string(p).unwrap_or_default();
        let mut stderr = read(&err);
        if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
            stderr = format!("ended by signal {signal}\n{stderr}");
        }
        (status.code(), read(&out), stderr)
    }

    /// Sets a REG_SZ value with `reg add`.
    pub fn set_text(&self, key: &str, name: &str, value: &str) {
        self.reg(&["add", key, "/v", name, "/t", "REG_SZ", "/d", value, "/f"]);
    }

    pub fn reg(&self, args: &[&str]) {
        let mut c = self.command("reg");
        c.args(args);
        let _ = self.run(c, Duration::from_secs(60));
    }

    pub fn check(&self, only: &str) -> serde_json::Value {
        self.check_with(&self.exe, only)
    }

    /// `check` with another copy of the exe (Wine's per-program settings go by file name).
    pub fn check_with(&self, exe: &std::path::Path, only: &str) -> serde_json::Value {
        let mut c = self.command(exe.to_str().expect("utf8"));
        c.args([
            "check",
            "--json",
            "--no-network",
            "--lang",
            "en",
            "--only",
            only,
        ]);
        let (code, stdout, stderr) = self.run(c, Duration::from_secs(180));
        assert!(matches!(code, Some(0 | 1)), "exit {code:?}: {stderr}");
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"))
    }
}
