"""A suggestion rule with a bug, injected into the real engine for the tests of ``annotate.guard``.

Each kind of failure replaces one real rule by a wrapper that runs it, except on the article that
names ``MARKER``, where it makes the comparison that once raised on a benchmark text (a tie in a
``min`` over tuples comparing a missing post with a post). ``install`` patches this process (through
pytest's monkeypatch); ``suggest_chunk`` and ``child_run`` are what the worker processes and the
window's helper process run (``_suggest_chunk``, ``_child_run``) with the bug installed first, so they
see it under ``fork`` and ``spawn`` alike.
"""
from __future__ import annotations

from app.engine_process import _child_run as _real_child_run  # taken before any test replaces them
from app.pool_suggesting import _suggest_chunk as _real_suggest_chunk

MARKER = "Marchetti"
KINDS = ("article", "speaker", "date", "stance", "affiliation")

TEXTS = (
    "Spanish Prime Minister Ana Ruiz said on Tuesday that Spain would not send troops to the border.\n\n"
    '"We have other ways to help our allies," Ruiz said.',
    "Italian Transport Minister Giulia Marchetti said on Monday that Rome would close the old bridge for repairs.\n\n"
    '"The bridge is no longer safe for heavy lorries," Marchetti told reporters.\n\n'
    "Transport official Karl Weiss said the detour would add ten minutes to most journeys.",
    "Norwegian Health Minister Jonas Berg said on Wednesday that hospitals would hire 2,000 nurses 🏥.\n\n"
    '"Nobody should wait a year for an operation," Berg said.',
)


def _bug():
    """The comparison that raised: a tie on distance, then a post (None) compared with a post."""
    return min([(3, None), (3, "minister")])


def _article(patch) -> None:
    import annotate.engine as engine

    real = engine.find_claims

    def find_claims(doc, text, *args, **kwargs):
        if MARKER in text:
            _bug()
        return real(doc, text, *args, **kwargs)

    patch(engine, "find_claims", find_claims)


def _speaker(patch) -> None:
    from annotate.speakers import ArticleSpeakers

    real = ArticleSpeakers.observe

    def observe(self, doc, off, text, *args, **kwargs):
        if MARKER in text:
            _bug()
        return real(self, doc, off, text, *args, **kwargs)

    patch(ArticleSpeakers, "observe", observe)


def _date(patch) -> None:
    from annotate.engine import SuggestionEngine

    real = SuggestionEngine._statement_date

    def statement_date(self, art, *args, **kwargs):
        if MARKER in art.text:
            _bug()
        return real(self, art, *args, **kwargs)

    patch(SuggestionEngine, "_statement_date", statement_date)


def _stance(patch) -> None:
    from annotate.stance import RuleStance

    real = RuleStance.judge

    def judge(self, text, topics, tokens, context, *args, **kwargs):
        if MARKER in text or MARKER in context:
            _bug()
        return real(self, text, topics, tokens, context, *args, **kwargs)

    patch(RuleStance, "judge", judge)


def _affiliation(patch) -> None:
    import app.affiliating as affiliating

    real = affiliating.infer

    def infer(role, before, name, *args, **kwargs):
        if MARKER in (name or ""):
            _bug()
        return real(role, before, name, *args, **kwargs)

    patch(affiliating, "infer", infer)


_INSTALL = {"article": _article, "speaker": _speaker, "date": _date, "stance": _stance,
            "affiliation": _affiliation}


def install(kind: str, patch=setattr) -> None:
    """Make the rule of ``kind`` fail on the article naming MARKER (``patch``: monkeypatch.setattr)."""
    _INSTALL[kind](patch)


_installed: set[str] = set()


def suggest_chunk(kind: str, *args):
    """``app.pool_suggesting._suggest_chunk`` in a worker, with the failing rule installed once."""
    if kind not in _installed:
        install(kind)
        _installed.add(kind)
    return _real_suggest_chunk(*args)


def child_run(kind: str, *args):
    """``app.engine_process._child_run`` in the helper process, with the failing rule installed once."""
    if kind not in _installed:
        install(kind)
        _installed.add(kind)
    return _real_child_run(*args)
