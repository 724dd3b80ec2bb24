#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages that Quotegraph needs to build, run and
# test, if any is missing. Safe to run again: it installs nothing twice.
set -euo pipefail

packages=(
  # build
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libgraphviz-dev libxml2-dev libicu-dev libfontconfig-dev
  # fuzzing (tests/fuzz): clang and its libFuzzer runtime; memcheck (--setup valgrind)
  clang libclang-rt-14-dev valgrind
  # run: Graphviz's layout and render plugins, fonts, SVG icons
  graphviz fonts-cantarell fonts-dejavu-core librsvg2-common
  # tests: data-file validators, a headless display and session bus, and
  # the references the benchmarks compare against
  desktop-file-utils appstream xvfb xauth dbus dbus-x11 xdotool python3 json-glib-tools
  libxml2-utils shared-mime-info yelp-tools locales
  xdot python3-cairo python3-pyatspi at-spi2-core
  # names-by-ocr: a window manager, screenshots and OCR
  openbox x11-utils imagemagick tesseract-ocr tesseract-ocr-eng
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    sudo=(sudo)
  fi
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends \
    "${missing[@]}"
fi
