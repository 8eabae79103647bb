"""Scoring the engine against a gold JSONL file (format and rules: shared gold/README.md).

* A suggestion finds a gold claim when their contents overlap with character Jaccard >= 0.5,
  both trimmed of surrounding whitespace, punctuation and quote marks and of a leading
  "that"/"whether"/"if", which are boundary-neutral like punctuation ("exact": identical after
  trimming). A split quote is compared on the union of its fragments' characters (gold
  ``content_fragments``, a suggestion's ``fragments``). Pairs are matched one to one, best first
  (:mod:`kernel.matching`, shared with annotator agreement).
* Recall is also reported per cue category of the gold claim (:mod:`annotate.cues`), and
  precision per cue category of the suggestion.
* Optional gold claims are neither required (no false negative when missed) nor false positives
  when proposed.
* Speaker, role, date and stance are scored on matched claims where the gold field is not null:
  speakers by surname ("Meloni's office" and "a Meloni spokesperson" count as Meloni; "Chile's
  Foreign Ministry" is the ministry, like "Chilean Foreign Ministry"), roles as the same post
  (:func:`roles_match`: "Italian Defense Minister" = "Italy's defence minister" = "defence
  minister", never "French defence minister" nor "former defence minister"), dates exactly.
  A gold speaker that is a bare pronoun ("he", as PolNeAR writes unresolved sources) is not scored:
  the gold does not say who it is. "role as written" is the stricter figure beside the role's:
  the role exactly as the gold writes it, case and spacing aside.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

from kernel import ClaimDraft
# The matching itself lives in kernel.matching (annotator agreement and adjudication use it too);
# trim and jaccard_pieces stay importable from here.
from kernel.matching import EXACT, PARTIAL, Pieces, jaccard_pieces, match_pieces, pieces, trim  # noqa: F401

from .cues import CATEGORIES, cue_category
from .suggestion import TopicSpec

FIELDS = ("speaker", "role", "date", "stance")
NO_CUE = "(no cue)"  # suggestions without a cue, in the precision table
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us",
                      "me", "who", "which", "his", "their", "its", "our"})


def gold_pieces(text: str, claim: dict) -> Pieces:
    return pieces(text, claim.get("content_fragments") or [claim["content"]])


def suggestion_pieces(text: str, s: ClaimDraft) -> Pieces:
    frags = getattr(s, "fragments", ()) or (s.content,)
    return pieces(text, [(f.start, f.end) for f in frags])


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union else 0.0


# What a person's possessive names when it speaks for them: "Meloni's office" is Meloni. Any other
# possessed noun is a body of its own: "Chile's Foreign Ministry" is the ministry, not Chile.
_SPEAKS_FOR_OWNER = frozenset("""office spokesperson spokesman spokeswoman spokespeople aide aides
campaign team press lawyer lawyers attorney attorneys representative representatives staff
administration government cabinet camp""".split())


_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople"})


_ONE_OF = re.compile(r"^\s*(?:one|two|three|some|several|many|most|all|each|none|either|neither|both)\s+of\s+"
                     r"(?:(?:the|those|these)\b\s*)?(?=\S)(?!them\b)", re.IGNORECASE)
_SEAT = re.compile(r"(?<=[a-z])\s+in\s+(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*$")


# what an unnamed source's description adds after its head noun when it names no body:
# "one EU official familiar with the talks", "an adviser to the prime minister", "Senators from both
# parties" are an official, an adviser, senators ("a spokesperson for the Commission", "analysts at
# Berenberg" keep the body they name)
# ("a European diplomat involved in preparing the COP31 talks": what the source does, tried first so
# that "Two Mexican officials involved in the negotiations" are officials, not "involved")
_AFTER_HEAD = re.compile(r"^((?:\S+\s+)*?\S*[a-z])\s+(?:involved|engaged|working|taking part)\s+(?:in|on|with)\s+.*$"
                         r"|^((?:\S+\s+)*?\S*[a-z])\s+(?:familiar with|close to|briefed on|with knowledge of|"
                         r"to|from|of|with|for|at|on|who|in)\s+[^A-Z]*$")


# a word for the kind of body written after its capitalised name ("Ifo institute", "Georgian Dream party")
_KIND = re.compile(r"(\b[A-Z][\w.+-]*|\b[a-z]+\.[\w.]+)\s+(?:party|union|institute|foundation|movement|alliance)$")


def surname(name: str | None) -> str:
    if not name:
        return ""
    name = _SEAT.sub("", name)  # "a senior EU diplomat in Brussels" is a diplomat: a place is no speaker
    name = _ONE_OF.sub("", name)  # "one of the diplomats" is one of the group: the group is the speaker
    cut = _AFTER_HEAD.sub(lambda m: m.group(1) or m.group(2), name)
    if "'" not in cut and "\u2019" not in cut and cut.split()[-1].lower() not in _SPOKES:
        name = cut  # (a spokesperson speaks for the body named after it; "people familiar with the
        # coalition's discussions" are people: the possessive is in what the cut leaves out)
    name = _KIND.sub(r"\1", name)  # "the Freedom and Direct Democracy party" is that party's name
    owner, *rest = re.split(r"['\u2019]s\b|(?<=s)['\u2019](?=\s)", name, maxsplit=1)  # "Vlachos’ office" too
    owned = re.findall(r"[\w.-]+", rest[0].lower()) if rest else []
    name = owner if not owned or owned[-1] in _SPEAKS_FOR_OWNER else rest[0]
    words = re.findall(r"[\w.-]+", name.lower())
    if len(words) > 1 and words[-1] in _SPOKES:  # "a Commission spokesperson" speaks for the Commission,
        words = words[:-1]  # as "the Commission's spokesperson" does
    return words[-1].strip(".") if words else ""


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


# British and American spellings of the same word in a title
_SPELLING = {"defence": "defense", "labour": "labor", "organisation": "organization",
             "programme": "program", "centre": "center",  # and titles abbreviated ("Sen." = "Senator")
             "sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general",
             "lt.": "lieutenant", "col.": "colonel", "pres.": "president", "amb.": "ambassador"}
# bodies of several countries that qualify a post as a country does ("EU Trade Commissioner")
_POLITIES = {"eu": "european union", "european union": "european union", "european": "european union",
             "un": "united nations", "u.n.": "united nations", "united nations": "united nations"}


def _qualifier(words: list[str]) -> str | None:
    """The country or polity ``words`` (as written) name, canonical: "Italian", "Italy" -> "italy"."""
    text = " ".join(words)
    if text.lower() in _POLITIES:
        return _POLITIES[text.lower()]
    from .affiliation import country_of  # countryinfo's names and demonyms, loaded once
    country = country_of(text)
    return country.lower() if country else None


def role_parts(role: str, speakers: tuple[str | None, ...] = ()) -> tuple[frozenset[str], str]:
    """(qualifiers, post) of a role: "France's agriculture minister" -> ({"france"}, "agriculture
    minister"), "Italian Defense Minister" -> ({"italy"}, "defense minister"), "Amnesty
    International's Kenya director" -> ({"amnesty international", "kenya"}, "director"), "EU Trade
    Commissioner" -> ({"european union"}, "trade commissioner"), "Commission spokesperson" said by
    the European Commission -> ({"commission"}, "spokesperson"). A qualifier says whose post it is:
    a possessive owner ("X's", "Greens'"), a leading country, demonym or polity, an acronym ("ELN",
    "WHO"), words of the speaker's own name, or the named body the post is held at ("economist at
    Marmara Yatırım"); the post is lower-cased with one spelling per word and hyphens as spaces."""
    text = " ".join(role.replace("\u2019", "'").split())
    # a body's initials in brackets restate its name: "Trades Union Congress (TUC)" is that congress
    text = " ".join(re.sub(r"\s*\((?:[A-Z][A-Za-z]{0,3}){1,3}\)", "", text).split()) or text
    qualifiers: set[str] = set()
    at = re.match(r"^(.+?)\s+(?:at|with)\s+(?:the\s+)?([A-Z].*)$", text)
    if at:  # "economist at Marmara Yatırım": where the post is held says whose it is, as "Marmara's" would
        text = at.group(1)
        qualifiers.add(at.group(2).lower())
    m = re.match(r"^(?:the\s+)?(.+?)(?:'s|s')\s+(.+)$", text, flags=re.IGNORECASE)
    if m and not re.search(r"\s(?:of|at|for|in|with)\s", m.group(1)):
        owner, text = m.group(1) + ("s" if m.group(0)[m.end(1):].startswith("s'") else ""), m.group(2)
        qualifiers.add(_qualifier(owner.split()) or owner.lower())
    words = text.split()
    if words and words[0].lower() == "the":
        words.pop(0)
    own = {w.lower() for spk in speakers if spk for w in re.findall(r"[\w.-]+", spk) if w[:1].isupper()}
    while len(words) > 1:
        n = next((n for n in (3, 2, 1) if len(words) > n and words[0][:1].isupper() and _qualifier(words[:n])), 0)
        if n:  # "United States", "European Union", "U.S.", "German", "Kenya"
            qualifiers.add(_qualifier(words[:n]))
            words = words[n:]
        elif re.fullmatch(r"(?:[A-Z]\.?){2,6}", words[0]) or words[0][:1].isupper() and words[0].lower() in own:
            qualifiers.add(words.pop(0).lower())  # "ELN commander", "Commission spokesperson"
        else:
            break
    post = re.sub(r"[-\u2010\u2011\u2013]", " ", " ".join(words).lower())
    post = " ".join(_SPELLING.get(w, w) for w in re.findall(r"[\w.&']+", post) if w != "the")
    # "Minister of Economic Affairs" is the economic affairs minister: a cabinet post written either way
    # (not "Secretary of State", another post than a state secretary)
    turned = re.fullmatch(r"(minister|secretary|commissioner) (?:of|for) ((?:[a-z.&']+ ?){1,4})", post)
    if turned and turned.group(2).strip() != "state":
        post = f"{turned.group(2).strip()} {turned.group(1)}"
    return frozenset(qualifiers), post


def roles_match(gold: str | None, predicted: str | None, speakers: tuple[str | None, ...] = ()) -> bool:
    """The same post for a fact-checker: equal after case and spelling, and whose post it is
    ("France's", "French", "EU", the speaker's own body) may be written on one side only or more
    fully on one side; what both sides write must agree ("German Foreign Minister" is not "French
    foreign minister"). Any other word counts: "former defence minister", "deputy foreign
    minister" are other posts."""
    if _norm(gold) == _norm(predicted):
        return True
    if not gold or not predicted:
        return False
    (gq, gp), (pq, pp) = role_parts(gold, speakers), role_parts(predicted, speakers)
    return gp == pp and bool(gp) and (gq <= pq or pq <= gq)


def _same_acronym(a: str | None, b: str | None) -> bool:
    """"The IMF" and "International Monetary Fund", "ECB" and "the European Central Bank": one
    side is the other's initials (the same body, named in full or by its acronym)."""
    from .speakers import _abbreviates

    a, b = (re.sub(r"^(?:the|a|an)\s+", "", (x or "").strip(), flags=re.IGNORECASE) for x in (a, b))
    for short, full in ((a, b), (b, a)):
        letters = short.replace(".", "")
        if letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 8 and " " in full and (
                _abbreviates(letters, full)):
            return True
        if letters.isalpha() and letters[:1].isupper() and 3 <= len(letters) <= 8 and len(full.split()) >= 3 and (
                set(full.lower().split()) & {"of", "for", "and", "on"}) and (  # (a body's name, not a person's)
                _abbreviates(letters.upper(), full)):  # "Numsa", "Nersa": an acronym said as a word
            return True
    return False


def field_matches(field: str, gold, predicted: ClaimDraft, gold_speaker: str | None = None) -> bool:
    if field == "speaker":
        return surname(gold) == surname(predicted.speaker) or _same_acronym(gold, predicted.speaker)
    if field == "role":
        return roles_match(gold, predicted.role, (gold_speaker, predicted.speaker))
    if field == "date":
        return predicted.date is not None and predicted.date.isoformat() == gold
    return gold == predicted.stance


def match(text: str, gold: list[dict], suggested: list[ClaimDraft], threshold: float):
    """One-to-one (gold index, suggestion index) pairs with Jaccard >= threshold, best first."""
    return match_pieces([gold_pieces(text, g) for g in gold],
                        [suggestion_pieces(text, s) for s in suggested], threshold)


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn}


class GoldFormatError(Exception):
    """The gold file cannot be read; the message says which line and why."""


def load_gold(gold_path) -> list[dict]:
    path = Path(gold_path)
    try:
        return [item for _, item in iter_gold(path)]
    except OSError as exc:
        raise GoldFormatError(f"Cannot read the gold file {path.name}: {exc.strerror or exc}.") from exc


def iter_gold(gold_path) -> Iterator[tuple[int, dict]]:
    """(line number, article) for each article of a gold JSONL file, read as a stream; a line that
    cannot be used stops it with a GoldFormatError naming the file and line (OSError as it comes)."""
    path = Path(gold_path)
    offset = 0  # bytes before the line, for where a file stops being UTF-8
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise GoldFormatError(
                    f"The gold file {path.name} is not UTF-8 text (byte {offset + exc.start + 1}).") from exc
            offset += len(raw)
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except (ValueError, RecursionError) as exc:
                raise GoldFormatError(
                    f"Line {number} of {path.name} is not a gold article (a JSON object with "
                    f"'text' and 'claims'): {exc}.") from exc
            problem = gold_problem(item)
            if problem:
                raise GoldFormatError(f"Line {number} of {path.name} is not a usable gold article: {problem}.")
            yield number, item


def gold_problem(item) -> str | None:
    """What makes ``item`` (one parsed line of a gold file) unusable, or None: the text must be
    real text, and every claim's content and fragments offsets inside it, start before end."""
    if not isinstance(item, dict) or not isinstance(item.get("text"), str) \
            or not isinstance(item.get("claims"), list):
        return "it must be a JSON object with 'text' (text) and 'claims' (a list)"
    text = item["text"]
    bad = next((i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"), None)
    if bad is not None:
        return (f"its text holds a lone UTF-16 surrogate (\\u{ord(text[bad]):04x}) at character {bad}, "
                "which is not a character: the file is damaged")
    for k, claim in enumerate(item["claims"], 1):
        if not isinstance(claim, dict):
            return f"claim {k} is not a JSON object"
        spans = [claim.get("content")] + list(claim.get("content_fragments") or [])
        for span in spans:
            if not (isinstance(span, list) and len(span) == 2
                    and all(isinstance(x, int) and not isinstance(x, bool) for x in span)
                    and 0 <= span[0] < span[1] <= len(text)):
                return (f"claim {k}'s content {json.dumps(span)[:40]} is not [start, end] character "
                        f"offsets with start before end, inside the text ({len(text)} characters)")
    return None


def gold_topics(items: list[dict]) -> list[TopicSpec]:
    names = sorted({c["topic"] for item in items for c in item["claims"] if c.get("topic")})
    return [TopicSpec(name) for name in names]


def evaluate(gold_path, engine) -> dict:
    """Run ``engine`` on every gold text and score it; the dict ``quotedesk eval`` prints."""
    items = load_gold(gold_path)
    inputs = [(it["text"], dt.date.fromisoformat(it["published"]) if it.get("published") else None)
              for it in items]
    return score(items, engine.suggest_many(inputs), f"{engine.model_name} {engine.model_version}")


def score(items: list[dict], suggestions, model: str) -> dict:
    """Score one list of suggestions per gold item (in order)."""
    counts = {"partial": [0, 0, 0], "exact": [0, 0, 0]}
    by_cue = {c: [0, 0] for c in CATEGORIES}  # gold category -> [found, total]
    by_sugg = {c: [0, 0] for c in CATEGORIES + (NO_CUE,)}  # suggestion category -> [right, proposed]
    fields = {f: [0, 0] for f in FIELDS + ("kind", "role_as_written")}
    n_sugg = n_gold = 0
    for item, suggested in zip(items, suggestions):
        gold = item["claims"]
        n_sugg += len(suggested)
        n_gold += sum(1 for g in gold if not g.get("optional"))
        for mode, threshold in (("partial", PARTIAL), ("exact", EXACT)):
            pairs = match(item["text"], gold, suggested, threshold)
            matched_g = {gi for gi, _ in pairs}
            matched_s = {si for _, si in pairs}
            tp = sum(1 for gi in matched_g if not gold[gi].get("optional"))
            fn = sum(1 for gi, g in enumerate(gold) if not g.get("optional") and gi not in matched_g)
            fp = len(suggested) - len(matched_s)
            c = counts[mode]
            c[0], c[1], c[2] = c[0] + tp, c[1] + fp, c[2] + fn
            if mode != "partial":
                continue
            for gi, g in enumerate(gold):
                if not g.get("optional"):
                    cat = by_cue[cue_category(g.get("cue"))]
                    cat[0] += int(gi in matched_g)
                    cat[1] += 1
            for si, sug in enumerate(suggested):
                cat = by_sugg[cue_category(sug.cue.text) if sug.cue is not None else NO_CUE]
                cat[0] += int(si in matched_s)
                cat[1] += 1
            for gi, si in pairs:
                for f in FIELDS + ("kind",):
                    if f == "speaker" and (gold[gi].get(f) or "").lower() in PRONOUNS:
                        continue
                    if gold[gi].get(f) is not None:
                        ok = (gold[gi]["kind"] == suggested[si].kind if f == "kind"
                              else field_matches(f, gold[gi][f], suggested[si], gold[gi].get("speaker")))
                        fields[f][0] += int(ok)
                        fields[f][1] += 1
                    if f == "role" and gold[gi].get(f) is not None:  # the stricter figure, beside the post's
                        fields["role_as_written"][0] += int(_norm(gold[gi][f]) == _norm(suggested[si].role))
                        fields["role_as_written"][1] += 1
    return {
        "model": model,
        "articles": len(items), "gold_claims": n_gold, "suggestions": n_sugg,
        "content_partial": _prf(*counts["partial"]),
        "content_exact": _prf(*counts["exact"]),
        **{f: {"accuracy": round(ok / n, 4) if n else None, "n": n} for f, (ok, n) in fields.items()},
        "recall_by_cue": {c: {"recall": round(ok / n, 4) if n else None, "n": n}
                          for c, (ok, n) in by_cue.items()},
        "precision_by_cue": {c: {"precision": round(ok / n, 4) if n else None, "n": n}
                             for c, (ok, n) in by_sugg.items()},
    }


def format_report(metrics: dict) -> str:
    lines = [f"model: {metrics['model']}   articles: {metrics['articles']}   "
             f"gold claims: {metrics['gold_claims']}   suggestions: {metrics['suggestions']}", "",
             f"{'content':<18}{'precision':>10}{'recall':>10}{'F1':>10}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for key, label in (("content_partial", "partial (J>=0.5)"), ("content_exact", "exact")):
        m = metrics[key]
        lines.append(f"{label:<18}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>10.3f}"
                     f"{m['tp']:>6}{m['fp']:>6}{m['fn']:>6}")
    lines += ["", f"{'on matched claims':<18}{'accuracy':>10}{'n':>6}"]
    for f in FIELDS + ("kind", "role_as_written"):
        m = metrics.get(f)
        if m is None:
            continue
        acc = "-" if m["accuracy"] is None else f"{m['accuracy']:.3f}"
        lines.append(f"{f.replace('_', ' '):<18}{acc:>10}{m['n']:>6}")
    if "recall_by_cue" in metrics:
        lines += ["", f"{'by cue category':<18}{'recall':>10}{'n':>6}{'precision':>12}{'n':>6}"]
        for c in CATEGORIES + (NO_CUE,):
            r = metrics["recall_by_cue"].get(c, {"recall": None, "n": 0})
            p = metrics["precision_by_cue"][c]
            if not r["n"] and not p["n"]:
                continue
            rv = "-" if r["recall"] is None else f"{r['recall']:.3f}"
            pv = "-" if p["precision"] is None else f"{p['precision']:.3f}"
            lines.append(f"{c:<18}{rv:>10}{r['n']:>6}{pv:>12}{p['n']:>6}")
    return "\n".join(lines)
