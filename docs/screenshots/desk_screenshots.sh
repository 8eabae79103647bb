#!/bin/bash
# The annotator's desk on the default project, driven with real keys (xdotool) as a fact-checker
# would: accept every suggestion of both seed articles, then View > Stance changes and View > Stance
# timeline; window screenshots at 1600x1000 and 1024x700.
#   Xvfb :16 -screen 0 1600x1000x24 & DISPLAY=:16 openbox &
#   DISPLAY=:16 docs/screenshots/desk_screenshots.sh [python]
# Needs xdotool and ImageMagick. Each size starts from a fresh data and config directory, so the
# first start asks for the annotator's name and seeds the default project.
set -e
cd "$(dirname "$0")/../.."
OUT=docs/screenshots
PY=${1:-python3}
for SIZE in 1600x1000 1024x700; do
    W_=${SIZE%x*}; H_=${SIZE#*x}
    TMP=$(mktemp -d)
    QUOTEDESK_DATA_DIR=$TMP/data XDG_CONFIG_HOME=$TMP/config XDG_DATA_HOME=$TMP/share \
        "$PY" -m desktop > "$TMP/app.log" 2>&1 &
    APP=$!
    sleep 6
    xdotool type --delay 40 "Ana Fact"; xdotool key Return
    sleep 4
    WIN=$(xdotool search --name " – Quotedesk" | tail -1)
    xdotool windowactivate --sync "$WIN"; xdotool windowmove "$WIN" 0 0; xdotool windowsize "$WIN" "$W_" "$H_"
    sleep 14                                      # the model loads, suggestions arrive
    shot() { import -window "$WIN" "$OUT/$1_$SIZE.png"; }
    eval "$(xdotool getwindowgeometry --shell "$WIN")"
    xdotool mousemove $((WIDTH / 2)) $((HEIGHT - 40)) click 1; sleep 0.5   # into the text
    for article in 1 2; do
        for i in $(seq 1 14); do xdotool key a; sleep 0.35; done           # accept every suggestion
        [ $article = 1 ] && { xdotool key ctrl+Next; sleep 1; }
    done
    xdotool key k; sleep 1                                                 # select the last claim
    shot desk
    xdotool key alt+v; sleep 0.6; xdotool key Up Return; sleep 2          # View > Stance changes
    shot stance_changes
    xdotool key alt+v; sleep 0.6; xdotool key Up Up Return; sleep 2       # View > Stance timeline
    shot timeline
    kill $APP; wait $APP 2>/dev/null || true
    rm -rf "$TMP"
done
