//! `system.remote_desktop`: remote-control tools (ToDesk, TeamViewer, …) and remote sessions
//! are rejected outright as a high-risk environment.

use super::ids::SYSTEM_REMOTE_DESKTOP;
use super::model::{CheckResult, Status};
use crate::i18n::Tr;
use crate::probe::processes::find_matches;
use crate::profile::RemoteDesktopReq;

/// Facts: running process names, the environment, and (Windows) whether the session is remote.
pub struct RemoteFacts<'a> {
    pub processes: &'a [String],
    pub env: &'a [(String, String)],
    pub remote_session: Option<bool>,
    /// Windows: this session is being watched or controlled from elsewhere (SM_REMOTECONTROL,
    /// e.g. an RDP shadow session or Quick Assist's control).
    pub remote_control: Option<bool>,
}

pub fn judge(facts: &RemoteFacts, req: &RemoteDesktopReq, tr: &Tr) -> CheckResult {
    let mut found = find_matches(facts.processes, &req.programs);
    for var in &req.session_env {
        if facts.env.iter().any(|(k, v)| k == var && !v.is_empty()) {
            found.push(format!("session:{var}"));
        }
    }
    if facts.remote_session == Some(true) {
        found.push("session:remote".to_string());
    }
    if facts.remote_control == Some(true) {
        found.push("session:remote_control".to_string());
    }
    let r = if found.is_empty() {
        CheckResult::new(SYSTEM_REMOTE_DESKTOP, Status::Pass, tr).summary(tr.t("rd-summary-none"))
    } else {
        CheckResult::new(SYSTEM_REMOTE_DESKTOP, Status::Fail, tr)
            .summary(tr.f("rd-summary-found", &[("found", found.join(", "))]))
            .advice(tr.t("rd-advice"))
    };
    r.measured("found", found).threshold("allowed", false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::profile::Profile;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn remote_tools_on_each_os_fail() {
        let req = Profile::builtin().expect("p").remote_desktop;
        let tr = Tr::new(Lang::ZhCn);
        // Windows task list, macOS and Linux process names as the OS reports them.
        for (procs, expect) in [
            (
                names(&["explorer.exe", "ToDesk.exe", "svchost.exe"]),
                "ToDesk",
            ),
            // The service of TeamViewer is TeamViewer, named as the seller knows it.
            (names(&["TeamViewer_Service.exe"]), "TeamViewer"),
            (names(&["SunloginClient.exe"]), "SunloginClient"),
            (names(&["AweSun.exe"]), "AweSun"),
            (names(&["AnyDesk"]), "AnyDesk"),
            (names(&["x11vnc"]), "x11vnc"),
            (names(&["rustdesk"]), "RustDesk"),
            (names(&["parsecd.exe"]), "parsecd"),
            (names(&["QuickAssist.exe"]), "QuickAssist"),
            (names(&["msra.exe"]), "msra"),
            (names(&["rserver3.exe"]), "rserver3"),
            (names(&["AnyDesk-5f2c91.exe"]), "AnyDesk"),
            (names(&["HopToDesk.exe"]), "HopToDesk"),
        ] {
            let f = RemoteFacts {
                processes: &procs,
                env: &[],
                remote_session: None,
                remote_control: None,
            };
            let r = judge(&f, &req, &tr);
            assert_eq!(r.status, Status::Fail, "{procs:?}");
            assert_eq!(r.measured["found"][0], expect);
        }
    }

    #[test]
    fn remote_session_markers_fail_and_clean_passes() {
        let req = Profile::builtin().expect("p").remote_desktop;
        let tr = Tr::new(Lang::En);
        let env = vec![(
            "SSH_CONNECTION".to_string(),
            "10.0.0.2 5000 10.0.0.1 22".to_string(),
        )];
        let f = RemoteFacts {
            processes: &[],
            env: &env,
            remote_session: None,
            remote_control: None,
        };
        assert_eq!(
            judge(&f, &req, &tr).measured["found"][0],
            "session:SSH_CONNECTION"
        );
        let f = RemoteFacts {
            processes: &[],
            env: &[],
            remote_session: Some(true),
            remote_control: None,
        };
        assert_eq!(judge(&f, &req, &tr).status, Status::Fail);
        let procs = names(&["bash", "Xorg", "firefox-esr"]);
        let f = RemoteFacts {
            processes: &procs,
            env: &[],
            remote_session: Some(false),
            remote_control: Some(false),
        };
        let r = judge(&f, &req, &tr);
        assert_eq!(r.status, Status::Pass);
        assert_eq!(r.measured["found"].as_array().map(Vec::len), Some(0));
        let f = RemoteFacts {
            processes: &procs,
            env: &[],
            remote_session: Some(false),
            remote_control: Some(true),
        };
        let r = judge(&f, &req, &tr);
        assert_eq!(r.status, Status::Fail);
        assert_eq!(r.measured["found"][0], "session:remote_control");
    }
}
