//! Windows only: compiles packaging/windows/selfcheck.rc (icon, manifest, version info) into
//! the executable. Other targets need nothing.

fn main() {
    println!("cargo:rerun-if-changed=packaging/windows/selfcheck.rc");
    println!("cargo:rerun-if-changed=packaging/windows/selfcheck.manifest");
    println!("cargo:rerun-if-changed=assets/icons/selfcheck.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let version = env!("CARGO_PKG_VERSION");
    let part = |i: usize| {
        version
            .split('.')
            .nth(i)
            .and_then(|p| p.split('-').next())
            .unwrap_or("0")
            .to_string()
    };
    let defines = [
        format!("VER_MAJOR={}", part(0)),
        format!("VER_MINOR={}", part(1)),
        format!("VER_PATCH={}", part(2)),
        format!("VER_STRING=\\\"{version}\\\""),
    ];
    if let Err(e) =
        embed_resource::compile("packaging/windows/selfcheck.rc", &defines).manifest_required()
    {
        // Without the resource the program still works, but DPI and UTF-8 settings would be
        // missing: make the build fail loudly instead.
        panic!("Windows resource compilation failed: {e}");
    }
}
