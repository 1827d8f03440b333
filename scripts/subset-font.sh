#!/usr/bin/env bash
# Rebuilds assets/fonts/ui-cjk-subset.ttf: the WenQuanYi Micro Hei glyphs for every character
# the translations use (plus ASCII and common CJK punctuation), so Chinese renders on a
# machine without a CJK font. Run after adding new Chinese text to assets/i18n.
# Needs: fonts-wqy-microhei and python3-fonttools (Debian), or fonttools from pip.
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
text=$(mktemp)
trap 'rm -f "$text"' EXIT
cat assets/i18n/*/*.ftl > "$text"
# Digits, Latin, punctuation a device or file name may contain, and the parts of a date
# (report::local_date).
printf '%s' ' !"#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~·—–…“”‘’、。，：；！？（）《》【】「」°×→←↑↓✓✗○•年月日' >> "$text"
subset() {
  if command -v pyftsubset >/dev/null; then pyftsubset "$@"; else /usr/bin/python3 -m fontTools.subset "$@"; fi
}
subset "$src" --font-number=0 --text-file="$text" --output-file=assets/fonts/ui-cjk-subset.ttf \
  --layout-features='*' --no-hinting --desubroutinize
ls -l assets/fonts/ui-cjk-subset.ttf
