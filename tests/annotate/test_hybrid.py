"""The hybrid engine's model side on Docs whose attribution spans are set by hand (the trained
model is not the point here): claims from spans, split quotes as one claim, the policy."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from annotate import hybrid
from annotate.cues import cue_category, cue_lemma
from annotate.model import SPANS_KEY
from annotate.quotes import find_quotes
from kernel import ClaimDraft, Span


def mark(doc, *pieces):
    """Set the attribution span group from (text, label) pairs, each text's first occurrence."""
    spans = []
    for text, label in pieces:
        start = doc.text.index(text)
        spans.append(doc.char_span(start, start + len(text), label=label))
    doc.spans[SPANS_KEY] = spans
    return doc


@pytest.fixture(scope="module")
def parse(nlp):
    return nlp


def test_split_quote_is_one_claim_with_two_fragments(parse):
    doc = mark(parse('"We are ready," the general said, "and we will not wait."'),
               ("We are ready", "CONTENT"), ("the general", "SOURCE"), ("said", "CUE"),
               ("and we will not wait", "CONTENT"))
    [claim] = hybrid.model_claims(doc)
    assert [f.text for f in claim.fragments] == ["We are ready", "and we will not wait"]
    assert claim.cue.text == "said" and claim.source.text == "the general"


def test_two_claims_with_their_own_cues_stay_apart(parse):
    doc = mark(parse("The mayor said taxes would rise. Critics fear the plan will fail."),
               ("The mayor", "SOURCE"), ("said", "CUE"), ("taxes would rise", "CONTENT"),
               ("Critics", "SOURCE"), ("fear", "CUE"), ("the plan will fail", "CONTENT"))
    claims = hybrid.model_claims(doc)
    assert [(c.fragments[0].text, c.cue.text, c.source.text) for c in claims] == [
        ("taxes would rise", "said", "The mayor"), ("the plan will fail", "fear", "Critics")]


def test_source_is_the_cue_subject_not_the_nearest_name(parse):
    doc = mark(parse("Senator Ana Ruiz, who met Tom Baker on Monday, said the deal was dead."),
               ("Senator Ana Ruiz", "SOURCE"), ("Tom Baker", "SOURCE"), ("said", "CUE"),
               ("the deal was dead", "CONTENT"))
    [claim] = hybrid.model_claims(doc)
    assert claim.source.text == "Senator Ana Ruiz"


def test_engine_gives_model_claims_speakers_and_allows_sourceless_ones(nlp):
    from annotate.engine import SuggestionEngine

    engine = SuggestionEngine(nlp)
    text = ("Ana Ruiz, the city's mayor, hopes the bridge will reopen in May.\n"
            "The bridge is expected to cost 40 million euros.")
    paras = [(0, nlp(text.split("\n")[0])), (text.index("The bridge"), nlp(text.split("\n")[1]))]
    mark(paras[0][1], ("Ana Ruiz, the city's mayor", "SOURCE"), ("hopes", "CUE"),
         ("the bridge will reopen in May", "CONTENT"))
    mark(paras[1][1], ("is expected", "CUE"), ("to cost 40 million euros", "CONTENT"))
    out = engine.from_docs(text, paras, dt.date(2024, 5, 17))
    by_content = {s.content.text: s for s in out}
    assert by_content["the bridge will reopen in May"].speaker == "Ana Ruiz"
    sourceless = by_content["to cost 40 million euros"]
    assert sourceless.speaker is None and sourceless.cue.text == "expected"


def sug(start, end, cue=None, **kw):
    text = "x" * 200
    base = dict(kind="indirect", cue=Span(cue[0], cue[1], "said") if cue else None,
                mention=None, speaker="A", role=None, date=None, date_text=None,
                date_assumed=True, stance=None, topic=None, confidence=0.5, model_name="m",
                model_version="1")
    base.update(kw)
    return ClaimDraft(content=Span(start, end, text[start:end]), **base)


def test_policy_keeps_rule_claims_and_adds_model_claims_where_rules_found_nothing():
    rules = [sug(0, 20, cue=(22, 26))]
    model = [sug(2, 20, cue=(22, 26), speaker=None), sug(40, 60, cue=(30, 34))]
    out = hybrid.combine(rules, model, hybrid.Policy())
    assert [(s.content.start, s.speaker) for s in out] == [(0, "A"), (40, "A")]
    out = hybrid.combine(rules, model, hybrid.Policy(model_bounds=frozenset({"plain"})))
    assert [(s.content.start, s.speaker) for s in out] == [(2, "A"), (40, "A")]
    assert hybrid.combine(rules, model, hybrid.Policy(skip_model=frozenset({"plain"}))) == rules


def test_rule_split_quotes_are_joined():
    text = '"We are ready," the general said, "and we will not wait."'
    cue = Span(text.index("said"), text.index("said") + 4, "said")
    a = sug(1, 13, kind="direct", cue=None)
    a = ClaimDraft(**{**a.__dict__, "content": Span(1, 13, text[1:13]), "cue": cue})
    b_start = text.index("and")
    b = ClaimDraft(**{**a.__dict__, "content": Span(b_start, b_start + 20, text[b_start:b_start + 20])})
    [joined] = hybrid.join_split_quotes(text, [a, b])
    assert [f.text for f in joined.fragments] == ["We are ready", "and we will not wait"]
    assert joined.content.start == 1 and joined.content.end == b_start + 20


@pytest.mark.parametrize("cue, category", [
    ("said", "plain"), ("has repeatedly said", "plain"), ("told", "plain"),
    ("announced", "communication"), ("according to", "communication"), ("tweeted", "communication"),
    ("praised", "evaluation"), ("called", "evaluation"), ("called on", "directive"),
    ("urged", "directive"), ("shows", "document"), ("found", "document"), ("plans", "intention"),
    ("is expected", "intention"), ("allegations", "nominal"), ("criticism of", "nominal"),
    ("believes", "belief"), ("fear", "belief"), (":", "colon"), ("in", "other"),
])
def test_cue_categories_from_the_lemma(cue, category):
    assert cue_category(cue) == category


def test_cue_lemma_skips_auxiliaries_and_adverbs():
    assert cue_lemma("has repeatedly said") == "say"
    assert cue_lemma("planned") == "plan"


def test_a_quotation_is_taken_whole_when_the_model_stops_at_a_sentence(parse):
    from annotate.quotes import find_quotes

    text = '"We will not give up. The river is ours," the mayor said.'
    doc = mark(parse(text), ("We will not give up.", "CONTENT"), ("the mayor", "SOURCE"), ("said", "CUE"))
    [claim] = hybrid.model_claims(doc, find_quotes(text))
    assert claim.fragments[0].text == "We will not give up. The river is ours"
    assert claim.source.text == "the mayor"


def test_a_content_with_no_cue_takes_the_word_it_hangs_on(parse):
    doc = mark(parse("The campaign plans to hire two hundred organisers."),
               ("The campaign", "SOURCE"), ("to hire two hundred organisers", "CONTENT"))
    [claim] = hybrid.model_claims(doc)
    assert claim.cue.text == "plans" and claim.source.text == "The campaign"


def _scoped(nlp, scope):
    """One hand-marked article (a statement and an intention) through the engine in ``scope``."""
    from annotate.engine import SuggestionEngine

    lines = ["Mayor Ana Ruiz said the bridge would reopen in May.",
             "The council plans to raise the parking fees next year.",
             "The ministers discussed how the region could pay for the repairs."]
    text = "\n".join(lines)
    paras = [(text.index(line), nlp(line)) for line in lines]
    mark(paras[0][1], ("Mayor Ana Ruiz", "SOURCE"), ("said", "CUE"), ("the bridge would reopen in May", "CONTENT"))
    mark(paras[1][1], ("The council", "SOURCE"), ("plans", "CUE"), ("to raise the parking fees next year", "CONTENT"))
    mark(paras[2][1], ("The ministers", "SOURCE"), ("discussed", "CUE"),
         ("how the region could pay for the repairs", "CONTENT"))
    engine = SuggestionEngine(nlp, scope=scope)
    return {s.content.text: s for s in engine.from_docs(text, paras, dt.date(2024, 5, 17))}


def test_statements_scope_keeps_what_was_said_and_drops_intentions(nlp):
    everything = _scoped(nlp, "all")
    statements = _scoped(nlp, "statements")
    said = "the bridge would reopen in May"
    assert everything[said].speaker == statements[said].speaker == "Ana Ruiz"
    assert "to raise the parking fees next year" in everything  # "plans to": an attribution, no statement
    assert "to raise the parking fees next year" not in statements
    assert "how the region could pay for the repairs" in everything  # a topic discussed, no statement
    assert set(statements) == {said}


def test_scope_policies():
    assert hybrid.policy_for(None) == hybrid.policy_for("all") == hybrid.DEFAULT_POLICY
    statements = hybrid.policy_for("statements")
    assert statements.keeps("plain") and statements.keeps("communication") and statements.keeps("colon")
    assert not any(statements.keeps(c) for c in ("intention", "belief", "evaluation", "directive", "nominal",
                                                 hybrid.NO_CUE))
    assert not statements.rules_broad
    with pytest.raises(ValueError, match="statements"):
        hybrid.policy_for("quotes")


def test_a_quote_continued_after_a_long_attribution_is_one_claim(nlp):
    """'"A," said X, <a long description of X>. "B."': B has no attribution of its own, so it goes
    on with X's statement, however long the description between the two quotations."""
    from annotate.engine import SuggestionEngine

    text = ('"The port will not close," said Maria Lopez, the director of the harbour authority, '
            'who has kept the docks open through three strikes, a flood and a fire. '
            '"We have ships waiting and crews ready to work."')
    [claim] = SuggestionEngine(nlp).suggest(text)
    assert [f.text for f in claim.fragments] == ["The port will not close",
                                                 "We have ships waiting and crews ready to work."]
    assert claim.speaker == "Maria Lopez" and claim.kind == "direct"


def test_a_quote_in_the_next_paragraph_stays_a_claim_of_its_own(nlp):
    from annotate.engine import SuggestionEngine

    text = ('"The port will not close," said Maria Lopez, the director of the harbour authority.\n\n'
            '"We have ships waiting and crews ready to work."')
    claims = SuggestionEngine(nlp).suggest(text)
    assert [c.fragments for c in claims] == [(), ()]
    assert [c.speaker for c in claims] == ["Maria Lopez", "Maria Lopez"]


def test_a_parenthetical_attribution_is_not_part_of_what_was_said(nlp):
    """'A, X said, B': the content is A and B, two fragments around the attribution."""
    from annotate.engine import SuggestionEngine

    text = "The new bridge, Mayor Ana Ruiz said on Monday, would reopen to traffic in May."
    doc = mark(nlp(text), ("Mayor Ana Ruiz", "SOURCE"), ("said", "CUE"),
               ("The new bridge, Mayor Ana Ruiz said on Monday, would reopen to traffic in May", "CONTENT"))
    [claim] = SuggestionEngine(nlp).from_docs(text, [(0, doc)], dt.date(2024, 5, 17))
    assert [f.text for f in claim.fragments] == ["The new bridge", "would reopen to traffic in May"]
    assert claim.speaker == "Ana Ruiz" and claim.content.start == 0
    off = SuggestionEngine(nlp, scope="all")
    off.policy = hybrid.Policy(split_parenthetical=False)
    [whole] = off.from_docs(text, [(0, doc)], dt.date(2024, 5, 17))
    assert whole.fragments == ()


def test_an_intention_inside_a_claimed_statement_is_part_of_it(nlp):
    """'Italy does not plan [to send troops], the office said': the office's statement holds
    Italy's plan; the broad rules' (or the model's) nested intention is not a claim of its own.
    A statement the rules find inside another (a nested "said") still stands."""
    from annotate.engine import SuggestionEngine

    text = "Italy does not plan to send troops to the border, the prime minister's office said on Monday."
    engine = SuggestionEngine(nlp, broad=True)
    claims = engine.suggest(text)
    assert [(c.content.text, c.cue.text) for c in claims] == [
        ("Italy does not plan to send troops to the border", "said")]
    engine.policy = hybrid.Policy(drop_nested=False)
    assert [c.cue.text for c in engine.suggest(text)] == ["said", "plan"]


def test_a_paragraph_printed_twice_gives_its_model_claims_once(nlp):
    """A headline repeated above the article (or a pull quote) says nothing new."""
    from annotate.engine import SuggestionEngine

    head = "Ruiz wants the bridge closed to trucks by May"
    text = f"{head}\n{head}"
    paras = [(0, nlp(head)), (len(head) + 1, nlp(head))]
    for _, doc in paras:
        mark(doc, ("Ruiz", "SOURCE"), ("wants", "CUE"), ("the bridge closed to trucks by May", "CONTENT"))
    out = SuggestionEngine(nlp).from_docs(text, paras, dt.date(2024, 5, 17))
    assert [(c.content.start, c.speaker) for c in out] == [(head.index("the bridge"), "Ruiz")]


def test_the_articles_own_writer_is_no_source(nlp):
    """The author's note at the foot of an article ('Jan Novak is a reporter ...; Jan often reports
    on ...') is narration: the model's claims there are dropped; a source named in the story stays."""
    from annotate.engine import SuggestionEngine

    lines = ["Mayor Ana Ruiz hopes the bridge will reopen in May.",
             "Jan Novak is a reporter for the Prague Daily, covering city politics.",
             "Jan often reports on transport, with a focus on analyzing bridges and roads."]
    text = "\n".join(lines)
    offs = [0, len(lines[0]) + 1, len(lines[0]) + len(lines[1]) + 2]
    paras = [(o, nlp(line)) for o, line in zip(offs, lines)]
    mark(paras[0][1], ("Mayor Ana Ruiz", "SOURCE"), ("hopes", "CUE"), ("the bridge will reopen in May", "CONTENT"))
    mark(paras[2][1], ("Jan", "SOURCE"), ("reports", "CUE"), ("transport", "CONTENT"))
    engine = SuggestionEngine(nlp)
    assert [(c.content.text, c.speaker) for c in engine.from_docs(text, paras, dt.date(2024, 5, 17))] == [
        ("the bridge will reopen in May", "Ana Ruiz")]
    engine.policy = hybrid.Policy(drop_narrator=False)
    assert [c.content.text for c in engine.from_docs(text, paras, dt.date(2024, 5, 17))] == [
        "the bridge will reopen in May", "transport"]
    assert hybrid.writers("By Jan Novak\nPRAGUE - The mayor said ...") == {"novak"}


def _claim(text, content, cue="said", kind="indirect"):
    start = text.index(content)
    at = text.index(cue)
    base = sug(0, 1, kind=kind)
    return replace(base, content=Span(start, start + len(content), content), cue=Span(at, at + len(cue), cue))


WIDER = hybrid.Policy(wider_model=frozenset({"plain"}))


@pytest.mark.parametrize("text, rule, model, kind, taken", [
    # the rules stopped the reported clause at a comma the speaker's sentence goes on after
    ("Ms. Lee said they had doubts about the plan, but could not bear to oppose the mayor.",
     "they had doubts about the plan", "they had doubts about the plan, but could not bear to oppose the mayor",
     "indirect", True),
    # a reporter's gloss, the speaker's next act, a model content ending mid-phrase: the rules' cut stands
    ("Ms. Lee said the plan was sound, which the council disputes.",
     "the plan was sound", "the plan was sound, which the council disputes", "indirect", False),
    ("Ms. Lee said the plan was sound and urged the council to approve it.",
     "the plan was sound", "the plan was sound and urged the council to approve it", "indirect", False),
    ("Ms. Lee said the plan was sound, and the mayor left.",
     "the plan was sound", "the plan was sound, and", "indirect", False),
    # a quotation is quoted whole and stops at its marks ...
    ('"We need durable solutions" than just sending troops, Ms. Lee said.',
     "We need durable solutions", 'We need durable solutions" than just sending troops', "direct", False),
    # ... unless it is a quote inside the speaker's longer quotation
    ("\"That was him saying, 'Don't leave it on the field,'\" Ms. Lee said.",
     "Don't leave it on the field", "That was him saying, 'Don't leave it on the field", "direct", True),
])
def test_model_bounds_taken_where_they_hold_the_rules_content_and_go_on(text, rule, model, kind, taken):
    r, m = _claim(text, rule, kind=kind), _claim(text, model)
    quotes = find_quotes(text)
    [out] = hybrid.combine([r], [m], WIDER, text, quotes)
    assert out.content.text == (model if taken else rule)
    assert out.speaker == r.speaker  # the rule's fields stay
    [plain] = hybrid.combine([r], [m], hybrid.Policy(), text, quotes)  # not asked for: the rules' bounds
    assert plain.content.text == rule


def test_model_content_stops_before_the_cues_own_time_or_reason(parse):
    doc = mark(parse("Few people described Mr. Obama as a climate champion when he ran for office in 2008."),
               ("Few people", "SOURCE"), ("described", "CUE"),
               ("Mr. Obama as a climate champion when he ran for office in 2008", "CONTENT"))
    [claim] = hybrid.model_claims(doc)
    assert [f.text for f in claim.fragments] == ["Mr. Obama as a climate champion"]
    # a time clause inside the reported clause is part of what was said
    doc = mark(parse("She said the plant closed when the storm hit the coast."),
               ("She", "SOURCE"), ("said", "CUE"), ("the plant closed when the storm hit the coast", "CONTENT"))
    [claim] = hybrid.model_claims(doc)
    assert [f.text for f in claim.fragments] == ["the plant closed when the storm hit the coast"]


def test_a_sourceless_claim_with_no_date_of_its_own_takes_the_day_of_the_news(nlp):
    """Dated like a named source's statement: the day of the event the article opens with, not
    the publication date ("In its annual report, the auditor found ..." the morning after)."""
    from annotate.engine import SuggestionEngine

    engine = SuggestionEngine(nlp)
    first = "The national auditor said on Wednesday that the pension deficit would triple by 2035."
    second = "In its annual report, the shortfall is estimated at 15 billion euros."
    text = first + "\n" + second
    paras = [(0, nlp(first)), (len(first) + 1, nlp(second))]
    mark(paras[1][1], ("is estimated", "CUE"), ("at 15 billion euros", "CONTENT"))
    paras[0][1].spans[SPANS_KEY] = []
    out = engine.from_docs(text, paras, dt.date(2026, 10, 29))  # a Thursday
    sourceless = {s.content.text: s for s in out}["at 15 billion euros"]
    assert sourceless.speaker is None
    assert sourceless.date == dt.date(2026, 10, 28) and sourceless.date_assumed


@pytest.mark.parametrize("terms", ["not to be named because he was not authorised to speak to the media",
                                   "not to be identified", "anonymity", "to remain anonymous"])
def test_the_terms_of_a_sources_anonymity_are_no_claim(nlp, terms):
    from annotate.engine import SuggestionEngine

    text = f"A senior official, who asked {terms}, said the talks had stalled. 🙂"
    doc = mark(nlp(text), ("A senior official", "SOURCE"), ("asked", "CUE"), (terms, "CONTENT"),
               ("said", "CUE"), ("the talks had stalled", "CONTENT"))
    out = SuggestionEngine(nlp).from_docs(text, [(0, doc)], dt.date(2024, 5, 17))
    assert [s.content.text for s in out] == ["the talks had stalled"]
