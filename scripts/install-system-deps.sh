#!/usr/bin/env bash
# Installs the Debian packages Meshscope's demo and tests use, when they are missing:
#   scripts/install-system-deps.sh            prometheus (the demo)
#   scripts/install-system-deps.sh --tests    prometheus and chromium (the tests)
set -euo pipefail
pkgs=(prometheus)
[ "${1:-}" = "--tests" ] && pkgs+=(chromium)

need=()
for p in "${pkgs[@]}"; do command -v "$p" >/dev/null 2>&1 || need+=("$p"); done
[ ${#need[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install: ${need[*]} (or point PROMETHEUS_URL at an existing Prometheus)." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing ${need[*]} from Debian's packages…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
