//! Proxy-switching extensions installed in the browsers' profiles (Proxy SwitchyOmega,
//! FoxyProxy). When one is switched on, the browser routes pages through the proxy it holds
//! whatever the system says — and what it is switched to lives in the extension's own storage,
//! so an installed one is reported for the seller to check. Chromium-family browsers keep an
//! installed extension under `<profile>/Extensions/<id>/`, Firefox under
//! `<profile>/extensions/<id>.xpi`. Identifiers from the extensions' store pages.

use super::proxy::ProxySetting;
use std::path::{Path, PathBuf};

const CHROMIUM: [(&str, &str); 2] = [
    ("padekgcemlokbadohgkifijomclgjgif", "Proxy SwitchyOmega"),
    ("gcknhkkoolaabfmlnjonogaaifnjlfnp", "FoxyProxy"),
];
const FIREFOX: [(&str, &str); 2] = [
    (
        "switchyomega@feliscatus.addons.mozilla.org",
        "Proxy SwitchyOmega",
    ),
    ("foxyproxy@eric.h.jung", "FoxyProxy"),
];

/// The proxy extensions in a Chromium-family user-data folder (`browser`: "chrome", "edge",
/// "chromium"), per profile ("Default", "Profile 1", …).
pub fn in_chromium(browser: &str, user_data: &Path) -> Vec<ProxySetting> {
    let mut out = Vec::new();
    for (profile, dir) in folders(user_data) {
        if profile != "Default" && !profile.starts_with("Profile ") {
            continue;
        }
        for (id, name) in CHROMIUM {
            if dir.join("Extensions").join(id).is_dir() {
                out.push(ProxySetting {
                    source: format!("{browser}:{profile}:extension"),
                    value: name.to_string(),
                });
            }
        }
    }
    out
}

/// The proxy add-ons in Firefox's profile folders (`profiles`: the folder holding them).
pub fn in_firefox(profiles: &Path) -> Vec<ProxySetting> {
    let mut out = Vec::new();
    for (profile, dir) in folders(profiles) {
        for (id, name) in FIREFOX {
            if dir.join("extensions").join(format!("{id}.xpi")).is_file() {
                out.push(ProxySetting {
                    source: format!("firefox:{profile}:extension"),
                    value: name.to_string(),
                });
            }
        }
    }
    out
}

/// Sub-folders by name, sorted.
fn folders(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, p)
        })
        .collect();
    out.sort();
    out
}

/// Chromium-family user-data folders of this user on this OS.
fn chromium_user_data() -> Vec<(&'static str, PathBuf)> {
    let home = |var: &str| std::env::var_os(var).map(PathBuf::from);
    if cfg!(windows) {
        let Some(local) = home("LOCALAPPDATA") else {
            return Vec::new();
        };
        vec![
            ("chrome", local.join(r"Google\Chrome\User Data")),
            ("edge", local.join(r"Microsoft\Edge\User Data")),
            ("chromium", local.join(r"Chromium\User Data")),
        ]
    } else if cfg!(target_os = "macos") {
        let Some(h) = home("HOME") else {
            return Vec::new();
        };
        let support = h.join("Library/Application Support");
        vec![
            ("chrome", support.join("Google/Chrome")),
            ("edge", support.join("Microsoft Edge")),
            ("chromium", support.join("Chromium")),
        ]
    } else {
        let config = std::env::var_os("XDG_CONFIG_HOME")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .or_else(|| home("HOME").map(|h| h.join(".config")));
        let Some(config) = config else {
            return Vec::new();
        };
        vec![
            ("chrome", config.join("google-chrome")),
            ("edge", config.join("microsoft-edge")),
            ("chromium", config.join("chromium")),
        ]
    }
}

/// Every proxy extension installed for this user.
pub fn installed() -> Vec<ProxySetting> {
    let mut out: Vec<ProxySetting> = chromium_user_data()
        .iter()
        .flat_map(|(browser, dir)| in_chromium(browser, dir))
        .collect();
    if let Some(profiles) = super::browser_proxy::firefox_profiles_folder() {
        out.extend(in_firefox(&profiles));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_found_per_profile_and_only_where_installed() {
        let dir = tempfile::tempdir().expect("tmp");
        let chrome = dir.path().join("google-chrome");
        let ext = |profile: &str, id: &str| {
            let d = chrome
                .join(profile)
                .join("Extensions")
                .join(id)
                .join("2.5.21_0");
            std::fs::create_dir_all(d).expect("mkdir");
        };
        ext("Profile 2", "padekgcemlokbadohgkifijomclgjgif");
        // Another extension, and a folder that is not a profile.
        ext("Default", "cjpalhdlnbpafiamejdnhcphjbkeiagm");
        ext("System Profile", "gcknhkkoolaabfmlnjonogaaifnjlfnp");
        let found = in_chromium("chrome", &chrome);
        assert_eq!(
            found,
            vec![ProxySetting {
                source: "chrome:Profile 2:extension".into(),
                value: "Proxy SwitchyOmega".into(),
            }]
        );
        let firefox = dir.path().join("firefox");
        let profile = firefox.join("k3x9q2ab.default-release").join("extensions");
        std::fs::create_dir_all(&profile).expect("mkdir");
        std::fs::write(profile.join("foxyproxy@eric.h.jung.xpi"), b"PK").expect("xpi");
        let found = in_firefox(&firefox);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].source,
            "firefox:k3x9q2ab.default-release:extension"
        );
        assert_eq!(found[0].value, "FoxyProxy");
        assert!(in_chromium("edge", &dir.path().join("missing")).is_empty());
    }
}
