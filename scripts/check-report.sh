#!/usr/bin/env bash
# check-report.sh DIR — opens DIR/report.html in headless Chromium and checks that it renders:
#   1. every <img> in the HTML has a data: URI (nothing can be a broken link);
#   2. a 1280x2000 screenshot is taken (installs Debian's chromium with apt-get if absent);
#   3. the screenshot is a PNG of that size and is not blank (many distinct scanlines).
# Exit 0 when all hold; prints the screenshot path. Writes DIR/report-screenshot.png.
set -euo pipefail
dir="${1:?usage: check-report.sh STUDY_DIR}"
html="$(cd "$dir" && pwd)/report.html"
[[ -f "$html" ]] || { echo "check-report: no $html" >&2; exit 1; }

py=/usr/bin/python3
[[ -x "$py" ]] || py=python3

"$py" - "$html" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
imgs = re.findall(r"<img\b[^>]*>", text, flags=re.I)
bad = [i[:80] for i in imgs if not re.search(r'\bsrc="data:image/(png|svg\+xml)[;,]', i)]
if not imgs:
    sys.exit("check-report: report.html has no <img>")
if bad:
    sys.exit("check-report: <img> without a data: URI: %s" % bad)
if re.search(r'<(script|link)\b', text, flags=re.I):
    sys.exit("check-report: report.html loads external resources")
print("check-report: %d images, all data: URIs" % len(imgs))
PY

browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "check-report: installing chromium (Debian package)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }
  browser="$(command -v chromium)"
fi

shot="$(cd "$dir" && pwd)/report-screenshot.png"
rm -f "$shot"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --screenshot="$shot" --window-size=1280,2000 "file://$html" >/dev/null 2>&1 || true
[[ -s "$shot" ]] || { echo "check-report: chromium wrote no screenshot" >&2; exit 1; }

"$py" - "$shot" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("check-report: screenshot is not a PNG")
pos, idat, w, h, ct, depth = 8, b"", 0, 0, 0, 8
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ct = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ct, 4)
stride = 1 + w * channels * depth // 8
rows = {raw[i:i + stride] for i in range(0, len(raw), stride)}
if (w, h) != (1280, 2000):
    sys.exit("check-report: screenshot is %dx%d, expected 1280x2000" % (w, h))
if len(rows) < 50:
    sys.exit("check-report: screenshot looks blank (%d distinct rows)" % len(rows))
print("check-report: screenshot %dx%d, %d distinct rows: rendered" % (w, h, len(rows)))
PY
echo "$shot"
