#!/usr/bin/env bash
# Install the Debian tools the test suite drives: Raptor's rapper (an independent RDF
# parser), Rasqal's roqet (an independent SPARQL engine), headless Chromium with its
# driver, fonts with Arabic glyphs, and Virtuoso (a SPARQL server `rawabit push` is tested
# against). Tests that need one of them skip without it.
set -euo pipefail
PKGS=(raptor2-utils rasqal-utils chromium chromium-driver fonts-noto-core virtuoso-opensource)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "note: not installing ${missing[*]} (needs root and apt-get); the tests that use them will skip" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
