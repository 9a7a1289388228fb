#!/bin/sh
# Install the pinned chart and graph libraries from npm and copy their minified
# builds into ../static/vendor/, so the web app ships them and never needs a CDN.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
vendor="$here/../static/vendor"
cd "$here"
npm ci --no-audit --no-fund
mkdir -p "$vendor"
cp node_modules/vega/build/vega.min.js "$vendor/vega.min.js"
cp node_modules/cytoscape/dist/cytoscape.min.js "$vendor/cytoscape.min.js"
for package in vega cytoscape; do
  cp "node_modules/$package/LICENSE" "$vendor/$package.LICENSE"
done
echo "vendor files written to $vendor"
