"""The hybrid engine's model side: claims from the trained attribution component's spans, split
quotes joined into one claim, and the policy deciding where rules or model speak.

The trained component (:mod:`annotate.model`) marks CONTENT, SOURCE and CUE spans on each
paragraph. Here they become claims: each content is tied to the nearest cue in its sentence, the
cue to its source (the cue's grammatical subject when the model marked it, else the nearest
source span); contents on both sides of one cue (``"A," she said, "B."``) become one claim with
two fragments. The speaker of a model claim is resolved like a rule claim's (the rules'
``annotate.speakers`` functions through the engine); a claim without a source keeps an empty
speaker for the annotator to fill.

Policy (measured per cue category on PolNeAR dev, see the model card): a rule claim wins where
both find the same content (the rules are better on speakers, roles and dates); a model claim is
added where the rules found nothing, unless its cue category is one where the model's precision
was too low to help.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span as TokenSpan, Token

from kernel import ClaimDraft, Span
from kernel.matching import pieces as trim_pieces

from .attribution import RawClaim
from .clauses import NEXT_ACTS, subject
from .cues import DEFAULT_SCOPE, SCOPES, STATEMENT_CATEGORIES, cue_category, cue_lemma
from .model import SPANS_KEY
from .quotes import find_quotes

MAX_CUE_DISTANCE = 25  # tokens between a content and its cue, within a sentence
MAX_SPLIT_GAP = 14  # tokens between the two fragments of a split quote
MAX_SOURCE_DISTANCE = 8
MODEL_CONFIDENCE = 0.6
# the rules' constructions beyond statements (``find_claims(broad=True)``): intentions, directives, objects
BROAD_CONSTRUCTIONS = ("intention or directive + to-infinitive", "verb + object")
MAX_ATTRIBUTION_TAIL = 8  # tokens after a parenthetical cue before its closing comma
PARENTHESIS_ENDS = (",", "\u2014", "\u2013", "--")
NO_CUE = "none"
# the terms of a source's anonymity, which a model may take for what the source asked or said
ANONYMITY = re.compile(r"\s*(?:not\s+to\s+be\s+(?:named|identified|quoted|cited)|to\s+remain\s+(?:anonymous|unnamed)"
                       r"|(?:on\s+)?(?:the\s+)?condition\s+of\s+anonymity|anonymity)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Policy:
    """Where rules or model speak, by cue category (:mod:`annotate.cues`, "none": no cue)."""

    skip_model: frozenset[str] = frozenset()  # model claims not proposed in these categories
    model_bounds: frozenset[str] = frozenset()  # where both found a claim: the model's content
    drop_rules: frozenset[str] = frozenset()  # rule claims not proposed in these categories
    clausal_only: frozenset[str] = frozenset()  # model claims here need a clause or a quote
    need_cue: bool = False  # model claims without a cue are not proposed
    snap_quotes: bool = True  # a model content begun or ended at a quote mark takes the whole quote
    # a model claim is the same as a rule claim when this share of it (or of the rule claim) overlaps
    same_share: float = 0.0
    # model claims proposed only in these categories (None: every category not in skip_model)
    keep_model: frozenset[str] | None = None
    rules_broad: bool = True  # with the model attached the rules also find intentions/directives
    finite_only: bool = False  # clausal_only means a finite clause (not "analyzing X") or a quote
    topic_cues: frozenset[str] = frozenset()  # cue lemmas naming a topic, not a statement ("discussed")
    split_parenthetical: bool = True  # "A, X said, B": two fragments around the attribution
    drop_nested: bool = True  # a model/broad claim inside another claim's content is part of it
    drop_narrator: bool = True  # a model/broad claim of the article's own writer is narration
    # where a rule claim of these categories lies inside the model's content for it, the model's
    # bounds (the rules stop the reported clause too early: ", but could not ...", "because ...")
    wider_model: frozenset[str] = frozenset()

    def keeps(self, category: str) -> bool:
        """Whether a model claim of this cue category may be proposed."""
        return category not in self.skip_model and (self.keep_model is None or category in self.keep_model)


DEFAULT_POLICY = Policy(wider_model=frozenset({"plain", "communication"}))

# Suggestion scopes (:data:`annotate.cues.SCOPES`): "statements" keeps the model's claims only where
# their cue is a statement kind, and the rules stay non-broad.
STATEMENTS_POLICY = Policy(keep_model=STATEMENT_CATEGORIES, rules_broad=False,
                           clausal_only=STATEMENT_CATEGORIES - {"plain"}, finite_only=True,
                           topic_cues=frozenset({"discuss", "talk", "speak"}),
                           wider_model=DEFAULT_POLICY.wider_model)


def policy_for(scope: str | None) -> Policy:
    """The policy of a suggestion scope (None: the default scope)."""
    scope = scope or DEFAULT_SCOPE
    if scope not in SCOPES:
        raise ValueError(f"unknown suggestion scope {scope!r} (one of: {', '.join(SCOPES)})")
    return STATEMENTS_POLICY if scope == "statements" else DEFAULT_POLICY


@dataclass
class ModelClaim:
    fragments: list[TokenSpan]
    cue: TokenSpan | None
    source: TokenSpan | None

    @property
    def clausal(self) -> bool:
        """A statement rather than a thing: the content has a verb of its own, or is quoted
        ("denied the report" and "condemned Russia for its war" are not)."""
        first = self.fragments[0]
        root = first.root
        return root.pos_ in ("VERB", "AUX") or any(
            c.dep_ in ("nsubj", "nsubjpass") and first.start <= c.i < first.end for c in root.children) or (
            first.start > 0 and first.doc[first.start - 1].is_quote)

    @property
    def finite(self) -> bool:
        """A statement of its own: the content is quoted, or its head verb is finite or has a subject."""
        first = self.fragments[0]
        root = first.root
        return (first.start > 0 and first.doc[first.start - 1].is_quote) or (
            root.pos_ in ("VERB", "AUX") and "Fin" in root.morph.get("VerbForm")) or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") and first.start <= c.i < first.end for c in root.children)

    def wanted(self, policy: Policy, category: str) -> bool:
        if policy.need_cue and self.cue is None:
            return False
        if ANONYMITY.match(self.fragments[0].text):
            return False  # "who asked not to be named because ...": why a source is unnamed, not a claim
        if self.cue is not None and policy.topic_cues and cue_lemma(self.cue.text) in policy.topic_cues:
            return False
        if category not in policy.clausal_only:
            return True
        return self.finite if policy.finite_only else self.clausal

    @property
    def start(self) -> int:
        return self.fragments[0].start_char

    @property
    def end(self) -> int:
        return self.fragments[-1].end_char


def has_model(doc: Doc) -> bool:
    return SPANS_KEY in doc.spans


def _gap(a: TokenSpan, b: TokenSpan) -> int:
    """Tokens strictly between two spans (0 when adjacent or overlapping)."""
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


class Sentences:
    """Which sentence a token is in, from the sentence starts read once (``Token.sent`` walks the
    doc every time it is asked)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start for s in doc.sents] if len(doc) else [0]

    def of(self, i: int) -> int:
        return bisect_right(self.starts, i) - 1

    def same(self, a: TokenSpan, b: TokenSpan) -> bool:
        sa, ea, sb = self.of(a.start), self.of(a.end - 1), self.of(b.start)
        return sa == sb or ea == sb or sa == self.of(b.end - 1)


def _nearest(span: TokenSpan, candidates: list[TokenSpan], limit: int, sents: Sentences) -> TokenSpan | None:
    best = None
    for c in candidates:
        if c.start < span.end and span.start < c.end:
            continue
        d = _gap(span, c) + (0 if sents.same(span, c) else limit)
        if d <= limit and (best is None or d < best[0]):
            best = (d, c)
    return best[1] if best else None


def cue_head(cue: TokenSpan) -> Token:
    """The word that carries the cue: "according" of "according to", "said" of "has said"."""
    for tok in cue:
        if tok.lower_ == "according":
            return tok
    verbs = [t for t in cue if t.pos_ in ("VERB", "NOUN")]
    return verbs[0] if verbs else cue.root


def _source_for(cue: TokenSpan, sources: list[TokenSpan], content: list[TokenSpan],
                sents: Sentences) -> TokenSpan | None:
    head = cue_head(cue)
    if head.dep_ == "advcl" and head.head.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in head.children) and (
            any(c.dep_ == "mark" for c in head.children)):  # "X said, before the deal was announced, that ...":
        head = head.head  # a passive clause of time is no speech act; the verb it hangs on is
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if head.dep_ in ("advcl", "conj", "xcomp", "acl") and not subjects:
        subjects = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    parsed = subject(head) if head.pos_ in ("VERB", "AUX") else None
    if parsed is not None:  # the rules' reading of the verb's speaker ("..., adding that", "X and
        subjects = [parsed]  # warned", "Speaking ..., an adviser said") before the model's nearest span
    inside = [s for s in sources if not any(f.start <= s.start and s.end <= f.end for f in content)]
    outside = lambda t: not any(f.start <= t.i < f.end for f in content)  # noqa: E731
    for subj in subjects:
        for s in inside:
            if s.start <= subj.i < s.end:
                return s
    agent = [t for t in head.subtree if t.dep_ == "pobj" and t.head.lower_ in ("to", "by")
             and t.head.head == head]
    for a in agent:  # "according to X", "was announced by X"
        for s in inside:
            if s.start <= a.i < s.end:
                return s
    for t in ([parsed] if parsed is not None else []) + agent:
        if outside(t) and t.pos_ in ("NOUN", "PROPN", "PRON"):  # a subject the model marked no span on
            return t.doc[t.i:t.i + 1]
    return _nearest(cue, inside, MAX_SOURCE_DISTANCE, sents)


def _governing_word(content: TokenSpan, sents: Sentences) -> TokenSpan | None:
    """Where the model marked no cue: the verb or noun the content hangs on in the parse
    ("The campaign plans [to hire ...]", "came away convinced [that ...]"), if it is outside it."""
    head = content.root.head
    if content.start <= head.i < content.end or head.pos_ not in ("VERB", "NOUN", "ADJ"):
        return None
    if sents.of(head.i) != sents.of(content.start):
        return None
    return content.doc[head.i:head.i + 1]


def _snap_to_quote(content: TokenSpan, quotes: list[tuple[int, int]], text: str) -> TokenSpan:
    """A content the model began at an opening quote mark (or ended at a closing one) runs to the
    other mark: a quotation is quoted whole, however many sentences it has."""
    doc = content.doc
    start, end = content.start_char, content.end_char
    for qs, qe in quotes:
        opened = text[qs + 1:start].strip() == "" and qs < start
        closed = text[end:qe - 1].strip(" ,.;:!?") == "" and end <= qe
        if opened and end < qe - 1 and not closed:
            end = qe - 1
        elif closed and start > qs + 1 and not opened:
            start = qs + 1
        else:
            continue
        while end > start and text[end - 1] in " ,;:":
            end -= 1  # '"..., the river is ours," the mayor said': the comma is the sentence's
        snapped = doc.char_span(start, end, label=content.label, alignment_mode="expand")
        return snapped if snapped is not None else content
    return content


def _inner_attribution(content: TokenSpan, cues: list[TokenSpan], sources: list[TokenSpan]
                       ) -> tuple[tuple[TokenSpan, TokenSpan], TokenSpan] | None:
    """((before, after), cue) when the model's content has a cue and its source inside it, with
    words on both sides: a parenthetical attribution (``A, X said, B``), not part of what was said."""
    for cue in cues:
        if not (content.start < cue.start and cue.end < content.end):
            continue
        near = [s for s in sources if content.start < s.start and s.end < content.end
                and _gap(s, cue) <= 2]
        if not near:
            continue
        start = min([cue.start] + [s.start for s in near])
        end = max([cue.end] + [s.end for s in near])
        doc = content.doc
        stop = next((i for i in range(end, min(end + MAX_ATTRIBUTION_TAIL, content.end))
                     if doc[i].text in PARENTHESIS_ENDS), None)
        a, b = start, end if stop is None else stop  # "X said on Monday," up to its comma
        while a > content.start and (doc[a - 1].is_punct or doc[a - 1].is_space):
            a -= 1
        while b < content.end and (doc[b].is_punct or doc[b].is_space):
            b += 1
        if a > content.start and b < content.end:
            return (doc[content.start:a], doc[b:content.end]), cue
    return None


def model_claims(doc: Doc, quotes: list[tuple[int, int]] | None = None,
                 split_parenthetical: bool = True, text: str | None = None) -> list[ModelClaim]:
    """Claims from the component's spans on one paragraph, split quotes joined. ``quotes`` are the
    paragraph's quotations (``annotate.quotes.find_quotes``); ``split_parenthetical``: a content
    with its own cue and source inside becomes two fragments around them; ``text`` is ``doc.text``
    when the caller has it."""
    spans = sorted(doc.spans[SPANS_KEY], key=lambda s: s.start) if has_model(doc) else []
    contents = [s for s in spans if s.label_ == "CONTENT"]
    if quotes:
        text = doc.text if text is None else text
        contents = [_snap_to_quote(c, quotes, text) for c in contents]
    cues = [s for s in spans if s.label_ == "CUE"]
    sources = [s for s in spans if s.label_ == "SOURCE"]
    sents = Sentences(doc)
    tied = [(c, _nearest(c, cues, MAX_CUE_DISTANCE, sents)) for c in contents]
    claims: list[ModelClaim] = []
    for content, cue in tied:
        inner = _inner_attribution(content, cues, sources) if split_parenthetical else None
        if inner is not None:  # "The museum, Mr. Obama said, would ...": around the attribution
            claims.append(ModelClaim(list(inner[0]), inner[1], None))
            continue
        prev = claims[-1] if claims else None
        if (prev is not None and cue is not None and prev.cue is not None and prev.cue == cue
                and prev.fragments[-1].end <= cue.start and cue.end <= content.start
                and content.start - prev.fragments[-1].end <= MAX_SPLIT_GAP):
            prev.fragments.append(content)  # "A," she said, "B."
            continue
        claims.append(ModelClaim([content], cue, None))
    for claim in claims:
        if claim.cue is None:
            claim.cue = _governing_word(claim.fragments[0], sents)
        if claim.cue is not None:
            claim.source = _source_for(claim.cue, sources, claim.fragments, sents)
            _cut_occasion(claim)
    return claims


# words opening an adverbial of time or reason: on the cue, they say when or why the source spoke
OCCASION_WORDS = frozenset({"when", "while", "during", "after", "before", "because", "since", "until"})


def _cut_occasion(claim: ModelClaim) -> None:
    """A content the model ran on into the cue's own adverbial of time or reason ends before it:
    ``described [Mr. Obama as a climate evangelist] when he ran in 2008``, ``spoke about [her ties
    to black churches] while at the convention``: the parse hangs it on the cue, not on the content."""
    if len(claim.fragments) != 1:
        return
    content, head = claim.fragments[0], cue_head(claim.cue)
    if content.start <= head.i < content.end:
        return
    doc = content.doc
    for tok in doc[content.start + 1:content.end]:
        if tok.lower_ not in OCCASION_WORDS:
            continue
        opens = tok.head if tok.dep_ in ("mark", "advmod") and tok.head.i > tok.i else tok  # "when he ran"
        if opens.head != head:
            return  # the first such word belongs to the content ("said [he left when ...]")
        end = tok.i
        while end > content.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end > content.start:
            claim.fragments[0] = doc[content.start:end]
        return


def is_direct(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """Mostly inside quotation marks."""
    inside = sum(max(0, min(end, qe) - max(start, qs)) for qs, qe in quotes)
    return end > start and inside >= 0.8 * (end - start)


def _source_word(source: TokenSpan) -> Token | None:
    """The word the model's source span names someone by: its root, or for a span of function words
    only ("a" of "a European Commission assessment") the noun they belong to; None when there is
    none (no speaker then, rather than "a")."""
    root = source.root
    if all(t.pos_ in ("DET", "ADP", "PART", "CCONJ", "SCONJ", "PUNCT") for t in source):
        return root.head if root.head.pos_ in ("NOUN", "PROPN") and root.head.i > root.i else None
    return root


def to_raw(claim: ModelClaim, quotes: list[tuple[int, int]], text: str) -> RawClaim:
    """The model claim in the rules' shape, so the engine resolves speaker, role and date alike."""
    cue = cue_head(claim.cue) if claim.cue is not None else None
    speaker = _source_word(claim.source) if claim.source is not None else None
    named = [t for t in claim.source if t.ent_type_ == "PERSON"] if claim.source is not None else []
    if speaker is not None and named and speaker.dep_ in ("compound", "dep") and speaker.i < named[-1].i and (
            speaker.ent_type_ != "PERSON"):  # "PD Senator Giuliana Scalzò" parsed with the party's
        speaker = named[-1]  # initials as the head: the person it describes
    kind = "direct" if all(is_direct(text, f.start_char, f.end_char, quotes)
                           for f in claim.fragments) else "indirect"
    return RawClaim(start=claim.start, end=claim.end, kind=kind, cue=cue, speaker=speaker,
                    confidence=MODEL_CONFIDENCE, construction="model")


def fragments_of(claim: ModelClaim, off: int, article: str) -> tuple[Span, ...]:
    if len(claim.fragments) < 2:
        return ()
    return tuple(Span(f.start_char + off, f.end_char + off,
                      article[f.start_char + off:f.end_char + off]) for f in claim.fragments)


def category(s: ClaimDraft) -> str:
    return _category(s.cue.text) if s.cue is not None else NO_CUE


@lru_cache(maxsize=4096)
def _category(cue: str) -> str:  # asked for every claim two or three times; a few hundred cues recur
    return cue_category(cue)


def combine(rules: list[ClaimDraft], model: list[ClaimDraft], policy: Policy, text: str = "",
            quotes: list[tuple[int, int]] = ()) -> list[ClaimDraft]:
    """The hybrid's answer for one article: rule claims, and model claims where the rules found
    nothing (or, in ``policy.model_bounds`` categories, the model's content for a rule claim; in
    ``policy.wider_model`` categories, the model's content where it holds the rule's and reaches
    further, :func:`takes_wider`). ``text`` is the article, ``quotes`` its quotations."""
    out = [r for r in rules if category(r) not in policy.drop_rules]
    added: list[ClaimDraft] = []
    for m in model:
        cat = category(m)
        if not policy.keeps(cat):
            continue
        hits = [i for i, r in enumerate(out) if same_claim(r, m, policy.same_share)]
        if not hits:
            added.append(m)
            continue
        if len(hits) != 1:
            continue
        r = out[hits[0]]
        if cat in policy.model_bounds or (category(r) in policy.wider_model and text
                                          and takes_wider(text, r, m, quotes)):
            out[hits[0]] = replace(r, content=m.content, fragments=m.fragments,
                                   kind=m.kind if m.fragments or r.kind == "direct" else r.kind)
    return sorted(out + added, key=lambda s: s.content.start)


def _ends(text: str, c: ClaimDraft) -> tuple[int, int] | None:
    """The claim's content without surrounding punctuation, quote marks and a leading "that"."""
    frags = trim_pieces(text, [(f.start, f.end) for f in (c.fragments or (c.content,))])
    return (frags[0][0], frags[-1][1]) if frags else None


# what follows a reported clause and is the reporter's, not the speaker's: a gloss (", which ..."),
# a contrast with someone else (", while ..."), a concession, the attribution itself
_GLOSS = re.compile(r"(?:which|while|whereas|according|though|although)\b", re.IGNORECASE)
_DANGLING = re.compile(r"\b(?:and|but|or|while|which|of|to|the|a|an)\W*$", re.IGNORECASE)
_QUOTE_MARKS = " ,;:\"'\u201c\u201d\u2018\u2019"


def takes_wider(text: str, rule: ClaimDraft, model: ClaimDraft, quotes: list[tuple[int, int]] = ()) -> bool:
    """Whether the model's content for a rule claim is the better one: it holds all of the rule's
    content and goes on (``said [they had misgivings about Mrs. Clinton, but could not bear to
    insult Mr. Obama]``, where the rules stopped at the comma), unless

    * the rule claim is a quotation of its own: a quote is quoted whole and stops at its marks
      (``"We need durable solutions" than just ...``), though a quote inside a longer quotation is
      no statement of its own (``"That was him saying, 'Don't leave it on the field.'"``);
    * what the model adds holds the speaker's next speech act (``... and urged them to``), a
      reporter's gloss (``, which ...``, ``, while X ...``) or ends in mid-phrase (``..., and``):
      there the rules stopped on purpose."""
    r, m = _ends(text, rule), _ends(text, model)
    if r is None or m is None or not (m[0] <= r[0] and r[1] <= m[1]) or m == r:
        return False
    if rule.kind == "direct" and not (not rule.fragments and any(
            qs < rule.content.start - 1 and rule.content.end + 1 < qe
            and qe - qs > rule.content.end - rule.content.start + 6 for qs, qe in quotes)):
        return False

    def unquoted(lo: int, hi: int) -> str:  # what the model adds, the speaker's quoted words blanked
        return "".join(" " if any(qs < i < qe - 1 for qs, qe in quotes) else text[i] for i in range(lo, hi))

    said = unquoted(m[0], r[0]) + " " + unquoted(r[1], m[1])
    if any(cue_lemma(w) in NEXT_ACTS for w in re.findall(r"[A-Za-z]+", said)):
        return False
    if _GLOSS.match(text[r[1]:m[1]].lstrip(_QUOTE_MARKS)) or _DANGLING.search(text[m[0]:m[1]]):
        return False
    return True


def overlaps(a: ClaimDraft, b: ClaimDraft) -> bool:
    return a.content.start < b.content.end and b.content.start < a.content.end


def same_claim(a: ClaimDraft, b: ClaimDraft, share: float) -> bool:
    """Whether two claims are one: they overlap, by more than ``share`` of either's length."""
    inter = min(a.content.end, b.content.end) - max(a.content.start, b.content.start)
    if inter <= 0:
        return False
    shortest = min(a.content.end - a.content.start, b.content.end - b.content.start)
    return inter > share * max(1, shortest)


def join_split_quotes(text: str, out: list[ClaimDraft]) -> list[ClaimDraft]:
    """Rule claims continuing a quote across its own attribution (``"A," she said, "B."``, found
    as two claims by the rules) become one claim with two fragments, however long the attribution
    between them (``"A," said X, who ... for years. "B."``): within a paragraph, a quotation with
    no attribution of its own goes on with the last speaker's statement."""
    joined: list[ClaimDraft] = []
    for s in out:
        prev = joined[-1] if joined else None
        if (prev is not None and prev.kind == "direct" and s.kind == "direct" and prev.cue is not None
                and prev.cue == s.cue and prev.speaker == s.speaker
                and prev.content.end <= prev.cue.start and prev.cue.end <= s.content.start
                and "\n" not in text[prev.content.end:s.content.start]):
            frags = prev.fragments or (prev.content,)
            joined[-1] = replace(prev, content=Span(prev.content.start, s.content.end,
                                                    text[prev.content.start:s.content.end]),
                                 fragments=(*frags, s.content))
            continue
        joined.append(s)
    return joined


def split_parenthetical(text: str, claims: list[ClaimDraft]) -> list[ClaimDraft]:
    """A content with its own attribution inside it (``The museum, Mr. Obama said, would make
    visitors face uncomfortable truths``) is two fragments around the attribution: what was said
    never includes who said it."""
    out = []
    for c in claims:
        if c.fragments or c.cue is None or c.mention is None:
            out.append(c)
            continue
        a = min(c.cue.start, c.mention.start)
        b = max(c.cue.end, c.mention.end)
        if not (c.content.start < a and b < c.content.end):
            out.append(c)
            continue
        first_end = a
        while first_end > c.content.start and text[first_end - 1] in " ,\u2014\u2013-":
            first_end -= 1
        comma = min((i for i in (text.find(e, b, c.content.end) for e in PARENTHESIS_ENDS) if i >= 0),
                    default=-1)
        second = comma if 0 <= comma and len(text[b:comma].split()) <= MAX_ATTRIBUTION_TAIL else b
        while second < c.content.end and text[second] in " ,\u2014\u2013-":
            second += 1
        if first_end <= c.content.start or second >= c.content.end or "\n" in text[first_end:second]:
            out.append(c)
            continue
        frags = (Span(c.content.start, first_end, text[c.content.start:first_end]),
                 Span(second, c.content.end, text[second:c.content.end]))
        out.append(replace(c, fragments=frags))
    return out


# the article's own writers: a byline ("By Jan Novak") or an author's note ("Jan Novak is a reporter
# for ...", at the foot of many web articles)
_BYLINE = re.compile(r"(?m)^[ \t]*[Bb]y[ \t]+([A-Z][\w'\u2019.-]+(?:[ \t]+[A-Z][\w'\u2019.-]+){1,3})[ \t]*(?:$|[,|\u2014-])")
_AUTHOR_NOTE = re.compile(
    r"(?m)^[ \t]*([A-Z][\w'\u2019.-]+(?:[ \t]+[A-Z][\w'\u2019.-]+){1,3}) is (?:a|an|the) (?:[\w-]+ ){0,3}"
    r"(?:reporter|correspondent|journalist|editor|writer|columnist|contributor|news anchor)\b")


def writers(text: str) -> set[str]:
    """The surnames of the article's writers, from its byline or its author's note."""
    names = [m.group(1) for rx in (_BYLINE, _AUTHOR_NOTE) for m in rx.finditer(text)]
    return {n.split()[-1].lower() for n in names}


def prune(claims: list[ClaimDraft], secondary: Container[int], policy: Policy, text: str = "") -> list[ClaimDraft]:
    """Drop the secondary claims (the model's and the broad rules', ids in ``secondary``, whose
    holder keeps those claims alive so that no other claim can take one of their ids) that are
    no attribution of their own:

    * one lying, with its cue, inside another claim's content: ``Italy does not plan [to send
      troops], Meloni's office said`` is the office's claim, already made; the intention inside it
      is part of it, not a claim of Italy's;
    * one whose source is the article's own writer (``Martin often reports on international
      politics`` in the author's note): the narrator is not a source.

    Statement claims of the rules are never dropped (nested statements the rules find on purpose
    stand)."""
    by = writers(text) if policy.drop_narrator and text else set()

    def narrator(c: ClaimDraft) -> bool:
        return bool(by) and bool(c.speaker) and c.speaker.split()[-1].lower() in by

    def nested(c: ClaimDraft) -> bool:
        return policy.drop_nested and any(
            o is not c and o.content.start <= c.content.start and c.content.end <= o.content.end
            and (c.content.start, c.content.end) != (o.content.start, o.content.end)
            and (c.cue is None or o.content.start <= c.cue.start < o.content.end) for o in claims)

    return [c for c in claims if id(c) not in secondary or not (narrator(c) or nested(c))]
