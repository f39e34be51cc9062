#!/usr/bin/env bash
# Installs what the browser tests need on a fresh Debian machine: Chromium (driven by
# playwright-core; playwright's own browser download does not work offline) and CJK fonts so
# Chinese pages render. Does nothing when both are present.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then
  echo "install-browser: chromium and fonts-noto-cjk already present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-browser: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
chromium --version
