"""Finding attributed claims in one parsed paragraph.

Constructions, described on the dependency parse and on quote marks rather than on any one text:

* direct quotes, attributed after (``"...," X said``) or before (``X said: "..."``) the quote,
  across several sentences, and continued after the attribution (``"A," she said. "B."``);
* reported speech: a reporting verb with a clausal complement (``X said (that) ...``), the
  clause fronted before the attribution (``..., X said on Dec. 12``, headlines ``..., minister
  says``), ``according to X``, statements that "read" or "say", and ``X called Y premature``.

Quote marks around titles, names and scare quotes are not quotes of speech: a direct quote needs
a reporting verb beside it and must stand where speech stands (sentence start or after punctuation).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.attrs import IDX, LEMMA, LOWER
from spacy.tokens import Doc, Token

from .clauses import (cut_attribution, in_capitalised_list, inverted_subject, is_cue, leading_date, looks_like_title,
                      speech_participle, subject, trimmed)
from .lexicon import (CALL_VERBS, DIRECTIVE_VERBS, FINDING_VERBS, INTENTION_VERBS, OBJECT_VERBS, QUOTE_CHARS,
                      QUOTE_VERB_FORMS, REPORTING_VERBS, SPEECH_NOUNS, STATEMENT_NOUNS, STATEMENT_ONLY_CUES,
                      TITLE_WORDS)
from .quotes import double_apostrophes, find_quotes, open_quote_tail

_END_PUNCT = frozenset({".", "!", "?"})
_DATELINE_DASHES = frozenset({"-", "\u2013", "\u2014"})
_LEAD_SKIP = frozenset({"but", "and", "so", "yet", "however", "meanwhile", "still", "also"})
_MORE_CLAIMS = re.compile(r"\s*,?\s*(?:and|but)\s+(?:that|also)\b")  # '"A" and that B': one claim
_WH_WORDS = frozenset({"which", "who", "whom", "what", "whose"})
_PLAIN_SAY = frozenset({"say", "tell", "add", "state", "declare", "read"})
_SUBORDINATE = frozenset({"as", "while", "when", "after", "because", "since", "amid", "before", "though"})


@dataclass
class RawClaim:
    start: int  # content, char offsets within the paragraph
    end: int
    kind: str  # "direct" | "indirect"
    cue: Token | None
    speaker: Token | None  # head of the speaker mention
    confidence: float
    construction: str
    continues: bool = False  # a quote with no cue of its own, continuing the last speaker
    date_span: tuple[int, int] | None = None  # a date phrase the parser put inside the clause
    known_speaker_only: bool = False  # keep only if the speaker is a person named in the article


_CUE_WORDS = (REPORTING_VERBS | CALL_VERBS | FINDING_VERBS | {"point"} | STATEMENT_ONLY_CUES | {"according"}
              | INTENTION_VERBS | DIRECTIVE_VERBS | OBJECT_VERBS | SPEECH_NOUNS)
_NOT_CONTENT = frozenset({"statement", "question", "questions", "call", "calls", "interview", "remarks",
                          "comment", "comments", "speech", "news", "conference", "briefing", "time", "way"})


def _candidates(doc: Doc) -> list[Token]:
    """Tokens that may introduce a claim, found on the lemma/lower arrays (no Token per word)."""
    strings = doc.vocab.strings
    wanted = {strings.add(w) for w in _CUE_WORDS}
    arr = doc.to_array([LEMMA, LOWER])
    return [doc[i] for i, (lemma, lower) in enumerate(arr.tolist()) if lemma in wanted or lower in wanted]


class _Paragraph:
    def __init__(self, doc: Doc, text: str | None = None, broad: bool = False) -> None:
        self.doc = doc
        self.broad = broad
        self.text = double_apostrophes(doc.text if text is None else text)
        self.quotes = find_quotes(self.text)
        self.open_tail = open_quote_tail(self.text, self.quotes)
        self.starts = doc.to_array(IDX).tolist()
        self.claims: list[RawClaim] = []

    def in_quote(self, idx: int) -> tuple[int, int] | None:
        for qs, qe in self.quotes:
            if qs < idx < qe:
                return qs, qe
        if self.open_tail is not None and idx > self.open_tail:
            return self.open_tail, len(self.text)
        return None

    def token_at(self, char: int) -> Token | None:
        """The token covering ``char``, or the first one after it."""
        i = bisect_right(self.starts, char) - 1
        if i >= 0 and char < self.starts[i] + len(self.doc[i]):
            return self.doc[i]
        return self.doc[i + 1] if i + 1 < len(self.doc) else None

    # --- direct quotes -------------------------------------------------------------------
    def direct(self) -> None:
        last: RawClaim | None = None
        for qs, qe in self.quotes:
            if any(a < qs and qe <= b for a, b in self.quotes):
                continue  # a quote inside a quotation is the speaker's words, part of their statement
            start, end = trimmed(self.text, qs + 1, qe - 1)
            while end > start and self.text[end - 1] in QUOTE_CHARS and any(
                    a < end - 1 < b == end for a, b in self.quotes):  # ends with a quote inside it: 'A.'"
                start, end = trimmed(self.text, start, end - 1)
            words = self.text[start:end].split()
            if not words or looks_like_title(words):
                continue
            cue = self._cue_after(qs, qe) or self._cue_before(qs)
            lead = self._fronted(qs) if cue is None else None
            if lead is not None:  # 'Clinton "is the only candidate ...," X said': the sentence is the claim
                cue = self._cue_after(qs, qe, fronted=True)
                if cue is not None:
                    start = lead
                    words = self.text[start:end].split()
            if len(words) < 3:  # "Why now?" she asked: no claim, but sets who speaks next
                if cue is not None and subject(cue) is not None:
                    last = RawClaim(start, end, "direct", cue, subject(cue), 0.9, "short quote")
                continue
            if cue is not None:
                spk = subject(cue)
                if spk is not None and min(qs, start) <= spk.idx < qe:  # the quote's own subject (or the
                    # fronted words', "Rate cuts 'off the table', says Governor"): the speaker's is another
                    spk = next((c for c in cue.children if c.dep_ == "nsubj" and not min(qs, start) <= c.idx < qe),
                               None)
                if spk is None:
                    spk = inverted_subject(cue) or _noun_after(cue)
                conf = 0.95 if cue.lemma_ == "say" else 0.9
                last = RawClaim(start, end, "direct", cue, spk, conf if spk is not None else 0.6,
                                "quote")
                self.claims.append(last)
            elif (len(words) >= 6 or (last is not None and last.cue is not None)) and self._stands_alone(qs, qe):
                # "A," she said. "B."  /  a quote paragraph after an attributed one
                self.claims.append(self._continued(start, end, last))
        if self.open_tail is not None:  # a quote running on into the next paragraph
            start, end = trimmed(self.text, self.open_tail + 1, len(self.text))
            if len(self.text[start:end].split()) >= 4:
                self.claims.append(self._continued(start, end, last))

    @staticmethod
    def _continued(start: int, end: int, last: RawClaim | None) -> RawClaim:
        return RawClaim(start, end, "direct", last.cue if last else None,
                        last.speaker if last else None, 0.6 if last else 0.45,
                        "continued quote", continues=True)

    def _speech_position(self, qs: int) -> bool:
        before = self.text[:qs].rstrip()
        return not before or before[-1] in ".:,;!?(\u2014\u2013-" or before[-1] in QUOTE_CHARS

    def _fronted(self, qs: int) -> int | None:
        """Where a quote goes on from its sentence's own opening words (``Clinton "is the only
        candidate ...," the general said``), the start of those words: a short lead with no quote
        mark and no finite verb of its own (the quote has the sentence's verb)."""
        tok = self.token_at(qs)
        if tok is None or tok.i == 0:
            return None
        first = tok.sent[0] if tok.sent.start < tok.i else self.doc[tok.i - 1].sent[0]
        lead = self.doc[first.i:tok.i]
        if not 1 <= len(lead) <= 12 or any(t.text in QUOTE_CHARS or t.text in _END_PUNCT or t.tag_ in (
                "VBD", "VBZ", "VBP", "MD") for t in lead):
            return None
        return first.idx

    def _cue_after(self, qs: int, qe: int, fronted: bool = False) -> Token | None:
        inner = self.text[qs + 1:qe - 1].rstrip()
        if inner[-1:] in QUOTE_CHARS and any(qs < a and b == qs + 1 + len(inner) for a, b in self.quotes):
            inner = inner[:-1].rstrip()  # '"He said, 'Go.'" she said': the inner quote's mark
        follow = self.text[qe:qe + 3].lstrip()
        if not (inner[-1:] in (",", ".", "?", "!", "\u2026", "-", "\u2014") or follow[:1] in (",", "\u2014")):
            return None
        if not fronted and not self._speech_position(qs):
            return None
        tok = self.token_at(qe)
        if tok is None:
            return None
        for n, t in enumerate(t for t in self.doc[tok.i:min(len(self.doc), tok.i + 16)] if t.idx >= qe):
            if t.text in _END_PUNCT or (t.text in QUOTE_CHARS and t.idx > qe):
                return None
            if is_cue(t, quote=True) and t.lemma_.lower() not in CALL_VERBS:
                return t
            if n <= 1 and t.lower_ in QUOTE_VERB_FORMS and t.pos_ != "NOUN":
                return t  # '"...," fumed the manager': a rare verb the parser got wrong
        return None

    def _cue_before(self, qs: int) -> Token | None:
        before = self.text[:qs].rstrip()
        if not before or before[-1] not in ":,":
            return None
        tok = self.token_at(len(before) - 1)
        if tok is None:
            return None
        for t in reversed(self.doc[max(0, tok.i - 12):tok.i]):
            if t.text in _END_PUNCT or t.text in QUOTE_CHARS:
                return None
            if is_cue(t) and t.lemma_.lower() not in CALL_VERBS:
                return t
        return None

    def _stands_alone(self, qs: int, qe: int) -> bool:
        before = self.text[:qs].rstrip()
        after = self.text[qe:].lstrip()
        return (not before or before[-1] in _END_PUNCT or before[-1] in QUOTE_CHARS) and (
            not after or after[0] in QUOTE_CHARS or after[0].isupper())

    # --- reported speech ------------------------------------------------------------------
    def headline_colon(self) -> None:
        """``Zelensky: Ukraine will never recognise ...`` (a headline convention)."""
        colon = next((t for t in self.doc[:5] if t.text == ":"), None)
        if colon is None or colon.i == 0:
            return
        name = self.doc[:colon.i]
        if not all((t.pos_ == "PROPN" or t.is_alpha and t.is_upper) and t.text[:1].isupper()
                   or t.text == "-" and not t.whitespace_ and k
                   and not name[k - 1].whitespace_ for k, t in enumerate(name)):  # "SOLHEIM-BERG:"
            return
        body = self.doc[colon.i + 1:]
        if len(body) < 4 or not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in body):
            return
        start, end = trimmed(self.text, body[0].idx, len(self.text))
        while end > start and self.text[end - 1] == ".":
            end -= 1
        if self.text[start:end].rstrip().endswith("?"):
            return  # an interviewer's question ("WHITCOMBE: When does the first team deploy?") asserts nothing
        if self.in_quote(start) is None and body[0].text not in QUOTE_CHARS:
            self.claims.append(RawClaim(start, end, "indirect", None, name[-1], 0.55,
                                        "headline colon", known_speaker_only=True))

    def reported(self) -> None:
        for tok in _candidates(self.doc):
            if self.in_quote(tok.idx):
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and tok.nbor().lower_ == "to":
                self._according(tok)
            elif is_cue(tok):
                self._cue(tok)
            elif tok.pos_ == "NOUN" and tok.lower_ in SPEECH_NOUNS:
                self._speech_noun(tok)
            elif self.broad and tok.lemma_.lower() in INTENTION_VERBS | DIRECTIVE_VERBS | OBJECT_VERBS:
                self._object_or_infinitive(tok)
            elif tok.lower_ in STATEMENT_ONLY_CUES or (tok.lemma_ == "say" and tok.pos_ != "VERB"):
                self._clause_final(tok, statement_only=tok.lower_ in STATEMENT_ONLY_CUES)

    def _cue(self, cue: Token) -> None:
        lemma = cue.lemma_.lower()
        if lemma in CALL_VERBS:
            self._call(cue)
            return
        spk = subject(cue)
        if spk is None:
            spk = inverted_subject(cue)
        comp = next((c for c in cue.children if c.dep_ == "ccomp"), None) or _misattached_clause(cue)
        if comp is not None and comp.i > cue.i and comp.tag_ in ("VBN", "VBD") and (
                comp.lemma_.lower() in _MEDIUM_VERBS or not any(c.dep_ in ("nsubj", "nsubjpass") for c in comp.children)):
            # "said in an interview aired late on Wednesday that ...", "with SVT aired on Tuesday
            # that ...": the that-clause under the verb is the claim, the verb is the interview's
            comp = next((c for c in comp.children if c.dep_ == "ccomp" and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), comp)
        if comp is not None and comp.i > cue.i:
            toks = [t for t in comp.subtree]
            while toks and (toks[0].lower_ in ("that", "whether", "if") and (
                    toks[0].dep_ == "mark" or toks[0].tag_ == "IN" or toks[1:2] and toks[1].is_punct
                    or comp.dep_ == "relcl" and toks[0].head == comp)  # a that-clause read as relative
                    or toks[0].is_punct):
                toks.pop(0)
            if spk is None or len(toks) < 2:
                return
            toks, date_span = leading_date(toks, comp)
            more = _second_that_clause(cue, comp)
            if more is not None:  # "said that A, but that B": one statement in two clauses
                toks = toks + [t for t in self.doc[toks[-1].i + 1:more.right_edge.i + 1]]
            end = self._to_clause_end(cut_attribution(toks), cue)
            start, end = trimmed(self.text, toks[0].idx, end)
            conf = 0.85 if lemma in ("say", "tell") else 0.75
            self._add_indirect(start, end, cue, spk, conf, "reporting verb + clause",
                               date_span=date_span)
        elif cue.dep_ == "parataxis" and spk is not None and comp is None:
            self._parenthetical(cue, spk)
        elif not self._object_or_infinitive(cue):
            self._clause_final(cue, statement_only=False)

    def _speech_noun(self, noun: Token) -> None:
        """``Trump's claim that there have been thousands of shootings``, ``a New York Times report
        that ...``: the that-clause of a speech noun whose owner is named before it."""
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == noun.i + 1
                               for m in c.children)), None)
        if clause is None:
            return
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is None:
            owner = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if owner is None:
            return
        toks = [t for t in clause.subtree if t.i > noun.i + 1]
        if len(toks) < 3:
            return
        s, e = trimmed(self.text, toks[0].idx, cut_attribution(toks))
        self._add_indirect(s, e, noun, owner, 0.6, "speech noun + that-clause")

    def _object_or_infinitive(self, cue: Token) -> bool:
        """Content that is no clause: a to-infinitive of intention ("plans to run", "wants his party
        to work on it"), a directive with its addressee ("urged surrogates to parrot ...", "called on
        X to resign"), or the object of a verb of stance or announcement ("denied the reports",
        "praised Fields for pursuing charges"). Only with a subject that can be a source."""
        lemma = cue.lemma_.lower()
        if not self.broad or cue.pos_ != "VERB" or cue.dep_ in ("amod", "compound", "acomp", "xcomp", "pcomp", "acl"):
            return False
        spk = subject(cue)
        if spk is None or spk.pos_ not in ("PROPN", "NOUN", "PRON") or spk.lower_ in (
                "it", "there", "this", "that", "which", "what", "who", "everyone", "nobody", "people"):
            return False
        after = [c for c in cue.children if c.i > cue.i]
        obj = next((c for c in after if c.dep_ in ("dobj", "dative")), None)
        if lemma == "call" and obj is None:  # "called on X to ...": the addressee follows "on"
            on = next((c for c in after if c.dep_ == "prep" and c.lower_ == "on"), None)
            obj = next((g for g in on.children if g.dep_ == "pobj"), None) if on is not None else None
        inf = next((c for c in after if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
                    and any(a.dep_ == "aux" and a.lower_ == "to" and a.i < c.i for a in c.children)), None)
        if inf is None and obj is not None:  # "called on leaders to resign": the verb under the object
            inf = next((c for c in obj.subtree if c.dep_ in ("xcomp", "ccomp", "acl", "relcl")
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if inf is not None and (lemma in INTENTION_VERBS or lemma in DIRECTIVE_VERBS and obj is not None):
            first = obj if obj is not None and obj.i < inf.i else inf
            start, end = first.left_edge, inf.right_edge
            if lemma in DIRECTIVE_VERBS and (obj is None or obj.tag_ in ("PRP",) and obj.lower_ in ("it",)):
                return False
            s, e = trimmed(self.text, start.idx, self._to_clause_end(end.idx + len(end), cue))
            self._add_indirect(s, e, cue, spk, 0.55, "intention or directive + to-infinitive")
            return True
        if lemma not in OBJECT_VERBS or obj is None or obj.dep_ != "dobj":
            return False
        if obj.tag_ in ("PRP", "WP", "WDT", "DT", "EX") or obj.lemma_.lower() in _NOT_CONTENT or (
                obj.ent_type_ in ("DATE", "TIME")):
            return False
        end = obj.right_edge
        gloss = next((t for t in obj.subtree if t.dep_ in ("relcl", "appos") and t.left_edge.i > obj.i + 1
                      and self.doc[t.left_edge.i - 1].text == ","), None)
        if gloss is not None:  # "acknowledged the reality of climate change, which makes him an outlier":
            end = self.doc[gloss.left_edge.i - 2]  # the reporter's description of the thing, not the content
        for c in after:  # "praised Fields for pursuing charges", "accused Trump of lying"
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "over", "as") and c.i > end.i:
                end = c.right_edge
        if end.i - obj.left_edge.i < 1 and obj.pos_ == "PRON":
            return False
        s, e = trimmed(self.text, obj.left_edge.idx, end.idx + len(end))
        self._add_indirect(s, e, cue, spk, 0.5, "verb + object")
        return True

    def _parenthetical(self, cue: Token, spk: Token) -> None:
        """``The ceasefire, officials said, would take effect at midnight.``: the whole sentence
        is the claim (the attribution sits inside it; a content span is one stretch of text)."""
        sent = cue.sent
        left = spk.left_edge.i - 1
        right = max(t.i for t in cue.subtree if not t.is_punct) + 1
        if not (sent.start < left and right < sent.end and self.doc[left].text == ","
                and self.doc[right].text == ","):
            return
        tail = self.doc[right + 1:sent.end]
        if not any(t.pos_ in ("VERB", "AUX") for t in tail):
            return
        start, end = trimmed(self.text, self.doc[sent.start].idx, sent.end_char)
        self._add_indirect(start, end, cue, spk, 0.6, "parenthetical attribution")

    def _clause_final(self, cue: Token, statement_only: bool) -> None:
        """``CONTENT, [SPEAKER] CUE [adverbials].`` (also headlines and statements that "read")."""
        sent = cue.sent
        comma = None
        for t in reversed(self.doc[sent.start:cue.i]):
            if t.text == "," and in_capitalised_list(t, cue.i):
                continue  # "..., Minister of Land, Infrastructure, Transport and Tourism Kenji Morita said"
            if t.text in (",", "\u2014", "\u2013", ":"):
                comma = t
                break
        if comma is not None and comma.i == cue.i - 1:  # "..., its president, Omar Touray, said Thursday":
            subj = subject(cue)  # the comma closes the subject's apposition; the clause ends before it
            edge = subj.left_edge.i - 1 if subj is not None and subj.i < comma.i else -1
            if edge > sent.start and self.doc[edge].text in (",", "\u2014", "\u2013", ":"):
                comma = self.doc[edge]
        if comma is None or comma.i - sent.start < 3:
            return
        segment = self.doc[comma.i + 1:cue.i]
        # a verb in the speaker's own relative clause ("X, a senior official with the board that
        # oversees them, said") does not make the segment a clause of its own
        aside = {t.i for h in segment if h.dep_ in ("relcl", "acl") and segment.start <= h.head.i < segment.end
                 for t in h.subtree}
        aside |= {t.i for t in segment if t.dep_ == "aux" and t.head == cue}  # "the minister has said"
        if any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") and t.i not in aside for t in segment):
            return
        if len(segment) and segment[0].dep_ == "cc":
            return  # "..., and he promised a referendum": a second clause, not an attribution
        hearer = ("dobj", "dative") if cue.lemma_ == "tell" else ()  # "..., X told The Huffington Post"
        if any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") and c.dep_ not in hearer and c.i > cue.i
               and not _adverbial(c) for c in cue.children):
            return  # the verb goes on to its own object: it does not close the sentence
        if hearer and any(c.dep_ in hearer and any(g.dep_ in ("ccomp", "relcl", "acl") for g in c.subtree)
                          for c in cue.children):
            return
        rest = self.doc[cue.i + 1:sent.end]
        stop = next((t.i for t in rest if t.text == "," and t.i > cue.i), None)
        if stop is not None and (any(_adverbial(t) and t.head == cue and t.i > stop for t in rest) or (
                stop + 1 < sent.end and self.doc[stop + 1].pos_ == "ADP" and self.doc[stop + 1].head == cue) or (
                stop + 1 < sent.end and speech_participle(self.doc[stop + 1]))):
            # "..., lawmakers said Friday, as they bristled at ...", "..., a day after the committee
            # approved it", "..., the secretary has announced, in a move campaigners said ...", "...,
            # the minister has said, warning that ...": the speaker's next act, wherever the parser hung it
            rest = self.doc[cue.i + 1:stop]
        aside = {t.i for h in rest if h.dep_ in ("relcl", "acl") and h.head.pos_ in ("NOUN", "PROPN")
                 and rest.start <= h.head.i < rest.end for t in h.subtree}  # "said X, who leads ..."
        if any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") and t.i not in aside for t in rest):
            return
        if any(t.text in QUOTE_CHARS and t.tag_ != "POS" for t in rest) or any(  # not "analysts' estimates"
                t.lemma_ == "that" and t.dep_ == "mark" for t in rest):
            return
        if len(segment):
            roots = [t for t in segment if not (segment.start <= t.head.i < segment.end) or t.head == t]
            spk = next((t for t in roots if t.head == cue and t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN")), None) or next(
                (t for t in roots if t.pos_ in ("NOUN", "PROPN", "PRON")), None)  # (the verb's own subject first:
            # "..., commerce and industry minister Arvind Kulkarni said" with the post parsed into the clause)
            named = roots[-1] if roots else None
            if spk is not None and spk.i < (named.i if named is not None else -1) and named.i == segment.end - 1 and (
                    named.pos_ == "PROPN" and named.ent_type_ == "PERSON" and spk.right_edge.i < named.i and (
                        spk.lower_ in TITLE_WORDS)):  # "..., Minister of ..., Emigration and Egyptian Expatriates
                spk = named  # Hossam El-Din Mansour said" with the name hung outside the title: the name
        else:
            spk = next((t for t in rest if t.dep_ in ("nsubj", "dobj", "attr") or t.pos_ == "PROPN"), None)
            while spk is not None and spk.dep_ == "compound" and spk.head.i > spk.i:
                spk = spk.head  # "said John Smith": the name's head
        if spk is None:
            return
        if statement_only and spk.lemma_.lower() not in STATEMENT_NOUNS:
            return
        if cue.lemma_ not in _PLAIN_SAY and any(
                c.dep_ == "prep" and c.lower_ in ("on", "about", "for", "of", "as") and c.i == cue.i + 1
                and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)  # "reported on Thursday"
                and not (c.lower_ == "on" and any(  # "..., the spokesman wrote on X, calling it ...": a medium
                    g.dep_ == "pobj" and g.pos_ == "PROPN" and g.i + 1 < len(g.doc) and g.nbor().is_punct
                    for g in c.children))
                for c in cue.children):
            return  # "reports on", "writes about", "calls for": not speech about a claim
        first = sent.start
        while first < comma.i and (self.doc[first].lower_ in _LEAD_SKIP or self.doc[first].is_space):
            first += 1
        dash = next((t.i for t in self.doc[first:comma.i] if t.text in _DATELINE_DASHES and t.whitespace_), None)
        if dash is not None and all(t.pos_ == "PROPN" or t.is_punct or t.like_num for t in self.doc[first:dash]):
            first = dash + 1  # "BAGHDAD, Iraq – Iraq has asked ...": the dateline is no part of the claim
        body = self.doc[first:comma.i]
        finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in body)
        predicate = any(t.pos_ in ("ADJ", "VERB") for t in body) and any(
            t.dep_ in ("nsubj", "nsubjpass") or (t.pos_ in ("PROPN", "NOUN", "PRON") and t.i == body.start)
            for t in body)
        if not (finite or predicate):
            return
        start, end = trimmed(self.text, body[0].idx, comma.idx)
        self._add_indirect(start, end, cue, spk, 0.75, "fronted clause")

    def _according(self, tok: Token) -> None:
        to = tok.nbor()
        src = next((c for c in to.children if c.dep_ == "pobj"), None)
        if src is None:
            return
        sent = tok.sent
        phrase_end = src.right_edge.i + 1
        comma = next((t.i for t in self.doc[src.i + 1:phrase_end] if t.text == ","), None)
        if comma is not None and tok.i == sent.start and any(  # "According to the analyst, Chile and
                c.dep_ in ("conj", "appos") and c.pos_ == "PROPN" and c.i == comma + 1  # Argentina obtain"
                and any(g.dep_ == "conj" for g in c.subtree) for c in src.children):
            phrase_end = comma
        if tok.i == sent.start or (tok.i - sent.start <= 1 and self.doc[sent.start].is_punct) or (
                self.doc[tok.i - 1].text in (":", "\u2014", "\u2013")):  # "Some detail from overnight: according to X, ..."
            start = phrase_end
            while start < sent.end and self.doc[start].is_punct:
                start += 1
            if start >= sent.end:
                return
            s, e = trimmed(self.text, self.doc[start].idx, sent.end_char)
        else:
            s, e = trimmed(self.text, self.doc[sent.start].idx, tok.idx)
            tail = self.doc[phrase_end:sent.end]
            if phrase_end < sent.end - 1 and not (  # "X, according to Y, is ..." keeps the tail
                    tail[0].text == "," and tail[1].lower_ in _SUBORDINATE):  # not ", as the ..."
                return
        if e - s > 8:
            self._add_indirect(s, e, None, src, 0.7, "according to", cue_token=tok)

    def _call(self, cue: Token) -> None:
        """``X called Y premature``: the object and its predicate are the claim."""
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        pred = next((c for c in cue.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")
                     and c.i > cue.i), None)
        if pred is not None and pred.dep_ == "ccomp":  # "called [such discussions premature]"
            if cue.lemma_.lower() != "call" or pred.lemma_.lower() in CALL_VERBS:
                return
            obj = obj or next((c for c in pred.children if c.dep_ == "nsubj"), None)
        if pred is None and obj is not None:  # the parser may take "Y" for an appositive of "X"
            pred = next((c for c in obj.children if c.dep_ == "appos"), None)
        if pred is None and obj is not None:  # "described the talks as going in circles"
            pred = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as"
                         and c.i > obj.i), None)
        spk = subject(cue)
        if obj is None or pred is None or spk is None or pred.i < obj.i or obj.i < cue.i:
            self._object_or_infinitive(cue)  # "praised X for Y", "called on X to Y"
            return  # also "praised what she called ...": the object must follow the verb
        end = self._to_clause_end(pred.right_edge.idx + len(pred.right_edge), cue)
        s, e = trimmed(self.text, obj.left_edge.idx, end)
        self._add_indirect(s, e, cue, spk, 0.6, "call X Y")

    def _to_clause_end(self, end: int, cue: Token) -> int:
        """Words the parser hung on the verb rather than on the claim ("described the flooding as
        the worst in living memory") belong to the claim when no punctuation or "and" parts them."""
        rest = self.text[end:cue.sent.end_char]
        body = rest.rstrip().rstrip(".!?").rstrip()
        if not body.strip() or body.lstrip()[:1] in ",;:()\u2013\u2014-" or any(
                q in body for q in QUOTE_CHARS) or body.lstrip().lower().startswith(("and ", "but ")):
            return end
        return end + len(body)

    def _add_indirect(self, start: int, end: int, cue: Token | None, spk: Token, conf: float,
                      construction: str, cue_token: Token | None = None,
                      date_span: tuple[int, int] | None = None) -> None:
        if self.text[start:start + 6].lower().split(" ")[0] in _WH_WORDS:
            return  # "which critics say violates ...": the claim is not one stretch of text
        while end > start and self.text[end - 1] == ".":
            end -= 1
        for qs, qe in self.quotes:  # never cut a partial quote in half
            if start <= qs < end < qe and qe - end <= 3:
                end = qe
            if qs < start < qe <= end and start - qs <= 2:
                start = qs
        if end - start < 4:
            return
        quote = next(((qs, qe) for qs, qe in self.quotes if qs <= start <= qs + 1), None)
        if quote is not None and quote[1] - quote[0] > 0.3 * (end - start) and not _MORE_CLAIMS.match(
                self.text, quote[1], end):
            # the clause opens with the speaker's own words: those are the claim
            s, e = trimmed(self.text, quote[0] + 1, quote[1] - 1)
            if len(self.text[s:e].split()) >= 3:
                self.claims.append(RawClaim(s, e, "direct", cue or cue_token, spk, conf + 0.05,
                                            construction + ", quoted"))
                return
        self.claims.append(RawClaim(start, end, "indirect", cue or cue_token, spk, conf, construction,
                                    date_span=date_span))


_ADVERBIAL_MARKS = frozenset({"after", "before", "as", "while", "when", "because", "since", "until",
                              "although", "though", "once"})


def _adverbial(clause: Token) -> bool:
    """An adverbial clause, also where the parser calls it a complement ("said Thursday, a day
    after a committee approved the increase")."""
    return clause.dep_ == "advcl" or clause.dep_ == "ccomp" and any(
        m.dep_ == "mark" and m.lower_ in _ADVERBIAL_MARKS for m in clause.children)


# Verbs of the medium a statement came out in ("an interview aired on Tuesday").
_MEDIUM_VERBS = frozenset({"air", "broadcast", "publish", "release", "post", "issue", "carry", "televise",
                           "print", "stream", "run"})


def _misattached_clause(cue: Token) -> Token | None:
    """``X said in a statement that ...``: the parser often hangs the that-clause on the noun of
    the prepositional phrase ("statement", "interview", "CNN") instead of on the reporting verb.
    Also read as a relative clause ("said after the talks that Warsaw would use every legal
    means"), which it cannot be when "that" would fill a place its verb has filled already."""
    for child in cue.rights:
        if child.dep_ not in ("prep", "npadvmod"):
            continue
        for tok in child.subtree:
            if tok.dep_ in ("acl", "relcl", "ccomp", "advcl") and any(
                    c.dep_ == "mark" and c.lower_ == "that" and c.i < tok.i for c in tok.children):
                return tok
            if tok.dep_ == "relcl" and _that_has_no_place(tok):
                return tok
    return None


def _that_has_no_place(verb: Token) -> bool:
    rel = next((c for c in verb.children if c.lower_ == "that" and c.i == verb.left_edge.i), None)
    if rel is None or rel.dep_ not in ("nsubj", "dobj", "nsubjpass"):
        return False
    return any(c.i != rel.i and c.dep_ == rel.dep_ for c in verb.children)


def _second_that_clause(cue: Token, comp: Token) -> Token | None:
    """The conjunct of the cue that is a second that-clause of the same statement ("said that
    the buyouts would be voluntary, but that purchases could begin in 2027")."""
    return next((c for c in cue.children if c.dep_ == "conj" and c.i > comp.i and any(
        m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)), None)


def _noun_after(cue: Token) -> Token | None:
    """The head of the noun phrase right after a cue the parser misread ("fumed manager Sean Dyche")."""
    for t in cue.doc[cue.i + 1:min(len(cue.doc), cue.i + 5)]:
        if t.is_punct:
            return None
        if t.pos_ in ("PROPN", "NOUN"):
            while t.dep_ in ("compound", "amod") and t.head.i > t.i and t.head.pos_ in ("PROPN", "NOUN"):
                t = t.head
            return t
    return None


def find_claims(doc: Doc, text: str | None = None, broad: bool = False) -> list[RawClaim]:
    """Every attributed claim in one paragraph (``text`` is ``doc.text`` when already at hand),
    overlaps resolved in favour of the surer one.

    ``broad`` adds attributions that are not statements of fact-checkable claims but count as
    attributions in corpora like PolNeAR: intentions ("plans to run"), directives ("urged X to"),
    and object content ("denied the reports"), all with low confidence."""
    para = _Paragraph(doc, text, broad)
    para.direct()
    para.reported()
    para.headline_colon()
    kept: list[RawClaim] = []
    for claim in sorted(para.claims, key=lambda c: (-c.confidence, c.start)):
        if any(_overlaps(claim, k) and not _nested(claim, k) for k in kept):
            continue
        kept.append(claim)
    # a short quote inside reported speech is part of that claim, not a claim of its own
    kept = [c for c in kept if not (c.kind == "direct" and c.continues and any(
        k is not c and k.start <= c.start and c.end <= k.end for k in kept))]
    kept.sort(key=lambda c: c.start)
    return kept


def _nested(a: RawClaim, b: RawClaim) -> bool:
    """One attribution reported inside the other's content ("Clinton had told police that she did
    not want the escort, but the NYPD overruled it, the source added"): both stand."""
    outer, inner = (a, b) if a.end - a.start > b.end - b.start else (b, a)
    return (outer.construction == "fronted clause" and inner.cue is not None and inner.speaker is not None
            and outer.start <= inner.cue.idx < outer.end and outer.start <= inner.speaker.idx < outer.end
            and outer.start <= inner.start and inner.end <= outer.end)


def _overlaps(a: RawClaim, b: RawClaim) -> bool:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return False
    shorter = min(a.end - a.start, b.end - b.start)
    return inter >= 0.5 * shorter
