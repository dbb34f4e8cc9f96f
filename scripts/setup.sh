#!/usr/bin/env bash
# Install everything the tool needs on a fresh Debian/Ubuntu machine with Python 3.11.
# Debian packages (Apertium fr→es→en, Chromium for the browser test) are installed where
# apt is available; without apt the tool still runs, with machine translation unavailable.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_PACKAGES="apertium apertium-fr-es apertium-eng-spa chromium chromium-driver hunspell-fr hunspell-en-us hunspell-en-gb hunspell-en-ca python3-grammalecte"
  if ! $SUDO apt-get install -y -q $DEBIAN_PACKAGES >/dev/null 2>&1; then
    $SUDO apt-get update -q >/dev/null 2>&1 || true
    $SUDO apt-get install -y -q $DEBIAN_PACKAGES >/dev/null 2>&1 \
      || echo "warning: could not install Debian packages ($DEBIAN_PACKAGES); Apertium MT, the grammar check and the browser test will be unavailable, PDF/XLIFF word tests use simplemma only" >&2
  fi
else
  echo "warning: apt-get not found; install Apertium (apertium, apertium-fr-es, apertium-eng-spa) by hand for rule-based MT" >&2
fi

# torch first, pinned to the CPU build, so that nothing below pulls a CUDA build.
$PYTHON -m pip install -q torch==2.13.0
$PYTHON -m pip install -q -r requirements.txt
