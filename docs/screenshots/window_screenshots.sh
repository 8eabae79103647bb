#!/bin/bash
# Screenshots of the main window under Xvfb, driven with real key presses (xdotool):
#   xvfb-run -s "-screen 0 1600x1000x24" docs/screenshots/window_screenshots.sh
# Needs xdotool and ImageMagick. Uses a fresh data and config directory, so the
# first start asks for the annotator's name and seeds the default project.
set -e
cd "$(dirname "$0")/../.."
OUT=docs/screenshots
TMP=$(mktemp -d)
export QUOTEDESK_DATA_DIR=$TMP/data XDG_CONFIG_HOME=$TMP/config
python3 -m desktop > "$TMP/app.log" 2>&1 &
APP=$!
shot() { import -window root -crop 1440x900+0+0 +repage "$OUT/$1.png"; }
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
rm -rf "$TMP"
