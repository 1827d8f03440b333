#!/usr/bin/env bash
# Makes the small seed inputs in fuzz/seeds/<target>/ from the test fixtures and from real
# OS output (the same captures the unit tests use). Rerun after changing a fixture; the seeds
# are committed, and tests/fuzz_inputs.rs replays them in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
S=fuzz/seeds
rm -rf "$S" && mkdir -p "$S"/{image_analysis,wav_analysis,report_json,profile_toml,os_output}

# Images: small copies (libFuzzer works best on inputs of a few KB), JPEG and PNG.
for f in one_face_portrait two_people 176_HONOR-7X_S; do
  convert "tests/fixtures/images/$f.jpg" -resize 64x64 -quality 70 "$S/image_analysis/$f.jpg"
done
convert tests/fixtures/images/one_face_portrait.jpg -resize 48x48 "$S/image_analysis/portrait.png"

# Sound: short pieces of the real recordings (8 kHz and 16 kHz, 16-bit mono), one stereo.
sox tests/fixtures/audio/4_jackson_0.wav "$S/wav_analysis/digit4.wav" trim 0 0.25
sox tests/fixtures/audio/fifteen_digits_16k.wav "$S/wav_analysis/digits16k.wav" trim 0 0.2
sox tests/fixtures/audio/7_jackson_0.wav -c 2 -b 8 "$S/wav_analysis/stereo8bit.wav" trim 0 0.1

# Reports: a real one from this build, and one with hostile strings.
bin=${SELFCHECK_BIN:-target/debug/selfcheck}
"$bin" check --json --no-network --lang en --only system.time_of_day,network.proxy,checklist.id_card_validity \
  --id-expiry 2031-05-01 > "$S/report_json/real.json" || true
sed 's#"summary": "#"summary": "<script>alert(1)</script><img src=x onerror=alert(2)> \\u202e #' \
  "$S/report_json/real.json" > "$S/report_json/hostile.json"

# Profiles: the shipped one.
cp assets/profiles/aliexpress.toml "$S/profile_toml/aliexpress.toml"

# OS output: first byte picks the parser (see src/fuzz_harness.rs).
os() { printf "\\x$(printf %02x "$1")%b" "$2" > "$S/os_output/$3"; }
os 0 'Chromium 120.0.6099.224 built on Debian 12.4, running on Debian 12.8\n' chromium
os 0 'Mozilla Firefox 115.6.0esr\n' firefox
os 1 '<dictionary> {\n  ExceptionsList : <array> {\n    0 : 127.0.0.1\n  }\n  HTTPEnable : 1\n  HTTPPort : 7890\n  HTTPProxy : 127.0.0.1\n}\n' scutil
os 2 'http=127.0.0.1:7890;https=127.0.0.1:7890;socks=127.0.0.1:7891\nhttp://127.0.0.1:33331/pac' internet-settings
os 3 "'manual'\n127.0.0.1 7890\n" gnome
os 4 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\neth0\t00000000\t0102000A\t0003\t0\t0\t0\t00000000\t0\t0\t0\n' route
os 4 'IPv4 Route Table\nActive Routes:\n          0.0.0.0          0.0.0.0      192.168.0.1    192.168.0.23     25\ndefault            192.168.1.1        UGScg                 en0\n' route-print
os 5 '198.18.0.0/15' cidr
os 6 'fl=466f52\nh=www.cloudflare.com\nip=192.0.2.10\nloc=CN\nwarp=off\n' trace
os 7 'flags\t\t: fpu vme de pse tsc msr pae hypervisor\nKVMKVMKVM\0\0\0' cpuinfo
os 8 '100,80,640,400' card
os 8 '[Proxy Settings]\nProxyType=1\nhttpProxy=http://127.0.0.1 7890\n' kioslaverc
os 9 '2031.05.01' expiry
ls -R "$S" | head -40
