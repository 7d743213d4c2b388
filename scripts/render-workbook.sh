#!/bin/sh
# Renders workbooks to PNG the way a clerk sees them: LibreOffice (headless) → PDF → pdftoppm.
#
#   scripts/render-workbook.sh                      check examples/records.xlsx (with its photos and PDFs) and
#                                                   render its annotated copy and its fix list into docs/
#   scripts/render-workbook.sh book.xlsx [out-dir]  render every sheet of book.xlsx, one sheet per page, into
#                                                   out-dir (default: beside the workbook)
#
# Needs LibreOffice (soffice) and poppler-utils (pdftoppm), e.g. `apt-get install libreoffice-calc poppler-utils
# fonts-noto-cjk`, and a built cert-check (npm ci). Optional for CI: without them it says so and exits 0.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v soffice > /dev/null 2>&1 || ! command -v pdftoppm > /dev/null 2>&1; then
  echo "render-workbook: LibreOffice (soffice) or pdftoppm is not installed; nothing rendered" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A profile of its own, so a LibreOffice already running (or another user's) does not take the job.
office() { soffice "-env:UserInstallation=file://$work/profile" --headless "$@" > "$work/soffice.log" 2>&1; }
# One sheet per page, however wide (LibreOffice 7.4+).
ONE_PAGE='pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}'

if [ $# -ge 1 ]; then
  book=$1
  out=${2:-$(dirname "$book")}
  name=$(basename "$book" .xlsx)
  cp "$book" "$work/$name.xlsx"
  office --convert-to "$ONE_PAGE" --outdir "$work" "$work/$name.xlsx"
  pdftoppm -r 72 -png "$work/$name.pdf" "$out/$name"
  ls "$out/$name"*.png
  exit 0
fi

# The example: the annotated copy (its checked sheet, the first rows across every column) and the fix list
# (its first printed page, as it prints).
cp "$root/examples/records.xlsx" "$work/records.xlsx"
node "$root/bin/cert-check.js" "$work/records.xlsx" --assets "$root/examples/files" --fix-list "$work/fix-list.xlsx" > /dev/null || true
office --convert-to "$ONE_PAGE" --outdir "$work" "$work/records.checked.xlsx"
pdftoppm -r 64 -png -f 1 -l 1 -x 0 -y 0 -W 2480 -H 900 -singlefile "$work/records.checked.pdf" "$root/docs/annotated-workbook"
office --convert-to pdf --outdir "$work" "$work/fix-list.xlsx"
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/fix-list.pdf" "$root/docs/fix-list"
echo "docs/annotated-workbook.png docs/fix-list.png"
