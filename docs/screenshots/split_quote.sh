#!/bin/bash
# Screenshot of a split quote ("A," he told reporters, "B.") made one claim in the window, under Xvfb:
#   xvfb-run -s "-screen 0 1440x900x24" docs/screenshots/split_quote.sh
# Needs openbox (maximises the window), xdotool and ImageMagick. Builds a small project in a temporary
# folder, clicks the first half of the quote, drags over the second half and presses F (add to the
# claim), accepts it (A) and clicks the second half: both fragments in the claim's colour, the
# attribution between them plain. Positions are for the default fonts of a Debian/Ubuntu desktop.
set -e
cd "$(dirname "$0")/../.."
OUT=docs/screenshots
TMP=$(mktemp -d)
export QUOTEDESK_DATA_DIR=$TMP/data XDG_DATA_HOME=$TMP/data XDG_CONFIG_HOME=$TMP/config
PY=${PYTHON:-python3}
"$PY" - "$TMP/demo.quotedesk" <<'PYEOF'
import datetime as dt
import sys

from db import ClaimDraft, NewArticle, Project, Span

TEXT = ("Rome 🇮🇹 — Italy will not send troops to Ukraine without a United Nations mandate, the government said "
        "on Friday.\n\n“Italy is ready to help,” Defence Minister Guido Crosetto told reporters in Brussels on "
        "Thursday, “but only under a UN mandate and together with our European partners.”\n\nPrime Minister "
        "Giorgia Meloni said last week that sending Italian soldiers was “not on the agenda”. 🎉 Opposition "
        "leader Elly Schlein accused the government of ambiguity.")


def sp(needle, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


with Project.open(sys.argv[1]) as p:
    art, _ = p.add_article(NewArticle(text=TEXT, title="Italy ready to help, but only with a UN mandate",
                                      publisher="Wire", published=dt.date(2025, 3, 7)))
    topic = "Italian troops in Ukraine"
    p.save_suggestions(art.id, [
        ClaimDraft(content=sp("Italy will not send troops to Ukraine without a United Nations mandate"),
                   speaker="Italian government", mention=sp("the government"), cue=sp("said"), confidence=0.8),
        ClaimDraft(content=sp("Italy is ready to help,"), speaker="Guido Crosetto", mention=sp("Guido Crosetto"),
                   cue=sp("told"), role="Defence Minister", kind="direct", confidence=0.9,
                   date=dt.date(2025, 3, 6), date_text="on Thursday", stance="favor", topic=topic),
        ClaimDraft(content=sp("sending Italian soldiers was “not on the agenda”"), speaker="Giorgia Meloni",
                   mention=sp("Giorgia Meloni"), cue=sp("said", 1), confidence=0.85, stance="against", topic=topic),
    ])
PYEOF
openbox > /dev/null 2>&1 &
WM=$!
"$PY" -m desktop --db "$TMP/demo.quotedesk" > "$TMP/app.log" 2>&1 &
APP=$!
sleep 6
xdotool type --delay 50 "Ana Fact"; xdotool key Return; sleep 6
xdotool mousemove 575 174 click 1; sleep 0.7                    # the first half: selects the claim
xdotool mousemove 700 600 click 1; sleep 0.3
xdotool mousemove 664 192 mousedown 1 mousemove 780 200 mousemove 656 209 mouseup 1; sleep 0.5
xdotool key f; sleep 1                                          # the dragged second half joins the claim
xdotool key a; sleep 1                                          # accept
xdotool mousemove 800 192 click 1; sleep 0.8                    # the second half selects the same claim
xdotool mousemove 1100 700; sleep 0.5
import -window root "$OUT/split_quote.png"
kill $APP $WM
wait $APP 2>/dev/null || true
rm -rf "$TMP"
