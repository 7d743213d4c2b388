#!/bin/sh
# Renders the registration sheets (--cards) of examples/ to PNG with headless Chromium, so that a person can
# look at them, and prints each sheet's page count on A4 (a sheet must fit on one page).
#
#   scripts/render-cards.sh [out-dir]        default out-dir: cards-png (next to the working folder)
#
# Needs: `npm ci` (the build), Debian's `chromium` (or chromium-headless-shell / google-chrome) and a CJK font
# (fonts-noto-cjk). Optional: poppler-utils (pdfinfo) for the page count. Not part of `npm test`: without
# Chromium it says so and exits 0, so CI may run it or not.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-cards-png}
mkdir -p "$out"
out=$(cd "$out" && pwd)

browser=""
for b in chromium chromium-headless-shell chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
  echo "render-cards: no Chromium found (apt-get install chromium); nothing rendered" >&2
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cards="$work/cards"

# The example sheet has rows with errors on purpose: exit 1 is expected, 2 is not.
status=0
node "$here/bin/cert-check.js" "$here/examples/records.xlsx" --assets "$here/examples/files" --no-out --cards "$cards" >"$work/report.txt" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  cat "$work/report.txt" >&2
  echo "render-cards: cert-check ended with exit $status" >&2
  exit 1
fi

render() { # render <html> <name>
  # A fresh profile for every page: nothing of the user's browser is read or written.
  profile=$(mktemp -d "$work/profile.XXXXXX")
  "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
    --window-size=900,1200 --screenshot="$out/$2.png" "file://$1" >/dev/null 2>&1
  if command -v pdfinfo >/dev/null 2>&1; then
    "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
      --disable-component-update --disable-sync --user-data-dir="$profile" --no-pdf-header-footer \
      --print-to-pdf="$work/$2.pdf" "file://$1" >/dev/null 2>&1
    pages=$(pdfinfo "$work/$2.pdf" | sed -n 's/^Pages: *//p')
    echo "$2.png  ($pages A4 page(s))"
    case "$2" in 0000-*) ;; *) [ "$pages" = 1 ] || echo "  render-cards: $2 does not fit on one A4 page" >&2 ;; esac
  else
    echo "$2.png"
  fi
}

for f in "$cards"/*.html; do
  name=$(basename "$f" .html)
  render "$f" "$name"
done
echo "render-cards: $(ls "$out" | wc -l) pictures in $out"
