#!/bin/bash
# Two annotators, two windows, one claim: the conflict dialog, driven with real key presses.
#   docs/screenshots/conflict_screenshot.sh [DISPLAY_NUMBER]     (default 12)
# Starts its own Xvfb and openbox on that display and stops everything it started on exit.
# Needs Xvfb, openbox, xdotool and ImageMagick. Writes docs/screenshots/conflict_dialog.png
# (the dialog) and conflict_two_windows.png (the whole screen).
set -e
cd "$(dirname "$0")/../.."
OUT=$PWD/docs/screenshots
PY=${PYTHON:-python3}
NUM=${1:-12}
TMP=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
export PYTHONPATH=$PWD DISPLAY=:$NUM
Xvfb ":$NUM" -screen 0 2560x1100x24 -nolisten tcp > "$TMP/xvfb.log" 2>&1 & PIDS+=($!)
sleep 1
openbox > "$TMP/openbox.log" 2>&1 & PIDS+=($!)
sleep 1

DB=$TMP/shared.quotedesk
"$PY" - "$DB" <<'EOF'
import sys
from pathlib import Path
from db import NewArticle, NewClaim, Project, Span
seed = sorted(Path("resources/seeds").glob("*.txt"))[0].read_text()
with Project.open(sys.argv[1]) as p:
    art, _ = p.add_article(NewArticle(text=seed, title="Italy ready to send peacekeepers to Ukraine, Crosetto says"))
    quote = "Italy is ready to do its part"
    start = seed.index(quote) if quote in seed else 0
    end = start + (len(quote) if quote in seed else 60)
    p.save_suggestions(art.id, [NewClaim(content=Span(start, end, seed[start:end]), speaker="Guido Crosetto")])
EOF

start_app() {  # name, x position
    mkdir -p "$TMP/$1/config"
    QUOTEDESK_DATA_DIR=$TMP/$1 XDG_CONFIG_HOME=$TMP/$1/config "$PY" -m desktop --db "$DB" > "$TMP/$1.log" 2>&1 &
    PIDS+=($!)
    sleep 6
    xdotool type --delay 40 "$1"; xdotool key Return       # the first start asks for the annotator's name
    WIN=$(xdotool search --sync --name "shared – Quotedesk" | tail -1)
    xdotool windowsize "$WIN" 1270 1060 windowmove "$WIN" "$2" 0
    echo "$WIN"
}
ANA=$(start_app Ana 0)
BEN=$(start_app Ben 1285)
sleep 8                                                    # both models load in the background

type_note() {  # window, text: select the first claim, then type into its note without leaving it
    xdotool windowactivate --sync "$1"; sleep 0.5
    xdotool key --window "$1" j; sleep 0.5
    xdotool key alt+n; sleep 0.3
    xdotool type --delay 30 "$2"
}
type_note "$ANA" "Quote checked against the ministry's video."
type_note "$BEN" "Date comes from the press release, not the article."
xdotool key Tab; sleep 2.5                                 # Ben leaves the box: saved; Ana's window sees it
xdotool windowactivate --sync "$ANA"; sleep 0.5
xdotool key Tab; sleep 2                                   # Ana leaves hers: her version is stale -> dialog
import -window root "$OUT/conflict_two_windows.png"
DLG=$(xdotool search --name "changed this claim too" | tail -1)
import -window "$DLG" "$OUT/conflict_dialog.png"
