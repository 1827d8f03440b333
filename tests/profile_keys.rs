//! Every number the checks judge by lives in the profile, and every key of the profile is read
//! by something: a key nothing reads is a promise the product does not keep, and a limit
//! written in code cannot be changed by support or checked against the requirements.

use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// `section.key` for every key of the shipped profile (inline tables' keys too).
fn profile_keys() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(Path::new(ROOT).join("assets/profiles/aliexpress.toml"))
        .expect("profile");
    let value: toml::Value = toml::from_str(&text).expect("toml");
    let mut out = Vec::new();
    for (section, table) in value.as_table().expect("table") {
        for key in table.as_table().expect("section").keys() {
            out.push((section.clone(), key.clone()));
        }
    }
    out
}

/// The Rust sources under `src/` other than the profile's own definition, test modules cut off.
fn sources_outside_the_profile() -> String {
    let mut all = String::new();
    let mut stack = vec![Path::new(ROOT).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("profile.rs") {
                let text = std::fs::read_to_string(&path).expect("read");
                let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                all.push_str(code);
                all.push('\n');
            }
        }
    }
    all
}

#[test]
fn every_profile_key_is_read_by_the_code() {
    let code = sources_outside_the_profile();
    let unused: Vec<String> = profile_keys()
        .into_iter()
        .filter(|(_, key)| !code.contains(&format!(".{key}")))
        .map(|(section, key)| format!("{section}.{key}"))
        .collect();
    assert!(
        unused.is_empty(),
        "profile keys nothing reads (use them or remove them): {unused:?}"
    );
}

/// A check's limits come from the profile: no `.threshold("x", 0.5)` and no comparison with a
/// fractional literal in a check's verdict code.
#[test]
fn no_check_threshold_is_a_literal_in_code() {
    let mut offenders = Vec::new();
    for entry in std::fs::read_dir(Path::new(ROOT).join("src/checks")).expect("checks") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or_default();
            if literal_threshold(line) || literal_comparison(line) {
                offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "limits written in code: {offenders:#?}"
    );
}

/// `.threshold("name", <number>)`.
fn literal_threshold(line: &str) -> bool {
    line.find(".threshold(\"").is_some_and(|at| {
        let rest = &line[at + ".threshold(\"".len()..];
        rest.split_once("\",")
            .map(|(_, v)| v.trim_start())
            .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit() || c == '-'))
    })
}

/// `< 0.5`, `>= 12.0` and the like: a comparison with a non-zero fractional literal.
fn literal_comparison(line: &str) -> bool {
    for op in ["<= ", ">= ", "< ", "> "] {
        for (i, _) in line.match_indices(op) {
            let v: String = line[i + op.len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            if v.contains('.') && v.parse::<f64>().is_ok_and(|x| x != 0.0) {
                return true;
            }
        }
    }
    false
}

#[test]
fn the_scanners_see_what_they_look_for() {
    assert!(literal_threshold(r#"    .threshold("max_share", 0.10);"#));
    assert!(!literal_threshold(
        r#"    .threshold("max", req.max_share);"#
    ));
    assert!(literal_comparison("if share > 0.10 {"));
    assert!(!literal_comparison("if seconds <= 0.0 {"));
    assert!(!literal_comparison("if count >= 2 {"));
}
