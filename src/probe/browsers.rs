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
    /// Fingerprint (multi-account) browsers installed, by the name they are installed under
    /// ("AdsPower Global"): a page opened in one sees the made-up computer it plays, not this
    /// one. Only the names in the profile's list are looked for.
    #[serde(default)]
    pub fingerprint: Vec<String>,
    /// The Windows release when it is older than Windows 10 ("Windows 7"): Chrome stopped
    /// updating there.
    #[serde(default)]
    pub old_windows: Option<String>,
}

impl Browser {
    /// A browser of `family` from a version string ("131.0.6778.85"); `None` when the
    /// version does not start with a number.
    pub fn new(family: &str, name: &str, version: &str, path: &str) -> Option<Browser> {
        let major = version
            .trim()
            .split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()?;
        Some(Browser {
            family: family.to_string(),
            name: name.to_string(),
            version: version.trim().to_string(),
            major,
            path: path.to_string(),
        })
    }
}

/// Which browser an installed program's display name (Windows' Uninstall list) is: the
/// family and the product's usual name. Stricter than `family_of`: "360安全卫士" (an
/// antivirus) and "Microsoft Edge WebView2 Runtime" (a component) are not browsers.
pub fn installed_browser(display_name: &str) -> Option<(&'static str, &'static str)> {
    let t = display_name.to_lowercase();
    if t.contains("webview") || t.contains("update") || t.contains("maintenance") {
        return None;
    }
    const PRODUCTS: [(&str, &str, &str); 15] = [
        ("google chrome", "chrome", "Google Chrome"),
        ("chromium", "chromium", "Chromium"),
        ("microsoft edge", "edge", "Microsoft Edge"),
        ("firefox", "firefox", "Mozilla Firefox"),
        ("360安全浏览器", "360", "360安全浏览器"),
        ("360 secure browser", "360", "360安全浏览器"),
        ("360极速浏览器", "360", "360极速浏览器"),
        ("360chrome", "360", "360极速浏览器"),
        ("qq浏览器", "qq", "QQ浏览器"),
        ("qqbrowser", "qq", "QQ浏览器"),
        ("搜狗高速浏览器", "sogou", "搜狗高速浏览器"),
        ("2345加速浏览器", "2345", "2345加速浏览器"),
        ("猎豹", "liebao", "猎豹安全浏览器"),
        ("夸克", "quark", "夸克浏览器"),
        ("quark", "quark", "夸克浏览器"),
    ];
    PRODUCTS
        .iter()
        .find(|(k, _, _)| t.contains(k))
        .map(|(_, family, name)| (*family, *name))
}

/// Whether an installed program's display name is one of the fingerprint browsers in
/// `markers` (case-insensitive).
pub fn is_fingerprint_browser(display_name: &str, markers: &[String]) -> bool {
    let t = display_name.to_lowercase();
    markers.iter().any(|m| t.contains(&m.to_lowercase()))
}

/// The Windows release named from its version numbers when it is older than Windows 10.
pub fn windows_before_10(major: u32, minor: u32) -> Option<String> {
    match (major, minor) {
        (10.., _) => None,
        (6, 3) => Some("Windows 8.1".into()),
        (6, 2) => Some("Windows 8".into()),
        (6, 1) => Some("Windows 7".into()),
        (6, 0) => Some("Windows Vista".into()),
        (m, n) => Some(format!("Windows {m}.{n}")),
    }
}

/// Which family a product name or desktop/ProgId/bundle id belongs to.
pub fn family_of(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    let table: [(&str, &str); 14] = [
        ("edge", "edge"),
        ("msedge", "edge"),
        ("360", "360"),
        ("qqbrowser", "qq"),
        ("sogou", "sogou"),
        ("2345", "2345"),
        ("liebao", "liebao"),
        ("quark", "quark"),
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

/// Everything this OS tells; each helper program gets a time bound. `fingerprint_markers`:
/// the names of fingerprint browsers to look for among installed programs (Windows).
pub fn probe(fingerprint_markers: &[String]) -> BrowserFacts {
    os_probe(fingerprint_markers)
}

#[cfg(all(unix, not(target_os = "macos")))]
fn os_probe(_fingerprint_markers: &[String]) -> BrowserFacts {
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
fn os_probe(_fingerprint_markers: &[String]) -> BrowserFacts {
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
fn os_probe(fingerprint_markers: &[String]) -> BrowserFacts {
    super::windows_browsers::browsers(fingerprint_markers)
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
    fn installed_programs_that_are_browsers() {
        // Display names as the installers write them into the Uninstall list.
        let cases = [
            ("Google Chrome", Some("chrome")),
            ("Mozilla Firefox (x64 zh-CN)", Some("firefox")),
            ("Mozilla Firefox ESR (x86 zh-CN)", Some("firefox")),
            ("Microsoft Edge", Some("edge")),
            ("Microsoft Edge WebView2 Runtime", None),
            ("Mozilla Maintenance Service", None),
            ("Google Update Helper", None),
            ("360安全浏览器", Some("360")),
            ("360安全卫士", None),
            ("QQ浏览器", Some("qq")),
            ("搜狗高速浏览器", Some("sogou")),
            ("WPS Office", None),
        ];
        for (name, family) in cases {
            assert_eq!(installed_browser(name).map(|b| b.0), family, "{name}");
        }
        let markers = ["AdsPower".to_string(), "紫鸟".to_string()];
        assert!(is_fingerprint_browser("AdsPower Global 5.9.14", &markers));
        assert!(is_fingerprint_browser("紫鸟浏览器", &markers));
        assert!(!is_fingerprint_browser("Google Chrome", &markers));
        let b = Browser::new("firefox", "Mozilla Firefox", "115.6.0esr", "C:\\f.exe");
        assert_eq!(b.map(|b| b.major), Some(115));
        assert!(Browser::new("chrome", "Google Chrome", "", "x").is_none());
        assert_eq!(windows_before_10(6, 1).as_deref(), Some("Windows 7"));
        assert_eq!(windows_before_10(6, 3).as_deref(), Some("Windows 8.1"));
        assert_eq!(windows_before_10(10, 0), None);
    }

    #[test]
    fn plist_version() {
        let plist = "<dict>\n\t<key>CFBundleName</key>\n\t<string>Firefox</string>\n\t<key>CFBundleShortVersionString</key>\n\t<string>128.5.1</string>\n</dict>";
        assert_eq!(plist_short_version(plist).as_deref(), Some("128.5.1"));
        assert_eq!(plist_short_version("<dict></dict>"), None);
    }
}
