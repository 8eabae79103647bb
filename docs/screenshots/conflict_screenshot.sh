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
trap cleanup EXIT INT TERM
export PYTHONPATH=$PWD DISPLAY=:$NUM
Xvfb ":$NUM" -screen 0 2560x1100x24 -nolisten tcp > "$TMP/xvfb.log" 2>&1 & PIDS+=($!)
sleep 1
openbox > "$TMP/openbox.log" 2>&1 & PIDS+=($!)
sleep 1

DB=$TMP/shared.quotedesk
"$PY" - "$DB" <<'EOF'
import sys
from pathlib import Path
from db import ClaimDraft, NewArticle, Project, Span
seed = sorted(Path("resources/seeds").glob("*.txt"))[0].read_text()
with Project.open(sys.argv[1]) as p:
    art, _ = p.add_article(NewArticle(text=seed, title="Italy ready to send peacekeepers to Ukraine, Crosetto says"))
    quote = "We are willing to play this role"
    start = seed.index(quote) if quote in seed else 0
    end = start + (len(quote) if quote in seed else 60)
    p.save_suggestions(art.id, [ClaimDraft(content=Span(start, end, seed[start:end]), speaker="Guido Crosetto")])
EOF

start_app() {  # name, x position: sets WIN to the new process's main window
    mkdir -p "$TMP/$1/config"
    local before now
    before=$(xdotool search --onlyvisible --name "Quotedesk" 2>/dev/null | sort || true)
    QUOTEDESK_DATA_DIR=$TMP/$1 XDG_CONFIG_HOME=$TMP/$1/config "$PY" -m desktop --db "$DB" > "$TMP/$1.log" 2>&1 &
    PIDS+=($!)
    sleep 6
    xdotool type --delay 40 "$1"; xdotool key Return       # the first start asks for the annotator's name
    WIN=
    for _ in $(seq 60); do
        now=$(xdotool search --onlyvisible --name "shared – Quotedesk" 2>/dev/null | sort || true)
        WIN=$(comm -13 <(echo "$before") <(echo "$now") | grep . | tail -1 || true)
        [ -n "$WIN" ] && break
        sleep 1
    done
    xdotool windowsize "$WIN" 1270 1060 windowmove "$WIN" "$2" 0
}
start_app Ana 0; ANA=$WIN
start_app Ben 1285; BEN=$WIN
sleep 8                                                    # both models load in the background

select_claim() {  # window: the first suggestion selected, the keyboard in the article text
    xdotool windowactivate --sync "$1"; sleep 0.5
    xdotool mousemove --window "$1" 400 400 click 1; sleep 0.3
    xdotool key j; sleep 0.5
}
select_claim "$ANA"
select_claim "$BEN"
xdotool key alt+n; xdotool type --delay 30 "Date comes from the press release, not the article."
# Switching windows saves Ben's note (his box loses focus). Ana starts typing at once, before
# her window has polled: her edit is based on the version she saw, and it stays hers while
# Ben's note arrives in her window.
xdotool windowactivate --sync "$ANA"; xdotool key alt+n
xdotool type --delay 30 "Quote checked against the ministry's video."
sleep 2.5
xdotool key Tab; sleep 2                                   # Ana leaves her box: stale version -> dialog
import -window root "$OUT/conflict_two_windows.png"
DLG=$(xdotool search --onlyvisible --name "changed this claim too" | tail -1)
[ -n "$DLG" ] || { echo "no conflict dialog appeared" >&2; exit 1; }
import -window "$DLG" "$OUT/conflict_dialog.png"
