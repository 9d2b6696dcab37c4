#!/usr/bin/env bash
# Make sure a Chromium for the browser tests is installed (Debian's package, no download
# from a browser vendor). Installs it with apt-get when run as root; otherwise explains.
set -euo pipefail
for candidate in "${FARO_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [[ -n "$candidate" && -x "$candidate" ]]; then
    echo "$candidate"
    exit 0
  fi
done
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium >&2
  echo /usr/bin/chromium
  exit 0
fi
echo "The browser tests need Chromium: sudo apt-get install -y chromium (or set FARO_CHROMIUM)." >&2
exit 1
