#!/usr/bin/env bash
# LibreOffice (headless) and poppler's pdftotext/pdftoppm: the tests open every DOCX, PPTX and XLSX we
# write in LibreOffice and read PDF pages as text. Installed from Debian's packages when missing, so
# `make test` on a fresh machine needs nothing done by hand.
set -euo pipefail
if command -v soffice >/dev/null && command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "LibreOffice and poppler-utils are needed by the tests; install them with your package manager" >&2
  exit 0  # the tests that need them say so and skip (outside CI)
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
  libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui poppler-utils fonts-dejavu-core
