//! Installed web browsers and their versions, and the default browser.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Browser {
    /// "chrome", "chromium", "firefox", "edge", "safari", "360", "qq", "sogou".
    pub family: String,
    /// Product name as the browser states it ("Mozilla Firefox").
    pub name: String,
    pub version: String,
    pub major: u32,
    pub path: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BrowserFacts {
    pub browsers: Vec<Browser>,
    /// Family of the default browser when the OS tells it ("firefox"), else None.
    pub default_family: Option<String>,
    /// The raw default-browser answer (e.g. "firefox-esr.desktop").
    pub default_raw: Option<String>,
}

/// Which family a product name or desktop/ProgId/bundle id belongs to.
pub fn family_of(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    let table: [(&str, &str); 11] = [
        ("edge", "edge"),
        ("msedge", "edge"),
        ("360", "360"),
        ("qqbrowser", "qq"),
        ("sogou", "sogou"),
        ("chromium", "chromium"),
        ("chrome", "chrome"),
        ("firefox", "firefox"),
        ("mozilla", "firefox"),
        ("safari", "safari"),
        ("qq", "qq"),
    ];
    table.iter().find(|(k, _)| t.contains(k)).map(|(_, f)| *f)
}

/// Parses a `--version` line: "Chromium 120.0.6099.224 built on Debian 12.4",
/// "Google Chrome 131.0.6778.85", "Mozilla Firefox 115.6.0esr", "Microsoft Edge 120.0.2210.91".
pub fn parse_version_line(line: &str, path: &str) -> Option<Browser> {
    let line = line.lines().find(|l| !l.trim().is_empty())?.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let idx = words
        .iter()
        .position(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()) && w.contains('.'))?;
    let name = words[..idx].join(" ");
    let family = family_of(&name)?;
    let version: String = words[idx]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let major = version.split('.').next()?.parse().ok()?;
    Some(Browser {
        family: family.to_string(),
        name,
        version: words[idx].to_string(),
        major,
        path: path.to_string(),
    })
}

/// `CFBundleShortVersionString` from an Info.plist (XML form).
pub fn plist_short_version(plist: &str) -> Option<String> {
    let after = plist
        .split("<key>CFBundleShortVersionString</key>")
        .nth(1)?;
    let start = after.find("<string>")? + "<string>".len();
    let end = after[start..].find("</string>")? + start;
    Some(after[start..end].trim().to_string())
}

/// Whether this OS has a browser lookup (Linux: PATH and `--version`; macOS: Info.plist;
/// Windows: the registry).
pub const CAN_SEARCH: bool = cfg!(any(unix, windows));

/// Everything this OS tells; each helper program gets a time bound.
pub fn probe() -> BrowserFacts {
    os_probe()
}

#[cfg(all(unix, not(target_os = "macos")))]
fn os_probe() -> BrowserFacts {
    use super::command::{run, which};
    use std::time::Duration;
    const NAMES: [&str; 10] = [
        "google-chrome-stable",
        "google-chrome",
        "chromium",
        "chromium-browser",
        "firefox",
        "firefox-esr",
        "microsoft-edge-stable",
        "microsoft-edge",
        "/snap/bin/chromium",
        "/snap/bin/firefox",
    ];
    const FLATPAK: [&str; 3] = [
        "/var/lib/flatpak/exports/bin/org.mozilla.firefox",
        "/var/lib/flatpak/exports/bin/com.google.Chrome",
        "/var/lib/flatpak/exports/bin/org.chromium.Chromium",
    ];
    let mut seen = Vec::new();
    let mut facts = BrowserFacts::default();
    let candidates = NAMES
        .iter()
        .filter_map(|n| {
            if n.starts_with('/') {
                let p = std::path::PathBuf::from(n);
                p.is_file().then_some(p)
            } else {
                which(n)
            }
        })
        .chain(
            FLATPAK
                .iter()
                .map(std::path::PathBuf::from)
                .filter(|p| p.exists()),
        );
    for path in candidates {
        let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.contains(&real) {
            continue;
        }
        seen.push(real);
        let shown = path.display().to_string();
        if let Ok(out) = run(&shown, &["--version"], Duration::from_secs(8))
            && let Some(b) = parse_version_line(&out.stdout, &shown)
            // Wrapper scripts (Debian's /usr/bin/firefox) start the same install again.
            && !facts.browsers.iter().any(|o| o.family == b.family && o.version == b.version)
        {
            facts.browsers.push(b);
        }
    }
    if which("xdg-settings").is_some()
        && let Ok(out) = run(
            "xdg-settings",
            &["get", "default-web-browser"],
            Duration::from_secs(3),
        )
        && out.success
    {
        let raw = out.stdout.trim().to_string();
        if !raw.is_empty() {
            facts.default_family = family_of(&raw).map(str::to_string);
            facts.default_raw = Some(raw);
        }
    }
    facts
}

#[cfg(target_os = "macos")]
fn os_probe() -> BrowserFacts {
    const APPS: [(&str, &str); 5] = [
        ("/Applications/Google Chrome.app", "Google Chrome"),
        ("/Applications/Chromium.app", "Chromium"),
        ("/Applications/Firefox.app", "Mozilla Firefox"),
        ("/Applications/Microsoft Edge.app", "Microsoft Edge"),
        ("/Applications/Safari.app", "Safari"),
    ];
    let mut facts = BrowserFacts::default();
    for (app, name) in APPS {
        let plist = format!("{app}/Contents/Info.plist");
        if let Ok(text) = std::fs::read_to_string(&plist)
            && let Some(v) = plist_short_version(&text)
            && let Some(b) = parse_version_line(&format!("{name} {v}"), app)
        {
            facts.browsers.push(b);
        }
    }
    facts
}

#[cfg(windows)]
fn os_probe() -> BrowserFacts {
    super::windows::browsers()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_lines_of_real_releases() {
        let cases = [
            (
                "Chromium 120.0.6099.224 built on Debian 12.4, running on Debian 12.4",
                "chromium",
                120,
            ),
            ("Google Chrome 131.0.6778.85 ", "chrome", 131),
            ("Mozilla Firefox 115.6.0esr", "firefox", 115),
            ("Mozilla Firefox 102.15.1esr", "firefox", 102),
            ("Microsoft Edge 120.0.2210.91", "edge", 120),
            ("Chromium 156.0.8078.73 snap", "chromium", 156),
        ];
        for (line, family, major) in cases {
            let b = parse_version_line(line, "/usr/bin/x").expect(line);
            assert_eq!((b.family.as_str(), b.major), (family, major), "{line}");
        }
        assert!(parse_version_line("", "/x").is_none());
        assert!(parse_version_line("bash: firefox: command not found", "/x").is_none());
    }

    #[test]
    fn families_of_default_browser_answers() {
        assert_eq!(family_of("firefox-esr.desktop"), Some("firefox"));
        assert_eq!(family_of("google-chrome.desktop"), Some("chrome"));
        assert_eq!(family_of("chromium.desktop"), Some("chromium"));
        assert_eq!(family_of("MSEdgeHTM"), Some("edge"));
        assert_eq!(family_of("ChromeHTML"), Some("chrome"));
        assert_eq!(family_of("360SE6HTML"), Some("360"));
        assert_eq!(family_of("QQBrowser.Html"), Some("qq"));
        assert_eq!(family_of("com.apple.safari"), Some("safari"));
        assert_eq!(family_of("org.gnome.Epiphany.desktop"), None);
    }

    #[test]
    fn plist_version() {
        let plist = "<dict>\n\t<key>CFBundleName</key>\n\t<string>Firefox</string>\n\t<key>CFBundleShortVersionString</key>\n\t<string>128.5.1</string>\n</dict>";
        assert_eq!(plist_short_version(plist).as_deref(), Some("128.5.1"));
        assert_eq!(plist_short_version("<dict></dict>"), None);
    }
}
