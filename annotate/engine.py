"""The suggestion engine: article text in, attributed claims out.

Articles are split into paragraphs (lines) so a headline or caption never runs into the next
sentence; paragraphs of many articles go through one ``nlp.pipe`` stream. Speaker coreference,
role carrying and date carrying then run over each article in reading order.
"""
from __future__ import annotations

import datetime as dt
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kernel import ClaimDraft, Span

from . import hybrid
from .attribution import RawClaim, find_claims
from .guard import ARTICLE, RuleFailure, Suggestions, strict
from .dates import (act_refs, after_event, companion, counted_event, counted_from_head, date_phrase, dateline,
                    dateline_end, event_refs, frame_date, is_period, leading_date, narrative_dates, occasion_refs,
                    own_date, resolve, same_text, shifted, stated_date, where_date, year_of_text)
from .ingest.dates import plausible
from .lexicon import REPORTING_VERBS
from .spacy_pipelines import pipeline_id
from .quotes import find_quotes
from .speakers import ArticleSpeakers, capital_city, country_word, is_byline
from .stance import FLIPPED, RuleStance, StanceClassifier, cue_negated, settle_article
from .suggestion import TopicSpec

_PARAGRAPH = re.compile(r"[^\n]+")
_WRAPPED = re.compile(r"[\w,;]\s*$")  # a line that stops mid-sentence
MAX_PARAGRAPH = 20_000  # characters handed to the parser at once
CONTEXT_CHARS = 600  # text before a claim that stance may read to see what "this role" is
# "WASHINGTON (AP) — ", "BERLIN, May 3 (Reuters) - ": a dateline is no part of the first sentence
# "The Hague (AFP) – ", "Berlin (dpa) - ": a place written in mixed case needs the agency after it
_DATELINE = re.compile(r"(?:[A-Z][A-Z .'-]{2,40}(?:,[^()\n]{1,30})?(?:\s*\([^)\n]{1,30}\))?"
                       r"|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?:, [A-Z][\w .'-]{1,25})?\s*\((?:[A-Z]|dpa)[^)\n]{0,29}\))"
                       r"(?:\s+|\.\s*)[\u2014\u2013-]+\s+")  # EFE writes "Madrid, Nov 4 (EFE).- "


# "— Ezgi Tanrıkulu, economist": a line that signs the quotation above it (a name of two to four
# capitalised words, and what they are)
_SIGNATURE = re.compile(r"^\s*[\u2014\u2013\u2015-]+\s*(?P<name>[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){1,3})"
                        r"(?:,\s*(?P<role>[^\n,]{2,80}?))?\s*$")
_OPENING = ("\"", "\u201c", "\u00ab", "\u201e")
_CLOSING = ("\"", "\u201d", "\u00bb")
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019')]*\s*$")


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: a line, or lines hard-wrapped mid-sentence joined together
    (a line ending without punctuation, the next one starting in lower case)."""
    start = end = None
    for m in _PARAGRAPH.finditer(text):
        if not m.group().strip():
            continue
        if start is not None and m.start() == end + 1 and _WRAPPED.search(text[start:end]) and (
                m.group()[:1].islower()):
            end = m.end()
            continue
        if start is not None:
            yield start, end
        start, end = m.start(), m.end()
    if start is not None:
        yield start, end


# "KUALA LUMPUR: ", "NEW DELHI: " (The Star, Times of India): a place in capitals and a colon
_COLON_DATELINE = re.compile(r"([A-Z][A-Z .'-]{2,30}):\s+")


# "Brussels - ", "Oslo, May 2 - ": a dateline in title case with a spaced dash and no agency
_TITLE_DATELINE = re.compile(r"([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,2})(?:(, [A-Z][a-z]{2,8}\.? \d{1,2})|, ([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,2}))?"
                             r" [\u2014\u2013-]{1,2} (?=[A-Z\"\u201c])")


def _title_dateline(text: str, first: int, last: int) -> int | None:
    """Where a title-case dateline ends: a date after the place, or a place that is a country or a
    capital (not "Question 1 - ", nor a name set off by dashes)."""
    m = _TITLE_DATELINE.match(text, first, last)
    if m is None:
        return None
    place = m.group(3) or m.group(1)  # ("Lagos, Nigeria - ": the country)
    return m.end() if m.group(2) or capital_city(place) or country_word(place) else None


def _colon_dateline(text: str, first: int, last: int) -> int | None:
    """Where a dateline written with a colon ends, told from a transcript's speaker label ("SMITH:
    ...") by naming a country or a capital; None otherwise."""
    m = _COLON_DATELINE.match(text, first, last)
    if m is None:
        return None
    place = m.group(1).title()
    return m.end() if capital_city(place) or country_word(place) else None


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of every paragraph without a leading dateline. Line breaks inside a
    hard-wrapped paragraph become spaces, so offsets still point into ``text``."""
    out = []
    for first, last in _lines(text):
        d = _DATELINE.match(text, first, last)
        start = d.end() if d else dateline_end(text, first, last) or _colon_dateline(text, first, last) or (
            _title_dateline(text, first, last)) or first
        line = text[start:last].replace("\n", " ")
        while len(line) > MAX_PARAGRAPH:  # keep far below spaCy's max_length, cut after a sentence
            stop = line.rfind(". ", 0, MAX_PARAGRAPH)
            cut = stop + 2 if stop > 0 else MAX_PARAGRAPH
            out.append((start, line[:cut]))
            start, line = start + cut, line[cut:]
        out.append((start, line))
    return out


class SuggestionEngine:
    def __init__(self, nlp: Language, topics: Sequence[TopicSpec] = (),
                 stance: StanceClassifier | None = None, broad: bool = False, scope: str | None = None) -> None:
        self.nlp = nlp
        # ``scope`` (hybrid.SCOPES): "all" attributions (default) or "statements" only
        self.scope = scope or hybrid.DEFAULT_SCOPE
        self.policy = hybrid.policy_for(self.scope)
        # with the trained attribution model attached, the rules also find intentions, directives
        # and object content (PolNeAR's broader attribution), as the model does; not for "statements"
        self.broad = broad or (self.policy.rules_broad and "attribution" in getattr(nlp, "pipe_names", ()))
        self.topics = tuple(topics)
        self.stance = stance or RuleStance()
        self.model_name, self.model_version = pipeline_id(nlp)

    def suggest(self, text: str, published: dt.date | None = None) -> Suggestions:
        return next(self.suggest_many([(text, published)]))

    def suggest_many(self, items: Iterable[tuple[str, dt.date | None]], *, batch_size: int = 16,
                     progress: Callable[[int, int | None], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> Iterator[Suggestions]:
        """One list of suggestions per (text, published) item, in order.

        All paragraphs of all items flow through one ``nlp.pipe`` stream (``batch_size`` articles'
        worth of paragraphs at a time); each article is finished as soon as its last paragraph is
        parsed. ``progress(done, total)`` is called after each article (total None for an unsized
        input); when ``cancelled()`` turns true the iteration stops quietly before the next article.

        A rule that raises costs one article, not the run (``annotate.guard``): the article's list is
        empty and its ``failures`` say why, or, where the rule gave one field, that field is empty.
        """
        total = len(items) if isinstance(items, Sequence) else None
        if cancelled is not None and cancelled():
            return
        articles: dict[int, tuple[str, dt.date | None, int, list[tuple[int, Doc]]]] = {}
        broken: dict[int, RuleFailure] = {}  # articles whose paragraphs could not be found

        def stream() -> Iterator[tuple[str, tuple[int, int]]]:
            for k, (text, published) in enumerate(items):
                try:
                    paras = paragraphs(text)
                except Exception as exc:  # noqa: BLE001 - a rule's bug costs this article only
                    broken[k] = _skipped(exc)
                    paras = []
                articles[k] = (text, published, len(paras), [])
                for off, para in paras:
                    yield para, (k, off)

        done = 0

        def finish(k: int) -> Suggestions:
            nonlocal done
            text, published, _, parsed = articles.pop(k)
            if k in broken:
                result = Suggestions((), (broken.pop(k),))
            else:
                try:
                    result = self.from_docs(text, parsed, published)
                except Exception as exc:  # noqa: BLE001 - a rule's bug costs this article only
                    result = Suggestions((), (_skipped(exc),))
            done += 1
            if progress is not None:
                progress(done, total)
            return result

        next_k = 0
        with pipeline_lock(self.nlp):  # one parse at a time per pipeline, whichever thread asks
            for doc, (k, off) in self.nlp.pipe(stream(), as_tuples=True, batch_size=batch_size * 8):
                articles[k][3].append((off, doc))
                while next_k in articles and (next_k < k or len(articles[next_k][3]) == articles[next_k][2]):
                    if cancelled is not None and cancelled():
                        return
                    yield finish(next_k)  # every article before k is complete, and k may be too
                    next_k += 1
            while next_k in articles:  # articles after the last parsed paragraph (or with none)
                if cancelled is not None and cancelled():
                    return
                yield finish(next_k)
                next_k += 1

    def from_docs(self, text: str, parsed: list[tuple[int, Doc]],
                  published: dt.date | None) -> Suggestions:
        """Suggestions for one article from its parsed paragraphs ((offset, Doc) in order).

        A field rule that raises leaves its field empty (``annotate.guard``) and is listed in the
        result's ``failures``; anything else that raises is raised (``suggest_many`` skips the article)."""
        art = _Article(text, published)
        texts = [doc.text for _, doc in parsed]  # built once: Doc.text joins every token
        # the first paragraph of running text: sentences that end as sentences (a headline of twelve
        # words, "Colombia and ELN rebels to resume peace talks next week, negotiator says", is none)
        body = [(off, off + len(ptext)) for (off, _), ptext in zip(parsed, texts)
                if len(ptext.split()) >= 12 and _SENTENCE_END.search(ptext)]
        art.lead_end = body[0][1] if body else 0  # the first paragraph of running text
        # the lead of the news: under a standfirst (a summary set off from the lead by a byline or a
        # date line), the paragraph after it; its day, else the next paragraph's, is the day of the news
        numbers = [k for k, ((off, _), ptext) in enumerate(zip(parsed, texts))
                   if len(ptext.split()) >= 12 and _SENTENCE_END.search(ptext)]
        lead = 1 if len(numbers) > 1 and numbers[1] > numbers[0] + 1 else 0
        art.news_lead = body[lead] if len(body) > lead else (0, 0)
        art.news_end = body[min(lead + 1, len(body) - 1)][1] if body else 0
        art.speakers.lead_start, art.speakers.lead_end = (body[0][0] if body else 0), art.lead_end
        with _article_field(art, "speaker"):
            for (off, doc), ptext in zip(parsed, texts):
                if not is_byline(doc, off < max(art.lead_end, art.news_lead[0])):  # the writers are never
                    # speakers (a line of names alone above the lead, also between a standfirst and the lead)
                    art.speakers.observe(doc, off, ptext)
            art.speakers.name_lead_descriptors()
        with _article_field(art, "date"):
            if published is None:  # an undated article that names its own date is read as of that date:
                # a date line ("Thursday, 12 November 2026", "Published: ..."), its dateline ("OTTAWA, Jan. 23,
                # 2026 —"), the day its opening states with the weekday and the year
                art.published = plausible(own_date(text) or dateline(text, None) or stated_date(text))
            elif (local := dateline(text, published)) is not None and abs((local - published).days) == 1:
                # "Taipei, Nov. 20 (CNA)" stamped 19 November (a time in UTC): the story's own day is the
                # dateline's, the day its "on Friday" counts from
                art.published = local
            if art.published is None:
                art.year_hint = year_of_text(text)
                art.published = plausible(dateline(text, art.year_hint))  # "KYIV, Nov 26 (Reuters) -": the year it writes
        quotes = [find_quotes(ptext) for ptext in texts]  # each paragraph's quotations, found once
        with _article_field(art, "date"):
            for (off, doc), para_quotes in zip(parsed, quotes):
                self._events(art, off, doc, para_quotes)
        out: list[ClaimDraft] = []
        seen: set[tuple[str, str | None]] = set()
        # the claims beyond statements (the model's, the broad rules'), by id; held here, since an id is
        # only an object's while it lives: a model claim dropped by the merge freed its id for the next
        # claim made, which prune then took for a secondary one (which claims, hung on memory layout)
        secondary: dict[int, ClaimDraft] = {}
        for number, (off, doc) in enumerate(parsed):
            for raw in find_claims(doc, texts[number], self.broad):
                sug = self._build(art, raw, off, doc, number)
                if sug is None or (sug.content.text, sug.speaker) in seen:
                    continue  # a repeated headline or pull quote is one claim
                seen.add((sug.content.text, sug.speaker))
                out.append(sug)
                art.previous = (number, sug)
                if raw.construction.startswith(hybrid.BROAD_CONSTRUCTIONS):
                    secondary[id(sug)] = sug
        out = hybrid.join_split_quotes(text, out)
        if parsed and hybrid.has_model(parsed[0][1]):
            out = self._with_model_claims(art, parsed, texts, quotes, out, secondary)
        with _article_field(art, "speaker"):
            out = self._signed(art, parsed, texts, list(out))  # a copy: it writes into the list it is given
        with _article_field(art, "date"):
            out = self._dated_by_next(art, parsed, out)
        out = hybrid.prune(out, secondary, self.policy, text)
        if self.policy.split_parenthetical:
            out = hybrid.split_parenthetical(text, out)
        with _article_field(art, "stance"):
            out = settle_article(text, out, self.topics, self.stance)
        with _article_field(art, "speaker"):
            out = art.speakers.as_headlines_write(out)  # (last: the fields above went by the full name)
        return _emptied(art, out)

    def _signed(self, art: _Article, parsed: list[tuple[int, Doc]], texts: list[str],
                out: list[ClaimDraft]) -> list[ClaimDraft]:
        """A paragraph that is one quotation, signed on the next line "— Ezgi Tanrıkulu, economist"
        (a box, a pull quote, a newsletter's "What they say"): the signer says it."""
        signed: list[tuple[int, int, str, str | None, int]] = []
        for k in range(len(parsed) - 1):
            quote, sign = texts[k].strip(), _SIGNATURE.match(texts[k + 1])
            if sign and quote[:1] in _OPENING and quote.rstrip(".")[-1:] in _CLOSING:
                name = art.speakers.full_name(sign.group("name"), parsed[k + 1][0] + sign.start("name"))
                signed.append((parsed[k][0], parsed[k][0] + len(texts[k]), name, sign.group("role"), k))
        for start, end, name, role, k in signed:
            role = role or art.speakers.role_of(name, start)
            inside = [n for n, sug in enumerate(out) if start <= sug.content.start and sug.content.end <= end]
            for n in inside:
                out[n] = replace(out[n], speaker=name, role=role)
            if not inside:  # the quotation whole, as the rules would take a quote with its cue
                lead = len(texts[k]) - len(texts[k].lstrip()) + 1
                tail = len(texts[k].rstrip()) - 1
                raw = RawClaim(lead, tail, "direct", None, None, 0.7, "signed quotation")
                out.append(replace(self._sourceless(art, raw, parsed[k][0], parsed[k][1]), speaker=name, role=role))
        out.sort(key=lambda s: s.content.start)
        return out

    @staticmethod
    def _events(art: _Article, off: int, doc: Doc, quotes: list[tuple[int, int]]) -> None:
        """Dated events of the article's narrative, with who acted, for statements that state no
        date of their own ("The court on Thursday upheld ... The court said ...")."""
        before = art.events[-1][1] if art.events else None
        sents = list(doc.sents)
        def occasion(lemma: str, pos: int) -> dt.date | None:
            return _told_of(art, frozenset([lemma]), pos + off)

        pending: list[tuple[int, list[str], list]] = []
        for pos, date, subjects in narrative_dates(doc, art.published, art.year_hint, quotes, before, occasion,
                                                   pending):
            sent = next((x for x in sents if x.start_char <= pos < x.end_char), None)
            if sent is not None:
                art.told_words.append((pos + off, date, sent, _NOTHING))
            if any(_is_occasion(subj) for subj in subjects):
                # "He was speaking at a rally in Lyon on Saturday.": the day of what was just quoted
                who = {art.speakers.resolve(m)[0] if m.kind not in ("pronoun", "it") else m.kind
                       for subj in subjects if (m := art.speakers.mention(subj, off)) is not None}
                art.occasions.append((pos + off, date, who - {None}))
            verb = next((t for t in sent if t.idx == pos), None) if sent is not None else None
            if verb is not None and verb.lemma_.lower() in REPORTING_VERBS and any(
                    c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
                art.earlier.add(pos + off)  # "Varga had told reporters on Monday": an earlier occasion
            art.events.append((pos + off, date, _actors(art, subjects, off)))
        for pos, lemmas, subjects in pending:  # an occasion the statements further on will date
            art.pending.append((pos + off, lemmas, _actors(art, subjects, off)))

    @staticmethod
    def _dated_by_next(art: _Article, parsed: list[tuple[int, Doc]], out: list[ClaimDraft]) -> list[ClaimDraft]:
        """A statement that states no day of its own, followed in the same paragraph by the same
        speaker's statement that does ("X denied that ... 'It is not on the table,' she said on
        France Inter on Thursday"), or summed up in the headline or lead before the article tells
        when it was made ("..., the minister has said." ... "X told MPs on Tuesday"), was made
        that day, not on the day of the news. A sentence right after it that dates the speaking
        ('"...," Marchal said. He was speaking at a rally in Lyon on Saturday.') dates it first."""
        starts = [off for off, _ in parsed]

        def paragraph(pos: int) -> int:
            return max((k for k, off in enumerate(starts) if off <= pos), default=0)

        dated = sorted((c.content.start, c) for c in out if not c.date_assumed and c.date is not None and c.speaker)
        starts_all = sorted(c.content.start for c in out)
        result = []
        for claim in out:
            start = claim.content.start
            occasion = next((o for o in art.occasions if o[0] > claim.content.end), None)
            if claim.date_assumed and occasion is not None and paragraph(occasion[0]) == paragraph(start) and not any(
                    claim.content.end <= s < occasion[0] for s in starts_all) and any(
                    w in ("pronoun", "it") or same_source(w, claim.speaker) for w in occasion[2]):
                result.append(replace(claim, date=occasion[1]))
                continue
            if start in art.undated and claim.speaker:
                # the same speaker, or in the lead the post the body then names ("the home secretary
                # has told Sky News" ... "Home Secretary Naomi Farrant said on Wednesday")
                nxt = next((c for s, c in dated if s > start and s not in art.earlier and (
                    same_source(c.speaker, claim.speaker) or (
                    start < art.news_end and c.role and _name_words(c.role) == _name_words(claim.speaker)))), None)
                if nxt is not None and (paragraph(nxt.content.start) == paragraph(start) or start < art.news_end) and (
                        nxt.date != claim.date):
                    claim = replace(claim, date=nxt.date)
            result.append(claim)
        return result

    @staticmethod
    def _news_day(art: _Article) -> dt.date | None:
        """The day of the event the article opens with ("Leaders failed to agree on Thursday ..."):
        a statement in the story with no date of its own was most likely made that day."""
        for end in (art.news_lead[1], art.news_end):  # the lead's day, else the next paragraph's
            lead = sorted(e[:2] for e in art.events + art.told if e[0] < end and e[0] not in art.earlier and (
                art.published is None or (art.published - e[1]).days <= _NEWS_DAYS))  # not a caption's old photo
            if lead:
                return lead[0][1]
            if art.present_lead:  # "Fiji's minister says ...": the lead tells it as of the text's own day
                return art.published
        return None

    def _carried_date(self, art: _Article, speaker: str | None, pos: int, cue, content) -> dt.date | None:
        """A statement with no date phrase: dated by the event it follows ("said after the
        meeting"), else by the speaker's latest dated statement or dated act before it."""
        before = [e for e in art.events if e[0] < pos]
        if cue is not None:
            occasion = self._occasion_date(art, cue, content, pos)
            if occasion is not None:
                # its sentence tells of that occasion too ("who signed ... at a ceremony": "at the same ceremony")
                art.told_words.append((cue.idx + pos - content[0], occasion, cue.sent, content))
                return occasion
        if cue is not None and before and after_event(cue, content):
            return before[-1][1]
        if cue is not None and (same_text(cue, content) or cue.lemma_.lower() == "add"):
            # "In the same report, her office found", "The department added that": said with the
            # statement just quoted, on its day
            quoted = [d for p, d in art.dated if p < pos]
            if quoted:
                return quoted[-1]
        if not speaker:
            return None
        # "After Monday's cabinet meeting, she had told reporters ...": an earlier occasion, not the one
        # the speaker goes on speaking at
        said = max(((p, d) for p, name, d in art.said if p < pos and p not in art.earlier and same_source(name, speaker)),
                   default=None, key=lambda x: x[0])
        acted = next(((p, d) for p, d, names in reversed(before) if p not in art.earlier and any(
            same_source(n, speaker) for n in names)), None)
        # "Y, who also spoke at the seminar, struck a more cautious note": the seminar's day, told of since
        present = next(((p, d) for p, lemmas, names in reversed(art.pending) if p < pos and any(
            same_source(n, speaker) for n in names) for d in [_occasion_of(art, lemmas, p)] if d is not None), None)
        best = max((x for x in (said, acted, present) if x is not None), default=None, key=lambda x: x[0])
        if best is not None and cue is not None:
            # the occasion of its sentence is the speaker's of that day ("Speaking at a seminar ..., the
            # adviser said": "who also spoke at the seminar")
            art.told_words.append((cue.idx + pos - content[0], best[1], cue.sent, content))
        return best[1] if best else None

    @staticmethod
    def _occasion_date(art: _Article, cue, content, pos: int) -> dt.date | None:
        """The day of an occasion the frame points back to: "after the session", "at the review's
        launch", "before the vote" name one the article dated before (the latest told of in a
        sentence with that word); "at the same meeting", "who attended the same reception" the one
        just told of."""
        told_before = cue.idx + pos - content[0]  # before its cue (not this statement as dated on a first pass)
        for _prep, lemma, _same in occasion_refs(cue, content):
            # "The decision followed talks on Monday between X and Y. He said after the meeting":
            # a meeting is the talks told of last, though a cabinet meeting was told of before them
            told = _told_of(art, frozenset([lemma]), told_before, _kin(lemma))
            if told is not None:
                return told
        # "X, who signed the agreement, said": the signing's day; "Presenting the bill, X said": the bill's
        for lemmas in event_refs(cue, content) + act_refs(cue, content):
            told = _told_of(art, lemmas, pos)
            if told is not None:
                return told
        return None

    def _with_model_claims(self, art: _Article, parsed: list[tuple[int, Doc]], texts: list[str],
                           quotes_of: list[list[tuple[int, int]]], out: list[ClaimDraft],
                           secondary: dict[int, ClaimDraft]) -> list[ClaimDraft]:
        """Add the trained component's claims where the rules found none (``annotate.hybrid``)."""
        model: list[ClaimDraft] = []
        read: set[str] = set()
        for number, (off, doc) in enumerate(parsed):
            if texts[number].strip() in read:
                continue  # a headline or pull quote printed again says nothing new
            read.add(texts[number].strip())
            quotes = quotes_of[number]
            for claim in hybrid.model_claims(doc, quotes if self.policy.snap_quotes else None,
                                             self.policy.split_parenthetical, texts[number]):
                raw = hybrid.to_raw(claim, quotes, texts[number])
                sug = self._build(art, raw, off, doc, number) if raw.speaker is not None else None
                if sug is None:
                    sug = self._sourceless(art, raw, off, doc)
                if claim.wanted(self.policy, hybrid.category(sug)):
                    model.append(replace(sug, fragments=hybrid.fragments_of(claim, off, art.text)))
                    secondary[id(model[-1])] = model[-1]
        article_quotes = [(qs + off, qe + off) for (off, _), para in zip(parsed, quotes_of) for qs, qe in para]
        return hybrid.combine(out, model, self.policy, art.text, article_quotes)

    def _sourceless(self, art: _Article, raw: RawClaim, off: int, doc: Doc) -> ClaimDraft:
        """A claim whose source the text does not name: speaker left for the annotator."""
        content = Span(raw.start + off, raw.end + off, art.text[raw.start + off:raw.end + off])
        cue = raw.cue
        cue_span = Span(cue.idx + off, cue.idx + len(cue) + off, cue.text) if cue is not None else None
        date, date_text, assumed = self._claim_date(art, raw, off, content, None, None)
        return ClaimDraft(
            content=content, kind=raw.kind, cue=cue_span, mention=None, speaker=None,
            role=None, date=date, date_text=date_text,
            date_assumed=assumed, confidence=round(raw.confidence - 0.2, 2),
            model_name=self.model_name, model_version=self.model_version,
            **self._stance(art, content, doc, raw))

    def _build(self, art: _Article, raw: RawClaim, off: int, doc: Doc, number: int) -> ClaimDraft | None:
        content = Span(raw.start + off, raw.end + off, art.text[raw.start + off:raw.end + off])
        confidence = raw.confidence
        try:
            mention = art.speakers.mention(raw.speaker, off) if raw.speaker is not None else None
        except Exception as exc:  # noqa: BLE001 - the speaker's rules failed: the claim stands without one
            _claim_failed(art, "speaker", exc, content.start)
            return self._sourceless(art, raw, off, doc)
        if raw.continues and (raw.speaker is None or mention is None):
            if art.previous is None or number - art.previous[0] > 1 or art.previous[1].kind != "direct":
                return None
            prev = art.previous[1]
            return replace(prev, content=content, fragments=(),
                           confidence=round(max(0.05, min(confidence, prev.confidence) - 0.05), 2),
                           **self._stance(art, content, doc, raw))
        if mention is None:
            return None
        try:
            speaker, role = art.speakers.resolve(mention)
            if raw.known_speaker_only and not art.speakers.is_person(speaker):
                return None
            art.speakers.record(mention.start, speaker, role, mention.kind)
        except Exception as exc:  # noqa: BLE001 - the speaker's (and role's) rules failed: the claim stands
            _claim_failed(art, "speaker", exc, content.start)
            return self._sourceless(art, raw, off, doc)
        if speaker is None:
            confidence -= 0.2
        cue = raw.cue
        cue_span = None
        if cue is not None:
            cue_end = cue.nbor().idx + len(cue.nbor()) if cue.lower_ == "according" else cue.idx + len(cue)
            cue_span = Span(cue.idx + off, cue_end + off, art.text[cue.idx + off:cue_end + off])
        date, date_text, assumed = self._claim_date(art, raw, off, content, speaker, role)
        return self._draft(art, raw, content, cue_span, mention, speaker, role, confidence,
                           date, date_text, assumed, doc)

    def _claim_date(self, art: _Article, raw: RawClaim, off: int, content: Span, speaker: str | None,
                    role: str | None) -> tuple[dt.date | None, str | None, bool]:
        """``_statement_date``, or no date when its rules fail (``annotate.guard``)."""
        try:
            return self._statement_date(art, raw, off, content, speaker, role)
        except Exception as exc:  # noqa: BLE001 - a date rule's bug costs this claim's date
            _claim_failed(art, "date", exc, content.start)
            return None, None, False  # no date, and none assumed either

    def _statement_date(self, art: _Article, raw: RawClaim, off: int, content: Span, speaker: str | None,
                        role: str | None) -> tuple[dt.date | None, str | None, bool]:
        """(date, the phrase that gave it, assumed) of a statement, and what the article carries on
        from it: its own day phrase, else the occasion or statement it goes with, else the day of
        the news. A period ("last week") gives no day at all."""
        cue = raw.cue
        date, date_text, assumed = None, None, True
        art.contents.append((content.start, content.end))
        counted = counted_from_head(cue) if cue is not None else None
        if counted is not None:  # "..., a day after the governor said ...": a day before the head's day
            head_phrase = date_phrase(counted[1], (raw.start, raw.end))
            head_date = resolve(art.text[head_phrase[0] + off:head_phrase[1] + off], art.published,
                                art.year_hint) if head_phrase else None
            if head_date is not None and (art.published is None or head_date <= art.published):
                date = shifted(head_date, counted[0])
                date_text = art.text[head_phrase[0] + off:head_phrase[1] + off]
                assumed = False
        if cue is not None and date is None:
            phrase = raw.date_span or date_phrase(cue, (raw.start, raw.end))
            if phrase is None and not raw.start <= cue.idx < raw.end:
                phrase = frame_date(cue, (raw.start, raw.end)) or leading_date(cue, (raw.start, raw.end)) or (
                    where_date(cue, (raw.start, raw.end)))
            if phrase is not None:
                date_text = art.text[phrase[0] + off:phrase[1] + off]
                anchor = _anchor(art, cue.sent.start_char + off)
                counted = counted_event(cue.doc, phrase)
                if counted is not None:  # "Addressing Parliament a day after talks in Ankara, X said"
                    lemma, days = counted
                    told = _told_of(art, frozenset([lemma]), cue.idx + off, _kin(lemma))
                    if told is None and any(d == anchor and same_source(name, speaker) for _, name, d in art.said):
                        # the day named last is the speaker's own statement, not the talks: no count from it
                        date, date_text = None, None
                    else:  # the talks' day, else (an event told in other words: "the vote") the day named last
                        date = shifted(told or anchor or art.published, days)
                else:
                    date = resolve(date_text, art.published, art.year_hint, anchor)
                if date is not None and art.published is not None and date > art.published:
                    date, date_text = None, None  # a date to come (a policy taking effect) is no statement date
                assumed = date is None
                if date is None and date_text is not None and is_period(date_text):
                    # "told reporters last week": said on no day the text gives, and no other day is it
                    return None, None, True
        if date is None:  # the event it follows, the speaker's last dated statement, the publication date
            # "the bank says", "MINEC announces": told in the present, as of the text's own day
            present = cue is not None and cue.tag_ in ("VBZ", "VBP")
            if present and art.news_lead[0] <= content.start < art.news_lead[1]:
                art.present_lead = True
            date = None if present or raw.speaker is None else _beside(art, raw.speaker, speaker, content.start, cue)
            if date is None:
                date = self._carried_date(art, None if present else speaker, content.start, cue, (raw.start, raw.end))
            if date is None and not present:
                date = _for_the_body(art, role, content.start)
            if date is None and not present and raw.speaker is not None:
                date = _introduced_at(art, speaker, raw.speaker.left_edge.idx + off)
            if date is None and not present and raw.speaker is not None:
                date = _goes_on(art, raw.speaker, speaker, content.start)
            if date is not None and speaker:
                art.said.append((content.start, speaker, date))
            if date is None:
                art.undated.add(content.start)
            date = date or (art.published if present else self._news_day(art)) or art.published
        elif speaker:
            art.said.append((content.start, speaker, date))
        if date is not None:
            art.dated.append((content.start, date))
            art.dated.sort()
            if not assumed:
                art.told.append((cue.idx + off, date))
                art.told_words.append((cue.idx + off, date, cue.sent, _NOTHING))
        return date, date_text, assumed

    def _draft(self, art: _Article, raw: RawClaim, content: Span, cue_span: Span | None, mention,
               speaker: str | None, role: str | None, confidence: float, date: dt.date | None,
               date_text: str | None, assumed: bool, doc: Doc) -> ClaimDraft:
        if raw.cue is not None and any(c.dep_ == "aux" and c.lower_ == "had" for c in raw.cue.children):
            art.earlier.add(content.start)  # "He had told parliament on Wednesday": an earlier occasion
        if raw.continues:
            confidence -= 0.1
        return ClaimDraft(
            content=content, kind=raw.kind, cue=cue_span,
            mention=Span(mention.start, mention.end, mention.text),
            speaker=speaker, role=art.speakers.shown_role(mention, speaker, role), date=date, date_text=date_text,
            date_assumed=assumed,
            confidence=round(max(0.05, min(1.0, confidence)), 2),
            model_name=self.model_name, model_version=self.model_version,
            **self._stance(art, content, doc, raw))

    def _stance(self, art: _Article, content: Span, doc: Doc, raw: RawClaim) -> dict:
        if not self.topics:
            return {"stance": None, "topic": None}
        try:
            tokens = doc.char_span(raw.start, raw.end, alignment_mode="expand")
            context = art.text[max(0, content.start - CONTEXT_CHARS):content.start]
            stance, topic = self.stance.judge(content.text, self.topics, tokens, context)
            if stance in FLIPPED and cue_negated(raw.cue):
                # "Italy does not plan [to send peacekeepers]": the content alone reads as favour; the
                # negation sits on the cue, outside it, and turns the speaker's stance around
                stance = FLIPPED[stance]
        except Exception as exc:  # noqa: BLE001 - a stance rule's bug costs this claim's stance
            _claim_failed(art, "stance", exc, content.start)
            return {"stance": None, "topic": None}
        return {"stance": stance, "topic": topic}


_PIPELINE_LOCKS: weakref.WeakKeyDictionary[Language, threading.RLock] = weakref.WeakKeyDictionary()
_LOCKS_GUARD = threading.Lock()


def pipeline_lock(nlp: Language) -> threading.RLock:
    """The lock a pipeline is parsed under. A spaCy pipeline is not safe to run from two threads at
    once (its vocabulary and caches are written while it parses; two window jobs suggesting at the
    same time crashed the process in a test run), so every parse by the engine takes this first."""
    with _LOCKS_GUARD:
        lock = _PIPELINE_LOCKS.get(nlp)
        if lock is None:
            lock = _PIPELINE_LOCKS[nlp] = threading.RLock()
        return lock


@dataclass
class _Article:
    """What the engine carries from one claim to the next while reading an article."""

    text: str
    published: dt.date | None
    year_hint: dt.date | None = None  # latest full date written in the text, when unpublished
    speakers: ArticleSpeakers = field(default_factory=ArticleSpeakers)
    said: list[tuple[int, str, dt.date]] = field(default_factory=list)  # (pos, speaker, date) of dated statements
    events: list[tuple[int, dt.date, set[str]]] = field(default_factory=list)  # (pos, date, who acted)
    lead_end: int = 0  # end of the article's first paragraph of running text
    news_lead: tuple[int, int] = (0, 0)  # the lead paragraph of the news (after any standfirst)
    news_end: int = 0  # end of the paragraph after it
    present_lead: bool = False  # the lead reports a statement in the present tense ("X says")
    # content starts of statements, and offsets of the speakings the article dates, told in the past perfect
    # ("she had told reporters on Monday"): occasions before the story's
    earlier: set[int] = field(default_factory=set)
    previous: tuple[int, ClaimDraft] | None = None  # (paragraph number, last suggestion)
    undated: set[int] = field(default_factory=set)  # content starts of claims dated only by the day of the news
    dated: list[tuple[int, dt.date]] = field(default_factory=list)  # (content start, date) of the claims so far
    told: list[tuple[int, dt.date]] = field(default_factory=list)  # (cue offset, date) of the claims that state their day
    # (offset, date, its sentence, chars left out) of every dated event and statement: what "after the session"
    # points at; of a statement dated only by its speaker's day or its occasion, what was said is left out
    told_words: list[tuple[int, dt.date, object, tuple[int, int]]] = field(default_factory=list)
    # (offset, date, who) of sentences that date an occasion of speaking: "He was speaking at a rally on Saturday"
    occasions: list[tuple[int, dt.date, set[str]]] = field(default_factory=list)
    # (offset, occasion lemmas, who) of acts at an occasion the article dates only further on
    pending: list[tuple[int, list[str], set[str]]] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)  # the rules that raised (annotate.guard)
    emptied: set[str] = field(default_factory=set)  # fields a pass over the whole article failed for
    contents: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of what the claims so far say


def _skipped(exc: Exception) -> RuleFailure:
    """The failure that skips an article (raised again under QUOTEDESK_STRICT_RULES, and when out of memory)."""
    if strict() or isinstance(exc, MemoryError):
        raise exc
    return RuleFailure.of(ARTICLE, exc)


def _claim_failed(art: _Article, stage: str, exc: Exception, at: int | None = None) -> None:
    """A field rule raised for one claim (``at``) or for the whole article: the field stays empty there."""
    if strict() or isinstance(exc, MemoryError):
        raise exc
    art.failures.append(RuleFailure.of(stage, exc, at))


@contextmanager
def _article_field(art: _Article, stage: str) -> Iterator[None]:
    """A pass of one field's rules over the whole article: when it raises, the field is left empty in
    every claim of the article (what the pass had gathered is incomplete, so no claim may use it)."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - a rule's bug costs this article's field
        _claim_failed(art, stage, exc)
        art.emptied.add(stage)


_EMPTY = {"speaker": {"speaker": None, "role": None, "mention": None},
          "date": {"date": None, "date_text": None, "date_assumed": False},
          "stance": {"stance": None, "topic": None}}


def _emptied(art: _Article, out: list[ClaimDraft]) -> Suggestions:
    """The article's suggestions, with the fields whose rules failed left empty: in every claim when a pass
    over the article failed, else in the claims they failed for (whatever a later pass gave them: a stance
    leaning with the speaker's, a date carried from the next statement)."""
    if art.failures:
        every = {k: v for stage in art.emptied for k, v in _EMPTY[stage].items()}
        at: dict[int, dict] = {}
        for f in art.failures:
            if f.at is not None:
                at.setdefault(f.at, {}).update(_EMPTY[f.stage])
        out = [replace(c, **{**every, **at.get(c.content.start, {})}) if every or c.content.start in at else c
               for c in out]
    return Suggestions(out, art.failures)


# a sentence whose verb is the speaking itself: "was speaking", "made the remarks", "gave an interview"
_OCCASION_VERBS = frozenset({"speak", "talk", "address", "appear"})
_OCCASION_OBJECTS = frozenset({"remark", "comment", "statement", "interview", "speech", "address"})


def _is_occasion(subj) -> bool:
    verb = subj.head
    if subj.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if subj.lemma_.lower() in _OCCASION_OBJECTS:  # "The remarks came a day after ...", "The comments were made"
        return True
    return verb.lemma_.lower() in _OCCASION_VERBS or verb.lemma_.lower() in ("make", "give", "deliver") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _OCCASION_OBJECTS for c in verb.children)


_NEWS_DAYS = 7  # the day of the news is at most a week before the article's own date
ANCHOR_DAYS = 31  # "a day earlier" counts from a day of the story, at most a month before its own date


_FOR_BODY_CHARS = 600  # "A Commission spokeswoman said": right after the Commission spoke, within a paragraph or so


def _for_the_body(art: _Article, role: str | None, pos: int) -> dt.date | None:
    """The day of the statement just quoted when the speaker's post names the body that made it:
    "The European Commission said on Friday that ... A Commission spokeswoman, Anna Lind, said ..."."""
    if not role:
        return None
    before = [x for x in art.said if x[0] < pos]
    if not before or art.dated and max(p for p, _ in art.dated) != before[-1][0]:
        return None  # another statement came between
    last_pos, body, date = before[-1]
    words = _name_words(body)
    head = next((words[k - 1] for k in range(1, len(words)) if words[k] in _NAME_LINKS), words[-1]) if words else None
    return date if pos - last_pos <= _FOR_BODY_CHARS and head in _name_words(role) else None


def _actors(art: _Article, subjects: list, off: int) -> set[str]:
    """Who the subjects of an event name (pronouns left out)."""
    names = set()
    for subj in subjects:
        if any(c.dep_ == "conj" for c in subj.children) or subj.dep_ == "conj":
            names.add(art.speakers.conjunct_name(subj, off))  # "X and his counterpart Y met"
            continue
        mention = art.speakers.mention(subj, off)
        if mention is not None and mention.kind not in ("pronoun", "it"):
            names.add(art.speakers.resolve(mention)[0])
    return names - {None}


def _occasion_of(art: _Article, lemmas: list[str], pos: int) -> dt.date | None:
    return next((d for lemma in lemmas if (d := _told_of(art, frozenset([lemma]), pos)) is not None), None)


_SCENE_CHARS = 400  # the statement just before and the one it introduces: a sentence or two apart


_BARE = frozenset({"det", "poss", "punct", "appos"})  # "the army", "its chairperson, X,", "the ministry's statement"


def _goes_on(art: _Article, subject, speaker: str | None, pos: int) -> dt.date | None:
    """"In a statement issued on Monday, the UPDF said ... The army said ...", "The ministry's
    statement said ...", "Its chairperson, X, said ...": the speaker of the statement just made,
    named again by what it is (a definite common noun the speakers' rules found no other name
    for), or its officer, in the next sentence of the same paragraph with no statement between
    and no day of its own, goes on with that statement, on its day."""
    if not speaker or subject.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" for c in subject.children):
        return None
    if any(c.dep_ not in _BARE for c in subject.children):
        return None  # "The Dutch government said": another body, told apart by its words

    if not set(_name_words(speaker)) <= set(_name_words(subject.doc[subject.left_edge.i:subject.right_edge.i + 1].text)):
        return None  # resolved to a name the article gave: that body's own statements date it
    said = [x for x in art.said if x[0] < pos]
    if not said or max((p for p, _ in art.dated if p < pos), default=None) != said[-1][0]:
        return None
    end = next((e for s, e in art.contents if s == said[-1][0]), None)
    gap = art.text[end:pos] if end is not None else "\n"
    return said[-1][2] if "\n" not in gap and len(gap) <= _SCENE_CHARS else None


def _introduced_at(art: _Article, speaker: str | None, mention: int) -> dt.date | None:
    """The day of the statement just before, in the same paragraph, when its frame brought the
    speaker in as taking part in the same occasion: '"...," she said at an event hosted by the
    Atlantic Council, where she appeared alongside Rep. Terrence Hollis. He said ...'."""
    if not speaker or art.previous is None:
        return None
    prev = art.previous[1]
    if prev.date is None or not prev.speaker or same_source(prev.speaker, speaker) or prev.content.end > mention:
        return None
    gap = art.text[prev.content.end:mention]  # the previous statement's frame, up to this speaker's mention
    if "\n" in gap or len(gap) > _SCENE_CHARS:
        return None
    words = _name_words(speaker)
    return prev.date if words and words[-1] in _name_words(gap) else None


# "the meeting" is the talks told of last, or two people who "met on Tuesday evening"
_MEETINGS = frozenset({"meeting", "meet", "talk", "talks", "negotiation", "negotiations", "consultation", "consultations"})
# "at the ceremony" is where the article's dated act of signing, opening a bridge or swearing in was done
_CEREMONIES = frozenset({"sign", "signing", "inaugurate", "inauguration", "unveil", "unveiling", "swear", "commission",
                         "launch"})


def _kin(lemma: str) -> frozenset[str]:
    """The words for the same kind of occasion as ``lemma``, by which the article may have told of it."""
    if lemma in _MEETINGS:
        return _MEETINGS
    return _CEREMONIES if lemma in _CEREMONIES or lemma == "ceremony" else frozenset()


def _told_of(art: _Article, lemmas: frozenset[str], pos: int, kin: frozenset[str] = frozenset()) -> dt.date | None:
    """The day of the latest dated event or statement before ``pos`` whose sentence names ``lemmas``
    ("the session": "hosted ... for the 9th Session ... on Wednesday"), or one of ``kin``, the words
    for the same kind of occasion ("the meeting": "talks in Copenhagen on Monday")."""
    named = [(p, d) for p, d, sent, left_out in art.told_words if p < pos and (
        lemmas <= (words := _words(sent, left_out)) or kin & words)]
    return max(named, key=lambda x: x[0])[1] if named else None


_NOTHING = (0, 0)


def _words(sent, left_out: tuple[int, int] = _NOTHING) -> frozenset[str]:
    return frozenset(t.lemma_.lower() for t in sent  # spaCy's Span
                     if t.pos_ in ("NOUN", "PROPN", "VERB") and not left_out[0] <= t.idx < left_out[1])


def _beside(art: _Article, subject, speaker: str | None, pos: int, cue=None) -> dt.date | None:
    """"Y, who sat alongside her, said": the day of the companion's latest dated statement or act
    before (a pronoun: of the last other speaker whose statement was dated)."""
    other = companion(subject, cue)
    if other is None:
        return None
    if other.pos_ == "PRON":
        return next((d for p, name, d in reversed(art.said) if p < pos and p not in art.earlier
                     and not same_source(name, speaker)), None)
    name = other.text
    said = [(p, d) for p, n, d in art.said if p < pos and same_source(n, name)]
    acted = [(p, d) for p, d, names in art.events if p < pos and any(same_source(n, name) for n in names)]
    return max(said + acted, default=(0, None), key=lambda x: x[0])[1]


def same_source(a: str | None, b: str | None) -> bool:
    """Two names the engine gave one source: equal, or one the other's words in part, as a body is
    named in full and then shorter ("Turkey's State Hydraulic Works" and "Hydraulic Works",
    "Federal Ministry" and "Federal Ministry for Economic Affairs and Energy")."""
    if not a or not b:
        return False
    if a == b:
        return True
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) == 1:  # one word: the last of the other ("Lan", "Nguyễn Thị Lan"; "Jubouri", "al-Jubouri")
        # or the head of a body's name: "Embassy" of "Embassy of India", never the "India" it belongs to
        head = next((long_[k - 1] for k in range(1, len(long_)) if long_[k] in _NAME_LINKS), long_[-1])
        return short[0] == head or long_[-1].endswith("-" + short[0])
    return any(long_[k:k + len(short)] == short for k in range(len(long_) - len(short) + 1))


_NAME_LINKS = frozenset({"of", "for", "on", "in"})


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[^\W_]+(?:[-'][^\W_]+)*", name.casefold().replace("\u2019", "'"))
                 if w not in ("the", "s", "'s"))


def _anchor(art: _Article, sentence_start: int) -> dt.date | None:
    """The day the article named last before a sentence (an event it dates, a statement's own
    day): what "a day earlier", "the next day" in that sentence count from."""
    # (not a day inside what someone said: "She said Cabinet had approved it on Monday. A day earlier, the
    # party said": the day before the sitting the story tells of, not before the cabinet's Monday)
    named = [x for x in art.events if x[0] < sentence_start and not any(s <= x[0] < e for s, e in art.contents)] + [
        x for x in art.told if x[0] < sentence_start]
    if art.published is not None:  # the story's days, not its background ("signed on Sept. 19, 2018")
        named = [x for x in named if (art.published - x[1]).days <= ANCHOR_DAYS]
    return max(named, key=lambda x: x[0])[1] if named else None
