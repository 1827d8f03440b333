#!/usr/bin/env bash
# Signs one Windows program (Authenticode, SHA-256) in place with osslsigncode, then checks the
# signature. Used by packaging/build.sh windows for selfcheck.exe and the installer, and by
# installer.nsi (!uninstfinalize) for the uninstaller it embeds.
#
# The certificate: SELFCHECK_SIGN_PFX (a .pfx file; its password in SELFCHECK_SIGN_PASS) — the
# release workflow writes it from a CI secret — with a timestamp from SELFCHECK_SIGN_TIMESTAMP
# (an RFC 3161 server URL), so the signature outlives the certificate. Without it, a throwaway
# certificate made here once (in target/signing/ of the project, beside target/dist/, valid
# 30 days) signs without a
# timestamp (the test machine has no internet): the step runs and is verified on every build,
# but Windows trusts only the release's real certificate.
set -euo pipefail
file=${1:?usage: sign.sh FILE.exe}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../../scripts/paths.sh
source "$here/../../scripts/paths.sh"
command -v osslsigncode >/dev/null || { echo "sign.sh: osslsigncode is missing (scripts/setup.sh windows installs it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
signed="$work/signed.exe"
args=(sign -h sha256 -n "视频验证自检助手 Seller Self-Check" -i "https://github.com/seller-selfcheck")
if [[ -n ${SELFCHECK_SIGN_PFX:-} ]]; then
  args+=(-pkcs12 "$SELFCHECK_SIGN_PFX" -pass "${SELFCHECK_SIGN_PASS:-}")
  [[ -n ${SELFCHECK_SIGN_TIMESTAMP:-} ]] && args+=(-ts "$SELFCHECK_SIGN_TIMESTAMP")
  verify=(verify -in "$signed")
else
  dir="$SELFCHECK_ROOT/target/signing"
  mkdir -p "$dir"
  # A fresh throwaway certificate when there is none or it expires within a day.
  if ! openssl x509 -in "$dir/test-cert.pem" -noout -checkend 86400 >/dev/null 2>&1; then
    openssl req -x509 -newkey rsa:3072 -sha256 -days 30 -nodes -batch \
      -subj "/CN=Seller Self-Check test signing (not trusted)" \
      -addext "extendedKeyUsage=codeSigning" -addext "keyUsage=digitalSignature" \
      -keyout "$dir/test-key.pem" -out "$dir/test-cert.pem" 2>/dev/null
  fi
  args+=(-certs "$dir/test-cert.pem" -key "$dir/test-key.pem")
  verify=(verify -in "$signed" -CAfile "$dir/test-cert.pem")
fi
osslsigncode "${args[@]}" -in "$file" -out "$signed" >/dev/null
osslsigncode "${verify[@]}" >/dev/null || { echo "sign.sh: the signature of $file does not verify" >&2; exit 1; }
mv -f "$signed" "$file"
echo "signed $file"
