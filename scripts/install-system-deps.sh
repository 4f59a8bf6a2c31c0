#!/usr/bin/env bash
# Installs what the render tests and `plandoc render --to pdf` need from Debian:
# LibreOffice (headless Writer, and Calc for the 调度表 round trips), poppler-utils (pdftotext, pdftoppm),
# open CJK fonts in the four official styles (宋/仿宋/楷/黑), pandoc for `npm run bench`, and Chromium for
# the workbench's browser tests (puppeteer-core drives /usr/bin/chromium; no browser download).
# Idempotent: installs only what is missing. Needs root (as on CI).
set -euo pipefail

packages=(libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fontconfig fonts-liberation fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming fonts-cwtex-fs pandoc chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
