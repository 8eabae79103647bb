#!/bin/bash
# Screenshots of the main window under Xvfb, driven with real key presses (xdotool):
#   xvfb-run -s "-screen 0 1600x1000x24" docs/screenshots/window_screenshots.sh
# Needs xdotool and ImageMagick, and Quotedesk set up in .venv (scripts/bootstrap); PYTHON=...
# names another interpreter that has it. Uses a fresh data and config directory, so the first
# start asks for the annotator's name and seeds the default project. The pictures are taken into
# a temporary folder and replace the committed ones only when every one shows the running window:
# a failed start never overwrites them with black images.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=docs/screenshots
PY="${PYTHON:-.venv/bin/python}"
fail() { echo "window_screenshots.sh: $*; the screenshots in $OUT were left as they were." >&2; exit 1; }
[ -x "$PY" ] || fail "no $PY: run scripts/bootstrap first (or name a Python with PYTHON=...)"
"$PY" -c "import PySide6, spacy, desktop" 2>/dev/null || fail "$PY cannot import Quotedesk, PySide6 and spaCy"
[ -n "${DISPLAY:-}" ] || fail "no DISPLAY: run it under xvfb-run as shown at the top of this script"
for tool in xdotool import identify; do command -v $tool >/dev/null || fail "$tool is missing (xdotool, imagemagick)"; done
TMP=$(mktemp -d) APP=""
trap '[ -z "$APP" ] || kill $APP 2>/dev/null || true; rm -rf "$TMP"' EXIT
export QUOTEDESK_DATA_DIR=$TMP/data XDG_CONFIG_HOME=$TMP/config
"$PY" -m desktop > "$TMP/app.log" 2>&1 &
APP=$!
shot() {
  kill -0 $APP 2>/dev/null || { cat "$TMP/app.log" >&2; fail "the app stopped before the shot $1"; }
  import -window root -crop 1440x900+0+0 +repage "$TMP/$1.png"
  # A black or blank picture has no variation at all.
  [ "$(identify -format '%[fx:standard_deviation > 0.01]' "$TMP/$1.png")" = 1 ] || fail "the shot $1 came out blank"
}
sleep 5
xdotool type --delay 50 "Ana Fact"; xdotool key Return
sleep 12                                   # model loads in the background, suggestions arrive
shot window_default_project
xdotool mousemove 700 700 click 1; sleep 0.5
xdotool key a; sleep 0.7; xdotool key a; sleep 0.7   # accept two suggestions
xdotool key 2; sleep 0.7; xdotool key r; sleep 0.7   # stance "against", then reject
xdotool mousemove 640 190; sleep 3
shot window_hover
xdotool key question; sleep 1
shot window_help
xdotool key Escape; xdotool key ctrl+l; sleep 2
shot window_claims
kill $APP
mv "$TMP"/window_*.png "$OUT"/
echo "Saved $(cd "$OUT" && ls window_*.png | tr '\n' ' ')"
