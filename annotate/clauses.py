"""Reading the parse around a reporting verb: is it a cue, who is its subject, where does the
claim it introduces end. Small helpers shared by the attribution rules."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import (CALL_VERBS, DOCUMENT_NOUNS, FINDING_VERBS, HONORIFICS, PHRASAL_REPORTING,
                      QUOTE_ONLY_VERBS, REPORTING_VERBS, TITLE_WORDS)

TRIM = ' \t\n,;:-\u2013\u2014'


def in_capitalised_list(comma: Token, stop: int) -> bool:
    """A comma inside a list of capitalised words that ends with "and" before ``stop`` ("Minister of
    Land, Infrastructure, Transport and Tourism"): part of one name, no clause boundary."""
    doc = comma.doc
    if comma.i < 3 or comma.i + 1 >= stop:
        return False
    before, after = doc[comma.i - 1], doc[comma.i + 1]
    # (or lower-case fields right after a post's "of": "minister of industries, mines and energy X said")
    lower = before.is_lower and before.pos_ == "NOUN" and after.is_lower and doc[comma.i - 2].lower_ in ("of", "for") and (
        doc[comma.i - 3].lower_ in TITLE_WORDS)
    if not (lower or before.is_title and before.is_alpha and after.is_title and after.is_alpha):
        return False
    for tok in doc[comma.i + 1:stop]:
        if tok.lower_ in ("and", "&"):
            return tok.i + 1 < stop and (doc[tok.i + 1].is_title or lower and doc[tok.i + 1].is_lower)
        if not ((tok.is_title or lower and tok.is_lower) and tok.is_alpha or tok.text == ","):
            return False
    return False


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def is_cue(tok: Token, quote: bool = False) -> bool:
    lemma = tok.lemma_.lower()
    if any((lemma, c.lower_) in PHRASAL_REPORTING for c in tok.children if c.dep_ == "prt"):
        return tok.pos_ == "VERB"
    if lemma not in REPORTING_VERBS and lemma not in CALL_VERBS and not (
            quote and lemma in QUOTE_ONLY_VERBS) and lemma not in FINDING_VERBS:
        return False
    if lemma in FINDING_VERBS and lemma not in REPORTING_VERBS:
        spk = subject(tok)
        if spk is None or spk.lemma_.lower() not in DOCUMENT_NOUNS:
            return False
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound", "acomp")


def subject(cue: Token) -> Token | None:
    """The speaker's head token: nsubj, inherited through conjunctions and relative clauses."""
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "csubj") and c.i < cue.i and not c.is_punct]
    labels = [c for c in subjects if c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ":" or any(
        g.dep_ == "punct" and g.i > c.i and g.text in ("-", "\u2013", "\u2014") for g in c.children)]
    if labels and len(subjects) > len(labels):  # "Reuters: Japan's prime minister said", "BERLIN
        return next(c for c in subjects if c not in labels)  # (dpa) - Merz urged": a transcript's
        # speaker label or a dateline is no subject of the verb
    holder = next((c for c in subjects[1:] if c.ent_type_ == "PERSON" and c.pos_ == "PROPN" and any(
        g.dep_ == "compound" and (g.lower_ in TITLE_WORDS or g.pos_ == "NOUN" and g.is_lower) and g.i < c.i
        for g in c.children)), None)  # (a post or what the person is: "weather specialist Ana ...")
    if holder is not None and len(subjects) > 1:  # "Lagos Chamber of Commerce (LCCI) President Gabriel
        return holder  # Idahosa-Banjo said" parsed as two subjects: the post's holder speaks
    if len(subjects) > 1 and subjects[0].lower_ in TITLE_WORDS and _name_right_after(subjects[0], subjects[1]):
        return subjects[1]  # "EU Special Representative for Central Asia Tomáš Dvořáček said" parsed as two
        # subjects, a post and a name the tagger did not know: the name written right after the post speaks
    if len(subjects) > 1 and subjects[0].pos_ == "NOUN" and subjects[0].is_lower and subjects[1].pos_ == "PROPN" and (
            subjects[1].left_edge.i == subjects[0].i + 1):  # "The main opposition Constitutional Democratic
        return subjects[1]  # Party of Japan said" parsed as two subjects: the name the description goes with
    if len(subjects) > 1 and any(t.dep_ == "cc" and t.lower_ in ("and", "but") for t in cue.doc[
            subjects[-2].i + 1:subjects[-1].left_edge.i]):  # "Several thousand tractors converged on ...,
        return subjects[-1]  # and the interior ministry said": a clause of its own, parsed as a second subject
    set_off = _name_after_set_off(cue)
    if set_off is not None:
        return set_off
    before = _verb_before_comma(cue)
    if before is not None:  # "..., the minister has said, warning that ...": the parser may hang the
        found = subject(before) or inverted_subject(before)  # participle on the fronted clause's verb
        if found is not None:
            return found
    for child in cue.children:
        if child.dep_ == "csubj" and child.tag_ == "VBG" and child.i < cue.i:
            # "Speaking on condition of anonymity, an adviser ... said": the opening participle is
            # no subject; the noun phrase between its comma and the verb is
            return _after_participle(child, cue)
        if child.dep_ in ("nsubj", "csubj") and not child.is_punct:  # (not the "-" of "vice-chancellors")
            if child.tag_ in ("WP", "WDT") and cue.dep_ == "relcl":
                return cue.head
            opener = _participle_opening(child, cue)
            if opener is not None:  # "Reacting, the IMF's mission chief ... said", "Briefing ambassadors in
                return opener  # New York, Under-Secretary-General X said": the parser took the participle for the subject
            while child.i + 2 < cue.i and child.nbor().text == "-" and not (child.whitespace_ or child.nbor().whitespace_) and (
                    child.nbor(2).dep_ == "nsubj" and child.nbor(2).head == cue):
                child = child.nbor(2)  # "Its co-leader, X, said" split into three subjects: the word is one
            return _name_before_title(child) or _after_vocative(child) or _name_after_rank(child) or child
        if child.dep_ == "nsubjpass":
            return None  # "X is said to ...": no speaker
    opening = next((c for c in cue.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i == c.sent.start
                    and c.i < cue.i), None)
    if opening is not None and not any(c.dep_ == "nsubjpass" for c in cue.children):
        found = _after_participle(opening, cue)  # "Speaking ..., a senior aide to X said": the parser
        if found is not None:  # hung the subject inside the participle's phrase
            return found
    if cue.dep_ == "conj" and cue.head.pos_ in ("VERB", "AUX"):
        if any(t.tag_ == "''" for t in cue.doc[cue.head.i + 1:cue.i]):
            up = cue.head  # 'X said Parliament must be consulted "before a single aircraft leaves French soil"
            while up.dep_ in ("advcl", "ccomp", "conj") and up.head.i < up.i:  # and called for a vote': the
                up = up.head  # quotation closed, the second act is the speaker's, not the quoted clause's
                if is_cue(up):
                    return subject(up)
        if cue.head.dep_ == "ccomp" and is_cue(cue.head.head) and cue.head.head.i < cue.head.i and (
                cue.lemma_.lower() in NEXT_ACTS | REPORTING_VERBS):
            # "An official said Berlin would look carefully but warned against ...": the parser
            # joined the second speech act to the reported clause; it is the speaker's
            return subject(cue.head.head)
        return subject(cue.head)
    if cue.dep_ == "advcl" and cue.tag_ == "VBG" and (cue.head.pos_ in ("VERB", "AUX") or cue.head.dep_ == "ROOT" and any(
            c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON", "NOUN") for c in cue.head.children)):
        # (also a verb the tagger read as an adjective: "Villaraza first floated [JJ] keeping ..., saying")
        reporter = _reporting_above(cue)
        if reporter is not None:  # "X said a cap would be meaningless ..., adding that ...": the
            return subject(reporter)  # speaker adds, not the cap of the reported clause
        head = cue.head  # "..., adding that ...", "Warning that ..., the IMF said"
        while head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            head = head.head  # "X urged partners to back the plan, telling MPs that ...": X tells
        return subject(head)
    if cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN"):
        return cue.head
    if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.head.pos_ == "VERB" and any(
            c.dep_ == "dobj" for c in cue.head.head.children):  # "media quoted a spokesman as saying":
        return next(c for c in cue.head.head.children if c.dep_ == "dobj")  # the one quoted speaks
    if cue.dep_ == "pcomp" and cue.tag_ == "VBG" and cue.head.dep_ == "prep" and cue.head.lower_ in (
            "by", "after", "before", "while", "in") and cue.head.head.pos_ in ("VERB", "AUX"):
        verb = cue.head.head  # "responded ... by saying ...", "After saying ..., she was whisked off"
        return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in (
            "WP", "WDT", "EX")), None) or subject(verb)
    return _name_set_off_before(cue)


_RETIRED = frozenset({"retd", "rtd", "ret", "retired"})


def _name_after_rank(subj: Token) -> Token | None:
    """"Gen (Rtd) Samuel Ekwaro, a former ..., said", "Admiral (retd) X said" parsed with the rank as the
    subject and the name as its appositive: the name."""
    doc = subj.doc
    i = subj.i
    if not subj.text[:1].isupper() or i + 4 >= len(doc):
        return None
    if not (doc[i + 1].text == "(" and doc[i + 2].lower_.rstrip(".") in _RETIRED and doc[i + 3].text == ")"):
        return None
    return next((c for c in subj.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"
                 and c.left_edge.i == i + 4 and c.text[:1].isupper()), None)


_OPENING_PREPS = frozenset({"after", "before", "following", "during", "at", "in", "on", "while", "when"})


def _name_after_set_off(cue: Token) -> Token | None:
    """"Speaking after meeting the EU Ambassador to Serbia, Ingrid Hallström, Đorđević said": behind an
    opening phrase, a name set off by commas (its object's appositive) then a name written right before
    the verb: the second name speaks, however the parser hung the two. Its last word, else None."""
    doc = cue.doc
    sent_start = cue.sent.start
    first = doc[sent_start]
    if not (first.tag_ == "VBG" or first.lower_ in _OPENING_PREPS) or cue.i - sent_start < 6:
        return None

    def run_before(end: int) -> int:  # where the capitalised name ending at ``end`` (exclusive) begins
        k = end
        while k - 1 > sent_start and (doc[k - 1].pos_ == "PROPN" and doc[k - 1].text[:1].isupper() or (
                doc[k - 1].text == "-" and not doc[k - 1].whitespace_)):
            k -= 1
        return k

    second = run_before(cue.i)
    if second == cue.i or doc[second - 1].text != "," or any(
            t.ent_type_ in ("GPE", "LOC", "NORP", "DATE") for t in doc[second:cue.i]):
        return None
    first_name = run_before(second - 1)
    if first_name == second - 1 or first_name - 1 <= sent_start or doc[first_name - 1].text != ",":
        return None
    return doc[cue.i - 1]


def _name_right_after(post: Token, name: Token) -> bool:
    """Is `name` a capitalised proper name that begins right after the phrase of `post` (no comma or
    conjunction between) and is no place?"""
    return (name.pos_ == "PROPN" and name.text[:1].isupper() and name.ent_type_ not in ("GPE", "LOC", "ORG")
            and name.left_edge.i == post.right_edge.i + 1 and name.left_edge.text[:1].isupper())


def _name_set_off_before(cue: Token) -> Token | None:
    """"..., the party's secretary-general, Fredrick Ochieng, said.", "His remarks came a day after
    France's envoy, Hélène Lefèvre-Daumas, said ...": a verb the parser left with no subject, written
    right after a person's name set off by commas, is that person's; the name's last word, else None."""
    doc = cue.doc
    if cue.i < 4 or doc[cue.i - 1].text != "," or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.children):
        return None
    last = doc[cue.i - 2]
    if not (last.pos_ == "PROPN" and last.ent_type_ == "PERSON"):
        return None
    first = last.i
    while first > 0 and (doc[first - 1].ent_type_ == "PERSON" or doc[first - 1].text == "-" and (
            not doc[first - 1].whitespace_) or doc[first - 1].text[:1].isupper() and (
            doc[first - 1].lower_ in TITLE_WORDS or doc[first - 1].lower_ in HONORIFICS)):
        first -= 1  # (with a style or a title before the name: ", Ambassador Halima Bello-Okafor, said")
    return last if first > 0 and doc[first - 1].text == "," else None


def _name_before_title(subj: Token) -> Token | None:
    """"Park Ji-hoon, South Korea's ambassador to Japan, told ...": a post whose phrase follows a
    name written at the start of the sentence and a comma is that name's apposition, however the
    parser hung the name; the name's last word, else None."""
    doc = subj.doc
    if subj.pos_ != "NOUN" or subj.lower_ not in TITLE_WORDS:
        return None
    comma = subj.left_edge.i - 1
    start = subj.sent.start
    while start < comma and (doc[start].is_space or doc[start].is_punct):
        start += 1
    if comma - start < 2 or doc[comma].text != ",":
        return None
    words = doc[start:comma]
    if not all(t.text[:1].isupper() or t.text == "-" or t.ent_type_ == "PERSON" for t in words) or not any(
            t.ent_type_ == "PERSON" for t in words) or any(t.dep_ in ("nsubj", "nsubjpass") and t.head != subj.head
                                                           for t in words):
        return None
    return words[-1]


def _after_vocative(subj: Token) -> Token | None:
    """"Minister, the opposition in Honiara says ...": a bare title addressed at the start of a
    sentence or of a speaker's turn is no subject; the noun phrase after its comma is."""
    doc = subj.doc
    if subj.i + 2 >= len(doc) or doc[subj.i + 1].text != "," or subj.pos_ not in ("PROPN", "NOUN") or any(
            c.dep_ not in ("punct", "appos") for c in subj.children):
        return None
    start = subj.i == subj.sent.start or doc[subj.i - 1].text in (":", "\u2014", "\u2013") or doc[subj.i - 1].is_space
    spoken = next((c for c in subj.children if c.dep_ == "appos" and c.i == doc[subj.i + 2].head.i
                   and any(d.dep_ == "det" for d in c.children)), None)
    return spoken if start and spoken is not None and subj.lower_ in TITLE_WORDS and (
        doc[spoken.right_edge.i + 1].text != ",") else None  # not "Park, a former minister, said"


def _verb_before_comma(participle: Token) -> Token | None:
    """The reporting verb closing the clause right before a speech-act participle's comma
    ("X said on Tuesday, adding ..."), whose speaker performs it."""
    doc = participle.doc
    if not speech_participle(participle) or participle.i < 2 or doc[participle.i - 1].text != ",":
        return None
    for t in reversed(doc[max(0, participle.i - 6):participle.i - 1]):
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux":
            return t if t.lemma_.lower() in REPORTING_VERBS else None
        if not (t.ent_type_ in ("DATE", "TIME") or t.pos_ == "ADP" or t.dep_ == "pobj"):
            return None
    return None


def speech_participle(tok: Token) -> bool:
    """"adding", "warning", "citing", "calling": a participle of a speech act with no subject of
    its own, which continues what its speaker does."""
    return tok.tag_ == "VBG" and tok.lemma_.lower() in NEXT_ACTS | _PARTICIPLE_ACTS and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _participle_opening(subj: Token, cue: Token) -> Token | None:
    """The noun phrase after the comma of a sentence's opening participle that the parser took for
    the subject ("Reacting, ...", "Briefing ambassadors in New York, ..."); None for a subject that
    only looks like one ("Beijing", "Banking regulators said")."""
    first = subj.left_edge
    if first.i != subj.sent.start or first.pos_ in ("PROPN", "PRON") or first.ent_type_ or not (
            first.lower_.endswith("ing") and len(first) > 4 and first.text[:1].isupper()):
        return None
    if not any(t.text == "," for t in subj.doc[first.i + 1:cue.i]) or first.tag_ != "VBG" and (
            first.i + 1 < len(first.doc) and first.nbor().text == ","):
        return None  # (not "Möhring, a Social Democrat, has said": a name the tagger took for a noun)
    found = _after_participle(first, cue)
    if found is None or found == subj or found.pos_ == "PRON" or found.i < subj.i:
        return None
    return found


def _after_participle(participle: Token, cue: Token) -> Token | None:
    """The head of the noun phrase written after an opening participle's comma and before the
    verb ("Speaking in Kyiv, Andrii Sybiha, Ukraine's foreign minister, said"), however the parser
    hung it inside the participle's phrase."""
    doc = cue.doc
    commas = [t.i for t in doc[participle.i:cue.i] if t.text == ","]
    for comma in commas:
        span = [t for t in doc[comma + 1:cue.i] if not t.is_punct]
        roots = [t for t in span if not (comma < t.head.i < cue.i) or t.head == t]
        last = doc[cue.i - 1]
        if (len(roots) > 1 or roots and roots[0].lower_ in TITLE_WORDS and last.ent_type_ == "PERSON") and (
                roots[0].pos_ == "PROPN" and last.pos_ == "PROPN" and cue.i - 2 > comma) and (
                doc[cue.i - 2].pos_ == "PROPN" and last.text[:1].isupper() and last.lower_ not in TITLE_WORDS):
            return last  # "Speaking in Cork, Tánaiste and Minister for ... Pádraig Ó Súilleabháin said" torn
            # apart (or hung whole on the place, as "Addressing parliament in Valletta, Deputy Prime Minister
            # and Minister for ... Ian Borg said"): the phrase's head is its last word, the name before the verb
        root = next((t for t in roots if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
        if root is not None:
            return root
    return None


def _reporting_above(participle: Token) -> Token | None:
    """The reporting verb a speech-act participle ("adding", "calling", "warning") closes when the
    parser hung it inside the reported clause: that verb's speaker performs it."""
    if participle.lemma_.lower() not in NEXT_ACTS | _PARTICIPLE_ACTS | REPORTING_VERBS:
        return None
    if participle.i == 0 or participle.doc[participle.i - 1].text != ",":
        return None
    up = participle.head
    while up.dep_ in ("ccomp", "advcl", "conj", "xcomp", "relcl") and up.head != up:
        if up.dep_ == "ccomp" and is_cue(up.head) and up.head.i < participle.i and (
                subject(up.head) is not None):
            return up.head
        up = up.head
    return None


_CUT_AFTER_COMMA = frozenset({"according", "though", "although"})
_REACTIONS = frozenset({"praise", "criticize", "criticise", "dismiss", "welcome", "reject", "oppose",
                        "disagree", "condemn", "applaud", "slam", "question", "dispute"})


def cut_attribution(toks: list[Token]) -> int:
    """End char of a complement, stopping before ", according to ...", a concessive ", though ...",
    a final ", which ..." clause (the reporter's additions, not the speaker's claim) and "and" +
    the speaker's next speech act."""
    end_tok = toks[-1]
    last = max(t.i for t in toks if not t.is_punct)
    for a, b in zip(toks, toks[1:]):
        if b.lower_ in ("and", "but") and b.dep_ == "cc" and (
                _speaker_goes_on(b.head, b) or _another_report(b.head, b)):
            end_tok = a  # "said X and urged Y", "but urged": what follows is the speaker's next act,
            break  # "said X, and critics warned that Y": another source's report
        if a.text == "," and b.lower_ in _CUT_AFTER_COMMA:
            end_tok = a
            break
        if a.text == "," and b.tag_ == "VBG" and b.lemma_.lower() in NEXT_ACTS | _PARTICIPLE_ACTS and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in b.children):
            end_tok = a  # "..., arguing that ...", "..., citing ...": the speaker's next act
            break
        if a.text == "," and b.lower_ in ("while", "whereas") and (
                b.head.lemma_.lower() in REPORTING_VERBS | _REACTIONS):
            end_tok = a  # "..., while Sen. Collins praised ...": another source's reaction
            break
        if a.text == "," and b.lower_ == "which" and b.head.dep_ == "relcl" and (
                max(t.i for t in b.head.subtree if not t.is_punct) == last):
            end_tok = a  # a closing ", which ..." is the reporter's gloss, not the speaker's claim
            break
    return end_tok.idx + (0 if end_tok.text == "," else len(end_tok))


def leading_date(toks: list[Token], comp: Token) -> tuple[list[Token], tuple[int, int] | None]:
    """"said on Wednesday they had ...", "said a day earlier that ...": the parser may hang the
    cue's date on the clause."""
    first = toks[0]
    while first.head != comp and first.head.i < comp.i and first.head.left_edge == toks[0]:
        first = first.head  # "a day earlier": the phrase's head, whose subtree starts the clause
    if first.i >= comp.i or first.dep_ not in ("prep", "npadvmod", "advmod") or first.head != comp:
        return toks, None
    phrase = list(first.subtree)
    if not any(t.ent_type_ == "DATE" for t in phrase):
        return toks, None
    rest = [t for t in toks if t.i > phrase[-1].i]
    while rest and (rest[0].is_punct or rest[0].lower_ == "that" and rest[0].dep_ == "mark"):
        rest.pop(0)
    if len(rest) < 2:
        return toks, None
    return rest, (phrase[0].idx, phrase[-1].idx + len(phrase[-1]))


def inverted_subject(cue: Token) -> Token | None:
    """``"...," said Crosetto``: the speaker after the verb."""
    for t in cue.doc[cue.i + 1:min(len(cue.doc), cue.i + 4)]:
        if t.ent_type_ in ("DATE", "TIME"):  # '"...," X said Thursday': a day is no speaker
            return None
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ in ("nsubj", "dobj", "attr", "npadvmod",
                                                             "appos", "compound", "dative"):
            head = t
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
            if cue.lemma_ == "tell" and head.dep_ in ("dobj", "dative") and head.pos_ != "PROPN":
                return None  # "she told a news conference": the hearer, not the speaker
            return head if head.head == cue else None
        if t.is_punct:
            break
    return None


def looks_like_title(words: list[str]) -> bool:
    """"The Art of the Deal", "coalition of the willing"-style names rather than speech."""
    if len(words) > 8 or words[-1][-1:] in ".?!,":
        return False
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with"}
    caps = [w for w in words if w.lower() not in small]
    return bool(caps) and all(w[:1].isupper() for w in caps) and len(caps) >= 2


NEXT_ACTS = frozenset({"urge", "call", "ask", "demand", "appeal", "add", "warn", "say", "vow",
                        "promise", "pledge", "insist", "stress", "suggest", "note", "argue", "acknowledge",
                        "cite", "claim", "predict", "announce", "accuse", "tell"})
_PARTICIPLE_ACTS = frozenset({"refer", "point", "describe", "explain", "blame", "dismiss"})


def _speaker_goes_on(head: Token, cc: Token) -> bool:
    """"Zelensky said Russia was preparing an offensive and urged allies ...": the verb after "and"
    has no subject of its own and is a speech act, so it belongs to the speaker, not the claim."""
    verb = next((c for c in head.children if c.dep_ == "conj" and c.i > cc.i), None)
    return (verb is not None and verb.lemma_.lower() in NEXT_ACTS
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _another_report(head: Token, cc: Token) -> bool:
    """"Obama said the reforms were not complete, and rights groups warned that ...": the clause
    after "and" has a subject and a reporting verb of its own, so it is another attribution."""
    verb = next((c for c in head.children if c.dep_ == "conj" and c.i > cc.i), None)
    if verb is None:  # "... more intense -- and he noted that": the parser may hang it on the cue
        subj = next((t for t in cc.doc[cc.i + 1:cc.i + 5] if t.dep_ == "nsubj"), None)
        verb = subj.head if subj is not None and subj.head.i > subj.i else None
    return (verb is not None and verb.i > cc.i and verb.lemma_.lower() in REPORTING_VERBS
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and any(c.dep_ == "ccomp" for c in verb.children))
