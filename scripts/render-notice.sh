#!/usr/bin/env bash
# Draws the conclusion notice the browser tests downloaded and read back (docs/screenshots/conclusion-notice.docx,
# the seed conference's) as a reader sees it: LibreOffice headless (Debian's) to PDF, poppler's pdftoppm to PNG,
# into docs/screenshots/conclusion-notice.png. Times New Roman is drawn with Liberation Serif, its metric twin.
# Not part of ./test.sh: LibreOffice is a large install for one picture; run it after ./test.sh when the notice's
# layout changes, and commit the picture.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

docx=docs/screenshots/conclusion-notice.docx
[[ -f $docx ]] || { echo "render-notice: no $docx; run ./test.sh first (the browser tests download it)" >&2; exit 1; }

missing=()
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -q "Liberation Serif" || missing+=(fonts-liberation)
if ((${#missing[@]})); then
  echo "render-notice: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$docx" >/dev/null
pdftoppm -png -r 90 -singlefile "$work/conclusion-notice.pdf" docs/screenshots/conclusion-notice
echo "docs/screenshots/conclusion-notice.png"
