"""Cue categories: what kind of word attributes a claim, from the cue's lemma.

Used to measure recall per category (``quotedesk eval``) and by the hybrid engine to decide, per
category, whether the rules or the trained model propose a claim. The categories follow issue 16:
plain speech verbs, other communication verbs, evaluation verbs, documents and polls,
intentions, nominal cues, beliefs, directives and colon cues; anything else is "other".
"""
from __future__ import annotations

import re

CATEGORIES = ("plain", "communication", "evaluation", "document", "intention", "nominal",
              "belief", "directive", "colon", "other")

# Suggestion scopes (a project setting, ``quotedesk suggest/eval --scope``): "all" is PolNeAR's broad
# attribution (intentions, beliefs, evaluations, "plans to"); "statements" is what was said (direct
# quotes and reported speech): the cue categories below (measured on the seeds and PolNeAR dev).
SCOPES = ("all", "statements")
DEFAULT_SCOPE = "all"
STATEMENT_CATEGORIES = frozenset({"plain", "communication", "colon"})

_PLAIN = {"say", "tell"}
_DIRECTIVE = {"urge", "ask", "demand", "order", "request", "encourage", "implore", "beg", "instruct",
              "press", "push", "recommend", "advise", "invite", "appeal", "plead", "exhort", "command",
              "direct", "summon", "petition", "lobby"}
_EVALUATION = {"praise", "accuse", "support", "call", "criticize", "criticise", "blame", "condemn",
               "attack", "applaud", "defend", "endorse", "oppose", "reject", "dismiss", "laud",
               "credit", "label", "brand", "hail", "slam", "blast", "mock", "denounce", "decry",
               "lament", "thank", "tout", "welcome", "favor", "favour", "back", "assail", "challenge",
               "question", "compare", "portray", "characterize", "charge", "prefer", "like", "dislike",
               "celebrate", "congratulate", "fault", "scold", "rebuke", "ridicule", "disparage",
               "insult", "target", "agree", "disagree", "embrace", "champion", "deride", "lambaste",
               "berate", "chide", "commend", "salute", "honor", "excoriate", "castigate", "smear",
               "vilify", "trash", "knock", "rip", "skewer", "bash", "hammer", "needle", "taunt"}
_DOCUMENT = {"show", "find", "indicate", "estimate", "read", "list", "include", "conclude",
             "determine", "project", "rank", "measure", "record", "document", "poll", "survey"}
_INTENTION = {"want", "plan", "expect", "intend", "seek", "aim", "vow", "promise", "pledge",
              "threaten", "try", "decide", "refuse", "decline", "prepare", "wish", "propose", "offer",
              "attempt", "strive", "vote", "hope to", "mean to", "commit", "swear", "resolve",
              "vowing", "need", "would like"}
_BELIEF = {"believe", "think", "hope", "fear", "feel", "know", "worry", "assume", "suspect",
           "doubt", "understand", "see", "view", "consider", "wonder", "realize", "realise",
           "recognize", "recognise", "remember", "trust", "seem", "appear", "look", "sound", "mean",
           "imagine", "guess", "suppose", "convince", "bet", "learn", "figure", "reckon", "sense",
           "perceive", "regard", "deem", "presume", "anticipate", "predict", "forecast"}
_COMMUNICATION = {"announce", "deny", "write", "cite", "describe", "claim", "insist", "warn",
                  "tweet", "add", "note", "report", "suggest", "argue", "explain", "continue",
                  "acknowledge", "declare", "refer", "recall", "respond", "reply", "state", "admit",
                  "confirm", "reveal", "reiterate", "repeat", "assert", "concede", "emphasize",
                  "emphasise", "stress", "point", "mention", "discuss", "talk", "speak", "testify",
                  "joke", "complain", "post", "email", "quote", "publish", "according", "answer",
                  "shout", "chant", "remark", "assure", "remind", "echo", "highlight", "allege",
                  "imply", "comment", "observe", "maintain", "contend", "retweet", "boast", "brag",
                  "clarify", "proclaim", "release", "issue", "express", "raise", "identify",
                  "inform", "notify", "disclose", "share", "caution", "counter", "object",
                  "protest", "tout", "muse", "quip", "scream", "yell", "whisper", "cry", "exclaim",
                  "interject", "broadcast", "text", "message", "blog", "mail", "wire", "relay",
                  "convey", "narrate", "recount", "detail", "outline", "summarize", "elaborate",
                  "specify", "hint", "signal", "concur", "affirm", "attest", "swear", "posit",
                  "theorize", "speculate", "surmise", "acknowledged", "confide", "volunteer",
                  "offer up", "put", "go on", "dispute", "contradict", "correct", "rebut", "retort",
                  "fire back", "push back", "pledge"}
_NOUN = {"allegation", "threat", "doubt", "criticism", "complaint", "concern", "view", "belief",
         "remark", "comment", "warning", "accusation", "assertion", "argument", "suggestion",
         "question", "opposition", "proposal", "speech", "interview", "testimony", "announcement",
         "letter", "memo", "message", "statement", "insistence", "denial", "admission", "rhetoric",
         "idea", "notion", "theory", "decision", "attack", "fear", "hope", "promise", "pledge",
         "demand", "call", "plan", "report", "claim", "charge", "praise", "support", "supporter",
         "critic", "criticism", "opinion", "position", "stance", "assessment", "prediction",
         "estimate", "finding", "conclusion", "insistence", "rumor", "rumour", "speculation",
         "suspicion", "worry", "expectation", "intention", "goal", "vow", "proposition", "message",
         "endorsement", "objection", "response", "reply", "answer", "explanation", "description",
         "account", "version", "narrative", "story", "tweet", "post", "email", "ad", "video",
         "campaign", "agenda", "vision", "policy", "platform", "push", "effort", "bid", "request",
         "order", "ruling", "verdict", "warning", "threat", "poll", "survey", "study", "data"}
_NOMINAL_SUFFIX = re.compile(r"(tion|sion|ment|ism|ance|ence|ity|ness)s?$")
_SKIP = {"has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "also", "later",
         "now", "not", "did", "does", "do", "first", "repeatedly", "widely", "to", "will", "would",
         "could", "should", "may", "might", "can", "just", "then", "often", "once", "again",
         "publicly", "privately", "previously", "recently", "already", "still", "even", "never",
         "reportedly", "the", "a", "an", "his", "her", "their", "its", "n't", "he", "she", "they",
         "it", "we", "i", "last", "earlier"}
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "thought": "think",
              "knew": "know", "known": "know", "saw": "see", "seen": "see", "wrote": "write",
              "written": "write", "sought": "seek", "felt": "feel", "found": "find", "shown": "show",
              "gave": "give", "made": "make", "spoke": "speak", "spoken": "speak", "swore": "swear",
              "sworn": "swear", "meant": "mean", "understood": "understand", "read": "read",
              "foresaw": "foresee", "took": "take", "went": "go", "put": "put", "bet": "bet",
              "according": "according", "sounded": "sound"}
_ALL = (_PLAIN | _DIRECTIVE | _EVALUATION | _DOCUMENT | _INTENTION | _BELIEF | _COMMUNICATION)


def _candidates(word: str) -> list[str]:
    if word in _IRREGULAR:
        return [_IRREGULAR[word]]
    out = [word]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ing", "e"),
                         ("ed", ""), ("ed", "e"), ("d", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: len(word) - len(suffix)] + repl
            out.append(stem)
            if len(stem) > 2 and stem[-1] == stem[-2] and repl == "":  # "planned" -> "plan"
                out.append(stem[:-1])
    return out


def cue_lemma(cue: str | None) -> str:
    """The lemma of the cue's main word ("has repeatedly said" -> "say"); "" when it has none."""
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", (cue or "").lower())
    for n, word in enumerate(words):
        if word in _SKIP or "'" in word or len(word) < 2 or (word.endswith("ly") and n + 1 < len(words)):
            continue
        cands = _candidates(word)
        for c in cands:
            if c in _ALL or c in _NOUN:
                return c
        return cands[-1] if len(cands) > 1 and word.endswith(("ed", "ing")) else word
    return ""


def cue_category(cue: str | None) -> str:
    """One of :data:`CATEGORIES` for a cue as written in the text."""
    text = (cue or "").lower()
    if not re.search(r"[a-z]", text):
        return "colon" if text.strip() in (":", "-", "—", "–", "") or ":" in text else "other"
    lemma = cue_lemma(text)
    words = re.findall(r"[a-z]+", text)
    head = next((w for n, w in enumerate(words) if w not in _SKIP and len(w) > 1
                 and not (w.endswith("ly") and n + 1 < len(words))), "")
    if lemma == "call" and re.search(r"\bcall\w*\s+(on|for|upon)\b", text):
        return "directive"
    if lemma in _NOUN and lemma not in _ALL or (lemma not in _ALL and _NOMINAL_SUFFIX.search(head)):
        return "nominal"
    if lemma in _NOUN and head == lemma + "s" and lemma not in _PLAIN:  # "allegations", "calls"?
        return "nominal" if lemma in {"allegation", "threat", "doubt", "criticism", "complaint",
                                      "concern", "warning", "accusation", "fear"} else _verb(lemma)
    return _verb(lemma)


def _verb(lemma: str) -> str:
    for name, words in (("plain", _PLAIN), ("directive", _DIRECTIVE), ("document", _DOCUMENT),
                        ("intention", _INTENTION), ("belief", _BELIEF),
                        ("evaluation", _EVALUATION), ("communication", _COMMUNICATION)):
        if lemma in words:
            return name
    if lemma in _NOUN:
        return "nominal"
    return "other"
