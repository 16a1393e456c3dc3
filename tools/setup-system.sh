#!/usr/bin/env bash
# Install the Debian packages broadcaster needs, only those that are missing. Safe to repeat.
# Usage: tools/setup-system.sh [extra-package ...]
set -euo pipefail

packages=(espeak-ng ffmpeg python3-venv "$@")
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# python3-venv is only needed when the python3 on PATH cannot make a venv by itself.
if python3 -c 'import ensurepip, venv' 2>/dev/null; then
  missing=("${missing[@]/python3-venv}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Cần quyền root để cài: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "Cài gói hệ thống: ${missing[*]}"
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
