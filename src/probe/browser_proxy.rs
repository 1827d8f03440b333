//! Proxies set inside a browser rather than in the system's settings: Firefox's own
//! connection settings (`network.proxy.*` in each profile's `prefs.js`) and Chrome/Edge
//! policies (`ProxyMode`, `ProxyServer`, `ProxyPacUrl`; the Windows registry under
//! `SOFTWARE\Policies`, JSON files under `/etc/opt/chrome/policies/managed` on Linux). The
//! verification page runs in the browser, so these route it as surely as a system proxy.

use super::proxy::{ProxySetting, redact};
use std::path::{Path, PathBuf};

/// One `user_pref("name", value);` line's name and value (strings unquoted).
fn pref_line(line: &str) -> Option<(&str, &str)> {
    let inner = line
        .trim()
        .strip_prefix("user_pref(")?
        .trim_end()
        .strip_suffix(");")?;
    let (name, value) = inner.split_once(',')?;
    Some((unquote(name), unquote(value)))
}

/// A pref's name or value without its quotes (numbers and booleans have none).
fn unquote(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(s)
}

/// Firefox's proxy from a profile's `prefs.js` (`profile`: the profile's folder name, for the
/// source). `network.proxy.type`: 1 manual (the HTTP, SSL and SOCKS hosts with their ports),
/// 2 a PAC file (`autoconfig_url`), 4 auto-detect (WPAD); 0 (none) and 5 (the system's,
/// Firefox's default, written by no line) add nothing here.
pub fn parse_firefox_prefs(text: &str, profile: &str) -> Vec<ProxySetting> {
    let prefs: Vec<(&str, &str)> = text.lines().filter_map(pref_line).collect();
    let get = |name: &str| {
        prefs
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    };
    let source = |what: &str| format!("firefox:{profile}:{what}");
    match get("network.proxy.type") {
        Some("1") => ["http", "ssl", "socks"]
            .iter()
            .filter_map(|kind| {
                let host = get(&format!("network.proxy.{kind}"))?.trim();
                if host.is_empty() {
                    return None;
                }
                let port = get(&format!("network.proxy.{kind}_port")).unwrap_or("0");
                Some(ProxySetting {
                    source: source(kind),
                    value: redact(&format!("{host}:{port}")),
                })
            })
            .collect(),
        Some("2") => get("network.proxy.autoconfig_url")
            .filter(|u| !u.trim().is_empty())
            .map(|u| ProxySetting {
                source: source("pac"),
                value: redact(u.trim()),
            })
            .into_iter()
            .collect(),
        Some("4") => vec![ProxySetting {
            source: source("auto-detect"),
            value: "WPAD".into(),
        }],
        _ => Vec::new(),
    }
}

/// A Chromium-family policy's proxy (`browser`: "chrome", "edge"; `place`: where it was
/// read). `ProxyMode` "fixed_servers" (`ProxyServer`), "pac_script" (`ProxyPacUrl`),
/// "auto_detect"; the older `ProxyServerMode` 1 (auto-detect) and 2 (manual). "direct" and
/// "system" add nothing here (the system's proxy is read on its own).
pub fn parse_chromium_policy(
    browser: &str,
    place: &str,
    mode: Option<&str>,
    server_mode: Option<u32>,
    server: Option<&str>,
    pac_url: Option<&str>,
) -> Vec<ProxySetting> {
    let source = format!("{browser}:policy:{place}");
    let setting = |value: String| {
        vec![ProxySetting {
            source: source.clone(),
            value,
        }]
    };
    let text = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(redact);
    let mode = mode.map(|m| m.trim().to_ascii_lowercase());
    match (mode.as_deref(), server_mode) {
        (Some("fixed_servers"), _) | (None, Some(2)) => {
            text(server).map(setting).unwrap_or_default()
        }
        (Some("pac_script"), _) => text(pac_url).map(setting).unwrap_or_default(),
        (Some("auto_detect"), _) | (None, Some(1)) => setting("WPAD".into()),
        _ => Vec::new(),
    }
}

/// A Chromium policy file (JSON) as Linux managed-policy folders hold them.
pub fn parse_chromium_policy_json(browser: &str, place: &str, text: &str) -> Vec<ProxySetting> {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    parse_chromium_policy(
        browser,
        place,
        v["ProxyMode"].as_str(),
        v["ProxyServerMode"].as_u64().map(|m| m as u32),
        v["ProxyServer"].as_str(),
        v["ProxyPacUrl"].as_str(),
    )
}

/// The folder holding Firefox's profiles: `Profiles` under `root` (Windows
/// `%APPDATA%\Mozilla\Firefox`, macOS `~/Library/Application Support/Firefox`) or `root`
/// itself (Linux `~/.mozilla/firefox`).
fn profiles_in(root: &Path) -> PathBuf {
    if root.join("Profiles").is_dir() {
        root.join("Profiles")
    } else {
        root.to_path_buf()
    }
}

/// This user's Firefox profiles folder on this OS.
pub fn firefox_profiles_folder() -> Option<PathBuf> {
    firefox_root().map(|r| profiles_in(&r))
}

/// Firefox's profile folders, each with its `prefs.js`.
fn firefox_prefs_files(root: &Path) -> Vec<(String, PathBuf)> {
    let profiles = profiles_in(root);
    let Ok(entries) = std::fs::read_dir(&profiles) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("prefs.js").is_file())
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, p.join("prefs.js"))
        })
        .collect();
    out.sort();
    out
}

/// Where Firefox keeps its profiles for this user on this OS.
fn firefox_root() -> Option<PathBuf> {
    if cfg!(windows) {
        std::env::var_os("APPDATA").map(|a| Path::new(&a).join("Mozilla").join("Firefox"))
    } else if cfg!(target_os = "macos") {
        std::env::var_os("HOME").map(|h| Path::new(&h).join("Library/Application Support/Firefox"))
    } else {
        std::env::var_os("HOME").map(|h| Path::new(&h).join(".mozilla").join("firefox"))
    }
}

/// `prefs.js` files are small; a larger one is not read whole.
const PREFS_MAX_BYTES: u64 = 8 << 20;

/// Every Firefox profile's proxy; profiles whose `prefs.js` cannot be read are named in the
/// second list.
pub fn firefox() -> (Vec<ProxySetting>, Vec<String>) {
    let (mut found, mut unreadable) = (Vec::new(), Vec::new());
    let Some(root) = firefox_root() else {
        return (found, unreadable);
    };
    for (profile, file) in firefox_prefs_files(&root) {
        let text = std::fs::File::open(&file).and_then(|f| {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::Read::take(f, PREFS_MAX_BYTES), &mut s)
                .map(|_| s)
        });
        match text {
            Ok(t) => found.extend(parse_firefox_prefs(&t, &profile)),
            Err(_) => unreadable.push(format!("firefox:{profile}")),
        }
    }
    (found, unreadable)
}

/// Chrome's and Chromium's managed policy files on Linux.
#[cfg(target_os = "linux")]
pub fn chromium_policy_files() -> Vec<ProxySetting> {
    let mut out = Vec::new();
    for (browser, dir) in [
        ("chrome", "/etc/opt/chrome/policies/managed"),
        ("chromium", "/etc/chromium/policies/managed"),
    ] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "json"))
        {
            if let Ok(text) = std::fs::read_to_string(f) {
                let place = f.file_name().map(|n| n.to_string_lossy().into_owned());
                out.extend(parse_chromium_policy_json(
                    browser,
                    place.as_deref().unwrap_or(dir),
                    &text,
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// prefs.js as Firefox 128 writes it after Settings → Network Settings → Manual proxy
    /// (Clash on 7890 for HTTP and HTTPS, SOCKS 7891).
    const MANUAL: &str = r#"// Mozilla User Preferences

// DO NOT EDIT THIS FILE.
user_pref("browser.startup.homepage_override.mstone", "128.0");
user_pref("network.proxy.http", "127.0.0.1");
user_pref("network.proxy.http_port", 7890);
user_pref("network.proxy.share_proxy_settings", true);
user_pref("network.proxy.socks", "127.0.0.1");
user_pref("network.proxy.socks_port", 7891);
user_pref("network.proxy.ssl", "127.0.0.1");
user_pref("network.proxy.ssl_port", 7890);
user_pref("network.proxy.type", 1);
"#;

    #[test]
    fn firefox_manual_pac_auto_detect_and_system() {
        let s = parse_firefox_prefs(MANUAL, "abcd.default-release");
        let got: Vec<(&str, &str)> = s
            .iter()
            .map(|p| (p.source.as_str(), p.value.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("firefox:abcd.default-release:http", "127.0.0.1:7890"),
                ("firefox:abcd.default-release:ssl", "127.0.0.1:7890"),
                ("firefox:abcd.default-release:socks", "127.0.0.1:7891"),
            ]
        );
        let pac = "user_pref(\"network.proxy.autoconfig_url\", \"http://127.0.0.1:7890/pac\");\nuser_pref(\"network.proxy.type\", 2);\n";
        assert_eq!(
            parse_firefox_prefs(pac, "p")[0].value,
            "http://127.0.0.1:7890/pac"
        );
        let wpad = "user_pref(\"network.proxy.type\", 4);\n";
        assert_eq!(
            parse_firefox_prefs(wpad, "p")[0].source,
            "firefox:p:auto-detect"
        );
        // The hosts stay in prefs.js after switching back to "use system proxy settings".
        let system = MANUAL.replace("\"network.proxy.type\", 1", "\"network.proxy.type\", 5");
        assert!(parse_firefox_prefs(&system, "p").is_empty());
        assert!(parse_firefox_prefs("", "p").is_empty());
    }

    #[test]
    fn chromium_policies_in_current_and_older_form() {
        let fixed = parse_chromium_policy(
            "chrome",
            "HKLM",
            Some("fixed_servers"),
            None,
            Some("user:secret@10.0.0.5:3128"),
            None,
        );
        assert_eq!(fixed[0].source, "chrome:policy:HKLM");
        assert!(!fixed[0].value.contains("secret"), "{fixed:?}");
        let pac = parse_chromium_policy(
            "edge",
            "HKCU",
            Some("pac_script"),
            None,
            None,
            Some("http://proxy.example/p.pac"),
        );
        assert_eq!(pac[0].value, "http://proxy.example/p.pac");
        let old = parse_chromium_policy("chrome", "HKCU", None, Some(2), Some("1.2.3.4:80"), None);
        assert_eq!(old[0].value, "1.2.3.4:80");
        assert!(
            parse_chromium_policy("chrome", "HKCU", Some("system"), None, None, None).is_empty()
        );
        assert!(
            parse_chromium_policy("chrome", "HKCU", Some("direct"), None, None, None).is_empty()
        );
        let json = r#"{ "ProxyMode": "fixed_servers", "ProxyServer": "socks5://127.0.0.1:1080" }"#;
        assert_eq!(
            parse_chromium_policy_json("chrome", "proxy.json", json)[0].value,
            "socks5://127.0.0.1:1080"
        );
        assert!(parse_chromium_policy_json("chrome", "x.json", "not json").is_empty());
    }
}
