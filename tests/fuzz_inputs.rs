//! Every seed input of the fuzzers and every input a fuzzer once failed on
//! (fuzz/seeds/<target>/, fuzz/regressions/<target>/) goes through the same code as the fuzz
//! target (`selfcheck::fuzz_harness`) on every CI run, so a fixed crash stays fixed without
//! libFuzzer. scripts/fuzz.sh runs the fuzzers themselves.

use std::path::Path;

fn replay(folder: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(folder);
    let mut count = 0;
    for target in selfcheck::fuzz_harness::TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            let data = std::fs::read(&path).expect("read input");
            assert!(
                selfcheck::fuzz_harness::run(target, &data),
                "unknown target {target}"
            );
            count += 1;
        }
    }
    count
}

#[test]
fn seeds_and_past_crashes_run_clean() {
    let seeds = replay("seeds");
    assert!(
        seeds >= 15,
        "seed inputs missing: {seeds} (scripts/fuzz-seeds.sh makes them)"
    );
    // One file per failure a fuzzer found (none is fine): each must now run clean.
    let regressions = replay("regressions");
    eprintln!("{seeds} seeds and {regressions} past failures replayed");
}

#[test]
fn unknown_target_is_refused() {
    assert!(!selfcheck::fuzz_harness::run("no_such_target", b""));
}
