#!/bin/bash
# A team's day, driven with real keys (xdotool) as the people would: a lead turns blind annotation on
# and assigns every article round-robin to two annotators; ana, then ben, work through their queues
# blind (accept, reject, a stance, Finished, next); the lead looks at the agreement and adjudicates.
# Screenshots of the queue, the agreement view and the adjudication view (1600x1000).
#   Xvfb :16 -screen 0 1600x1000x24 & DISPLAY=:16 openbox &
#   DISPLAY=:16 docs/screenshots/team_screenshots.sh [python]
# Needs xdotool and ImageMagick. Each person has their own config directory (their own machine);
# the project is a fresh file with the seed articles and tests/annotate/data/dev_blind.jsonl,
# given suggestions by the command line first.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=docs/screenshots
PY=${1:-python3}
TMP=$(mktemp -d)
APP=""
trap '[ -z "$APP" ] || kill $APP 2>/dev/null || true; rm -rf "$TMP"' EXIT
export QUOTEDESK_DATA_DIR=$TMP/data
PROJECT=$TMP/team.quotedesk
"$PY" -m desktop --db "$PROJECT" import resources/seeds tests/annotate/data/dev_blind.jsonl > /dev/null
"$PY" -m desktop --db "$PROJECT" suggest > /dev/null

WIN=""
start() {  # start <name>: the window as that person, on their own settings
    mkdir -p "$TMP/$1/Quotedesk"
    printf '[annotator]\nname=%s\n' "$1" > "$TMP/$1/Quotedesk/Quotedesk.conf"
    XDG_CONFIG_HOME=$TMP/$1 "$PY" -m desktop --db "$PROJECT" > "$TMP/$1.log" 2>&1 &
    APP=$!
    WIN=$(xdotool search --sync --name " – Quotedesk" | tail -1)
    sleep 3
    xdotool windowactivate --sync "$WIN"; xdotool windowmove "$WIN" 0 0; xdotool windowsize "$WIN" 1600 1000
    sleep 8                                         # the model loads in its helper process
}
stop() { xdotool key ctrl+q; wait $APP 2>/dev/null || true; APP=""; }
shot() { sleep 1; import -window root "$OUT/$1.png"; echo "saved $OUT/$1.png"; }
keys() { for k in "$@"; do xdotool key "$k"; sleep 0.5; done; }

# the lead: blind annotation on (asked first), then Team > Assign articles: ana and ben, 2 per article
start lea
keys alt+m b; sleep 1; keys alt+y; sleep 1
keys alt+m a; sleep 2
keys alt+n; xdotool type --delay 60 ana; keys Return; xdotool type --delay 60 ben; keys Return
keys alt+l; sleep 0.5; shot team_assign_dialog
keys alt+a; sleep 3
stop

# ana: her queue, the first article blind: accept, reject, a stance; finished; the next one
start ana
keys ctrl+shift+q; sleep 1
keys ctrl+shift+Next; sleep 1
keys a a r a 2 a a r a a a a; sleep 0.5
keys ctrl+Return ctrl+shift+Next; sleep 1
keys a r r a 1 a a a; sleep 1
keys ctrl+Return ctrl+shift+Next; sleep 1
keys a a a; sleep 1
shot team_queue
stop

# ben: the same articles, his own decisions
start ben
keys ctrl+shift+q; sleep 1
keys ctrl+shift+Next; sleep 1
keys a r a a 1 a r a a a r a; sleep 0.5
keys ctrl+Return ctrl+shift+Next; sleep 1
keys a a r a 2 r a a a; sleep 0.5
keys ctrl+Return; sleep 1
stop

# the lead: agreement, then adjudication: 1 takes ana's version, X: no claim, 2 ben's; K back to a settled one
start lea
keys ctrl+shift+g; sleep 6
shot team_agreement
keys ctrl+shift+j; sleep 5
ADJ=$(xdotool search --name "Adjudication – Quotedesk" | tail -1)
xdotool windowactivate --sync "$ADJ"; xdotool windowmove "$ADJ" 0 0; xdotool windowsize "$ADJ" 1600 1000; sleep 2
shot team_adjudication
keys 1; sleep 2; keys x; sleep 2; keys 2; sleep 2; keys k; sleep 2
shot team_adjudication_settled
xdotool key Escape; sleep 1
xdotool windowactivate --sync "$WIN"
stop
