"""Speaker mentions, their roles, and who they refer to within one article.

A mention is analysed from the parse (a name with the title run before it, an appositive role, a
pronoun, an office or statement and its owner, or a group) without trusting a single entity label.
``ArticleSpeakers`` then resolves surnames, pronouns, titles and offices to the full names used
elsewhere in the same article.
"""
from __future__ import annotations

import re
import unicodedata

from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.attrs import LOWER, POS
from spacy.tokens import Doc, Token

from .clauses import in_capitalised_list
from .gender import PRONOUN_GENDER, first_name_gender, surname_gender, word_gender
from .lexicon import (BODY_NOUNS, CALL_VERBS, DIRECTIVE_VERBS, DOCUMENT_NOUNS, FINDING_VERBS, HONORIFICS,
                      INTENTION_VERBS, NON_SPEAKER_WORDS, OBJECT_VERBS, OFFICE_NOUNS, ORG_NOUNS, REPORTING_VERBS,
                      PERSONAL_PRONOUNS, QUOTE_VERB_FORMS, SPOKES_NOUNS, STATEMENT_NOUNS, TITLE_WORDS)
from .quotes import find_quotes

# Labels that mark numbers and dates; person/place/organisation labels are too unreliable on
# names (the small model calls "Trump" an ORG and "Mayor Ana Costa" a WORK_OF_ART) to exclude.
_PERSON_DESCRIPTOR = re.compile(r"(?i)the \d{1,3}-year-old(?: (?:man|woman|mother|father|grandmother|grandfather))?")
_CATAPHORA_CHARS = 600  # how far after a lead's descriptor the person it describes may be named
_PLACE_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC"})
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"})
# Irish surnames' particles, written with a capital ("Pádraig Ó Súilleabháin", "Siobhán Ní Bhriain",
# "Aoife Nic Giolla Phádraig", "Eoin Mac Cárthaigh"): part of the name as "van" and "al-" are
_ASKING = frozenset({"ask", "question", "wonder", "inquire", "enquire"})  # a question's clause is no one's speech
# the head noun of a place or building's name: "Vilnius Airport" is never "he", whatever the tagger says
# (not nouns that are common surnames too: Hall, Park, House, Field, Church)
_FACILITY_NOUNS = frozenset("""airport airbase station port harbour harbor bridge square avenue boulevard hospital
university college stadium arena palace museum tower checkpoint crossing terminal railway motorway highway
prison cathedral mosque temple airfield dam canal""".split())
_GAELIC_PARTICLES = frozenset({"ó", "ní", "nic", "mac", "mhic", "uí", "ua", "bean"})
_NAME_PARTICLES = frozenset({"de", "da", "di", "van", "von", "der", "den", "ten", "ter", "bin", "ibn", "ap", "bint",
                             "binti", "binte", "bte",
                             "al", "el", "le", "la", "del", "dela", "dos", "du", "des", "-"} | _GAELIC_PARTICLES)
_PATRONYMICS = frozenset({"bin", "binti", "binte", "bte", "bint", "ibn", "a/l", "a/p"})  # "son/daughter of"
_INSTITUTION_HEADS = frozenset({"force", "forces", "staff", "army", "navy", "command", "guard",
                                "police", "military", "security"})
_MENTION_DEPS = frozenset({"compound", "amod", "poss", "case", "det", "nummod", "flat", "nmod",
                           "cc", "conj", "punct", "quantmod", "predet"})


@dataclass(frozen=True)
class Mention:
    start: int  # char offsets in the article
    end: int
    text: str
    kind: str  # "name" | "pronoun" | "it" | "title" | "office" | "statement" | "group"
    name: str | None = None  # the person/org name written in the mention
    role: str | None = None
    office: str | None = None  # "office", "spokesperson": who speaks for ``owner``
    owner: "Mention | None" = None
    generic: str | None = None  # "company" for "the company", "the Swedish carmaker": a body named before
    described: str | None = None  # an unnamed source as written: "one EU official familiar with the talks"
    union_body: bool = False  # "the UN agency", "the EU executive": a body of a union of states, described
    present: bool = False  # the subject of a present-tense "says", as headlines and standfirsts write


def _facility(name: str | None) -> bool:
    """A name of a place or building ("Vilnius Airport", "Port Bell", "Harambee Avenue"), no person."""
    words = (name or "").lower().split()
    return len(words) >= 2 and (words[-1] in _FACILITY_NOUNS or words[0] in ("port", "mount", "lake", "fort"))


def _is_title(tok: Token) -> bool:
    if tok.lower_ in TITLE_WORDS:
        return True
    if tok.lower_ not in _HYPHEN_TAILS:  # (checked first: this runs for every word of every mention)
        return False
    doc, i = tok.doc, tok.i  # "co-ordinator", "vice-chancellor" split by the tokenizer: the joined word
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ and (
        f"{doc[i - 2].lower_}-{tok.lower_}" in TITLE_WORDS)


_HYPHEN_TAILS = frozenset(w.split("-", 1)[1] for w in TITLE_WORDS if "-" in w)


def _is_name_token(tok: Token) -> bool:
    if tok.lower_ in _NAME_PARTICLES:
        return True
    if tok.is_alpha and tok.text[:1].isupper() and tok.pos_ != "PROPN" and tok.i + 2 < len(tok.doc) and (
            tok.nbor().text == "-" and not tok.whitespace_ and not tok.nbor().whitespace_
            and tok.nbor(2).pos_ == "PROPN" and not _is_title(tok)):
        return True  # "SOLHEIM-BERG" with the first half tagged a noun
    if tok.pos_ in ("ADJ", "VERB", "NOUN", "ADV") and tok.text[:1].isupper() and tok.is_alpha and tok.i + 1 < len(tok.doc) and (
            tok.i == tok.sent.start or tok.nbor(-1).is_punct or tok.ent_type_ == "PERSON"
            or tok.nbor().lower_ in _GAELIC_PARTICLES) and (
            tok.ent_type_ not in _NOT_NAME_ENTS) and (
            tok.nbor().pos_ == "PROPN" and tok.nbor().text[:1].isupper() and tok.nbor().ent_type_ not in _PLACE_ENTS
            and not _is_title(tok) and first_name_gender(tok.text) is not None):
        return True  # "Precious Matsoso, a South African official, said" with the given name read as an adjective;
        # "... for Foreign Affairs Seán Ó Briain" with "Seán" read as a noun (inside the name the tagger
        # found, or before an Irish particle)
    if tok.pos_ in ("VERB", "NOUN") and tok.text[:1].isupper() and tok.text[1:].islower() and tok.is_alpha and (
            tok.ent_iob_ == "I" and tok.ent_type_ == "PERSON" and tok.i > tok.sent.start and tok.nbor(-1).pos_ == "PROPN"
            and tok.nbor(-1).ent_type_ == "PERSON" and not _is_title(tok) and tok.lemma_.lower() not in TITLE_WORDS
            and tok.lower_ not in _HEADLINE_VERBS and tok.lemma_.lower() not in REPORTING_VERBS
            and not (tok.i + 1 < len(tok.doc) and tok.nbor().is_alpha and tok.nbor().text[:1].isupper())):  # (not
        # a title-case headline's "Obama Says African-American Museum ...")
        return True  # "Commerce Secretary Paul Hendricks" with the surname read as a verb, inside the name
        # the tagger found
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and not _is_title(tok)
            and tok.ent_type_ not in _NOT_NAME_ENTS and tok.lower_ not in HONORIFICS
            and tok.text not in _RANKS_UNDOTTED  # ("Brig Gen Moses Tumwine": ranks, no part of the name)
            and tok.lower_ not in _HEADLINE_VERBS  # ("Kyiv Says Budapest Holding ...": a title-case headline)
            and tok.text not in ("'s", "’s") and (tok.text.count(".") < 2 or _JOINT_INITIALS.fullmatch(tok.text) and (
                tok.ent_type_ not in _PLACE_ENTS | {"ORG"} and tok.text not in _DOTTED_PLACES
                and tok.i + 1 < len(tok.doc) and tok.nbor().pos_ == "PROPN" and tok.nbor().text[:1].isupper())))


# given names written as joined initials before a name ("D.K. Shivakumar", "M.K. Stalin"), not a place's
_JOINT_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_DOTTED_PLACES = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "U.A.E.", "U.S.A.", "D.C.", "N.Y.", "L.A."})
# military ranks abbreviated without a full stop, as East African and British copy writes them before a name
_RANKS_UNDOTTED = frozenset({"Gen", "Brig", "Lt", "Col", "Maj", "Capt", "Cdr", "Sgt", "Cpl", "Adm", "Lt-Gen", "Maj-Gen"})
_HEADLINE_VERBS = frozenset({"says", "said", "warns", "tells", "urges", "vows", "insists", "denies", "claims",
                             "say", "warn"})  # (also after a plural: "..., Delegates Say")
# a title-case headline's verb of speech or stance ("Chile Backs Morocco's Plan", "Ghana Rejects IMF Call"),
# which the tagger may take into one organisation with the words around it; not the plurals that are
# words of bodies' names ("United States", "Rules Committee", "Consumer Reports")
_TITLE_CASE_VERBS = _HEADLINE_VERBS | frozenset(
    form for lemma in REPORTING_VERBS | OBJECT_VERBS | CALL_VERBS | INTENTION_VERBS | DIRECTIVE_VERBS
    for form in (lemma + "es" if lemma.endswith(("sh", "ch", "s", "x")) else lemma[:-1] + "ies"
                 if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else lemma + "s",)) - frozenset(
    """states rules reports notes posts charges claims questions signals promises pledges comments remarks
    records forecasts estimates calls plans offers supports attacks blasts counters concludes replies
    responds agrees hopes aims decides tries presses orders invites""".split()) | {"claims"}


def _is_nationality(tok: Token) -> bool:
    if not tok.text[:1].isupper():
        return False
    return tok.ent_type_ in ("NORP", "GPE") or ("." in tok.text and tok.text.isupper())


_COMPLEMENT_PREPS = frozenset({"of", "for", "to", "on"})
_WEEKDAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# title words that name a post's field or rank, not a post ("Foreign Affairs and Trade", "State")
_DOMAIN_WORDS = frozenset("""defense defence foreign interior finance economy economic health justice home
trade energy agriculture education labor labour environment transport culture state national security military
army navy air force staff affairs prime deputy vice general elect""".split())
_ROLE_LEAD = frozenset({"the", "a", "an", "now", "currently", "current", "also", "still"})


_INITIAL = re.compile(r"[A-Z]\.")  # a given name written as its initial: "S. Venkatesh", "M. K. Stalin"
# the fields an English cabinet or service post is "of"/"for" ("Federal Minister for Commerce", "Commissioner of
# Police"): words that never begin a person's name, so the name after them starts at the first other word
_PORTFOLIO_FIELDS = _DOMAIN_WORDS | frozenset("""commerce police industry industries tourism transportation
fisheries housing sport sports youth information communications communication planning works water lands mines
mining petroleum immigration revenue treasury investment development infrastructure technology science innovation
employment welfare social services women children family heritage arts media broadcasting telecommunications
digital aviation railways roads highways shipping maritime forestry forests climate power electricity rural urban
regional cooperation integration customs budget administration public local government policing""".split())
_AGE = re.compile(r"\d{1,3}[-\s]years?[-\s]old\b")


def _role_words(toks: list[Token]) -> list[Token]:
    """The title as written, without what only points at it: an article, a possessive pronoun
    ("Its chair"), a specifying genitive ("Spain's housing minister", "the government's chief
    negotiator": whose post it is, as "the" or "its" would say) and "now". A classifying genitive,
    a bare common plural ("farmers' leader", "a workers' representative"), is part of the title."""
    toks = list(toks)
    doc = toks[0].doc if toks else None
    while toks and toks[0].i >= 2 and doc[toks[0].i - 1].text == "-" and not doc[toks[0].i - 1].whitespace_ and (
            not doc[toks[0].i - 2].whitespace_ and doc[toks[0].i - 2].is_alpha):
        toks = [doc[toks[0].i - 2], doc[toks[0].i - 1]] + toks  # "co-leader", "vice-chair": one word, split
    while toks:
        first = toks[0]
        if first.is_punct or first.lower_ in _ROLE_LEAD or first.tag_ == "PRP$":
            toks.pop(0)
            continue
        # "the Department for Education's director of ...", however the parser hangs the owner
        mark = next((k for k, t in enumerate(toks) if t.tag_ == "POS"), None)
        if mark is not None and mark >= 1 and toks[mark - 1].pos_ == "PROPN" and all(
                t.text[:1].isupper() or t.lower_ in ("of", "for", "and", "&", "the", "-") for t in toks[:mark]) and any(
                _is_title(t) or t.pos_ == "NOUN" for t in toks[mark + 1:]):
            toks = toks[mark + 1:]
            continue
        age = _AGE.match(first.doc[first.i:min(len(first.doc), first.i + 5)].text)
        if age and len(toks) > 1:  # "a 31-year-old nurse": the age is the person's, not the post's
            end = first.idx + age.end()
            toks = [t for t in toks if t.idx >= end]
            continue
        head = first.head if first.dep_ != "poss" else first
        owner = next((t for t in [head, *head.ancestors] if t.dep_ == "poss"), None)
        if owner is not None and owner.left_edge.i <= first.i and (
                owner.pos_ in ("PROPN", "PRON") or owner.tag_ != "NNS"
                or any(c.dep_ == "det" for c in owner.children)):
            ends = owner.right_edge.i
            rest = [t for t in toks if t.i > ends]
            if rest and any(_is_title(t) or t.pos_ == "NOUN" for t in rest):
                toks = rest
                continue
        break
    while toks and (toks[-1].is_punct or toks[-1].lower_ in ("now", "currently", "still", "and", "&", "of") or (
            _acronym_like(toks[-1]) and toks[-1].i > 0 and toks[-1].doc[toks[-1].i - 1].text == "(")):
        toks.pop()  # (a phrase the parser cut inside a coordination: "Minister of Foreign Affairs and"; a
        # body's initials after its name: "Secretary-General of the Trades Union Congress (TUC)")
    if toks and toks[-1].i + 1 < len(doc) and doc[toks[-1].i + 1].text == ")" and _bracketed_portfolio(doc, next(
            (t.i for t in reversed(doc[toks[0].i:toks[-1].i + 1]) if t.text in "()"), -1)):
        toks.append(doc[toks[-1].i + 1])  # "Minister of State for Foreign Affairs (Regional Cooperation)"
    return toks


def _acronym_like(tok: Token) -> bool:
    """"TUC", "BoG", "KMT": initials a body is also known by."""
    return tok.is_alpha and 2 <= len(tok) <= 8 and tok.text[:1].isupper() and sum(c.isupper() for c in tok.text) >= 2


def _complement_prep(first: Token, lowest: int, longest: int = 14) -> int | None:
    """Where the preposition of a title's capitalised complement ending right before ``first``
    is ("Minister of Construction", "Minister of Economy, Trade and Industry", "Permanent
    Secretary for Innovation, Technology and Industry": capitalised names joined by commas and
    "and" are one complement), else None."""
    doc = first.doc
    joined = False  # a comma joins capitalised words only in a list that ends with "and"
    for p in range(first.i - 1, max(lowest, first.i - longest) - 1, -1):
        tok = doc[p]
        placed = tok.lower_ in ("at", "in") and p + 2 < first.i and doc[p + 1].lower_ == "the" and (
            doc[p + 2].text[:1].isupper())  # "Minister of State at the Department of Health", "in the Presidency"
        if (tok.lower_ in _COMPLEMENT_PREPS or placed) and p - 1 >= lowest and _is_title(doc[p - 1]):
            words = doc[p + 1:first.i]  # "Minister of Construction", or common nouns: "spokesperson on finance"
            if any(_is_title(t) and t.lower_ not in _DOMAIN_WORDS and not (
                    t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "POS") for t in words):
                return None  # "a spokesman for Prime Minister Keir Starmer": the name is the inner title's
                # (not "in the Prime Minister's Office": the office of a post)
            return p if any(t.text[:1].isupper() for t in words) or 0 < len(words) <= 2 and all(
                t.pos_ == "NOUN" and t.is_lower for t in words) or joined and all(
                t.is_lower and t.pos_ in ("NOUN", "ADJ") or t.lower_ in ("and", ",") for t in words) and (
                words[-1].pos_ == "NOUN") else None  # ("minister of fisheries and marine resources X")
        if tok.lower_ in ("and", "&"):
            joined = True
        elif tok.lower_ in ("of", "for", "with", "at", "in") and p > lowest and doc[p - 1].text[:1].isupper() and (
                doc[p - 1].is_alpha and p + 1 < first.i and (doc[p + 1].text[:1].isupper() or doc[p + 1].lower_ == "the")):
            continue  # inside a capitalised complement: "the Department of Health", "Persons with Disabilities"
        elif tok.tag_ == "POS" and p > lowest and doc[p - 1].text[:1].isupper():
            continue  # "the Prime Minister's Office"
        elif tok.text == "-" and not tok.whitespace_ and p > 0 and not doc[p - 1].whitespace_:
            continue  # "European and Euro-Atlantic Integration"
        elif tok.text == "," and joined and p > 0 and doc[p - 1].text[:1].isupper() and doc[p + 1].text[:1].isupper():
            continue
        elif joined and (tok.text == "," and p > 0 and doc[p - 1].pos_ == "NOUN" and doc[p - 1].is_lower
                         or tok.pos_ in ("NOUN", "ADJ") and tok.is_lower):
            continue  # "minister of industries, mines and energy X": a lower-case list of fields
        elif tok.pos_ == "ADJ" and tok.is_lower and p + 1 < first.i and doc[p + 1].pos_ == "NOUN" and doc[p + 1].is_lower:
            continue  # "and marine resources", "of higher education": a field's adjective
        elif not (tok.text[:1].isupper() or tok.lower_ == "the" or tok.pos_ == "NOUN" and tok.is_lower
                  and first.i - p <= 2) or tok.is_punct:
            return None  # "The chief executive of CalMac, Duncan Reid": an apposition, no title before the name
    return None


def _country_just_before(first: Token) -> bool:
    """"Prime Minister of Tuvalu Feleti Natano": a country's name right after a title's preposition
    and right before ``first`` (so ``first`` starts a name the name data may not know)."""
    doc = first.doc
    for n in (1, 2, 3):
        p = first.i - n - 1
        if p >= 1 and doc[p].lower_ in _COMPLEMENT_PREPS and _is_title(doc[p - 1]) and country_word(
                doc[p + 1:first.i].text) and first.i + 1 < len(doc) and doc[first.i + 1].pos_ == "PROPN":
            return True
    return False


def _name_after_field(first: Token) -> bool:
    """The parser reads a name opening at ``first`` right after a title's field: the word before it
    closes the complement (hung on an earlier word: "Sanitation", the conjunct of "Water" in "Minister
    of Water and Sanitation Thabiso Mokoena") and ``first`` begins a name (hung on a later word of
    that name), whether or not the name data know the given name."""
    doc = first.doc
    if first.i < 2 or not (first.dep_ in ("compound", "flat") and first.head.i > first.i and first.head.pos_ == "PROPN"):
        return False
    prev, last = doc[first.i - 1], first.head
    if first.lower_ in _PORTFOLIO_FIELDS or _is_title(first) or first.lower_ in _NAME_PARTICLES | _GAELIC_PARTICLES or (
            first_name_gender(prev.text) is not None and first_name_gender(first.text) is None) or (
            first_name_gender(first.text) is None and any(first_name_gender(t.text) is not None for t in doc[first.i + 1:last.i])):
        return False  # ("and Information Technology S. X", "and Trade Pádraig Ó Súilleabháin", "and Tunisians Abroad
        # Nabil Ammar": the parse is wrong where the name data know the given name)
    return (prev.text[:1].isupper() and prev.is_alpha and prev.dep_ in ("conj", "pobj") and prev.head.i < prev.i
            and last.i - first.i <= 3 and last.ent_type_ not in _PLACE_ENTS | _NOT_NAME_ENTS
            and all(t.head.i == last.i and t.pos_ == "PROPN" or t.text == "-" for t in doc[first.i:last.i]))


def _title_complement(first: Token, lowest: int) -> int | None:
    """The preposition of a complement written between a title and the name ("Minister of
    Construction Goran Stanković", "EU ambassador to Turkey Karl-Heinz Aumüller"), else None."""
    if first.ent_type_ != "PERSON" and first_name_gender(first.text) is None and not _country_just_before(first) and (
            not _family_name_first(first)) and not _INITIAL.fullmatch(first.text) and not (
            first.i > 0 and first.doc[first.i - 1].lower_ in _PORTFOLIO_FIELDS and first.text[:1].isupper()) and (
            not _name_after_field(first)):  # ("of Industry and Trade Phạm Quốc Tuấn", "of Information Technology
        # S. Venkatesh", "for Commerce Jahanzeb Qureshi": a name the name data does not know after a field)
        return None  # a body's name after "a spokesman for the": no complement before a name
    if first.i > 0 and first.doc[first.i - 1].lower_ in ("and", "&"):
        return None  # "the Minister of Health and Maria Costa": two people
    return _complement_prep(first, lowest)


def _body_before(last: Token, start: int, lowest: int) -> int | None:
    """Where the name of a body ending at ``last`` begins when it is written "X of Y" before a
    title ("Central Bank of Kenya Governor", "Bank of England Governor"), and hangs on the title
    or its holder; else None."""
    doc = last.doc
    if last.pos_ != "PROPN" or not last.text[:1].isupper() or last.ent_type_ == "PERSON":
        return None
    j = last.i
    while j - 1 >= lowest and (doc[j - 1].pos_ in ("PROPN", "NOUN") and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha
                               and (doc[j - 1].ent_type_ != "PERSON" or doc[j - 1].pos_ == "NOUN")
                               or doc[j - 1].lower_ in ("of", "the", "for", "and")):
        j -= 1
    while j < last.i and doc[j].lower_ in ("of", "the", "for", "and"):
        j += 1
    chain = doc[j:last.i + 1]
    # "Coalition for Change leader", "Law and Justice spokesman": a party's name before its lower-case post
    # (not a list of fields: "Trade, Industry and Energy Minister")
    party = any(t.lower_ in ("for", "and") for t in chain) and doc[start].is_lower and not (
        j >= 1 and doc[j - 1].text == ",")
    if not chain[0].text[:1].isupper() or not (party or any(t.lower_ == "of" for t in chain)):
        return None
    roots = [t for t in chain if not (j <= t.head.i <= last.i)]
    return j if roots and all(r.head.i >= start for r in roots) else None


def _listed_before(doc: Doc, conj: int, lowest: int) -> bool:
    """Capitalised words listed with commas before the "and" at ``conj`` ("Planning, Investment
    and"): a list of the fields a post covers, not people nor places joined ("Germany and")."""
    if conj - 1 < lowest or not _field_word(doc[conj - 1]):
        return False
    comma = False
    for k in range(conj - 1, max(lowest, conj - 8) - 1, -1):
        tok = doc[k]
        if tok.text == ",":
            if k - 1 < lowest or not _field_word(doc[k - 1]):
                return comma  # (", Investment, Trade and Industry Minister": the clause's comma ends the list)
            comma = True
        elif not _field_word(tok):
            break
    return comma


def _list_comma(doc: Doc, k: int) -> bool:
    """The comma at ``k`` joins the capitalised fields of one name or title complement listed up to
    an "and" ("Foreign Affairs, Emigration and Egyptian Expatriates", "the Saeima Defence, Internal
    Affairs and Corruption Prevention Committee"): no clause's, apposition's or list of people's comma."""
    if not (1 <= k < len(doc) - 3) or doc[k].text != "," or not (
            doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha and doc[k - 1].ent_type_ not in _LIST_NOT_FIELDS):
        return False
    item = 0  # words in the item read so far
    for tok in doc[k + 1:k + 16]:
        if tok.text == "," and item:
            item = 0
        elif tok.lower_ in ("and", "&") and item:
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            return nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and nxt.ent_type_ not in _LIST_NOT_FIELDS and (
                first_name_gender(nxt.text) is None or nxt.ent_type_ == "NORP")
        elif tok.text[:1].isupper() and tok.is_alpha and tok.ent_type_ not in _LIST_NOT_FIELDS and item < 4 and not (
                item == 0 and first_name_gender(tok.text) is not None and tok.ent_type_ != "NORP") or (
                item and tok.lower_ in ("of", "for", "the") or tok.text == "-" and not tok.whitespace_):
            item += 1  # ("Maria Costa and Juan Perez": people, not fields)
        else:
            return False
    return False


_LIST_NOT_FIELDS = frozenset({"PERSON", "GPE", "LOC", "DATE", "TIME", "CARDINAL"})


def _bracketed_portfolio(doc: Doc, k: int) -> bool:
    """The parenthesis at ``k`` opens a portfolio written after a title's complement ("Minister of State
    for Foreign Affairs (Regional Cooperation)"): capitalised words, not a body's initials ("(TUC)"),
    a party and seat ("(EPP, PL)") or a rank's "(retd)"."""
    if not (1 <= k < len(doc) - 2) or doc[k].text != "(" or not (doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha):
        return False
    words = []
    for tok in doc[k + 1:k + 8]:
        if tok.text == ")":
            named = " ".join(t.text for t in doc[max(0, k - 8):k] if t.text[:1].isupper())
            return bool(words) and not all(_acronym_like(t) or t.is_upper for t in words if t.is_alpha) and not (
                len(words) == 1 and named and (_abbreviates(words[0].text.upper(), named) or any(
                    t.text in BODY_NOUNS_TITLED for t in doc[max(0, k - 6):k])))  # ("(Comce)": a body's initials)
        if not (tok.text[:1].isupper() and tok.is_alpha and tok.ent_type_ not in _LIST_NOT_FIELDS
                or words and tok.lower_ in ("and", "&", "of", "for")):
            return False
        words.append(tok)
    return False


def _continues_complement(tok: Token) -> bool:
    """``tok`` (an appositive or conjunct the parser made of it) continues the title complement before
    it across a listing comma or as a bracketed portfolio, and is part of that title."""
    left = tok.left_edge.i
    doc = tok.doc
    return left > 0 and (_list_comma(doc, left - 1) or _bracketed_portfolio(doc, left - 1))


def _field_word(tok: Token) -> bool:
    """A capitalised word that can name a post's field ("Trade", "Planning"), not a person, a
    place or a day ("on Thursday, and Governor X")."""
    return tok.text[:1].isupper() and tok.is_alpha and tok.ent_type_ not in (
        "PERSON", "GPE", "LOC", "DATE", "TIME", "NORP") and tok.lower_ not in _WEEKDAY_NAMES


def _portfolio_before(first: Token, lowest: int) -> int | None:
    """Where the parenthesis opens when a title's portfolio is written in one right before the name
    ("Secretary of State (Defence Procurement) Arjun Malhotra-Reid", "Minister (Trade) X"): it is
    part of the post. None otherwise."""
    doc = first.doc
    close = first.i - 1
    if close - 2 < lowest or doc[close].text != ")":
        return None
    for k in range(close - 1, max(lowest, close - 8) - 1, -1):
        tok = doc[k]
        if tok.text == "(":
            inside = doc[k + 1:close]
            return k if k - 1 >= lowest and len(inside) and _is_title(doc[k - 1]) or (
                k - 1 >= lowest and doc[k - 1].text[:1].isupper() and _complement_prep(doc[k], lowest) is not None) else None
        if not (tok.text[:1].isupper() and tok.is_alpha or tok.lower_ in ("and", "&", "of", "for", ",")):
            return None
    return None


# styles a name may carry after a post ("Minister of Tourism Senator Dr X", "Minister of Finance the
# Hon. X", "Foreign Minister Senator X"): the person's, not the post's
_STYLES = frozenset({"senator", "sen.", "ambassador", "amb.", "hon.", "hon", "honourable", "honorable", "engr.",
                     "engr", "alhaji", "alhaja", "h.e.", "lord", "baroness", "the",
                     # a service rank the holder of a civil post keeps ("Defence Secretary Admiral (retd) X"),
                     # Fijian chiefly styles ("Minister for Policing Adi Salote X", "Ratu X")
                     "admiral", "brigadier", "commodore", "colonel", "col.", "ratu", "adi",
                     "gen", "brig", "lt", "col", "maj", "capt", "cdr", "adm", "lt-gen", "maj-gen"}) | HONORIFICS
_RETIRED = frozenset({"retd", "rtd", "retd.", "rtd.", "ret.", "retired"})  # "(retd)" after a rank
# the level of government a post is at, written before its fields ("Union Commerce and Industry Minister")
_POST_LEVELS = frozenset({"union", "federal", "state", "provincial", "regional", "national", "county", "city",
                          "municipal", "cabinet", "shadow"})
# words that open a post ("Deputy Ambassador X"): a style never follows them
_POST_OPENERS = frozenset({"deputy", "vice", "acting", "assistant", "senior", "junior", "first", "second", "chief",
                           "executive", "general", "former", "interim", "shadow", "associate", "principal"})


def _styled(first: Token, lowest: int) -> Token:
    """Where the styles written before a name begin when a post (a head title or its capitalised
    complement) comes right before them: "Minister of Tourism and Culture Senator Dr Marsha Blake",
    "Minister of Finance the Hon. Colm Brady"; else ``first``."""
    doc = first.doc
    k = first.i
    while k - 1 > lowest and (doc[k - 1].lower_ in _STYLES and not (doc[k - 1].lower_ == "the" and k == first.i) or (
            doc[k - 1].text == "." and not doc[k - 2].whitespace_ and doc[k - 2].lower_ in ("hon", "engr", "amb", "sen"))
            or doc[k - 1].text == ")" and k - 3 > lowest and doc[k - 2].lower_ in _RETIRED and doc[k - 3].text == "("):
        k -= 3 if doc[k - 1].text == ")" else 1  # (also "Hon" and "." as the tokenizer splits them)
    while k < first.i and doc[k].lower_ == "the" and k + 1 < first.i and doc[k + 1].lower_ not in ("hon.", "hon"):
        k += 1  # ("the" only in "the Hon.")
    if k == first.i or k - 1 < lowest:
        return first
    before = doc[k - 1]
    if before.lower_ in TITLE_WORDS and before.lower_ not in _DOMAIN_WORDS | _POST_OPENERS and before.pos_ in ("NOUN", "PROPN"):
        return doc[k]  # "Foreign Minister Senator X"
    if before.text[:1].isupper() and before.is_alpha and (not _is_title(before) or before.lower_ in _DOMAIN_WORDS) and (
            _complement_prep(doc[k], lowest) is not None):
        return doc[k]  # "Minister of Tourism and Culture Senator Dr X"
    return first


_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _post_dash(tok: Token) -> bool:
    """A spaced dash that joins two posts one person holds, each written with a capital: "Deputy Prime
    Minister – Minister of Foreign Affairs" (not a dateline's "BRUSSELS – European Commission ...")."""
    doc = tok.doc
    if tok.text not in _DASHES or not tok.whitespace_ or tok.i < 1 or tok.i + 1 >= len(doc) or not doc[tok.i - 1].whitespace_:
        return False
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    return _is_title(before) and _is_title(after) and before.text[:1].isupper() and after.text[:1].isupper() and (
        before.lower_ not in _DOMAIN_WORDS and after.lower_ not in _DOMAIN_WORDS - {"deputy", "vice", "prime"})


def role_before(first: Token, lowest: int = 0) -> str | None:
    """The title phrase written just before a name, with its premodifiers and its complement
    ("U.K. Prime Minister" Keir Starmer, "AfD parliamentary leader", "presiding judge",
    "Minister of Construction", "EU ambassador to Turkey")."""
    doc = first.doc
    while first.i >= 3 and doc[first.i - 1].text == "." and not doc[first.i - 2].whitespace_ and (
            doc[first.i - 2].is_alpha and doc[first.i - 2].is_title and len(doc[first.i - 2]) <= 3
            and first.text[:1].isupper() and doc[first.i - 3].text not in (".", "!", "?")
            and not {doc[first.i - 2].lower_, doc[first.i - 2].lower_ + "."} & (_STYLES | TITLE_WORDS)):
        first = doc[first.i - 2]  # "DFA spokesperson Ma. Angelica X", "Jose Ma. Y": an abbreviated name
        lowest = min(lowest, first.i)
    opening = first.sent.start
    if doc[opening].tag_ == "VBG" and opening < first.i:  # "Speaking to reporters in Cork, Tánaiste and
        comma = next((t.i for t in doc[opening:first.i] if t.text == ","), None)  # Minister X said": the
        if comma is not None:  # opening participle's comma ends it; no post begins before it
            lowest = max(lowest, comma + 1)
    if lowest >= 2 and _post_dash(doc[lowest - 1]):
        lowest = opening  # (a parse that ends the phrase at the dash between two posts)
    styled = _styled(first, lowest)
    if styled.i != first.i:  # the post ends where the name's styles begin
        start = _complement_prep(styled, lowest)
        first = styled
    else:
        start = _title_complement(first, lowest)
    i = first.i - 1
    if start is not None:
        i = start - 1
    elif (paren := _portfolio_before(first, lowest)) is not None:
        start, i = paren, paren - 1  # "Secretary of State (Defence Procurement) Arjun Malhotra-Reid"
    listed = False  # "Trade, Industry and Energy Minister": capitalised words listed before the title
    while i >= lowest:
        tok = doc[i]
        capital = tok.text[:1].isupper() and tok.is_alpha
        if start is not None and capital and i + 1 == start and not listed and doc[start].is_lower and (
                body := _body_before(tok, start, lowest)) is not None and body < i:
            start = i = body  # "Law and Justice spokesman": a party's name joined by "and" before its post
        elif start is not None and capital and i + 1 == start and not listed and tok.dep_ == "conj" and (
                lowest <= tok.head.i < i - 2) and any(t.lower_ in ("and", "&") for t in doc[tok.head.i:i]) and all(
                (t.text[:1].isupper() and t.is_alpha or t.lower_ in ("and", "&")) and t.ent_type_ not in (
                    "PERSON", "GPE", "LOC", "DATE", "TIME") for t in doc[tok.head.i:i]) and doc[i - 1].lower_ not in ("and", "&"):
            start = i = tok.head.i  # "Shadow Health and Social Care Secretary": fields of several words joined
            listed = i - 1 >= lowest and doc[i - 1].text == ","  # ("Environment, Food and Rural Affairs Secretary")
        elif start is not None and capital and i + 1 == start and not listed and tok.dep_ == "conj" and (
                i - 2 >= lowest and doc[i - 1].lower_ in ("and", "&") and doc[i - 2].text[:1].isupper()):
            start = i  # "Energy" in "Trade, Industry and Energy Minister", however it is parsed
        elif start is not None and i + 1 == start and not listed and tok.lower_ in ("and", "&") and (
                doc[start].text[:1].isupper() and _listed_before(doc, i, lowest)):
            start, listed = i, True
        elif listed and i + 1 == start and (tok.text == "," and i - 1 >= lowest and doc[i - 1].text[:1].isupper()
                                            or capital and doc[i + 1].text == ","):
            start = i
        elif listed and capital and i + 1 == start and doc[i + 1].lower_ in ("and", "&"):
            start = i
        elif start is not None and (body := _body_before(tok, start, lowest)) is not None:
            start = i = body  # "Central Bank of Kenya Governor": the body's name written before its post
        elif _is_title(tok) or tok.text in ("-", "elect") or _is_nationality(tok):
            start = i
        elif start is not None and i + 1 == start and tok.text == ")" and i - 3 >= lowest and doc[i - 2].text == "(" and (
                _acronym_like(doc[i - 1]) and doc[i - 3].text[:1].isupper() and doc[i - 3].is_alpha):
            start = i = i - 2  # "Chinese Nationalist Party (KMT) Legislator": the body's initials in brackets
        elif start is not None and i + 1 == start and doc[start].text == "-" and tok.is_alpha and not tok.whitespace_:
            start = i  # "Under-Secretary-General", "Co-Chair": one word the tokenizer split
        elif start is not None and i + 1 == start and tok.lower_ in ("and", "&") and i - 1 >= lowest and (
                doc[i - 1].is_alpha and doc[i - 1].pos_ in ("NOUN", "PROPN", "ADJ")
                and not (_is_title(doc[start]) and doc[start].lower_ not in _DOMAIN_WORDS)
                and doc[i - 1].is_lower == doc[start].is_lower and doc[i - 1].ent_type_ not in (
                    "PERSON", "GPE", "LOC", "NORP", "DATE", "TIME") and doc[i - 1].lower_ not in _WEEKDAY_NAMES
                and (i - 2 < lowest or not doc[i - 2].is_alpha or doc[i - 2].is_lower != doc[i - 1].is_lower
                     or doc[i - 2].pos_ == "DET" or _is_nationality(doc[i - 2])
                     or doc[i - 2].lower_ in _POST_LEVELS | _POST_OPENERS)):  # ("Union Commerce and Industry Minister")
            start = i - 1  # "commerce and industry minister", "Treasury and Finance Minister": both fields
            i -= 1
        elif start is not None and i + 1 == start and tok.is_alpha and 2 <= len(tok) <= 6 and tok.text[0].isupper() and (
                sum(c.isupper() for c in tok.text) >= 2 and tok.ent_type_ != "PERSON"):
            start = i  # "PD Senator", "ANC MP": a party's or body's initials before the post, however parsed
        elif start is not None and (tok.dep_ in ("compound", "amod", "nmod") and (
                tok.pos_ in ("NOUN", "PROPN", "ADJ") or tok.tag_ in ("VBG", "VBN")  # "presiding judge"
                or tok.is_alpha and tok.is_upper and len(tok) >= 2)  # "WHO"
                                    ) and tok.head.i >= start and tok.text not in ("'s", "’s") and (
                tok.lower_ not in QUOTE_VERB_FORMS):  # not '"...," fumed manager X': a misread verb
            start = i  # "Police Chief", "former President", "opposition leader", "AfD parliamentary leader"
        elif start is not None and tok.tag_ == "POS" and i - 1 >= lowest and doc[i - 1].pos_ == "NOUN" and (
                doc[i - 1].dep_ == "poss"):
            start = i - 1  # "farmers' leader", "workers' representative" (not "Italy's Foreign Minister")
            i -= 1
        elif tok.lower_ in ("and", "of") and i - 1 >= lowest and _is_title(doc[i - 1]) and start is not None:
            start = i  # "Foreign Minister and Deputy Prime Minister", "Secretary of State"
        elif start is not None and i + 1 == start and _post_dash(tok) and i - 1 >= lowest:
            start = i  # "Deputy Prime Minister – Minister of Foreign Affairs": two posts written with a dash
        elif start is None and i == first.i - 1 and tok.pos_ == "NOUN" and tok.is_lower and (
                tok.dep_ == "compound"):
            start = i  # a descriptor right before the name: "dictator Vladimir Putin", "pop star"
        elif tok.lower_ in HONORIFICS:
            pass
        else:
            break
        i -= 1
    if start is None:
        return None
    toks = [t for t in doc[start:first.i] if t.lower_ not in HONORIFICS]
    while toks and (toks[0].lower_ in ("and", "of") or toks[0].text == "-"):
        toks.pop(0)
    if len(toks) > 3 and toks[0].text == "(" and toks[2].text == ")":
        toks = toks[3:]  # (the body's name before its initials was no part of the title)
    now = next((k for k, t in enumerate(toks) if t.lower_ in ("current", "now", "currently") and k >= 2
                and toks[k - 1].lower_ == "and"), None)
    if now is not None and toks[0].lower_ in ("former", "ex", "ex-") and now + 1 < len(toks):
        toks = toks[now + 1:]  # "Former foreign minister and current New Democracy parliamentary spokesman X"
    if not toks or not (any(_is_title(t) for t in toks) or toks[-1].i == first.i - 1 and toks[-1].is_lower):
        return None
    return _text(doc, toks)


def _appositives(head: Token) -> list[Token]:
    """``head``'s appositives, and the title phrase after its comma that the parser made a second
    subject of the verb ("Park Ji-hoon, South Korea's ambassador to Japan, told ...")."""
    out = [c for c in head.children if c.dep_ == "appos"]
    doc = head.doc
    if not out and head.i + 2 < len(doc) and doc[head.i + 1].text == "," and head.dep_ != "nsubj":
        sibling = next((c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and _is_title(c)
                        and c.left_edge.i == head.i + 2 and c.i > head.i), None)
        if sibling is not None:
            out.append(sibling)
    return out


def _appos_role(head: Token, describe: bool = False) -> str | None:
    """The role in an appositive: "Crosetto, the defense minister of Italy, who ..., said";
    with ``describe``, also what an appositive says a person is ("a law student")."""
    doc = head.doc
    skip: set[int] = set()
    for child in _appositives(head):
        if child.is_punct or child.i in skip:
            continue
        # "the EU's executive vice-president for a clean transition" parsed as three appositives ("executive
        # vice", "-", "president") and a preposition of the name: one title, from the first piece to the last
        pieces = [child]
        while not pieces[-1].whitespace_ and pieces[-1].i + 2 < len(doc) and doc[pieces[-1].i + 1].text == "-" and (
                not doc[pieces[-1].i + 1].whitespace_ and doc[pieces[-1].i + 2].dep_ == "appos"
                and doc[pieces[-1].i + 2].head == child.head):
            pieces.append(doc[pieces[-1].i + 2])
        joined = {t.i: t for p in pieces for t in p.subtree} | {p.i + 1: doc[p.i + 1] for p in pieces[:-1]}
        toks = [joined[k] for k in sorted(joined)]
        if len(pieces) > 1:
            skip |= {p.i for p in pieces} | {p.i + 1 for p in pieces}
            more = next((c for c in head.children if c.dep_ == "prep" and c.left_edge.i == toks[-1].i + 1), None)
            if more is not None:  # ("for a clean transition", hung on the name)
                toks += list(more.subtree)
            child = pieces[-1]
        if not (any(_is_title(t) for t in toks) or _affiliation(child)
                                         or describe and _describes_person(head, child)):
            continue
        now = next((c for c in child.children if c.dep_ == "conj" and c.i > child.i and not is_past_role(
            " ".join(t.text for t in c.subtree)) and c.left_edge.lower_ in ("now", "currently", "current")), None)
        if now is not None and is_past_role(" ".join(t.text for t in toks)):
            # "former chair of the budget committee and now president of the Court of Auditors"
            child, toks = now, list(now.subtree)
        relcl = next((c for c in child.children if c.dep_ == "relcl"), None)
        now_post = _post_now(relcl) if relcl is not None and is_past_role(" ".join(t.text for t in toks)) else None
        if now_post is not None:  # "a former vice defense minister who now serves as the PPP's chief policymaker"
            return now_post
        if relcl is not None:  # "..., who has led the party since 2019": not part of the role
            toks = [t for t in toks if t.i < relcl.left_edge.i]
        # "director of the Ideas for Peace Foundation, a Bogotá think tank": what the body is, and
        # "chief economist at İş Yatırım in Istanbul": where it is, are no part of the post
        aside = {inner.i for t in toks if t is not child and t not in pieces and t.dep_ in ("appos", "relcl", "acl")
                 and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text in (",", "(", "\u2013", "\u2014")
                 and not _continues_complement(t)  # ("Defence, Internal Affairs and ... Committee")
                 for inner in t.subtree}
        # "the speaker of parliament and a former prime minister": the post held, not the one before
        # (wherever the parser hangs it: "director of the think tank X and a former state secretary")
        for conj in (t for t in toks if t.dep_ == "conj" and t.i > child.i):
            # "chairman of parliament's foreign affairs committee and a lawmaker from the ruling party":
            # a post, then what else the person is (one of many): the post
            described = conj.left_edge.lower_ in ("a", "an") and conj.left_edge.i > child.i and not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in child.children)
            if described or is_past_role(" ".join(t.text for t in conj.subtree)):
                cc = [t.i for t in conj.head.children if t.dep_ == "cc" and conj.head.i < t.i < conj.i]
                aside |= {t.i for t in conj.subtree} | set(cc)
        # "a former foreign minister now living in exile": what the person does now is not the post
        # ("the Brazilian official presiding over the conference" keeps what the post does)
        aside |= {inner.i for t in child.children if t.dep_ == "acl" and t.i > child.i and t.tag_ in ("VBG", "VBN")
                  and t.left_edge.lower_ in ("now", "currently", "still", "later") for inner in t.subtree}
        # "an economist at Cheikh Anta Diop University": an indefinite noun says what the person
        # is, one of many at the body named after it; where they work is not their post ("the
        # director of the institute", "undersecretary for policy at the department" keep theirs)
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in child.children):  # (the tagger may call it a verb)
            aside |= {inner.i for c in child.children if c.dep_ == "prep" and c.lower_ in ("at", "with")
                      and c.i > child.i and any(t.pos_ == "PROPN" or t.dep_ == "pobj" and t.pos_ == "NOUN"
                                                for t in c.subtree) for inner in c.subtree}  # ("at the same bank")
        toks = [t for t in toks if t.i not in aside]
        while toks and toks[-1].lower_ in ("now", "currently", "still") and toks[-1].i > child.i:
            toks.pop()
        toks = _role_words(_without_body_place(toks))
        if toks and all(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in toks):
            inner = _appos_role(child, describe)  # a person's name is no role ("Gen (Rtd) Samuel Ekwaro,
            if inner:  # a former ... who is now ...,"): what the name's own appositive says they are
                return inner
            continue
        if toks:
            return _text(head.doc, toks)
    return None


def _title_set_before(run: list[Token]) -> str | None:
    """"The Secretariat's deputy secretary-general in charge of productive sectors, Josée Mbuyi
    Kalenga, a former trade minister, said": a title's noun phrase that opens the sentence and is
    set off by a comma right before the name is that person's post, however the parser hung the
    two (here the name as the subject, the title beside it)."""
    doc = run[0].doc
    comma = run[0].i - 1
    while comma > 0 and (doc[comma].lower_ in HONORIFICS or doc[comma].lower_ in _STYLES - {"the"} or doc[comma].tag_ == "PRP$"):
        comma -= 1  # "the Minister of Foreign Affairs and Cooperation, Her Excellency Luísa Mabunda,", "..., Ambassador X,"
    after = doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
    if comma < 2 or doc[comma].text != "," or after is None or after.text not in (",", ".", ";"):
        return None
    head = doc[comma - 1]
    while head.head.i != head.i and head.head.i < comma and not (
            _is_title(head) and _title_noun(head) and (head.lower_ not in _DOMAIN_WORDS or _hyphen_tail(head))):
        head = head.head  # (up to the post: "Minister", not "Affairs" of "Foreign Affairs and Cooperation")
    start = head.left_edge.i
    # opening the sentence, or a definite title: "after meeting the EU Ambassador to Serbia, Ingrid Hallström,"
    # ("the party's secretary-general, X,": with "general" read as an adjective)
    if not _is_title(head) or not _title_noun(head) or not (
            start == head.sent.start or doc[start - 1].is_punct or doc[start].lower_ == "the"
            or doc[start].dep_ == "poss" and doc[start].head.i == head.i  # ("with Morocco's Minister of ..., X",
            or start + 1 < head.i and doc[start + 1].tag_ == "POS" and doc[start].head.i == head.i):  # however parsed)
        return None
    toks = _title_phrase(head, comma)
    return _text(doc, toks) if toks else None


def _post_held(head: Token) -> str | None:
    """The post a relative clause on a name says the person holds: "Sipho Ndlovu, who serves as Minister
    of Trade, Industry and Competition, said", "X, who is the Minister for Infrastructure, said" (present
    tense; not "who served as", a post held before), else None."""
    relcl = next((c for c in head.children if c.dep_ == "relcl" and c.i > head.i and c.tag_ in ("VBZ", "VBP")
                  and c.lemma_.lower() in ("be", "serve", "act")), None)
    if relcl is None:
        return None
    pred = next((c for c in relcl.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None) or next(
        (g for c in relcl.children if c.dep_ == "prep" and c.lower_ == "as"
         for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
    if pred is None or not (_is_title(pred) or _title_led(pred)) or any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in pred.children):
        return None  # ("who is a member of ...": one of many, not a post)
    stop = next((t.i for t in pred.doc[pred.i + 1:pred.right_edge.i + 1] if t.text in (",", ";", ")") and not (
        t.text == "," and _list_comma(pred.doc, t.i))), pred.right_edge.i + 1)
    toks = _title_phrase(pred, stop)
    return _text(pred.doc, toks) if toks and not is_past_role(_text(pred.doc, toks)) else None


def _title_noun(tok: Token) -> bool:
    """A title's head noun, or the last part of a hyphenated title the tagger read as an adjective
    ("general" of "secretary-general", "director-general", "attorney-general")."""
    return tok.pos_ in ("NOUN", "PROPN") or _hyphen_tail(tok)


def _hyphen_tail(tok: Token) -> bool:
    """``tok`` ends a title written with a hyphen ("general" of "attorney-general")."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_ and (
        _is_title(doc[tok.i - 2]) and doc[tok.i - 2].pos_ in ("NOUN", "PROPN") and _is_title(tok))


def _post_now(relcl: Token) -> str | None:
    """The post a relative clause says a person holds now: "who is now chairman of the committee",
    "who now serves as the party's chief policymaker" (else None)."""
    if not any(c.lower_ in ("now", "currently") for c in relcl.subtree if c.dep_ == "advmod"):
        return None
    pred = next((c for c in relcl.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None) or next(
        (g for c in relcl.children if c.dep_ == "prep" and c.lower_ == "as"
         for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
    if pred is None:
        return _post_by_verb(relcl)  # "who now chairs the council's legal committee"
    aside = {x.i for c in pred.children if c.dep_ in ("relcl", "appos") for x in c.subtree}
    toks = [t for t in pred.subtree if t.i not in aside]
    toks = _role_words(_without_body_place(toks))
    return _text(pred.doc, toks) if toks else None


# verbs of taking up a post ("who took over as foreign minister in March", "who was appointed finance
# minister last year", "who became defence minister"): the post is held now, whatever the tense
_TAKING_UP = frozenset({"take", "become", "appoint", "name", "elect", "swear", "install", "promote", "succeed"})
_HOLDING = frozenset({"serve", "be", "act", "work"})  # held now only in the present: "who serves as"


def _post_taken(head: Token) -> str | None:
    """The post a relative clause on a person's name says they took up or hold now ("X, who took over
    as foreign minister in March,", "X, who serves as the bank's chief economist,"); None for one
    held before ("who served as finance minister until 2019")."""
    for relcl in (c for c in head.children if c.dep_ == "relcl" and c.i > head.i):
        lemma = relcl.lemma_.lower()
        now = relcl.tag_ in ("VBZ", "VBP") or any(c.dep_ == "advmod" and c.lower_ in ("now", "currently")
                                                  for c in relcl.children)
        if not (lemma in _TAKING_UP or lemma in _HOLDING and now) or any(
                c.dep_ == "aux" and c.lower_ == "had" or c.dep_ == "prep" and c.lower_ in ("until", "till")
                for c in relcl.children):
            continue
        pred = next((c for c in relcl.children if c.dep_ in ("attr", "oprd") and c.pos_ in ("NOUN", "PROPN")), None) or next(
            (g for c in relcl.children if c.dep_ == "prep" and c.lower_ == "as"
             for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
        if pred is None or not _is_title(pred) or any(t.lower_ in ("former", "ex") for t in pred.subtree) or any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in pred.children):
            continue  # (not "who is a member of the finance committee": one of many)
        aside = {x.i for c in pred.children if c.dep_ in ("relcl", "appos", "acl") for x in c.subtree}
        toks = _role_words(_without_body_place([t for t in pred.subtree if t.i not in aside and not t.is_punct]))
        if toks:
            return _text(pred.doc, toks)
    return None


# verbs that say a post: "who chairs the committee" is its chair
_POST_VERBS = {"chair": "chair", "head": "head", "lead": "leader", "direct": "director", "preside": "president"}


def _post_by_verb(relcl: Token) -> str | None:
    """"who chairs the Knesset's Interior Committee", "who heads the National Treasury": the post the
    verb says, in the present tense only ("chair of the Knesset's Interior Committee")."""
    noun = _POST_VERBS.get(relcl.lemma_.lower())
    if noun is None or relcl.tag_ not in ("VBZ", "VBP") or relcl.dep_ != "relcl":
        return None
    obj = next((c for c in relcl.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None) or next(
        (g for c in relcl.children if c.dep_ == "prep" and c.lower_ == "over" for g in c.children if g.dep_ == "pobj"),
        None)
    if obj is None:
        return None
    aside = {x.i for c in obj.children if c.dep_ in ("relcl", "appos", "acl") for x in c.subtree}
    toks = [t for t in obj.subtree if t.i not in aside and not (t.is_punct and t.text not in ("'", "\u2019"))]
    if not toks or len(toks) > 10 or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    return f"{noun} of {_text(relcl.doc, toks)}"


def _set_off_title(run: list[Token]) -> str | None:
    """"Park Ji-hoon, South Korea's ambassador to Japan, told ...": a title's noun phrase set off
    by commas right after a name is what that person is, however the parser hung the two (here
    the title as subject, the name as an adverb)."""
    doc = run[0].doc
    comma = run[-1].i + 1
    if comma + 2 >= len(doc) or doc[comma].text != "," or any(c.dep_ == "appos" for c in run[-1].children):
        return None
    close = next((k for k in range(comma + 1, min(len(doc), comma + 14)) if doc[k].text in (",", ";", "(", ")")
                  or doc[k].is_sent_start), None)
    if close is None or doc[close].text != ",":
        return None
    phrase = doc[comma + 1:close]
    heads = [t for t in phrase if not comma < t.head.i < close or t.head == t]
    if len(heads) != 1 or heads[0].pos_ != "NOUN" or not _is_title(heads[0]) or heads[0].head.i in (
            t.i for t in run) or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    toks = _role_words(_without_body_place(list(phrase)))
    return _text(doc, toks) if toks else None


def _describes_person(head: Token, appos: Token) -> bool:
    """"Milica Đorđević, a law student who ...": an indefinite common noun in apposition to a
    person's name says what the person is, which is their role in the story."""
    return (head.pos_ == "PROPN" and head.ent_type_ == "PERSON" and appos.pos_ == "NOUN" and appos.tag_ == "NN"
            and appos.i > head.i and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in appos.children))


def _held(before: str | None, appositive: str | None) -> str | None:
    """The post held when a name has two: "Former Defense Minister Agnieszka Zielińska, now a
    deputy speaker of the Sejm," is the deputy speaker; else the title written before the name."""
    if before and is_past_role(before) and appositive and not is_past_role(appositive):
        return appositive
    return before or appositive


def _without_body_place(toks: list[Token]) -> list[Token]:
    """A role that ends "at <body> in <place>" without the place: the body's seat is not the post;
    nor is where a person comes from ("a teacher from Lyon")."""
    origin = next((t for t in toks if t.dep_ == "prep" and (t.lower_ == "from" or t.lower_ == "in" and not any(
        p.dep_ == "prep" and p.i < t.i for p in toks)) and t.right_edge.i == toks[-1].i  # "a taxi driver in Lima"
                   and t.head.pos_ == "NOUN" and t.head in toks), None)
    if origin is not None and origin.lower_ == "in" and any(
            c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in origin.head.children):
        origin = None  # "Numsa's regional secretary in Mpumalanga": where a post is held is part of it
    if origin is not None:
        place = [t for t in origin.subtree if t is not origin and not t.is_punct and t.lower_ != "the"]
        if place and all(t.pos_ == "PROPN" and t.ent_type_ in _PLACE_ENTS for t in place):
            return [t for t in toks if t.i < origin.i]
    at = next((t for t in toks if t.dep_ == "prep" and t.lower_ in ("at", "of", "for", "with")
               and any(g.pos_ == "PROPN" for g in t.subtree)), None)
    if at is None:
        return toks
    last = next((t for t in toks if t.dep_ == "prep" and t.lower_ == "in" and t.i > at.i), None)
    if last is None or last.right_edge.i != toks[-1].i:
        return toks
    place = [t for t in last.subtree if t is not last and not t.is_punct and t.lower_ != "the"]
    if place and all(t.pos_ == "PROPN" and t.ent_type_ != "PERSON" for t in place):  # a place's name
        return [t for t in toks if t.i < last.i]
    return toks


_STYLE_REACH = 40  # characters from a mention's start to its name's, past a style ("Ambassador Dr ...")

# nouns that relate a person to another, no post ("His colleague X", "her Polish counterpart X")
_RELATIONS = frozenset({"colleague", "counterpart", "successor", "predecessor", "wife", "husband", "son", "daughter",
                        "brother", "sister", "friend", "partner", "boss", "rival", "ally"})

_RANKS = frozenset("""senior junior colonel col. general gen. lieutenant lt. major captain admiral sergeant
marshal brigadier commodore corporal private rear vice""".split())


def _courtesy(role: str | None) -> bool:
    """"Senator", "Ambassador", "Dr": one title word written before a name as a form of address;
    a post set off before it ("The chairperson of the Senate energy committee, Senator X,") says more."""
    return bool(role) and " " not in role.strip() and role.lower() in TITLE_WORDS and role[:1].isupper()


def _complemented(role: str) -> bool:
    """"chairperson of the Senate energy committee": a post with its complement, more than a word
    before a title ("Republican counterpart")."""
    return bool(re.search(r"\s(?:of|for|on|to|in)\s", role))


def _only_rank(role: str | None) -> bool:
    """"Senior Colonel", "Lt. Gen.": a military rank, no post."""
    return bool(role) and all(w.lower() in _RANKS for w in role.replace("-", " ").split())


def _named_in_apposition(noun: Token) -> bool:
    """"Europe's chief negotiator, Lars Holm,": a common noun whose appositive is a person's
    name is that person, whether or not the noun is a known title."""
    return noun.pos_ == "NOUN" and noun.is_lower and any(
        c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > noun.i and c.ent_type_ not in _PLACE_ENTS | _NOT_NAME_ENTS
        for c in noun.children)  # also "Her son, Javier,", "Spain's state weather agency, Aemet,"


def _title_led(head: Token) -> bool:
    """"the Minister of Foreign Affairs and East African Cooperation": a capitalised noun phrase
    that starts with a post, whatever word the parser made its head ("Cooperation")."""
    first = next((t for t in head.subtree if t.dep_ != "det"), head)
    return first.i < head.i and _is_title(first) and first.text[:1].isupper() and first.lower_ not in _DOMAIN_WORDS and (
        head.pos_ == "PROPN") and not any(t.ent_type_ == "PERSON" for t in head.doc[first.i:head.i + 1])


def _named_in_apposition_any(head: Token) -> bool:
    """A person's name in apposition to ``head``, of any part of speech ("The Tánaiste and
    Minister for Foreign Affairs, Seán Flaherty,": one person's double title)."""
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > head.i and c.ent_type_ not in _PLACE_ENTS
               for c in head.children)


def _affiliation(noun: Token) -> bool:
    """"a sanctions lawyer at Aoyama Partners": a common noun placed at a named body."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ in ("at", "of", "for", "with", "in", "from") and any(
            g.dep_ == "pobj" and any(t.pos_ == "PROPN" for t in g.subtree) for g in c.children)
        for c in noun.children)


def _title_phrase(head: Token, end: int) -> list[Token]:
    """The words of the title headed by ``head`` written before ``end`` (where its holder's name
    is), with its complements ("spokesman for the SPD party", "U.S. ambassador to the
    Philippines", "Cabinet Office minister responsible for EU relations") and without what only
    points at it (:func:`_role_words`) or a clause about its holder; [] when a verb is in it."""
    aside = {t.i for c in head.children if c.dep_ == "relcl" or c.dep_ == "appos" and not (
        _second_title(c) or _continues_complement(c)) or c.dep_ == "acl" and (
        c.lemma_.lower() in REPORTING_VERBS) for t in c.subtree}  # (not "minister announced on Monday", misparsed)
    toks = [t for t in head.subtree if t.i < end and t.i not in aside and not (t.is_punct and t.i > head.i)]
    toks = _role_words(toks)
    if not toks or any(t.pos_ == "AUX" or t.pos_ == "VERB" and t.tag_ not in ("VBN", "VBG") for t in toks):
        return []
    return toks


def _second_title(tok: Token) -> bool:
    """``tok`` heads a post joined to the one before it by "and" ("the Minister of Finance and
    Coordinating Minister of the Economy"), which the parser may make an apposition."""
    left = tok.left_edge.i
    return _is_title(tok) and left > 0 and (tok.doc[left - 1].lower_ in ("and", "&") or _post_dash(tok.doc[left - 1]))


def _titled_head(run: list[Token]) -> str | None:
    """"Poland's agriculture minister, Stefan Krawczyk, said": the name is the appositive of the
    title, which is its role (without the article, as written before the comma)."""
    name = run[-1]
    head = name.head
    # "The Cabinet Office minister for EU relations, Priya Venkataraman,": the parser hangs the name
    # on the complement's noun; the post is the title it completes
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in _COMPLEMENT_PREPS | {"in"} and (
            head.head.head.pos_ in ("NOUN", "PROPN") and _is_title(head.head.head) and head.head.head.i < head.i):
        head = head.head.head
    if name.dep_ != "appos" or head.pos_ not in ("NOUN", "PROPN") or head.i > run[0].i or not (
            _is_title(head) or _named_in_apposition(head) or _title_led(head)):
        return None
    toks = [t for t in head.subtree if t.i < name.left_edge.i and not t.is_punct]  # "chief executive of CalMac"
    toks = _role_words(toks)  # "Poland's agriculture minister" -> "agriculture minister"
    if not toks or any(t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PERSON" for t in toks):
        return None  # (nor another person's title and name: "the Minister of Health, Ana X, and the Minister of ..., Rui Y")
    return _text(head.doc, toks)


_GROUP_PREPS = frozenset({"at", "from", "in", "with", "for", "of"})


def _collect(tok: Token, out: list[Token]) -> None:
    out.append(tok)
    for child in tok.children:
        if child.dep_ == "prep" and child.i > tok.i and any(
                g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children):
            continue  # "The head of UN peace operations on Tuesday urged": a day is no part of the source
        if tok.pos_ == "NOUN" and child.dep_ == "prep" and child.lower_ in _GROUP_PREPS and (
                child.i > tok.i and any(g.pos_ == "PROPN" for g in child.children)):
            out.extend(_subtree_without_asides(child))  # "analysts at Berenberg", "officials in Kyiv"
        elif child.dep_ == "amod":
            out.extend(_subtree_without_asides(child))  # "a source familiar with the matter"
        elif child.dep_ in _MENTION_DEPS or (child.dep_ == "prep" and child.lower_ == "of"
                                          and child.i == tok.i + 1) or (
                child.dep_ == "pobj" and tok.dep_ == "prep"):
            _collect(child, out)


def _subtree_without_asides(tok: Token) -> list[Token]:
    """``tok``'s subtree without appositives and relative clauses hung inside it."""
    aside = {inner.i for t in tok.subtree if t.dep_ in ("appos", "relcl") for inner in t.subtree}
    return [t for t in tok.subtree if t.i not in aside]


def _particle(tok: Token) -> bool:
    return (tok.text.islower() or tok.lower_ in _GAELIC_PARTICLES) and tok.lower_ in _NAME_PARTICLES and tok.text != "-"


def _name_word(tok: Token) -> bool:
    return tok.is_alpha and (tok.text[:1].isupper() and not _is_title(tok) or _particle(tok) or (
        tok.i >= 2 and tok.nbor(-1).text == "-" and not tok.nbor(-1).whitespace_ and not tok.nbor(-2).whitespace_
        and _name_tail(tok)))  # "Choi Jae-won"


def _name_tail(tok: Token) -> bool:
    """``tok``, written right after a hyphen that follows a capitalised word, continues that name:
    a proper noun ("Jean-Marc", "Lefèvre-Daumas"), or the lower-case second half of a given name
    the tagger reads as a common noun ("Kang Min-soo", "Cheng Wei-ling"). A lower-case word is no
    name when it is a verb or an adjective ("Paris-based", "Kremlin-backed"), a number or a date,
    or a modifier of the noun after it ("a Biden-era rule", "Los Angeles-area hospitals"), or when
    the word before the hyphen is a place."""
    if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON":
        return True
    if not (tok.is_alpha and tok.is_lower and len(tok) <= 6) or tok.i < 2 or tok.lower_ in _NAME_PARTICLES:
        return False
    before = tok.doc[tok.i - 2]
    return (before.is_alpha and before.text[:1].isupper() and before.ent_type_ not in _PLACE_ENTS
            and tok.pos_ not in ("VERB", "ADJ", "ADV", "NUM", "ADP") and tok.ent_type_ not in _NOT_NAME_ENTS
            and not (tok.head.i > tok.i and tok.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod")))


def _joined(left: Token, right: Token) -> bool:
    """Neighbours that are one written name: a hyphen written without spaces between letters
    ("al-Jubouri", "Jean-Pierre"), or a lower-case particle next to a name ("Haidar al-",
    "van der Linden")."""
    doc = left.doc
    if not left.whitespace_:
        if right.text == "-":
            return _name_word(left) and not right.whitespace_ and right.i + 1 < len(doc) and _name_word(right.nbor())
        return left.text == "-" and left.i > 0 and not left.nbor(-1).whitespace_ and _name_word(right)
    if _particle(left):
        return _name_word(right)
    nxt = doc[right.i + 1] if right.i + 1 < len(doc) else None
    return _particle(right) and _name_word(left) and nxt is not None and (
        _name_word(nxt) or nxt.text == "-" and not right.whitespace_)


_JOINED_PARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|an|az|ash|bin|ibn|abu|ben)-(?=\w)", re.IGNORECASE)


def _surname_key(word: str) -> str:
    """A surname as compared with another: "al-Jubouri" and "Al-Jubouri" are "Jubouri" (the
    article may write the joined particle or leave it out)."""
    return _JOINED_PARTICLE.sub("", word)  # (case kept: "department" is no "Commerce Department")


def name_extent(tok: Token) -> list[Token]:
    """The whole written name ``tok`` is part of, across the particles and hyphens the tokenizer
    splits off: "Haidar al-Jubouri" from any of its tokens, "Pieter van der Linden"."""
    doc = tok.doc
    i = tok.i
    if tok.lower_ not in _NAME_PARTICLES and (i == 0 or doc[i - 1].lower_ not in _NAME_PARTICLES) and (
            i + 1 == len(doc) or doc[i + 1].lower_ not in _NAME_PARTICLES):
        return [tok]  # (most words: nothing to join, checked cheaply; "-" is among the particles)
    if not (_name_word(tok) or tok.text == "-"):
        return [tok]
    first = last = tok.i
    while first > 0 and _joined(doc[first - 1], doc[first]):
        first -= 1
    while last + 1 < len(doc) and _joined(doc[last], doc[last + 1]):
        last += 1
    toks = list(doc[first:last + 1])
    while toks and (toks[-1].text == "-" or _particle(toks[-1])):
        toks.pop()
    while toks and toks[0].text == "-":
        toks.pop(0)
    return toks or [tok]


def _stray_conjunct(head: Token) -> Token | None:
    """"According to the analyst, Chile and Argentina obtain ...": a proper noun the parser joined
    to a singular common noun across a comma begins the next clause, not a list of speakers."""
    if head.tag_ != "NN" or head.i + 1 >= len(head.doc) or head.nbor().text != ",":
        return None
    return next((c for c in head.children if c.i == head.i + 2 and c.pos_ == "PROPN" and (c.dep_ == "conj" or (
        c.dep_ == "appos" and c.ent_type_ in _PLACE_ENTS and any(g.dep_ == "conj" for g in c.children)))), None)


def mention_tokens(head: Token) -> list[Token]:
    toks: list[Token] = []
    _collect(head, toks)
    stray = _stray_conjunct(head)
    if stray is not None:
        toks = [t for t in toks if t.i < stray.i - 1]
    if _name_word(head) or head.text == "-" and not head.whitespace_:  # "al-Jubouri" parsed as two
        # subjects, "al" and "Jubouri"; "Ben-Haim" parsed with the hyphen as the subject
        extent = name_extent(head)
        before: list[Token] = []
        for t in extent:
            if t.i < head.i:  # "Rep. Kang Min-soo" with "soo" as the subject: the words hung on "Min"
                _collect(t, before)
        toks = sorted({t.i: t for t in toks + extent + [t for t in before if t.i < head.i]}.values(),
                      key=lambda t: t.i)
    doc = head.doc
    while toks[0].i >= 2 and doc[toks[0].i - 1].text == "-" and not doc[toks[0].i - 1].whitespace_ and (
            not doc[toks[0].i - 2].whitespace_ and doc[toks[0].i - 2].is_alpha):
        toks = [doc[toks[0].i - 2], doc[toks[0].i - 1]] + toks  # "vice-chancellors": one word the tokenizer split
    toks.sort(key=lambda t: t.i)
    while toks and (toks[-1].is_punct or toks[-1].dep_ in ("cc", "case")):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].lower_ in QUOTE_VERB_FORMS):
        toks.pop(0)  # '"...," fumed manager Sean Dyche': the misparsed verb is no part of the name
    for k, t in enumerate(toks):  # "BERLIN (Reuters) - German Chancellor ..." drops the dateline
        if t.text in ("-", "\u2013", "\u2014") and t.whitespace_ and t.i < head.i and k + 1 < len(toks) and not _post_dash(t):
            toks = toks[k + 1:]
            break
    return toks or [head]


def _name_runs(toks: list[Token]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for tok in toks:
        if tok.text == "-" and cur and tok.i == cur[-1].i + 1 and not (tok.whitespace_ or cur[-1].whitespace_) and (
                tok.i + 1 < len(tok.doc) and tok.nbor().is_lower and tok.nbor().lower_ not in _NAME_PARTICLES
                and tok.nbor().pos_ in ("VERB", "ADJ")):  # not "Kim Min-ji", "Park Sung-ho"
            cur = []  # "Paris-based", "Kremlin-backed": a place in a modifier, not a name
            continue
        if tok.text == "-" and (not cur or tok.whitespace_ or cur[-1].whitespace_):
            ok = False  # a hyphen joins a name only when written without spaces ("Jean-Pierre")
        else:
            ok = _is_name_token(tok) or bool(cur) and cur[-1].text == "-" and not cur[-1].whitespace_ and (
                _name_tail(tok)) and tok.is_alpha and (
                tok.i == cur[-1].i + 1 and tok.lower_ not in HONORIFICS)  # "Kim Min-ji", "Lee Jung-hoon"
        if ok and (not cur or tok.i == cur[-1].i + 1):
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = [tok] if ok and tok.text != "-" else []
    if cur:
        runs.append(cur)
    out = []
    for run in runs:
        while run and run[-1].lower_ in _NAME_PARTICLES:
            run = run[:-1]
        run = _without_title_complement(run)
        if any(t.lower_ not in _NAME_PARTICLES for t in run):
            out.extend(_place_split(run))
    return out


def _after_title(prep: Token) -> bool:
    """``prep`` opens a title's complement: right after the title ("Minister for") or after an
    earlier complement of one or two capitalised words ("Minister of State for", "Secretary of
    State for")."""
    doc = prep.doc
    i = prep.i - 1
    for _ in range(2):
        if i < 0:
            return False
        if _is_title(doc[i]):
            return True
        j = i
        while j >= 0 and i - j < 2 and doc[j].is_alpha and doc[j].text[:1].isupper() and not _is_title(doc[j]):
            j -= 1
        if j < 0 or j == i or doc[j].lower_ not in _COMPLEMENT_PREPS:
            return False
        i = j - 1
    return False


_CONTINENTS = frozenset({"asia", "africa", "america", "americas", "europe", "oceania", "pacific", "caribbean"})
# words that make the next capitalised word a region ("Central Asia", "West Africa", "South America")
_REGION_OPENERS = frozenset("""central east west north south eastern western northern southern northeast northwest
southeast southwest middle""".split())


def _without_title_complement(run: list[Token]) -> list[Token]:
    """"Minister of Construction Goran Stanković", "Minister for Housing Ciarán Doherty", "EU
    ambassador to Turkey Karl-Heinz Aumüller": a run of capitalised words right after a title's
    "of"/"for"/"to" starts with the title's complement; the name starts at its first given name
    (a first name of the name data) or after a country's name."""
    if len(run) < 3 or run[0].i < 2:
        return run
    doc = run[0].doc
    if run[0].text in BODY_NOUNS_TITLED and (first_name_gender(run[1].text) is not None or run[1].ent_type_ == "PERSON"):
        return run[1:]  # "in the Prime Minister's Office Joyce Atieno": a body's noun ends the complement
    for k in range(1, len(run) - 1):  # "... Emigration and Egyptian Expatriates Hossam El-Din Mansour": the
        if run[k - 1].head.i < run[0].i and _name_after_field(run[k]) and (  # parser ends the field where the
                _complement_prep(run[k], 0) is not None):  # name begins (also a name the name data do not know)
            return run[k:]
    prep = doc[run[0].i - 1]
    if prep.lower_ in _COMPLEMENT_PREPS and _after_title(prep):
        for n in (3, 2):  # "ambassador to New Zealand Gregory Tanaka": a country of several words
            if len(run) - n >= 2 and country_word(" ".join(t.text for t in run[:n])):
                return run[n:]
    if prep.lower_ not in _COMPLEMENT_PREPS or not _after_title(prep):
        # ("Chancellor of the Exchequer Rachel Reeves": the complement's article before the run;
        # "Minister of Economy, Trade and Industry Haruka Sato": the last conjunct starts the run;
        # "Secretary for Commerce and Economic Development Clement Yeung": so does its last word,
        # whatever word of the field the tagger left out of the run)
        if prep.lower_ not in ("and", "&", "the") and not (_field_word(prep) and not country_word(prep.text)):
            return run  # ("Ambassador to China Andrés Felipe Peña": a place ends the complement)
        if prep.lower_ not in ("and", "&", "the") and _family_name_first(run[0]):
            return run  # ("Industry and Trade Phạm Quốc Tuấn": the field word is no part of the run)
        if first_name_gender(run[0].text) is not None and (run[0].ent_type_ == "PERSON" or not any(
                first_name_gender(t.text) is not None and t.lower_ not in _GAELIC_PARTICLES for t in run[1:-1])):
            return run  # ("and Maria Costa": two people; but "and Urban Renewal Winnie Lau": a field)
        if _complement_prep(run[1], 0) is None:
            return run
    for k in range(1, len(run) - 1):
        if run[k].text == "-" or run[k].lower_ in _GAELIC_PARTICLES:
            continue  # ("Mac" of "Eoghan Mac Suibhne" is no given name, whatever the name data say)
        if run[k - 1].lower_ in _REGION_OPENERS or run[k].lower_ in ("asia", "africa") or (
                run[k - 1].lower_ == "latin" and run[k].lower_ in _CONTINENTS):
            continue  # a region, not a given name ("for Central Asia Tomáš Dvořáček", "to Latin America
            # Maria X", "for Asia Tomáš X")
        if prep.lower_ in _COMPLEMENT_PREPS and _family_name_first(run[k]) and not _family_name_first(run[k - 1]) and (
                first_name_gender(run[k - 1].text) is None):  # "Minister of State for Manpower Koh Poh Koon"
            return run[k:]
        if k >= 2 and prep.lower_ in ("and", "&") and _family_name_first(run[k - 1]) and (
                first_name_gender(run[k].text) is not None):  # "Planning and Investment Nguyễn Văn Hùng",
            return run[k - 1:]  # "Culture and Heritage Lim Wei Ling": the family name before the given name
        if _INITIAL.fullmatch(run[k].text) or (  # "and Information Technology S. Venkatesh": an initial opens a name
                first_name_gender(run[k].text) is not None or first_name_gender(run[k].text.split("-")[0]) is not None) or (
                _country_in([t.text for t in run[:k]]) is not None and (run[k].ent_type_ == "PERSON" or len(run) - k >= 2
                                                                          and country_word(" ".join(t.text for t in run[:k])))):
            return run[k:]  # ("Prime Minister of Tuvalu Feleti Natano": a country, then a name of two words)
    if prep.lower_ in ("and", "&") and len(run) >= 3 and run[1].pos_ == "PROPN" and run[1].ent_type_ in ("", "PERSON", "ORG"):
        return run[1:]  # "Minister of Industry and Trade Phạm Quốc Tuấn": a listed portfolio's last item is one word
    fields = _fields_opening(run)
    if fields and prep.lower_ in _COMPLEMENT_PREPS and _is_title(doc[prep.i - 1]):
        return run[fields:]  # "Minister for Commerce Jahanzeb Qureshi", "Commissioner of Police Jone Waqanivalu"
    return run


def _fields_opening(run: list[Token]) -> int:
    """How many words of a post's fields open ``run`` when a name of two words or more follows them
    ("Commerce" of "Commerce Jahanzeb Qureshi"), else 0."""
    k = 0
    while k < len(run) and (run[k].lower_ in _PORTFOLIO_FIELDS or k and run[k].lower_ in ("and", "&")):
        k += 1
    return k if k and len(run) - k >= 2 and run[k - 1].lower_ not in ("and", "&") else 0


# family names most often written before the given name (Chinese, Korean, Vietnamese, Singaporean,
# Malaysian usage) that the given-name data also knows as first names elsewhere or not at all
_FAMILY_FIRST = frozenset("""nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly
lim tan lee ng wong chan goh teo ong koh chua tay yeo low toh chong lau leong
kim park choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn song
wang li zhang liu chen yang zhao huang zhou wu xu sun ma zhu hu guo he lin luo zheng liang xie""".split())


def _family_name_first(tok: Token) -> bool:
    """A word that opens a name in family-name-first order: a common such family name, or a word
    with letters English portfolio names never have ("Phạm", "Nguyễn")."""
    from .gender import _plain

    return _plain(tok.text) in _FAMILY_FIRST or not tok.text.isascii() and tok.text[:1].isupper()


def _place_split(run: list[Token]) -> list[list[Token]]:
    """"ambassador to Turkey Karl-Heinz Aumüller": a country written after a preposition and
    right before a name of two words or more is where the post is, not part of the name."""
    first = run[0]
    if len(run) >= 3 and first.i > 0 and first.doc[first.i - 1].pos_ == "ADP":
        for n in (3, 2, 1):  # "ambassador to New Zealand Gregory Tanaka"
            rest = run[n:]
            if sum(1 for t in rest if t.text != "-") >= 2 and (country_word(" ".join(t.text for t in run[:n])) or (
                    all(t.ent_type_ in ("GPE", "LOC") for t in run[:n]) and rest[0].ent_iob_ != "I")):
                return [run[:n], rest]  # (or a place the tagger ends there: "Envoy for the Horn of Africa X Y")
    return [run]


BODY_NOUNS_TITLED = frozenset(w.title() for w in BODY_NOUNS)  # "Union", "Ministry" written in a name


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    from countryinfo import all_countries  # (already loaded for the country names in affiliation)

    out = set()
    for info in all_countries():
        data = info.info() if hasattr(info, "info") else {}
        capital = data.get("capital")
        out.update([capital] if isinstance(capital, str) else capital or ())  # (a list for a few countries)
    return frozenset(out)


def capital_city(text: str) -> bool:
    """``text`` is a country's capital ("Kyiv", "Beijing"), which news writes for its government."""
    return text in _capitals()


def country_word(text: str) -> bool:
    """``text`` is a country's name itself ("Turkey"), not a demonym ("Turkish")."""
    from .affiliation import country_of

    return country_of(text) == text


def _text(doc: Doc, toks: list[Token]) -> str:
    """The text from the first to the last token (``doc.text`` would rebuild the whole paragraph)."""
    return doc[toks[0].i:toks[-1].i + 1].text


def _entity_name(head: Token) -> list[Token] | None:
    """A multi-word organisation name the tagger found ("World Health Organization")."""
    if head.ent_type_ != "ORG":
        return None
    doc = head.doc
    start, end = head.i, head.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    toks = [t for t in doc[start:end] if t.lower_ != "the"]
    verb = next((k for k, t in enumerate(toks) if t.i > head.i and (t.lower_ in _HEADLINE_VERBS or k > 0 and (
        t.lower_ in _TITLE_CASE_VERBS and t.text[:1].isupper()))), None)
    if verb is not None:  # "Kyiv Says Budapest Holding Its Future 'Hostage'" tagged as one organisation
        toks = toks[:verb]
    bracket = next((k for k, t in enumerate(toks) if t.text in ("(", "[")), None)
    if bracket is not None:  # "Department of International Relations and Cooperation (DIRCO": the
        toks = toks[:bracket]  # tagger ran the name into its acronym's bracket
    if toks and toks[0].lower_ in HONORIFICS:  # "Ms MacLeod" tagged ORG: a person
        return None
    described = len(toks)
    while described > 1 and toks[described - 1].is_lower and toks[described - 1].lower_ in BODY_NOUNS | ORG_NOUNS | _TRADES:
        described -= 1  # "PIT-CNT union federation" tagged as one: the name, then what it is
    if described < len(toks) and _own_name(toks[:described]) and not toks[described - 1].is_punct:
        toks = toks[:described]
    if len(_without_title_complement(toks)) < len(toks):  # "Minister of Construction Goran Stanković"
        return None
    if any(_name_after_field(t) and _complement_prep(t, max(0, toks[0].i - 4)) is not None for t in toks[1:]):
        return None  # "Cabinet Secretary for Mining and Blue Economy Ochieng Wafula" tagged as one organisation
    if any(_is_title(t) and t.lower_ not in _DOMAIN_WORDS and len(toks) - k - 1 >= 2 and all(
            t2.pos_ == "PROPN" and _is_name_token(t2) and t2.lower_ not in BODY_NOUNS for t2 in toks[k + 1:])
           for k, t in enumerate(toks)):
        return None  # "SJB MP Hiranthi Dissanayake" tagged as one organisation: a post, then a person's name
    return toks if len(toks) > 1 and not _is_title(toks[0]) else None


_ACRONYM = re.compile(r"[A-Z][A-Z.&-]{1,9}")
# figures a body publishes, named with the body before them ("according to NATO estimates", "World
# Bank data", "IMF projections"): the body's, as its report or survey is
_FIGURE_NOUNS = frozenset("""estimate estimates projection projections forecasts calculations tally count
numbers data statistics figures predictions""".split())


def analyse(head: Token, offset: int = 0) -> Mention | None:
    """Describe the speaker mention headed by ``head``; None when it cannot be a speaker."""
    doc = head.doc
    if head.lower_ == "it" and head.dep_ == "nsubj":  # "It added that ..." after a statement
        return Mention(head.idx + offset, head.idx + len(head) + offset, head.text, kind="it")
    if head.lower_ == "one":  # "one of the diplomats said": the group introduced before
        named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:  # "One of them, Friederike Otto of Imperial College, said": that person
            return analyse(named, offset)
        group = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj" and (g.tag_ in ("NNS", "NNPS") or g.lower_ == "them")), None)
        if group is not None:
            return analyse(group, offset)
    if head.lower_ in NON_SPEAKER_WORDS or head.tag_ in ("WDT", "WP", "EX"):
        return None
    if head.ent_type_ in _PLACE_ENTS:  # "North Rhine-Westphalia's integration minister, Josefine Paul-Öztürk,
        # said" parsed with the place as subject and the post as its appositive: the post's holder
        post = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN" and _is_title(c)
                     and any(g.dep_ == "poss" for g in c.children)), None)  # (not "Marta Lagos, director of ...")
        held = analyse(post, offset) if post is not None else None
        if held is not None and held.kind == "name":
            return held
    styled = _name_after_style(head)
    if styled is not None:  # "Gen (Rtd) Samuel Ekwaro, a former ..., said": the parser made the rank the
        return analyse(styled, offset)  # subject and the name its appositive; the person is the name
    second = _name_subject_after(head)
    if second is not None:  # "European Union Special Representative for Central Asia Tomáš Dvořáček said"
        # parsed as two subjects: the title is the person's, the person the name
        named = analyse(second, offset)
        if named is not None and named.kind == "name" and named.name:
            first = next(t for t in second.subtree if t.idx + offset == named.start)
            return replace(named, role=named.role or role_before(first, head.left_edge.i))
    toks = mention_tokens(head)
    alias = next((c for c in head.children if c.dep_ == "conj" and _ACRONYM.fullmatch(
        doc[c.left_edge.i:c.right_edge.i + 1].text) and any(
        g.dep_ == "cc" and g.lower_ == "or" for g in head.children)), None)
    if alias is not None:  # "the Movement for Democratic Change, or MDC-A,": one body and its acronym
        toks = list(doc[toks[0].i:alias.left_edge.i])
        while toks and (toks[-1].is_punct or toks[-1].lower_ == "or"):
            toks.pop()
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = _text(doc, toks)
    base = dict(start=start + offset, end=end + offset, text=text)
    if head.lower_ in PERSONAL_PRONOUNS or head.pos_ == "PRON":
        return Mention(kind="pronoun", **base)
    held = _post_holder_in_apposition(head, toks)
    if held is not None:  # "Dhaka Chamber of Commerce and Industry (DCCI) President Anwar Hossain Talukder said"
        run, post_end = held
        first = toks[0].i + 1 if toks[0].dep_ == "det" else toks[0].i
        return Mention(kind="name", name=_text(doc, run), role=doc[first:post_end + 1].text, **base)
    if _PERSON_DESCRIPTOR.fullmatch(text) or (
            head.ent_type_ == "NORP" and head.tag_ in ("NNP", "NN") and toks[0].lower_ == "the" and toks[-1].i == head.i
            and 2 <= len(toks) <= 4 and all(t.ent_type_ in ("GPE", "LOC") for t in toks[1:-1])
            and not re.search(r"[^s]s$", head.text)):  # not "The Greens", "the Democrats": a party
        # "the 64-year-old", "the 64-year-old woman", "the Republican", "the Virginia Democrat":
        # the person just named
        return Mention(kind="descriptor", role=text.split()[-1], **base)
    lemma = head.lemma_.lower()
    owner = next((c for c in head.children if c.dep_ == "poss"), None) or next((
        c for c in head.children if c.dep_ in ("nmod", "compound") and c.i + 1 < head.i and c.text.endswith("s")
        and doc[c.i + 1].text == "\u2019" and not c.whitespace_), None)  # "Vlachos’ office": the typographic
    # apostrophe after an s, which the tagger reads as a closing quote
    if lemma in SPOKES_NOUNS or lemma in ("counterpart", "director", "head", "chief", "leader") or _is_title(head):
        named = _title_with_appositive_name(head, toks, offset)  # "Its spokesman, Javier Ortega,"
        if named is None:  # "A spokeswoman for Russia's foreign ministry, Yelena Orlova,": the
            # parser hangs the name on the nearest noun; a person's name there is the speaker's
            appos = next((t for t in head.subtree if t.dep_ == "appos" and t.i > head.i and t.ent_type_ not in _PLACE_ENTS
                          and t.i != getattr(_stray_conjunct(head), "i", -1) and (
                t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and any(  # "Ms Amara Okafor", untagged
                    x.lower_ in HONORIFICS or first_name_gender(x.text) for x in t.subtree if x.i < t.i))), None)
            runs = _name_runs(mention_tokens(appos)) if appos is not None else []
            if runs and len(runs[-1]) >= 2:
                run = runs[-1]
                clean = [t for t in toks if not (t.dep_ in ("det", "poss") and t.i == toks[0].i)]
                phrase = _title_phrase(head, appos.left_edge.i) if _is_title(head) else []
                if len(phrase) > len(clean):  # "The MP for Soweto West, Ms Refilwe Mokoena,"
                    clean = phrase
                return Mention(kind="name", name=_text(doc, run), role=_text(doc, clean) if clean else None,
                               **base)
        if named is not None:
            return named
    if owner is None and lemma in SPOKES_NOUNS and (named := _named_in_complement(head, toks, base)) is not None:
        return named  # "DA spokesperson on finance Ryan Pillay said"
    if owner is None and lemma in SPOKES_NOUNS:  # "a spokesperson for the European Commission"
        owner = next((g for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")
                      for g in c.children if g.dep_ == "pobj"), None)
        if owner is not None:
            toks = sorted({*toks, *owner.head.subtree}, key=lambda t: t.i)
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
            text = _text(doc, toks)
            base = dict(start=start + offset, end=end + offset, text=text)
    if lemma in DOCUMENT_NOUNS and lemma not in STATEMENT_NOUNS or head.lower_ in _FIGURE_NOUNS and (
            owner is not None or _name_runs([t for t in toks if t.i < head.i and t.dep_ == "compound"])):
        return _document(head, toks, owner, base, offset)  # ("NATO estimates", "World Bank data": the body's)
    if lemma in STATEMENT_NOUNS and owner is not None:  # "the ministry's statement said"
        own = analyse(owner, offset)
        if own is not None and own.kind in ("title", "group") and own.name is None and own.owner is None:
            return own  # a body or post described ("the ministry"): resolved as that description
        if own is not None:
            return Mention(kind=own.kind, name=own.name, role=own.role, office=own.office,
                           owner=own.owner, **base)
    if lemma in OFFICE_NOUNS and (named := _body_in_apposition(head)) is not None:
        return Mention(kind="group", name=named, **base)  # "Her ministry, the Ministry of Agriculture, ..., said"
    if lemma in STATEMENT_NOUNS or lemma in OFFICE_NOUNS:
        if owner is None and lemma in STATEMENT_NOUNS:  # "a statement put out by Meloni's office", "a
            # statement from X" (not "the Madrid regional government, run by the People's party")
            for t in head.subtree:
                if t.dep_ == "pobj" and t.head.lower_ in ("by", "from") and t.i > head.i and (
                        t.head.head.lemma_.lower() not in _READ_VERBS):  # not "a document reviewed by AP"
                    return analyse(t, offset)
            writer = next((c for r in head.children if r.dep_ == "relcl" and r.lemma_.lower() in _ISSUE_VERBS
                           for c in r.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None)
            if writer is not None:  # "a circular the ICP sent to airlines": its writer
                return analyse(writer, offset)
            unsigned = _unsigned_document(head, offset)
            if unsigned is not None:
                return Mention(kind="document", name=unsigned, **base)
        if owner is not None:
            own = analyse(owner, offset)
            if own is not None and own.kind != "statement":
                after = [t for t in toks if t.i > owner.right_edge.i and t.dep_ != "case" and not (
                    t.i == owner.i + 1 and t.text == "\u2019")]  # (the apostrophe read as a quote mark)
                if owner.i > head.i:
                    after = [t for t in toks if t.i <= head.i and not (t.dep_ == "det" and t.head == head)]
                office = _text(doc, after) if after else lemma
                return Mention(kind="office", name=own.name, role=own.role, office=office,
                               owner=own, **base)
        if lemma in STATEMENT_NOUNS:
            return Mention(kind="statement", **base)
        if lemma not in SPOKES_NOUNS and any(t.text[:1].isupper() for t in toks if t.i > head.i):
            # an institution named in full: "the Ministry of Defence"
            return Mention(kind="group", name=_strip_det(text), **base)
        if owner is None and lemma in SPOKES_NOUNS:  # "A Home Office spokesperson said"
            modified = _named_modifier(head, _name_runs([t for t in toks if t.i < head.i]), toks)
            if modified is not None:
                kind, name, role = modified
                return Mention(kind=kind, name=name, role=role, **base)
        return Mention(kind="title", described=_as_written(head, toks), **base)
    skip = {getattr(alias, "i", -1), getattr(_stray_conjunct(head), "i", -1)}  # (tokens compare by index)
    if any(c.dep_ == "conj" and c.i not in skip for c in head.children) and not _is_title(head) and not any(
            c.dep_ == "conj" and _is_title(c) and _named_in_apposition_any(head) for c in head.children):
        return Mention(kind="group", name=text, **base)  # (not "The Tánaiste and Minister for X, Name,")
    tail = _name_after_post(head, toks)
    if tail is not None:  # "Coalition for Change leader Nana Abashidze said" parsed with "Coalition" as subject
        return Mention(kind="name", name=_text(doc, tail), role=role_before(tail[0], toks[0].i), **base)
    org = _entity_name(head)
    # "A spokesperson for the Irish Tenants' Federation" parsed with the body as head: the body,
    # and its spokesperson's post as role
    spokes = next((t.text for t in toks if t.i < head.i and t.lemma_.lower() in SPOKES_NOUNS
                   and t.i + 1 < len(doc) and t.nbor().lower_ in ("for", "of", "at")), None)
    if org:
        return Mention(kind="group", name=_text(doc, org), role=role_before(org[0], toks[0].i) or spokes, **base)
    if _is_title(head) or _named_in_apposition(head) or _named_in_apposition_any(head) and (any(
            c.dep_ == "conj" and _is_title(c) for c in head.children) or _title_led(head)):
        named = _title_with_appositive_name(head, toks, offset)
        if named is not None:
            return named
    if _is_title(head):
        named = _named_in_complement(head, toks, base)
        if named is not None:
            return named
    if _is_title(head):
        holder = _holder_after_place(head, toks)
        if holder is not None:
            run, role = holder
            return Mention(kind="name", name=_text(doc, run), role=role, **base)
    # the possessor of a title is not the speaker: "Ukraine's Foreign Minister ..."
    aside = {t.i for c in head.children if c.dep_ in ("prep", "poss") for t in c.subtree}
    extent = {t.i for t in name_extent(head)}
    runs = _name_runs([t for t in toks if t.i not in aside and (
        t.i <= head.i or t.dep_ in ("flat", "compound", "conj") or t.i in extent
        or t.text == "-" and not t.whitespace_)])  # ("Yoon Seo-yeon" with the hyphen as punctuation)
    if _is_title(head) and len(runs) == 1 and len(runs[0]) == 1 and runs[0][0].i == head.i - 1 and (
            runs[0][0].ent_type_ in ("", "ORG") and not runs[0][0].is_upper and first_name_gender(runs[0][0].text) is None):
        runs = []  # "Commerce Minister says", "the Transportation Minister said": the post's field, no name
    modified = _named_modifier(head, runs, toks)
    if modified is not None:
        kind, name, role = modified
        if kind == "union body":
            return Mention(kind="group", name=name, union_body=True, **base)
        return Mention(kind=kind, name=name, role=role, **base)
    joined = _joined_name(head, runs)
    if joined is not None:  # "The Freedom and Direct Democracy party says"
        return Mention(kind="group", name=joined, **base)
    if runs:
        run = runs[-1]
        # (a name the parser hung as a title's complement, "... and Minister for Foreign Affairs Ian Borg":
        # the post before it is not bounded by the words hung on the name)
        lowest = 0 if head.dep_ == "pobj" and head.head.lower_ in _COMPLEMENT_PREPS or head.dep_ == "appos" and (
            toks[0].i > 0 and not doc[toks[0].i - 1].is_punct and head.head.i < toks[0].i) or (
            run[0].i == toks[0].i and toks[0].i > 0 and not doc[toks[0].i - 1].is_punct
            and _complement_prep(run[0], 0) is not None) else toks[0].i
        # (nor by those of a name hung as an appositive on a noun before its title: "with the downstream
        # states, Minister of ..., Emigration and Egyptian Expatriates Hossam El-Din Mansour said")
        role = _held(role_before(run[0], lowest), _appos_role(head)) or spokes or _post_held(head)
        return Mention(kind="name", name=_text(doc, run), role=role, **base)
    if _is_title(head):
        clean = [t for t in toks if not (t.dep_ == "det" and t.i == toks[0].i)]
        if lemma in _INSTITUTION_HEADS:  # "the Air Force", "the General Staff": a body, not a post
            return Mention(kind="group", name=_text(doc, clean), **base)
        words = _role_words(clean)  # "Hungary's foreign minister" -> "foreign minister"
        role_text = _text(doc, words) if words else _text(doc, clean) if clean else text
        stop = next((t.i for t in doc[head.i + 1:head.right_edge.i + 1] if t.is_punct), head.right_edge.i + 1)
        phrase = _title_phrase(head, stop)  # "Washington's ambassador to Canada"
        if phrase and phrase[0].i == (words[0].i if words else -1) and len(phrase) > len(words):
            role_text = _text(doc, phrase)
        return Mention(kind="title", name=None, role=_appos_role(head) or role_text,
                       described=_as_written(head, toks), present=head.head.tag_ == "VBZ" and head.dep_ == "nsubj",
                       **base)
    name = text
    if head.tag_ == "NNS":  # "Two bankers familiar with the matter": bankers familiar with the matter,
        # as written without the count (they score by their noun, "bankers")
        words = list(toks)
        while len(words) > 1 and words[0].dep_ == "nummod" and words[0].like_num and words[0].head == head and (
                head.lower_ not in ("percent", "%")):
            words.pop(0)  # "Two bankers", not "Twelve percent" nor "eight of 10 voters"
        name = _text(doc, words) if words and len(words) < len(toks) else name
    return Mention(kind="group", name=name, role=_appos_role(head) or spokes, generic=_generic_head(head, toks),
                   described=_as_written(head, toks), **base)


def _name_after_post(head: Token, toks: list[Token]) -> list[Token] | None:
    """"Coalition for Change leader Nana Abashidze": a person's name that ends the mention right after a
    lower-case post, when the parser made a word of the post's body the head; the name, else None."""
    if _is_title(head) or head.pos_ not in ("NOUN", "PROPN") or not head.text[:1].isupper():
        return None
    runs = _name_runs([t for t in toks if t.i > head.i])
    run = runs[-1] if runs else None
    if run is None or run[-1].i != toks[-1].i or len(run) < 2 or run[0].i < 1 or head.i >= run[0].i:
        return None
    post = head.doc[run[0].i - 1]
    if not (_is_title(post) and post.is_lower and post.pos_ == "NOUN") or not (
            any(t.ent_type_ == "PERSON" for t in run) or first_name_gender(run[0].text) is not None):
        return None
    return run


# a rank or style written short before a name ("Gen", "Brig", "Maj", "Dr"), with or without its full stop
_SHORT_STYLES = frozenset({w.rstrip(".") for w in _RANKS | _STYLES | HONORIFICS} | {
    "gen", "brig", "maj", "capt", "cpl", "sgt", "cdr", "lt", "cmdr", "rev", "fr", "eng", "engr"}) - {"the"}


def _name_after_style(head: Token) -> Token | None:
    """"Gen (Rtd) Samuel Ekwaro", "Dr (Mrs) Ngozi Eze", "Maj Gen (Rtd) Peter Odhiambo": a rank or
    style with a bracketed aside, which the parser makes the head and the name its appositive (or a
    second subject of the verb); the name's head (else None)."""
    if head.lower_.rstrip(".") not in _SHORT_STYLES or head.ent_type_ == "PERSON":
        return None
    siblings = [c for c in head.head.children if c.dep_ == head.dep_ and c.i > head.i] if head.dep_ == "nsubj" else []
    for c in [c for c in head.children if c.dep_ == "appos"] + siblings:  # (or a second subject of the verb)
        runs = _name_runs(mention_tokens(c)) if c.i > head.i and c.i - head.i <= 6 and c.pos_ == "PROPN" and (
            c.ent_type_ == "PERSON") and not _is_title(c) else []
        if runs and len(runs[-1]) >= 2 and runs[-1][0].i > head.i and any(
                t.text == "(" for t in head.doc[head.i + 1:runs[-1][0].i]):
            return c
    return None


def _name_subject_after(head: Token) -> Token | None:
    """A title subject followed at once by a second subject that is a person's name in full
    ("... Special Representative for Central Asia Tomáš Dvořáček said"): the name's head."""
    if head.dep_ != "nsubj" or not _is_title(head) or head.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in head.head.children:
        if c.dep_ == "nsubj" and c.i > head.i and c.pos_ == "PROPN" and c.left_edge.i == head.right_edge.i + 1 and (
                not _is_title(c) and c.ent_type_ not in _PLACE_ENTS):
            runs = _name_runs(mention_tokens(c))
            if runs and len(runs[-1]) >= 2 and runs[-1][0].i == c.left_edge.i:
                return c
    return None


def _body_in_apposition(head: Token) -> str | None:
    """"Her ministry, the Ministry of Agriculture, Fisheries and Food,": the body the apposition
    names in full, capitalised, with the same head noun."""
    appos = next((c for c in head.children if c.dep_ == "appos" and c.i > head.i and c.text[:1].isupper()
                  and c.lemma_.lower() == head.lemma_.lower()), None)
    if appos is None:
        return None
    toks = [t for t in appos.subtree if not (t.i == appos.left_edge.i and t.lower_ == "the")]
    while toks and toks[-1].is_punct:
        toks.pop()
    return _text(head.doc, toks) if len(toks) > 1 else None


def _post_holder_in_apposition(head: Token, toks: list[Token]) -> tuple[list[Token], int] | None:
    """"BODY (ACRONYM) President NAME said" parsed with the body as subject and the name as its
    apposition: (the name, where the post before it ends), when a post is written right before it."""
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON":  # (not "Her colleague Senator X": a person's noun)
        return None
    for c in head.children:
        if c.dep_ != "appos" or c.i < head.i or c.ent_type_ != "PERSON":
            continue
        runs = [r for r in _name_runs([t for t in c.subtree if t.i <= c.i]) if r[-1].i == c.i]
        if not runs or len(runs[0]) < 2:
            return None
        before = runs[0][0].i - 1
        while before > head.i and (head.doc[before].lower_ in HONORIFICS or head.doc[before].is_punct):
            before -= 1  # ("..., Deputy Secretary-General of the AfCFTA Secretariat, Mr. Kwabena ...")
        if before > head.i and head.doc[before].dep_ == "compound" and (
                _is_title(head.doc[before]) or head.doc[before].pos_ == "NOUN" and head.doc[before].is_lower):
            if _is_title(head.doc[before]) and head.doc[before - 1].text == ",":  # "The Chairman, Senate
                before -= 2  # Committee on Foreign Affairs, Senator X,": the post, not the rank before the name
            return runs[0], before  # ("... (PAGASA) weather specialist Ana Clauren-Jorda said")
    return None


def _named_in_complement(head: Token, toks: list[Token], base: dict) -> Mention | None:
    """"EU ambassador to Turkey Karl-Heinz Aumüller told", "DA spokesperson on finance Ryan Pillay
    said": the parser hangs the name on the title's complement; a person's name right after the
    complement is the speaker, and the title with its complement the role."""
    doc = head.doc
    # (also the complement of a second post joined to the head: "Attorney-General and Minister for Justice
    # Semi Koroilavesau told", with the name hung on the second post's complement)
    holders = [head] + [c for c in head.children if c.dep_ == "conj" and _is_title(c) and c.i > head.i and all(
        t.text[:1].isupper() or t.lower_ in ("and", "&", "-") for t in doc[head.i + 1:c.i])]
    for prep in (c for holder in holders for c in holder.children if c.dep_ == "prep" and (
                     c.lower_ in _COMPLEMENT_PREPS or c.lower_ in ("in", "at") and c.i + 1 < len(doc)
                     and doc[c.i + 1].lower_ == "the")  # ("Minister of State in the Prime Minister's Office X")
                 and c.i > holder.i and all(t.text[:1].isupper() or t.lower_ in _COMPLEMENT_PREPS or t.text == "-"
                                            or t.lower_ in ("and", "&") and c.i > t.i + 1 and _is_title(t.nbor())
                                            for t in doc[holder.i + 1:c.i])):  # ("Tánaiste and Minister for X Y")  # ("Executive Vice-President for X")
        # (also a second complement: "Minister of State for Housing Lee Mei Fong" with the name on "for")
        whole = [t for t in prep.subtree if t.i > prep.i]
        listed = _listed_portfolio(prep)
        if listed is not None:  # "Second Minister for Trade and Industry Grace Teo Hui Min, who ..., said":
            whole, run = listed  # the name after the portfolio's last item, however the parser hung it
        else:  # (a list with commas: "Minister of Ports, Shipping and Waterways Ravi Menon said"; not
            stop = next((t.i for t in whole if t.text in (",", "(", ";") and not in_capitalised_list(t, len(doc))),
                        None)  # the clause after a comma: ", who signed ... at the Shangri-La Hotel,")
            whole = [t for t in whole if stop is None or t.i < stop]
            run = next(reversed(_name_runs(whole)), None)
        if run is not None and prep.lower_ in ("in", "at") and (any(
                t.text in BODY_NOUNS_TITLED or t.ent_type_ in ("ORG", "FAC", "GPE", "LOC", "NORP") for t in run) or not (
                run[-1].ent_type_ == "PERSON" or first_name_gender(run[0].text) is not None and not run[0].is_upper)):
            continue  # ("a senior official at the ASEAN Secretariat": a body, no holder's name)
        if run is not None and run[0].i > prep.i + 1 and run[-1].i == whole[-1].i and (
                doc[run[0].i - 1].lower_ not in ("and", "&", ",")) and (  # (not a listed field: "and Industry")
                head.lemma_.lower() not in SPOKES_NOUNS or _title_complement(run[0], toks[0].i) == prep.i):
            end = max(base["end"], base["start"] + run[-1].idx + len(run[-1]) - toks[0].idx)
            return Mention(kind="name", name=_text(doc, run), role=role_before(run[0], toks[0].i),
                           start=base["start"], end=end, text=doc[toks[0].i:max(toks[-1].i, run[-1].i) + 1].text)
    return None


def _listed_portfolio(prep: Token) -> tuple[list[Token], list[Token]] | None:
    """A post's portfolio listed with "and" and the holder's name written right after it, up to a
    comma or the verb: (the capitalised words after ``prep``, the name of two words or more)."""
    doc = prep.doc
    flat = []
    for t in doc[prep.i + 1:]:
        if not (t.text[:1].isupper() or t.lower_ in ("and", "&", "of", "the") or t.text == "-" and not t.whitespace_
                or flat and flat[-1].text == "-" and _name_tail(t)):  # ("... and Energy Yoon Seo-yeon")
            break
        flat.append(t)
    if not any(t.lower_ in ("and", "&") for t in flat):
        return None
    runs = _name_runs(flat)
    if not runs or runs[-1][-1].i != flat[-1].i or len(runs[-1]) < 2 or runs[-1][0].i <= prep.i + 1:
        return None
    return flat, runs[-1]


_DESCRIBING_PREPS = frozenset({"to", "from", "of", "with", "close", "on", "in", "at", "for"})


def _as_written(head: Token, toks: list[Token]) -> str | None:
    """An unnamed source as the text describes it, with what it says after the noun: "one EU
    official familiar with the talks", "an adviser to the prime minister", "Senators from both
    parties" (not an appositive, a relative clause nor a place it sits in); None for a name."""
    if head.pos_ != "NOUN" or not head.is_lower:
        return None
    doc = head.doc
    extra = [c for c in head.children if c.i > head.i and not any(  # (not "on Tuesday")
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children) and (
        c.dep_ == "amod" or c.dep_ == "prep" and c.lower_ in _DESCRIBING_PREPS
        or c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") and c.i == head.i + 1  # "diplomat involved in ..."
        and c.lemma_.lower() not in REPORTING_VERBS)]  # (not "the minister announced on Monday", misparsed)

    words = sorted({t.i for t in toks} | {t.i for c in extra for t in c.subtree
                                           if not any(a.dep_ in ("appos", "relcl", "acl") and a.i != c.i
                                                      and a in c.subtree and t in a.subtree for a in c.subtree)})
    first, last = words[0], words[-1]
    while first < last and (doc[first].dep_ in ("det", "predet") or doc[first].is_punct or (
            doc[first].dep_ == "nummod" and doc[first].head == head and head.lower_ not in ("percent", "%"))):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].dep_ in ("cc", "case")):
        last -= 1
    return without_seat(doc[first:last + 1].text)


def _joined_name(head: Token, runs: list[list[Token]]) -> str | None:
    """"the Freedom and Direct Democracy party", "the Law and Justice party": capitalised words
    joined by "and", "of" or "for" right before a word for a body are one name, with that word."""
    if not runs or not head.is_lower or head.lower_ not in BODY_NOUNS | ORG_NOUNS:
        return None
    doc = head.doc
    i = head.i - 1
    while i >= 0 and doc[i].pos_ != "DET" and (
            doc[i].text[:1].isupper() and doc[i].is_alpha or doc[i].lower_ in ("and", "of", "for", "&")):
        i -= 1
    span = doc[i + 1:head.i + 1]
    words = [t for t in span[:-1] if t.text[:1].isupper()]
    if len(words) < 2 or not any(t.lower_ in ("and", "of", "for", "&") for t in span) or (
            span[0].lower_ in ("and", "of", "for", "&")) or any(t.ent_type_ in ("GPE", "NORP") for t in words[:1]):
        return None
    return span.text


def _holder_after_place(head: Token, toks: list[Token]) -> tuple[list[Token], str] | None:
    """"EU ambassador to Turkey Karl-Heinz Aumüller told AFP": the parser may hang the holder's
    name inside the post's prepositional phrase; a name of two words or more written right after
    the place (itself no part of the name) is the holder, and what comes before it the role."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.i > head.i):
        inside = [t for t in prep.subtree if t.i > prep.i]
        runs = _name_runs(inside)
        if len(runs) < 2:
            continue
        run = runs[-1]
        if run[-1].i != inside[-1].i or sum(1 for t in run if t.text != "-") < 2 or (
                run[0].i != runs[-2][-1].i + 1):
            continue
        if not any(t.ent_type_ == "PERSON" for t in run) and first_name_gender(run[0].text) is None:
            continue  # a person's name by its tag or its first name
        role = [t for t in head.doc[toks[0].i:run[0].i] if not (t.dep_ == "det" and t.i == toks[0].i)]
        return run, _text(head.doc, role) if role else head.text  # "EU ambassador to Turkey"
    return None


def _named_modifier(head: Token, runs: list[list[Token]], toks: list[Token]
                    ) -> tuple[str, str | None, str | None] | None:
    """"Two EU diplomats", "a Commission spokesperson", "the EU trade commissioner": a common noun
    whose only names are modifiers before it is no body or place of that name, but a group of
    people ("EU diplomats"), a body speaking through its spokesperson (the Commission, whose
    spokesperson is the role), or a post described (resolved like "the commissioner").
    (kind, name, role); None when a name is the speaker itself or a person's ("Trump aides")."""
    before = [t for t in toks if t.i < head.i and t.dep_ not in ("det", "nummod", "poss", "case")]
    if len(before) == 1 and before[0].text in _POLITIES and head.is_lower and head.tag_ == "NN" and (
            head.lower_ in BODY_NOUNS | {"executive", "body", "bloc", "watchdog", "regulator"}) and toks[0].lower_ == "the":
        return "union body", _text(head.doc, before + [head]), None  # "the UN agency said"
    national = bool(before) and before[0].text[:1].isupper() and _country_in([before[0].text]) is not None
    bodied = bool(before) and before[-1].lower_ in BODY_NOUNS and head.lemma_.lower() in SPOKES_NOUNS
    if not (runs or national or bodied) or head.pos_ != "NOUN" or not head.is_lower or any(r[-1].i >= head.i for r in runs):
        return None  # ("Scottish" in "a Scottish government spokesman" is an adjective, no name)
    if any(t.ent_type_ == "PERSON" and _country_in([t.text]) is None or t.dep_ in ("poss", "appos")
           for r in runs for t in r):
        return None  # "Trump aides"; a nationality tagged as a person ("Welsh") is none
    if head.tag_ == "NNS":
        words = [t for t in toks if t.i <= head.i]
        while words and (words[0].dep_ in ("det", "nummod", "predet") or words[0].like_num):
            words.pop(0)
        return ("group", _text(head.doc, words), None) if words else None
    if head.lemma_.lower() in SPOKES_NOUNS and head.lemma_.lower() not in ("lawyer", "attorney", "adviser", "aide"):
        # the body as written before the post: "Commission", "Welsh government", "Home Office"
        body = before if before and before[-1].i == head.i - 1 and (
            before[0].text[:1].isupper() or before[-1].lower_ in BODY_NOUNS) else (
            runs[-1] if runs else None)  # "a department spokesperson": the department named before
        if body is None:
            return None
        graded = body[0].pos_ == "ADJ" and body[0].is_lower and body[0].i < head.i - 1  # "top government spokesman":
        return "group", _text(head.doc, body), _text(head.doc, body + [head]) if graded else head.text  # a grade of the post
    if head.lower_ in BODY_NOUNS and before and before[0].text[:1].isupper() and _country_in(
            [t.text for t in before]) is not None:  # "the Welsh government", "Kenyan police" (but
        return "group", _text(head.doc, before + [head]), None  # "the IG Metall union" is IG Metall)
    if head.lower_ in BODY_NOUNS and runs and before and before[-1].is_lower and before[-1].i == head.i - 1 and (
            before[0].i == runs[0][0].i):  # "the UN refugee agency", "the Lisbon city council": a body
        if len(runs) == 1 and _own_name(runs[0]) and all(  # described, whose names only qualify it; but
                t.lower_ in BODY_NOUNS | ORG_NOUNS | _TRADES for t in before if t.i > runs[0][-1].i):
            return "group", _text(head.doc, runs[0]), None  # "the PIT-CNT union federation": its own name
        return "group", _text(head.doc, before + [head]), None
    if _is_title(head) or head.lemma_.lower() in ("source", "insider"):  # "a Treasury source": an unnamed
        words = [t for t in toks if t.i <= head.i and t.dep_ != "det"]  # source, not the Treasury
        return "title", None, _text(head.doc, words)
    return None


# polities whose many bodies are described by a noun after their name ("the UN refugee agency")
_QUALIFYING_POLITIES = frozenset({"EU", "E.U.", "UN", "U.N.", "AU", "US", "U.S.", "UK"})
# the trades a union or federation is described by ("the PIT-CNT union federation", "the X labor federation")
_TRADES = frozenset({"labor", "labour", "trade", "trades", "workers", "employers", "business", "services",
                     "industry", "farmers", "teachers", "nurses", "union"})


def _own_name(run: list[Token]) -> bool:
    """The names before a body's noun are that body's own name ("PIT-CNT", "IG Metall"): an
    organisation's by its tag or its capitals, not a place, a people or a polity that qualifies it."""
    text = run[0].doc[run[0].i:run[-1].i + 1].text
    if text in _QUALIFYING_POLITIES or any(t.ent_type_ in _PLACE_ENTS or t.ent_type_ == "PERSON" for t in run) or (
            not run[0].text[:1].isupper()):
        return False  # (and not "statistics" of "the statistics institute")
    return all(t.ent_type_ == "ORG" for t in run) or bool(_ACRONYM.fullmatch(text))


def _document(head: Token, toks: list[Token], owner: Token | None, base: dict, offset: int) -> Mention:
    """"a survey by pollster Forsa", "a Reuters poll", "Forsa's survey": the body behind it;
    "the poll" alone is resolved later to the last document's body."""
    by = next((t for t in head.subtree if t.dep_ == "pobj" and t.i > head.i
               and t.head.lower_ in ("by", "from") and t.pos_ in ("PROPN", "NOUN")
               and t.head.head.lemma_.lower() not in _READ_VERBS), None)  # not "a draft seen by POLITICO"
    if by is None and owner is None:
        unsigned = _unsigned_document(head, offset)
        if unsigned is not None:
            return Mention(kind="document", name=unsigned, **base)
    if by is not None and by.pos_ == "NOUN":  # "by the research firm Infotrak", "by pollster Forsa"
        near = [by] + [t for c in by.children if c.dep_ in ("appos", "compound", "flat", "npadvmod")
                       for t in c.subtree]  # a name beside the noun, not inside its prepositions
        runs = _name_runs(sorted(near, key=lambda t: t.i))
        if not runs:  # the name written right after the noun, whatever the parser made of it
            runs = _name_runs(list(head.doc[by.i + 1:min(len(head.doc), by.i + 4)]))
            runs = [r for r in runs if r[0].i == by.i + 1]
        if not runs:
            by = None
        else:
            return Mention(kind="document", name=_text(head.doc, runs[-1]), **base)
    if by is not None:
        for start, name in _body_names(head.doc):  # "by the Port of Antwerp-Bruges"
            if start <= by.idx < start + len(name):
                return Mention(kind="document", name=name, **base)
        own = analyse(by, offset)
        if own is not None and own.kind in ("name", "group"):
            name = own.name or _strip_det(own.text)
            return Mention(kind="document", name=_strip_descriptor(name, by), **base)
    if owner is not None and owner.pos_ == "PROPN":
        own = analyse(owner, offset)
        if own is not None and own.kind in ("name", "group"):
            return Mention(kind="document", name=own.name or own.text, **base)
    runs = _name_runs([t for t in toks if t.i < head.i and t.dep_ == "compound"])
    if runs:
        return Mention(kind="document", name=_text(head.doc, runs[-1]), **base)
    return Mention(kind="document", **base)


# what the writer of a statement did with it ("a circular the authority sent", "a letter X wrote")
_ISSUE_VERBS = frozenset({"send", "issue", "release", "publish", "write", "circulate", "distribute", "post",
                          "put", "sign", "submit", "file", "deliver", "share", "make"})
# who saw or obtained a document, not who wrote it ("a draft seen by POLITICO")
_READ_VERBS = frozenset({"see", "obtain", "review", "read", "access", "reviewed", "seen", "leak"})


def _unsigned_document(head: Token, offset: int) -> str | None:
    """"The Commission will propose rules ..., according to a draft seen by POLITICO": an unsigned
    document tells what the named body or government it describes will do; it is that body's."""
    if head.dep_ != "pobj" or head.head.head.lower_ != "according" or head.lemma_.lower() not in _OWN_PAPERS:
        return None  # (a poll, a report or a study about someone is not theirs)
    verb = head.head.head.head
    named = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i and (
        c.pos_ == "PROPN" or any(g.dep_ == "poss" and g.pos_ == "PROPN" for g in c.children))), None)
    if named is None or any(t.ent_type_ == "PERSON" for t in named.subtree):
        return None  # a body's or a government's papers, not a person's
    own = analyse(named, offset)
    if own is None or own.kind not in ("name", "group", "office"):
        return None
    name = own.name if own.kind in ("name", "group") and own.name else _strip_det(own.text)
    return name if any(w[:1].isupper() for w in name.split()) else None


# a body's own papers, which say what it plans ("according to a draft seen by X")
_OWN_PAPERS = frozenset({"draft", "document", "proposal", "plan", "memo", "text", "paper", "drafts", "documents"})


def _strip_descriptor(name: str, head: Token) -> str:
    """"pollster Forsa" -> "Forsa", "the news agency ČTK" -> "ČTK" (a lower-case descriptor
    before a proper name is no part of it)."""
    words = name.split()
    while len(words) > 1 and (words[0][:1].islower() and words[0].isalpha() or words[0].lower() in ("the", "a", "an")):
        words.pop(0)  # (a name written in lower case, "gfs.bern", stays)
    return " ".join(words)


def _title_with_appositive_name(head: Token, toks: list[Token], offset: int) -> Mention | None:
    """"the chief executive, Jane Doe, told ...", "Ukraine's Foreign Minister Andrii Sybiha said"."""
    doc = head.doc
    stray = _stray_conjunct(head)
    options = [c for t in toks for c in t.children if c.dep_ == "appos" and (stray is None or c.i != stray.i)
               and not (c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == "(")]  # not "X (EPP, PL)"
    # "the Minister of Finance and Coordinating Minister of the Economy, Hadiza Musa-Danjuma,": the
    # second post is an appositive too; the name is the one that is no post
    bracketed = lambda c: c.i > 0 and c.doc[c.i - 1].text == "("  # noqa: E731  ("(BoG)")
    appos = next((c for c in options if c.ent_type_ == "PERSON" and not bracketed(c)), None) or next(
        (c for c in options if not _is_title(c) and c.pos_ == "PROPN" and not bracketed(c)
         and c.lemma_.lower() not in BODY_NOUNS), options[0] if options else None)  # ("The Chairman, Senate
    # Committee on Foreign Affairs, Senator Yakubu Danladi,": the person, not the body of the post)
    if appos is None:
        return None
    appos_of = {t.i for c in appos.children if c.dep_ == "prep" for t in c.subtree}
    runs = _name_runs([t for t in mention_tokens(appos) if t.i not in appos_of])
    if not runs:
        return None
    run = runs[-1]
    if run[0].i == head.i + 1:  # written as one phrase: the name belongs in the mention
        toks = toks + [t for t in doc[head.i + 1:run[-1].i + 1] if t not in toks]
        role = role_before(run[0], toks[0].i)
    else:
        clean = [t for t in toks if not (t.dep_ in ("det", "poss") and t.pos_ in ("DET", "PRON")
                                         and t.i == toks[0].i)]
        # "His Danish counterpart, Climate Minister Mette Lindholm,": the title written with the name
        role = role_before(run[0], appos.left_edge.i)  # "Its director general" -> "director general",
        if not role or _only_rank(role) or _courtesy(role) or is_past_role(role):  # "Its spokesperson, Senior Colonel Shi Yi": the
            phrase = _title_phrase(head, appos.left_edge.i)  # post, not the rank; "a spokesman for the SPD party,
            while len(phrase) > 1 and phrase[-1].lower_ in _STYLES and _is_title(phrase[-2]):
                phrase = phrase[:-1]  # "Defence Secretary Admiral (retd) X" parsed with the rank as the head
            courtesy = role if _courtesy(role) else None  # Radek Vlček"; "The chairperson of the energy
            role = _text(doc, phrase) if phrase else _text(doc, clean)  # committee, Senator X": not "Senator"
            if courtesy and not _complemented(role):
                role = courtesy  # ("Her Republican counterpart, Sen. X": the post is the one with the name)
    if role and "(" in role and ")" not in role:  # "The Governor of the Bank of Ghana (BoG), Dr X,": the
        role = role[:role.index("(")].rstrip()  # post without its body's bracketed initials
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    return Mention(start + offset, end + offset, _text(doc, toks), kind="name",
                   name=_text(doc, run), role=role)


_BYLINE_FIRST = frozenset({"by", "reporting", "writing", "editing", "additional", "compiled"})
_BYLINE_GLUE = frozenset({"and", "in", "&", ",", ";", "by", "the"}) | _NAME_PARTICLES


def is_byline(doc: Doc, before_lead: bool) -> bool:
    """"By Jan Strupczewski", "Reporting by A in Kyiv; Editing by B", or, above the lead, a line
    of names alone ("Jennifer Rankin in Brussels"): the writers, never speakers."""
    words = [t for t in doc if not t.is_space]
    while words and words[0].is_punct:  # "(Reporting by Jason Hovet; Editing by ...)"
        words.pop(0)
    if not words or len(words) > 25 or any(t.pos_ in ("VERB", "AUX") and t.lower_ != "by" for t in words[1:]):
        return False
    if words[0].lower_ in _BYLINE_FIRST and len(words) > 2 and (
            words[0].lower_ == "by" or words[1].lower_ == "by" or words[2].lower_ == "by"):
        return words[0].lower_ != "by" or words[1].pos_ == "PROPN"
    if not before_lead or not any(t.ent_type_ == "PERSON" for t in words):
        return False
    return all(t.pos_ == "PROPN" or t.lower_ in _BYLINE_GLUE for t in words)


@dataclass
class _Person:
    name: str
    roles: list[tuple[int, str]] = field(default_factory=list)  # (position, role)
    # (position, "law student"): what the article says the person is, their role when no post is given
    descriptions: list[tuple[int, str]] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)


class ArticleSpeakers:
    """Full names and roles seen in one article, to resolve later (or earlier) mentions."""

    def __init__(self) -> None:
        self.people: dict[str, _Person] = {}
        self._mentions: dict[tuple[int, int], Mention | None] = {}  # (paragraph offset, token) -> analyse()
        self._said: list[tuple[int, str, str | None, str]] = []  # (pos, speaker, role, kind)
        self._subjects: list[tuple[int, str, bool]] = []  # (pos, proper-noun subject, is PERSON)
        self._person_words: set[str] = set()  # words of names tagged PERSON somewhere
        self._gender_votes: dict[str, dict[str, int]] = {}  # full name -> {"f"/"m": weight}
        self._bodies: list[tuple[int, str]] = []  # (pos, name) of capitalised names of bodies
        self._documents: list[tuple[int, str]] = []  # (pos, body) behind a poll, survey, report
        self._described: list[tuple[int, str, set[str]]] = []  # (pos, name, nouns describing it)
        self.lead_end = 0  # end of the article's lead paragraph, set by the reader of the article
        self.lead_start = 0  # its start: a name in the headline or standfirst above it is no introduction
        # (pos, "transport secretary", where its paragraph starts) said in the lead
        self._lead_descriptors: list[tuple[int, str, int]] = []
        self._lead_named: dict[int, tuple[str, str]] = {}  # descriptor pos -> (person named next, role)
        self._place_words: set[str] = set()  # words of names tagged as places
        self._reporting_subjects: list[tuple[int, str, bool]] = []  # (pos, name, a person) who speak, in order
        self._possessors: set[int] = set()  # positions of names written as owners ("Trump's")
        self._acronyms: dict[str, str] = {}  # "BNR" -> "National Bank of Romania", as the article defines it
        self._reported: set[int] = set()  # positions of subjects inside what someone is reported to have said
        self._businesses: set[str] = set()  # names an appositive calls a business, whatever the tagger says
        self._media: set[str] = set()  # news agencies, papers and broadcasters: who reports, not who is reported
        # (position, noun) of "a statement" a speaker gave ("said in a statement", "in a circular sent")
        self._statements: list[tuple[int, str]] = []
        self._found: set[int] = set()  # positions of subjects inside what a report or study found
        self._party_words: set[str] = set()  # "Democrats", "Greens": plural group names a party may have

    def mention(self, head: Token, offset: int) -> Mention | None:
        """``analyse(head, offset)``, worked out once per token of the article: the reporting verbs'
        subjects seen here are the speakers the engine then asks about for the rules' claims and
        again for the model's (a Mention is frozen and depends on the parse alone)."""
        key = (offset, head.i)
        if key not in self._mentions:
            self._mentions[key] = analyse(head, offset)
        return self._mentions[key]

    def observe(self, doc: Doc, offset: int, text: str | None = None) -> None:
        """Register every multi-word name in ``doc`` with the title run written before it,
        and the proper-noun subjects outside quotes (antecedents for "he" and "she").
        ``text`` is ``doc.text`` when the caller already has it."""
        text = doc.text if text is None else text  # (built once: doc.text joins every token)
        quotes = find_quotes(text)
        particles = {doc.vocab.strings.add(w) for w in _NAME_PARTICLES}
        propn = doc.vocab.strings.add("PROPN")
        tags = doc.to_array([POS, LOWER]).tolist()
        maybe = [doc[i] for i, (pos, lower) in enumerate(tags)
                 if pos == propn or lower in particles or i > 1 and doc[i - 1].text == "-" and _name_tail(doc[i])
                 or i + 1 < len(tags) and tags[i + 1][0] == propn and _is_name_token(doc[i])  # "Precious Matsoso"
                 or doc[i].ent_iob_ == "I" and doc[i].ent_type_ == "PERSON" and _is_name_token(doc[i])]  # "Paul Hendricks"
        known = {full.split()[-1] for full in self.people}
        for tok in doc:
            titled = _is_title(tok) and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children)
            if tok.dep_ in ("nsubj", "nsubjpass") and (tok.pos_ == "PROPN" or tok.text in known) and not titled and not any(
                    qs < tok.idx < qe for qs, qe in quotes):
                extent = name_extent(tok)  # "Saint-Martin", "Nour al-Hashimi", not "Martin", "Hashimi"
                first, tok_end = extent[0], max(extent[-1].idx + len(extent[-1]), tok.idx + len(tok))
                while tok.ent_type_ in ("GPE", "LOC") and first.i > 0 and doc[first.i - 1].dep_ == "compound" and (
                        doc[first.i - 1].head == tok and doc[first.i - 1].text[:1].isupper() and doc[first.i - 1].is_alpha):
                    first = doc[first.i - 1]  # "Universities UK", "Water UK": a body named with its place
                self._subjects.append((first.idx + offset, text[first.idx:tok_end],
                                       tok.ent_type_ == "PERSON"))
                if any(a.dep_ == "ccomp" and a.head.lemma_.lower() in REPORTING_VERBS | _ASKING and a.head.i < tok.i
                       for a in tok.ancestors):  # "X said that Kyiv would need ...", "Asked whether
                    self._reported.add(first.idx + offset)  # Vilnius would ..., he said": no antecedent
                if any(a.dep_ == "ccomp" and a.head.lemma_.lower() in FINDING_VERBS for a in tok.ancestors):
                    self._found.add(first.idx + offset)  # "a report found that the State Department ..."
            elif tok.dep_ in ("nsubj", "nsubjpass") and (tok.pos_ == "NOUN" or _is_title(tok)) and not any(
                    qs < tok.idx < qe for qs, qe in quotes):  # (also "Mozambique's Minister of ..., Celmira ...,")
                # "The EU's agriculture commissioner, Rasa Vaitkutė, defended ...": the person
                named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
                runs = _name_runs(mention_tokens(named)) if named is not None else []
                if runs and len(runs[-1]) >= 2:
                    run = runs[-1]
                    self._subjects.append((run[0].idx + offset, _text(doc, run),
                                           any(t.ent_type_ == "PERSON" for t in run)))
        for tok in doc:  # who the reporting verbs' subjects name ("the Cour des comptes found")
            if tok.dep_ in ("pobj", "dobj") and tok.lemma_.lower() in STATEMENT_NOUNS and tok.head.lemma_.lower() in (
                    "in", "issue", "release", "publish") and not any(c.dep_ == "poss" for c in tok.children):
                self._statements.append((tok.idx + offset, tok.lemma_.lower()))  # "said in a statement"
            elif tok.dep_ == "nsubj" and tok.lemma_.lower() in STATEMENT_NOUNS and any(
                    c.dep_ == "prep" and c.lower_ in ("from", "by") for c in tok.children) and (
                    tok.head.lemma_.lower() in REPORTING_VERBS):
                self._statements.append((tok.idx + offset, tok.lemma_.lower()))  # "A statement from X said"
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in REPORTING_VERBS | FINDING_VERBS and tok.i < tok.head.i:
                m = self.mention(tok, offset)
                if m is not None and m.kind in ("group", "name") and m.name and any(
                        w[:1].isupper() for w in _strip_det(m.name).split()):  # a name, not "The bank's board"
                    self._reporting_subjects.append((m.start, m.name, m.kind == "name" and any(
                        t.ent_type_ == "PERSON" for t in tok.subtree) and not m.text.lower().startswith("the ")))
        for run in _name_runs(maybe):
            if len(run) < 2 or not any(t.whitespace_ for t in run[:-1]):
                continue  # (one word: "Thibodeau-Lafrenière says" is a surname, no name in full)
            if run[-1].i + 1 < len(doc) and doc[run[-1].i + 1].tag_ == "POS":
                self._possessors.add(run[0].idx + offset)  # "Donald Trump's 1995 filings": owns, not speaks
            name = _text(doc, run)
            longer = self._longer_name(name)
            if longer is None:
                longer = self._by_given_names(name)  # "Amirul Hakim" after "Amirul Hakim Osman"
            if longer is not None:  # "De Vries" after "Pieter de Vries": the same person
                self.people[longer].positions.append(run[0].idx + offset)
                continue
            if any(t.ent_type_ == "PERSON" for t in run):
                self._person_words.update(t.text for t in run)
            person = self.people.setdefault(name, _Person(name))
            pos = run[0].idx + offset
            person.positions.append(pos)
            before = role_before(run[0])
            appos_role = _appos_role(run[-1]) or _set_off_title(run)
            titled = _titled_head(run)
            near = _title_set_before(run) if titled else None
            if near and len(near) < len(titled) and titled.endswith(near.split()[-1]):
                titled = near  # the title right before the name's comma, not the list the parser hung it on
            if before and appos_role and role_head(before) in _RELATIONS:
                before = None  # "His colleague Sara Lindqvist, an analyst at the same bank": what she is
            if titled and appos_role and role_head(titled) in _RELATIONS:
                titled = None
            role = _held(titled if titled and (not before or _only_rank(before) or _courtesy(before) and _complemented(titled)
                                               or is_past_role(before) and not is_past_role(titled))
                         else (_title_set_before(run) if _courtesy(before) else None) or before or _title_set_before(run),
                         appos_role) or titled
            if role and "(" in role and ")" not in role:  # "Governor of the Bank of Ghana (BoG), Dr X":
                role = role[:role.index("(")].rstrip()  # the post without its body's bracketed initials
            if role and any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON" and any(
                    g.dep_ == "compound" and _is_title(g) for g in c.children) for c in run[-1].children):
                role = None  # "releases to Tamil Nadu, Karnataka Chief Minister Siddaramaiah said": a titled
                # name set off after a name is another person, whose post it is
            role = role or _post_taken(run[-1])  # "X, who took over as foreign minister in March,"
            if role and before and role != before and _document_task(role) and not _document_task(before):
                role = before  # "the rapporteur of the bill, Senator X,": a task on a text; the post is Senator
            if role:  # "Its spokesperson, Senior Colonel Shi Yi,": the post, not the rank
                person.roles.append((pos, role))
            elif description := _appos_role(run[-1], describe=True) or next(
                    (by for c in run[-1].children if c.dep_ == "relcl" and (by := _post_by_verb(c))), None):
                person.descriptions.append((pos, description))  # ("X, who chairs the committee,": their
                # role when the article gives them no post)
            self._gender_evidence(name, run, role)
        for pos, name in _body_names(doc):
            self._bodies.append((pos + offset, name))
            after = text[pos + len(name):pos + len(name) + 60]
            described = re.match(r"(?:\s+[a-z]+){1,2}(?=\s*\()", after)
            if described and described.group().split()[-1] in BODY_NOUNS | ORG_NOUNS | _ANY_BODY_WORDS:
                after = after[described.end():]  # "The United Steelworkers union (USW)": its initials
            after = after[:30]
            m = re.match(r"\s*\(([A-Z][A-Za-z0-9.&-]{1,9})\)|,\s+(?:or|known as)\s+(?:the\s+)?([A-Z][A-Z.&-]{1,9})\b(?![\w'\u2019])",
                         after)
            alias = re.match(r",\s+(?:also\s+)?known as\s+(?:the\s+)?([A-Z][\w.&'\u2019-]+(?:\s+[A-Z][\w.&'\u2019-]+){0,2})\s*[,.;]",
                             text[pos + len(name):pos + len(name) + 60]) or (
                set(name.lower().split()) & BODY_NOUNS and re.match(  # "the Ministry of Foreign Affairs (Wisma
                    r"\s*\(([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,2})\)", after))  # Putra)": its other name
            if alias:  # "Brazil's Ministry of Foreign Affairs, known as Itamaraty,", "..., known as JA Zen-Noh,":
                self._acronyms[alias.group(1).replace(".", "")] = name  # its other name
            elif m and not m.group(1):  # "the Republican People's Party, or CHP,": its initials in its own language
                self._acronyms[m.group(2).replace(".", "")] = name
            elif m and (m.group(1).isupper() or _abbreviates(m.group(1).upper(), name) or sum(
                    c.isupper() for c in m.group(1)) >= 2 or not (  # "(AfD)", "(DfE)": initials in mixed case
                    _country_in([m.group(1)]) or any(e.text == m.group(1) and e.label_ in ("GPE", "LOC", "NORP", "PERSON")
                                                    for e in doc.ents))):
                # "The National Bank of Romania (BNR)", "the regulator (Nersa)": the acronym the article
                # gives it (not "the Ministry of Health (Kenya)")
                letters = m.group(1).replace(".", "")
                if not _abbreviates(letters.upper(), name):  # "Governor of the Bank of Ghana (BoG)": the
                    words = name.split()  # name the letters stand for is the end of the run
                    name = next((" ".join(words[k:]) for k in range(1, len(words) - 1) if words[k][:1].isupper()
                                 and _abbreviates(letters.upper(), " ".join(words[k:]))), name)
                longer = re.search(r"([A-Z][\w'\u2019-]*\s+(?:to|for|of|on|against|in)\s+)$", text[:pos])
                if not _abbreviates(letters, name) and longer and _abbreviates(letters, longer.group(1) + name):
                    name = longer.group(1) + name  # "Alliance to Reclaim Our Schools (AROS)"
                self._acronyms[letters] = name
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "NORP"):
                self._place_words.update(t.text for t in ent if t.pos_ == "PROPN")
            if ent.label_ == "NORP" and ent[-1].text.endswith("s") and ent[-1].text[:1].isupper():
                self._party_words.add(ent[-1].text)  # "the Social Democrats", "the Greens": a party, maybe
        if offset < self.lead_end:
            self._lead_descriptors.extend((p + offset, d, offset) for p, d in _speaking_descriptors(doc))
        for tok in doc:  # "Euroclear, the ... depository", "the Ifop institute", "pollster Forsa"
            if tok.pos_ != "PROPN" and not (tok.dep_ == "nsubj" and tok.text[:1].isupper() and tok.is_alpha and any(
                    c.dep_ == "appos" and c.pos_ == "NOUN" for c in tok.children)):  # a name the tagger missed
                continue
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
                continue
            nouns = {c.lemma_.lower() for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
            nouns |= {c.lemma_.lower() for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
            if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
                nouns.add(tok.head.lemma_.lower())
            if tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and tok.head.i < tok.i:
                nouns.add(tok.head.lemma_.lower())  # "chip equipment maker Kanto Precision"
            if tok.dep_ == "poss" and tok.head.pos_ == "NOUN" and (
                    tok.head.lower_ in TITLE_WORDS or tok.head.lower_ in SPOKES_NOUNS) and (
                    tok.ent_type_ not in _PLACE_ENTS and tok.ent_type_ != "PERSON") and (
                    tok.text not in _POLITIES and _country_in([tok.text]) is None):  # "the EU's tech chief"
                nouns.add("company")  # "Rosatom's head, Pavel Gromov, said": a body with people of its own
            first = tok.left_edge if tok.left_edge.pos_ == "PROPN" else tok
            if first.i > 0 and doc[first.i - 1].is_lower and doc[first.i - 1].lower_ in ORG_NOUNS:
                nouns.add(doc[first.i - 1].lower_)  # "Swedish carmaker Voltara", however it is parsed
            if "up" in nouns and any(c.dep_ == "appos" and c.lower_ == "up" and c.i > 1 and doc[c.i - 1].text == "-"
                                     and doc[c.i - 2].lower_ == "start" for c in tok.children):
                nouns = (nouns - {"up"}) | {"startup", "company"}  # "Kestrel Quantum, a ... start-up,"
            if nouns and (tok.ent_type_ not in _PLACE_ENTS or nouns & _NOT_PLACE_NOUNS) and not _is_title(tok) and (
                    tok.text[:1].isupper()):  # (a name the tagger took for a place: "think tank Bruegel")
                # (not "Minister, the opposition says"; a name, not "the national science agency")
                run = next((r for r in _name_runs([t for t in tok.subtree if t.pos_ == "PROPN" or (
                    t.text == "-" and not t.whitespace_ and t.i < tok.i)]) if r[-1].i == tok.i), [tok])  # ("PIT-CNT")
                self._described.append((tok.idx + offset, _text(doc, run), nouns))
                if nouns & _MEDIA_NOUNS or tok.dep_ == "compound" and any(  # "the Lusa news agency"
                        c.dep_ == "compound" and c.lower_ in ("news", "press", "wire") for c in tok.head.children):
                    self._media.add(_text(doc, run))
                if {c.lemma_.lower() for c in tok.children if c.dep_ == "appos"} & ORG_NOUNS:
                    self._businesses.add(_text(doc, run))  # "Hinode Materials, a ... maker of specialty gases"
        for tok in doc:  # "The Bank of Spain said in a report that ...": the report is the bank's
            if tok.lemma_.lower() in DOCUMENT_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "in":
                verb = tok.head.head
                subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                own = analyse(subj, offset) if subj is not None and subj.pos_ == "PROPN" else None
                if own is not None and own.kind in ("name", "group"):
                    self._documents.append((tok.idx + offset, own.name or own.text))
        for run in _name_runs(maybe):  # "Ms Kowalska": an honorific before a surname alone
            if len(run) == 1 and run[0].i > 0 and word_gender(doc[run[0].i - 1].text):
                full = self._full_name(run[0].text, run[0].idx + offset)
                if full in self.people:
                    self._vote(full, word_gender(doc[run[0].i - 1].text), 3)

    def _vote(self, name: str, gender: str | None, weight: int) -> None:
        if gender:
            votes = self._gender_votes.setdefault(name, {})
            votes[gender] = votes.get(gender, 0) + weight

    def _gender_evidence(self, name: str, run: list[Token], role: str | None) -> None:
        """Honorific or gendered title with the name (3), a pronoun in the sentence that can only
        be this person's (2), the first name (1)."""
        doc = run[0].doc
        words = (role or "").split() + ([doc[run[0].i - 1].text] if run[0].i > 0 else [])
        for w in words:
            self._vote(name, word_gender(w), 3)
        if all(t.ent_type_ in _PLACE_ENTS for t in run):
            return  # "The United States expects ..., he said": a place, not a person named
        sent = run[0].sent
        others = [r for r in _name_runs([t for t in sent if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"])
                  if r[0].i != run[0].i]
        if not others:
            pron = {PRONOUN_GENDER[t.lower_] for t in doc[run[-1].i + 1:sent.end]
                    if t.lower_ in PRONOUN_GENDER and t.pos_ == "PRON" and t.dep_ not in ("pobj", "dobj", "dative")}
            # (not "X, standing beside her, said": an object is someone else)
            if len(pron) == 1:
                self._vote(name, pron.pop(), 2)
        if len(run) >= 2:
            self._vote(name, first_name_gender(run[0].text) or surname_gender(run[-1].text), 1)

    def _subject_name(self, name: str) -> bool:
        """A name of two words or more written as a subject ("Otty Patiño, a former guerrilla who
        now heads the delegation, told ..."), that is no place and no body described as one: most
        likely a person even where the tagger saw none (for a lead's speaker named next)."""
        words = name.split()
        starts = self.people[name].positions if name in self.people else []
        return len(words) >= 2 and any(q <= p < q + len(name) for p, _, _ in self._subjects for q in starts) and not (
            set(words) & self._place_words) and not any(
            n == name and nouns & (ORG_NOUNS | BODY_NOUNS) for _, n, nouns in self._described) and not any(
            name == body or name in body.split(" and ") for _, body in self._bodies if body != name and name in body)

    def _is_person_name(self, name: str) -> bool:
        """Evidence that a name is a person's (a PERSON tag on its words, or gender evidence), so
        "she" is never an organisation named as a subject ("the Commission would present ...")."""
        if set(name.lower().split()) & BODY_NOUNS and not self._person_words.intersection(name.split()):
            return False  # "Senate Committee", "Bank of Ghana": a body, whatever role or name data say
        if _facility(name):
            return False
        person = self.people.get(name)
        return bool(self._person_words.intersection(name.split())) or self.gender_of(name) is not None or (
            person is not None and bool(person.descriptions or person.roles) and name not in self._businesses
            and not self._described_body(name))  # "Debasish Mitra, a river expert who ...,": a person

    def _described_body(self, name: str) -> bool:
        return any(n == name and nouns & (ORG_NOUNS | BODY_NOUNS) for _, n, nouns in self._described)

    def gender_of(self, name: str | None) -> str | None:
        """"f", "m" or None (no evidence, or evidence both ways)."""
        if not name:
            return None
        votes = self._gender_votes.get(name)
        if votes is None and len(name.split()) >= 2 and name not in self.people:
            return first_name_gender(name.split()[0])
        if not votes:
            return None
        f, m = votes.get("f", 0), votes.get("m", 0)
        return "f" if f > m else "m" if m > f else None

    def _agrees(self, name: str | None, gender: str | None) -> bool:
        if gender is None:
            return True
        known = self.gender_of(name)
        return known is None or known == gender

    def _longer_name(self, name: str) -> str | None:
        """A person already named in full whose name ends with ``name`` ("Pieter de Vries")."""
        tail = " " + name.lower()
        ending = next((full for full in self.people if full.lower().endswith(tail)), None)
        if ending is not None or " " not in name:
            return ending
        # "Amirul Hakim" after "Foreign Minister Datuk Seri Amirul Hakim Osman": the given names
        # without the family name (Malay, Indonesian, Arabic usage), when one person has them
        if set(name.split()) <= self._place_words or capital_city(name) or country_word(name):
            return None  # ("South Africa" inside "National Union of Metalworkers of South Africa")
        inner = [full for full in self.people if f" {name} " in f" {full} "
                 and f" {full} ".split(f" {name} ", 1)[1].count(" ") == 1  # one family name after the given names
                 and full != name
                 and self._person_words.intersection(full.split()) and not set(full.split()) & BODY_NOUNS_TITLED]
        return inner[0] if len(inner) == 1 else None

    def _by_given_names(self, name: str) -> str | None:
        """The one person named in full with a post whose name is ``name`` and one more word: "Amirul
        Hakim" for "Amirul Hakim Osman" (Malay and Arabic usage names a person by the given names)."""
        found = [full for full, person in self.people.items() if full.startswith(name + " ") and person.roles
                 and (len(full.split()) == len(name.split()) + 1 and full.split()[-1][:1].isupper()
                      and full.split()[-1].lower() not in TITLE_WORDS
                      or full.split()[len(name.split())] in _PATRONYMICS)]  # "Siti Nurhaliza binti Tarudin"
        return found[0] if len(found) == 1 else None

    def full_name(self, name: str, pos: int) -> str:
        """The full name of the person ``name`` refers to at ``pos`` (itself when none is known)."""
        return self._full_name(name, pos)

    def _full_name(self, name: str, pos: int) -> str:
        if name.isupper() and len(name) > 3:  # a transcript's speaker label: "MEREANI TUILAU:", "RAMO:"
            same = [full for full in self.people if not full.isupper() and name in (full.upper(),
                                                                                     full.split()[-1].upper())]
            if len(same) == 1:
                return same[0]
        if name in self.people:
            return name
        if " " in name and (longer := self._longer_name(name)) is not None:
            return longer
        if " " in name and (given := self._by_given_names(name)) is not None:
            return given  # "Amirul Hakim" after "Amirul Hakim Osman": a name written by its given names
        if " " not in name and not any(_surname_key(full.split()[-1]) == _surname_key(name) for full in self.people):
            firsts = [full for full in self.people if full.split()[0] == name and len(full.split()) >= 2
                      and not _model_code(full)  # ("Dassault" is not "Dassault Rafale F4" tagged a person)
                      and (self._person_words.intersection(full.split()) or self.people[full].roles
                           or any(spk == full and kind == "name" for _, spk, _, kind in self._said))]
            # ("Muto" after "Minister of Economy, Trade and Industry Muto Yoji said": family name first)
            if len(firsts) == 1:  # "Wang" after "Wang Wentao", "Tedros" after "Tedros Adhanom Ghebreyesus"
                return firsts[0]
            named = [(max(p for p in self.people[full].positions if p <= pos), full) for full in firsts
                     if any(p <= pos for p in self.people[full].positions)]
            if len(firsts) > 1 and named:  # "Ahn said" after "Industry Minister Ahn Duk-geun", with another
                return max(named)[1]  # Ahn named further on: the one of that family named last before it
            inner = [full for full in self.people if name in full.split()[1:-1] and name[:1].isupper()
                     and len(name) > 2 and self._person_words.intersection(full.split())]
            if len(inner) == 1:  # "Lula" after "Luiz Inácio Lula da Silva"
                return inner[0]
        last = _surname_key(name.split()[-1])
        best, best_key = name, None
        for full, person in self.people.items():
            if _surname_key(full.split()[-1]) == last:
                before = [p for p in person.positions if p <= pos]
                key = (1, max(before)) if before else (0, -min(person.positions))
                if best_key is None or key > best_key:
                    best, best_key = full, key
        return best

    def as_headlines_write(self, claims: list) -> list:
        """A headline's or standfirst's speaker as it writes it, as a post there is ("..., says Sosa" is
        Sosa, whom the text calls Valeria Sosa Iribarne; "..., defense minister says" stays the defense
        minister): a person's one name above the running text. Run last, once every field that goes by
        the speaker (dates carried from the body, stance) has been set from the full name."""
        out = []
        for claim in claims:
            mention, full = claim.mention, claim.speaker
            written = mention.text.strip() if mention is not None else ""
            if mention is not None and full and mention.start < self.lead_start and written != full and (
                    " " not in written and written[:1].isupper() and written in full.split()) and (
                    full in self.people and self._is_person_name(full)):
                claim = replace(claim, speaker=written)
            out.append(claim)
        return out

    def is_person(self, name: str | None) -> bool:
        return bool(name) and name in self.people

    def _current(self, name: str, written: str | None, pos: int) -> str | None:
        """The role written with a mention, unless it is a past one ("Bessent, a former hedge fund
        manager, added") and the person holds a post the article gave before."""
        if written and not is_past_role(written):
            held = self.role_of(name, pos)
            if held and _document_task(written) and not _document_task(held):
                return held  # ("the rapporteur of the bill, Senator X, said": Senator)
            if held and _courtesy(written) and not _courtesy(held) and not is_past_role(held) and (
                    self._post_given_with(name, pos)):  # "the Minister of Foreign Affairs, Ambassador X, said"
                return held  # with a parse that hangs only the style on the name: the post, not the style
            return held if held and _shortened(written, held) else written
        held = self.role_of(name, pos)
        role = held if held and not is_past_role(held) else written or held
        if role is None and (headline := self._headline_post(name, pos)) is not None:
            self.people[name].roles.append((pos, headline))  # "Israel to sell Jordan more water, energy
            return headline  # minister says", then "..., Noa Shalev-Katz said": the headline's post
        return role

    def _post_given_with(self, name: str, pos: int) -> bool:
        """The article gave the person a post where this mention is, or before it."""
        person = self.people.get(name)
        return bool(person) and any(p <= pos + _STYLE_REACH and not _courtesy(r) for p, r in person.roles)

    def role_of(self, name: str, pos: int) -> str | None:
        person = self.people.get(name)
        if person and not person.roles and person.descriptions:  # "Koo, a lawyer by training," keeps his post
            before = [r for p, r in person.descriptions if p <= pos]
            return before[-1] if before else person.descriptions[0][1]
        if not person or not person.roles:
            # a role this person was said with before ("the government's chief negotiator said",
            # "President Lula said"), carried to their later statements
            return next((role for p, spk, role, kind in reversed(self._said) if p < pos and spk == name
                         and role and kind in ("name", "pronoun", "descriptor", "title")), None)
        roles = [(p, r) for p, r in person.roles if not is_past_role(r)] or person.roles
        roles = [(p, r) for p, r in roles if not _document_task(r)] or roles  # (a post over "rapporteur of the bill")
        before = [r for p, r in roles if p <= pos]  # the current post over what they were before
        return before[-1] if before else roles[0][1]

    def resolve(self, mention: Mention, speaking: bool = True) -> tuple[str | None, str | None]:
        """(canonical speaker, role) for a mention at its place in the article (``speaking``: the
        mention is who speaks, not the owner of an office or spokesperson who does)."""
        pos = mention.start
        if mention.kind == "document":
            if mention.name:
                self._documents.append((pos, mention.name))
                return mention.name, None
            return self._last_document(pos) or mention.text, None
        speaker, role = self._resolve_body(mention, speaking)
        speaker = self._foreign_body(mention, speaker)
        self._describes(mention, speaker)
        if self._acronyms and mention.kind in ("name", "group") and speaker and not self._is_person_name(speaker):
            covering = self._spelled(mention.start, speaker)
            if covering is not None:
                return covering, role
        short = _strip_det(speaker or "").replace(".", "")
        if short in self._acronyms and " " not in short and not self._is_person_name(speaker):
            return self._acronyms[short], role  # "The utility said" after "JPS said": the body the
            # article named in full before its acronym, "Jamaica Public Service Company (JPS)"
        return self._in_full(speaker, pos), role

    def _foreign_body(self, mention: Mention, speaker: str | None) -> str | None:
        """A body named in French, Spanish or Italian with its lower-case words ("the Conseil
        constitutionnel", "the Cour des comptes", "Corte dei conti"): the whole name as written, known
        as a body from then on ("the court" after "the Cour des comptes")."""
        written = _strip_det(mention.text)
        if not speaker or mention.kind not in ("name", "group") or speaker.split()[0].lower() not in _NOUN_IN_ENGLISH:
            return speaker
        rest = written[len(speaker):].split() if written.startswith(speaker) else []
        if 0 < len(rest) <= 3 and all(w.isalpha() and w.islower() for w in rest):
            speaker = written  # "Conseil" of "the Conseil constitutionnel"
        if " " in speaker and not any(name == speaker for _, name in self._bodies):
            self._bodies.append((mention.start, speaker))
            self._bodies.sort(key=lambda b: b[0])
        return speaker

    def _describes(self, mention: Mention, speaker: str | None) -> None:
        """"The Histadrut labor federation said": the body is a federation for a later "the
        federation" (however the parser hung the words)."""
        last = mention.text.split()[-1] if mention.text.split() else ""
        if mention.kind not in ("name", "group") or not speaker or not speaker[:1].isupper() or not (
                last.isalpha() and last.islower() and last in BODY_NOUNS | ORG_NOUNS | _ANY_BODY_WORDS) or (
                last in speaker.lower().split()) or speaker not in mention.text or self._is_person_name(speaker) or (
                speaker in self.people and self.people[speaker].roles):
            return
        if not any(p == mention.start and name == speaker for p, name, _ in self._described):
            self._described.append((mention.start, speaker, {last}))
            self._described.sort(key=lambda d: d[0])

    def _spelled(self, pos: int, name: str) -> str | None:
        """"Universities UK (UUK) says": the body whose acronym the article gives, written where the
        mention is, when the parse gave only part of it ("UK")."""
        return next((body for p, body in self._bodies if p <= pos < p + len(body) and len(body) > len(name)
                     and body.endswith(name) and body in self._acronyms.values()), None)

    def _in_full(self, name: str | None, pos: int) -> str | None:
        """A body's name cut short where the article names it in full ("Central Bank" ->
        "Central Bank of the Republic of Turkey", "Federal Ministry" -> "Federal Ministry for
        Economic Affairs and Energy"): the nearest longer name that goes on after ``name``, a
        body's noun, with "of" or "for" (not "and": "Hamas and Israel" are two)."""
        if not name:
            return name
        short = _strip_det(name)
        if short.split()[-1].lower() not in BODY_NOUNS or self._is_person_name(name):  # a body's head noun
            return name  # ("Bank", "Ministry"), not "Obama" before a headline's "Obama on Climate Change"
        cut = re.compile(re.escape(short) + r"\s+(?:of|for|to)\s", re.IGNORECASE)
        longer = [(abs(p - pos), body) for p, body in self._bodies if cut.match(body)]
        return min(longer)[1] if longer else name

    def _resolve_body(self, mention: Mention, speaking: bool) -> tuple[str | None, str | None]:
        pos = mention.start
        speaker, role = self._resolve(mention, speaking)
        if speaker and mention.kind in ("group", "title") and pos < self.lead_end and (
                _strip_det(speaker) == _strip_det(mention.text)):
            body = self._body_named_next(mention.text, pos) or self._lead_body_speaks_next(mention.text, pos)
            if body is not None:  # "The European Union's top court ruled ...", then "The Court of Justice ..."
                return body, None
        if speaker and mention.kind in ("group", "title", "statement") and _descriptor_head(speaker) and (
                speaker.lower() in mention.text.lower()):  # still the words written, not a body found for them
            head = _descriptor_head(speaker)
            if head in DOCUMENT_NOUNS:
                return self._last_document(pos) or speaker, role
            if head == "authority" and speaker.lower().endswith("monetary authority"):
                head = "bank" if self._body_named("authority", pos) is None else head  # a central bank's other name
            body = self._body_named(head, pos) or next(
                (spk for p, spk, _, kind in reversed(self._said) if p < pos and kind in ("group", "title", "office")
                 and spk != speaker and _source_noun(spk) == head
                 and (p >= self.lead_start or pos < self.lead_start)), None)  # (not a headline's "sector body says")
            kinds = {w for w in _strip_det(speaker).lower().split()[:-1] if w in BODY_NOUNS | ORG_NOUNS}
            if body is not None and kinds and not any(
                    (kinds | {x for k in kinds for x in _BODY_SYNONYMS.get(k, ())}) & _name_nouns(b)
                    for b in (body, self._acronyms.get(body, body))) and mention.text.lower().startswith("the "):
                body = self._latest_body_subject(pos, head)  # "the union federation" is no "Federation of
                # Private Entrepreneurs": a body of both kinds, else the body the text is about
            if body is None and mention.text.lower().startswith("the "):
                body = self._body_by_modifier(_strip_det(speaker).lower().split()[:-1], pos)  # "the rating
                # agency" after "Fitch Ratings"
            if body is None and head in _ANY_BODY_WORDS and mention.text.lower().startswith("the "):
                body = self._latest_body_subject(pos, head)  # "The Economic Community of ... threatened ...
                # In a communique, the bloc said": the body the article was about, whatever it did
            if body is None and head not in BODY_NOUNS and mention.text.lower().startswith("the "):
                body = self._body_just_spoke(pos)  # "The OBR said ... The fiscal watchdog also warned"
                if body is not None and head in _OVERSEERS and not _overseer(body):
                    body = None  # (not the company it fined)
            if body is not None and _model_code(body) and speaker[:1].isupper():
                body = None  # "Saab said" is the maker, not the "Saab Gripen E" named before
            if body is not None:  # "the court said": the court named earlier; "the ministry"
                # after "Slovakia's economy ministry said"; its spokesperson keeps the post
                return body, role if role and role.split()[-1].lower() in SPOKES_NOUNS else None
        return speaker, role

    def _body_by_modifier(self, modifiers: list[str], pos: int) -> str | None:
        """"The rating agency said" after "Fitch Ratings downgraded ...": the latest body named a
        little before with the descriptor's own word in its name (in the singular or plural), when
        no body is named with the descriptor's noun."""
        words = {w for w in modifiers if w.isalpha() and len(w) > 3 and w not in _PLAIN_MODIFIERS}
        if not words:
            return None
        forms = words | {w + "s" for w in words}
        return next((body for p, body in reversed(self._bodies) if p < pos and pos - p < _NEAR_CHARS
                     and forms & set(body.lower().split()) and self.gender_of(body) is None and (
                         body.split()[-1].lower() in forms  # (a name ending with its trade, "Fitch Ratings",
                         or not self._person_words.intersection(body.split()))), None)  # whatever the tagger says)

    def _latest_body_subject(self, pos: int, head: str = "body") -> str | None:
        """The latest body (no person, no place) that was the subject of a sentence before ``pos``,
        within a few paragraphs, named in full where the article writes it in full; for "the
        regulator" or "the watchdog" one of the state's bodies that oversee ("Competition
        Commission", "Financial Conduct Authority", "Corruption Watch"), not the company it oversees."""
        for p, name, is_person in reversed(self._subjects):
            if p >= pos or pos - p > _BODY_BACK_CHARS or p in self._reported or p in self._found:
                continue  # (not a body inside what someone said: "Meta said the commission had erred")
            if p < self.lead_start <= pos:
                break  # (a headline's subject is not what the body text refers back to)
            whole = self._whole_body(p, name)
            if is_person or self._is_person_name(whole) or whole in self.people and self.people[whole].roles or (
                    set(whole.split()) <= self._place_words or country_word(whole) or capital_city(whole)
                    or not whole[:1].isupper()):
                continue
            if head in _OVERSEERS and not _overseer(whole):
                continue
            return self._acronyms.get(whole.replace(".", ""), whole)
        return None

    def _bodies_with(self, name: str) -> bool:
        """``name`` is (part of) a body's name seen in the article."""
        return any(name in body for _, body in self._bodies)

    def conjunct_name(self, tok: Token, offset: int) -> str | None:
        """The person named in one conjunct of a coordinated subject, without the others."""
        others = {t.i for c in tok.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        runs = _name_runs([t for t in tok.subtree if t.i not in others])
        if not runs:
            return None
        return self._full_name(_text(tok.doc, runs[-1]), runs[-1][0].idx + offset)

    def _last_document(self, pos: int) -> str | None:
        return next((name for p, name in reversed(self._documents) if p < pos), None)

    def _body_named(self, noun: str, pos: int) -> str | None:
        """The latest body named before ``pos`` with ``noun`` in its name ("court" -> "European
        Court of Justice", "university" -> "Vilnius University") or described by it beside its
        name ("Euroclear, the Brussels-based depository", "the Ifop institute")."""
        nouns = {noun} | _BODY_SYNONYMS.get(noun, set())
        latest = self._latest_body_with(nouns, pos)
        if latest is not None:
            return latest
        for p, name, nouns in reversed(self._described):
            if p < pos and noun in nouns:
                return name
        return None

    def _latest_body_with(self, nouns: set[str], pos: int) -> str | None:
        """The latest body named before ``pos`` with one of ``nouns`` in its name, except one named
        in what a body with that noun said just before ("Bank Negara Malaysia said access to the New
        Development Bank would ... However, the central bank cautioned": the bank that spoke)."""
        spoke = next(((p, spk) for p, spk, _, kind in reversed(self._said) if p < pos and kind in ("group", "name")
                      and spk and nouns & _name_nouns(spk) and any(spk == b for _, b in self._bodies)), None)
        for p, name in reversed(self._bodies):
            if p < pos and nouns & _name_nouns(name):
                if spoke is not None and spoke[1] != name and (spoke[0] > p or pos - spoke[0] < _NEAR_CHARS):
                    return spoke[1]  # (also one that spoke after the other was named: "the ENDF said ... The army")
                return name
        return None

    def _body_named_next(self, text: str, pos: int) -> str | None:
        """A lead's body described, not named ("the European Union's top court", "the country's
        central bank") with no such body named before: the body the next lines name with its noun."""
        words = text.lower().split()
        if not words or words[0] not in ("the", "a", "an") or words[-1] not in BODY_NOUNS or any(
                w[:1].isupper() for w in text.split()[-2:]):
            return None  # (also "A Dutch appeals court ruled ...", then "The Hague Court of Appeal said")
        noun = words[-1]
        nouns = {noun} | _BODY_SYNONYMS.get(noun, set())
        if any(p < pos and nouns & set(name.lower().split()) for p, name in self._bodies):
            return None
        return next((name for p, name in self._bodies if pos < p < pos + _CATAPHORA_CHARS
                     and nouns & _name_nouns(name)), None)

    def _country_holder(self, text: str, head: str, pos: int) -> tuple[str, str] | None | bool:
        """"The Hungarian leader said": the latest person named before with a role of that
        country ("Hungarian Prime Minister Viktor Orbán"), whatever the title; False when the
        description names no country."""
        country = _country_in(text.split()[:-1])
        if country is None:
            return False
        best = None
        for person in self.people.values():
            for p, r in person.roles:
                if p < pos and _country_in(r.split()) == country and (best is None or p > best[0]) and (
                        role_head(r) == head or head in _ANY_POST):
                    best = (p, person.name, r)
        return (best[1], best[2]) if best else None

    def _qualified_body(self, mention: Mention) -> str | None:
        """"The Tbilisi court said" after "Tbilisi City Court ruled": a body's noun qualified by a
        proper name is the body named before with both (however the tagger read the name)."""
        m = re.fullmatch(r"(?:the\s+)?((?:[A-Z][\w'\u2019.-]*\s+){1,2})([a-z]+)", mention.text, re.IGNORECASE)
        if m is None or not m.group(2).islower() or m.group(2) not in BODY_NOUNS or not m.group(1)[:1].isupper():
            return None
        words = set(m.group(1).split())
        nouns = {m.group(2)} | _BODY_SYNONYMS.get(m.group(2), set())
        return next((body for p, body in reversed(self._bodies) if p < mention.start and words <= set(body.split())
                     and nouns & _name_nouns(body) and not self._person_words.intersection(body.split())), None)

    def _resolve(self, mention: Mention, speaking: bool = True) -> tuple[str | None, str | None]:
        pos = mention.start
        if mention.kind in ("name", "group") and (qualified := self._qualified_body(mention)) is not None:
            return qualified, None
        lead = next((named for p, named in self._lead_named.items() if mention.start <= p < mention.end), None)
        if lead is not None and mention.kind in ("title", "group"):
            return lead  # "..., the work and pensions secretary has announced": the person named next
        if mention.kind == "pronoun" and mention.text.lower() in PRONOUN_GENDER:
            found = self._pronoun(pos, PRONOUN_GENDER.get(mention.text.lower()))
            if found[0] in self.people and self.gender_of(found[0]) is None:  # "He added ...": whoever "he"
                self._vote(found[0], PRONOUN_GENDER[mention.text.lower()], 1)  # was is a man for a later "she"
            return found
        if mention.kind == "pronoun":
            if mention.text.lower() in ("they", "we", "them", "us"):  # the last source of any kind: "officials",
                # though a plural never takes one person named when a group or body spoke before
                plural = next(((spk, role) for p, spk, role, kind in reversed(self._said)
                               if p < pos and (p >= self.lead_start or pos < self.lead_start)
                               and not (kind in ("name", "pronoun") and self._is_person_name(spk))), None)
                return plural or self._previous(pos, kinds=None)
            return self._pronoun(pos, PRONOUN_GENDER.get(mention.text.lower()))
        if mention.kind == "it":
            return self._previous(pos, kinds=("office", "statement", "group", "title"))
        if mention.kind == "statement":
            owner = re.sub(r"\s*\([^)]*\)", "", _strip_det(mention.text)).rsplit(" ", 1)[0]
            if " " in _strip_det(mention.text) and (owner in self._acronyms or any(owner == b for _, b in self._bodies)):
                return self._acronyms.get(owner, owner), None  # "A Government Accountability Office (GAO) report found"
            if _source_noun(mention.text) in _OWN_PAPERS and mention.text.lower().startswith("the "):
                owner = self._last_document(pos)  # "The document says": the document named before
                if owner is not None:
                    return owner, None
            if mention.text.lower().startswith("the ") and (
                    given := self._statement_giver(pos, _source_noun(mention.text))) is not None:
                return given  # "X said in a statement ... The statement added": X
            spk, role = self._previous(pos, kinds=("office", "statement"))
            if spk is None and mention.text.lower().startswith("the ") and (body := self._body_just_spoke(pos)):
                return body, None  # "..., the ministry said yesterday. The statement said": its statement
            if spk is None or not mention.text.lower().startswith("the "):
                return _strip_det(mention.text), None  # (a statement no one is said to have given: the
                # statement is the source, as annotators write it: "a statement said", "the report")
            return spk, role
        if mention.kind == "title" and mention.name is None:
            head = mention.text.split()[-1].lower()
            if _strip_det(mention.text).lower() in _SPOKES and (body := self._body_just_spoke(pos)) is not None:
                return body, head  # "The Department for Education says ... A spokesperson says:": its spokesperson
            after = re.match(r"^[A-Z][\w.-]*['\u2019]s\s+(\w+)", mention.text)  # ("Cambodia's Minister of ...")
            possessed = not mention.present and after and (after.group(1).islower() or after.group(1).lower() in TITLE_WORDS) and (
                country_word(re.split(r"['\u2019]", mention.text)[0]))  # "Serbia's foreign minister" (a
            # headline's or standfirst's "Belgium's finance minister says" stays as written)
            definite = mention.text.lower().startswith("the ") or mention.text[:1].islower() or possessed
            held = self._country_holder(mention.text, head, pos)
            if held and definite:
                return held
            best = None
            every = set(_strip_det(mention.text).lower().replace("-", " ").split())  # ("chief" of "the chief justice")
            written = _strip_det(mention.text).lower()
            split = re.match(r"(.+?)\s+(?:of|for|to)\s+(.+)$", written)  # "The senior minister of state
            post, complement = (role_head(split.group(1)), split.group(2)) if split else (head, "")  # added"
            holders = [(person.name, person.roles) for person in self.people.values()]
            for name, roles in holders:
                for p, r in roles:
                    if p < pos and (role_head(r) == head or role_head(r) in _SAME_POST.get(head, ())
                                    or complement and role_head(r) == post and set(complement.split()) <= set(
                                        r.lower().split())
                                    or r.lower().startswith(head + " and ")) and (  # "the Tánaiste" of a double post
                            best is None or (every <= set(r.lower().replace("-", " ").split()), p) > best[3]) and (
                            held is False or _country_in(r.split()) is None) and (  # not another country's
                            _post_words(mention.text) <= set(r.lower().replace("-", " ").split())):
                        best = (p, name, r, (every <= set(r.lower().replace("-", " ").split()), p))
                        # ("the prime minister" is no finance minister; "the chief justice" is the one named
                        # with every word of it before a justice named since)
            if best and definite:  # "the president said": the last president named; not "a minister"
                return best[1], best[2]
            if best is None and (mention.text.lower().startswith("the ") or possessed):
                unnamed = next(((spk, role) for p, spk, role, kind in reversed(self._said) if p < pos
                                and kind in ("title", "group", "office") and _source_noun(spk) == head
                                and set(_strip_det(mention.text).lower().split()) <= set(spk.lower().split())
                                and (p >= self.lead_start or pos < self.lead_start)), None)  # not a headline's
                # (nor another's: "Hungary's foreign minister" is not "Belgium's finance minister" said before)
                if unnamed is not None:  # "An Israeli official said ... The official, who declined
                    return unnamed  # to be named, said": the source introduced before, not one named next
                named = self._named_next(pos, mention) or (
                    self._described_speaker(pos, mention) if speaking else None)
                if named is not None:
                    return named
            return mention.described or without_seat(_strip_det(mention.text)), mention.role
        if mention.kind == "descriptor":  # "The 64-year-old told Times Radio", "The Republican said"
            return self._pronoun(pos, mention.role and word_gender(mention.role))
        noun = mention.generic if mention.kind == "group" else None
        if noun:
            org = self._previous_org(pos, noun)
            if org:
                return org, None
        if mention.kind == "group" and mention.union_body:  # "The WMO said ... The UN agency said": the
            return self._body_just_spoke(pos) or mention.name, mention.role  # body that just spoke
        if mention.kind == "group" and (cut := self._body_cut(mention)) is not None:  # "The Hong Kong General
            spokes = mention.role if mention.role and mention.role.split()[-1].lower() in SPOKES_NOUNS else None
            return cut, spokes  # Chamber of Commerce" tagged from "Chamber" (its spokesperson keeps the post)
        if mention.kind == "group":
            name = mention.name or mention.text
            if name.isupper():  # a transcript's speaker label the tagger took for a body
                name = self._full_name(name, pos)
            longer = next((body for p, body in self._bodies if mention.start <= p < mention.end
                           and body.startswith(name) and len(body) > len(name)
                           and p + len(body) <= mention.end), None)
            if longer is not None:  # "Korea Federation" tagged in "The Korea Federation of SMEs"
                name = longer
            if name in self.people and (self._person_words.intersection(name.split()) or self.people[name].roles
                                        or self._headline_post(name, pos) is not None):
                return name, self._current(name, mention.role, pos)  # a person the tagger called an ORG
            # a surname the tagger took for a place or an organisation ("Vries", "De Vries")
            full = self._full_name(name, pos) if " " not in name else self._longer_name(name) or (
                self._by_given_names(name))  # ("Amirul Hakim" of "Amirul Hakim Osman")
            if full in self.people:
                return full, self._current(full, mention.role, pos)
            name = without_seat(name)
            if _strip_det(name).replace(".", "") in self._acronyms:  # "the AfD" after "Alternative for
                return self._acronyms[_strip_det(name).replace(".", "")], mention.role  # Germany (AfD)"
            if " " in name and re.fullmatch(r"(?i:the )[A-Z][A-Za-z]{0,3}\d{1,2}", name) and (
                    body := self._body_abbreviated(_strip_det(name), pos)) is not None:
                return body, mention.role  # "The Go8" after "The Group of Eight"
            if " " not in name and name[:1].isupper():
                body = self._body_abbreviated(name, pos) or self._body_beginning(name, pos)
                if body is None and name.lower() in BODY_NOUNS:  # "a Commission spokesperson": the one named
                    body = self._body_named(name.lower(), pos)
                return body or name, mention.role
            if mention.described and _descriptor_head(name) is None and not self._bodies_with(name):
                return mention.described, mention.role  # "EU officials familiar with the talks"
            return name, mention.role
        if mention.kind == "office" and mention.owner is not None:
            owner, role = self.resolve(mention.owner, speaking=False)
            headed = _HEADS_BODY.search(role or "")
            if mention.office and mention.office.lower() == "office" and headed and " " in headed.group(1):
                return headed.group(1), None  # "her office" said by the president of the Court of Auditors: the court
            if role is None and mention.office and mention.office.split()[-1].lower() in SPOKES_NOUNS:
                role = mention.office  # "a spokesperson for the interior ministry": the post who spoke
            return f"{owner}'s {mention.office}", role
        cut = self._body_cut(mention)
        if cut is not None:  # "The far-right Alternative for Germany said" parsed with "Alternative" as head
            return cut, mention.role if mention.role and mention.role.split()[-1].lower() in SPOKES_NOUNS else None
        full = self._full_name(mention.name or mention.text, pos)
        if " " not in full and full not in self._person_words and mention.role is None and not any(
                w.lower() in HONORIFICS or w.lower() in TITLE_WORDS for w in mention.text.split()):
            full = self._body_abbreviated(full, pos) or self._body_beginning(full, pos) or full  # "Hanwon said",
            # "the ECB said" (the European Central Bank), not "Mr. Obama said"
        elif full.replace(".", "") in self._acronyms:  # "The main opposition Republican People's Party, or
            full = self._acronyms[full.replace(".", "")]  # CHP, said": the acronym the article defined
        role = self._current(full, mention.role, pos)
        kept = role if role and mention.role and _shortened(mention.role, role) else mention.role
        if kept and full in self.people and (pos, kept) not in self.people[full].roles:
            self.people[full].roles.append((pos, kept))  # "Poland's agriculture minister, X,"
            self.people[full].roles.sort()
        return full, role

    def _headline_post(self, name: str, pos: int) -> str | None:
        """The post a headline or standfirst says spoke ("..., energy minister says"), for the person
        the lead then names speaking with no post of their own, when no one in the article holds a
        post of that kind and no other person spoke in the lead before."""
        person = self.people.get(name)
        if person is None or person.roles or person.descriptions or not self.lead_start <= pos < self.lead_end:
            return None
        if any(self.lead_start <= p < pos and kind in ("name", "pronoun") for p, _, _, kind in self._said):
            return None
        post = next((r for p, spk, r, kind in reversed(self._said) if p < self.lead_start and kind == "title" and r
                     and _strip_det(spk).lower() == _strip_det(r).lower()), None)
        if post is None or role_head(post) not in TITLE_WORDS or any(
                role_head(r) == role_head(post) for other in self.people.values() for _, r in other.roles):
            return None
        return post

    def _body_cut(self, mention: Mention) -> str | None:
        """A body's name the parse cut to a word or two ("Chamber" in "The Hong Kong General Chamber
        of Commerce", "Union" in "The National Union of Metalworkers of South Africa", "Alternative"
        in "The far-right Alternative for Germany"): the capitalised name written there in full, when
        neither it nor the word is a person's."""
        name = mention.name or ""
        if not name[:1].isupper() or self._person_words.intersection(name.split()) or self._is_person_name(name):
            return None
        bodyish = any(w.lower().endswith(tuple(BODY_NOUNS)) or w.lower() in ORG_NOUNS for w in name.split())
        for p, body in self._bodies:
            if p < mention.start and p + len(body) == mention.end and body.endswith(" " + name) and re.search(
                    r"\s(?:of|for|do|da|dos|das|de|del|della|di|der|du|des|für|van|von)(?: (?:la|las|los|le|les|el|the))? "
                    + re.escape(name) + "$", body) and not self._person_words.intersection(body.split()):
                return body  # "Bundesanstalt für Arbeit", "Banco Central do Brasil": the parse took the
                # complement after the link for the subject
            if not (mention.start <= p < mention.end) or len(body) <= len(name) or (
                    self._person_words.intersection(body.split())) or body in self.people and self.people[body].roles:
                continue
            at = body.find(name)
            if at < 0 or not re.match(r"(?:\W|$)", body[at + len(name):]) or any(
                    w.lower() in HONORIFICS or w.lower() in TITLE_WORDS - _DOMAIN_WORDS and not bodyish
                    for w in body[:at].split()):  # ("Economic Community of West African States" is a body)
                continue  # ("Mr Nguyễn", "Deputy Minister of Planning Nguyễn Văn Hùng": a person; not
                # "General" before "Confederation")
            if p + len(body) == mention.end or p + len(body) > mention.end and re.match(  # (or a remit listed after it)
                    r"(?: (?:of|for|to|on|do|da|dos|das|de|del|della|di|der|du|des|für)|,) ", body[mention.end - p:]) or p + len(body) < mention.end and re.match(
                    r"\s*[(,]", mention.text[p + len(body) - mention.start:]):  # "The Permanent Mission of
                return body  # Kenya" + " to the UN"; "the General Confederation of Labour (CGT), Argentina's ..."
        return None

    def name_lead_descriptors(self) -> None:
        """"..., the work and pensions secretary has announced." then "Liz Kendrick told the
        Commons ...": the lead's speaker is the first person the next lines name without a title
        of their own, who carries the descriptor as role (whether or not the lead's claim is found)."""
        for pos, descriptor, para in self._lead_descriptors:
            head = descriptor.split()[-1].lower()
            if any(p < pos and role_head(r) == head for person in self.people.values()
                   for p, r in person.roles):
                continue
            # named first after it, or only above the lead, in a headline or standfirst without a title
            later = sorted((min(p for p in person.positions if p > pos), person) for person in self.people.values()
                           if any(pos < p < pos + _CATAPHORA_CHARS for p in person.positions)
                           and not any(para <= p < pos for p in person.positions)
                           and min(p for p in person.positions if p > pos) not in self._possessors
                           and (self._person_words.intersection(person.name.split())
                                or self._subject_name(person.name)))
            if later and not later[0][1].roles:
                later[0][1].roles.insert(0, (pos, descriptor))
                self._lead_named[pos] = (later[0][1].name, descriptor)
            elif later and pos >= self.lead_start:  # "..., with its governor warning that ..." then "The
                # BoE's governor, Andrew Bailey,": the post the next lines give the person named next is the
                # one the lead described (a headline's "Poland's defense minister says" stays as written)
                same = next((r for _, r in later[0][1].roles if role_head(r) == head
                             or r.lower().startswith(head + " and ") or (  # "Tánaiste and Minister for ..."
                    head in _MINISTERS and role_head(r) in _MINISTERS  # "health minister" = "Secretary for Health"
                    and set(descriptor.lower().split()[:-1]) & set(r.lower().split()) - _MINISTERS) or (
                    # "the Tánaiste has insisted" then "Tánaiste and Minister for Foreign Affairs X": one of the posts
                    re.match(re.escape(_strip_det(descriptor).lower().replace("-", " ")) + r"\s+(?:and|&)\s+\S",
                             r.lower().replace("-", " ")))), None)
                if same is not None:
                    self._lead_named[pos] = (later[0][1].name, same)

    def _body_just_spoke(self, pos: int) -> str | None:
        """"The OBR said growth would slow. The fiscal watchdog also warned ...": a body described
        by a word for what it is, no body of that word named, is the named body (no person, no
        place) that spoke just before, as "it" would be."""
        last = next(((p, spk, kind) for p, spk, _, kind in reversed(self._said) if p < pos), None)
        if last is not None and last[2] == "statement" and last[1] in self._acronyms.values():
            last = (last[0], last[1], "group")  # "A GAO report found ... The watchdog recommended": the body
        if last is None or pos - last[0] > _NEAR_CHARS or last[2] not in ("group", "name") or (
                self._is_person_name(last[1]) or set(last[1].split()) <= self._place_words
                or _country_in(_strip_det(last[1]).split()[:1]) is not None  # "Hungary's government" is never
                # "the EU executive" ("Bank of Ghana" may be "the regulator")
                or not any(w[:1].isupper() for w in _strip_det(last[1]).split())  # not "The ad"
                or _strip_det(last[1]).lower() in TITLE_WORDS):  # nor a post addressed, "Minister"
            return None
        return last[1]

    def _lead_body_speaks_next(self, text: str, pos: int) -> str | None:
        """"France's public auditor said ..." in the lead, then "the Cour des comptes found ...": a
        body the lead describes without naming it is the one the next speaker's name gives, when
        that next speaker is a named body (not a person, not a place)."""
        words = _strip_det(text).split()
        if self._body_just_spoke(pos) is not None:  # "A GAO report found ... The watchdog recommended": the
            return None  # body that just spoke, not one the next lines name
        if not (self.lead_start <= pos < self.lead_end) or not words or words[-1].lower() in _SOURCE_WORDS or (
                words[-1].endswith("s") or any(w[:1].isdigit() for w in words)):
            return None
        if words[-1].lower() in _GOVERNMENTS:  # "The Portuguese government ruled out ...": the government
            return None  # itself, not the ministry that speaks next
        owned = re.match(r"^[A-Z][\w.-]*['\u2019]s$", words[0]) and country_word(re.split(r"['\u2019]", words[0])[0])
        if not (text.lower().startswith("the ") or owned) or any(w[:1].isupper() for w in words[1:]):
            return None
        nxt = next(((p, self._spelled(p, name) or name, person) for p, name, person in self._reporting_subjects
                    if p >= self.lead_end), None)
        if nxt is None or nxt[0] > self.lead_end + _CATAPHORA_CHARS or nxt[2] or self.gender_of(nxt[1]) or (
                set(nxt[1].split()) <= self._place_words):
            return None
        return nxt[1]

    def _introduced(self, person: _Person, pos: int) -> bool:
        """``person`` was named in the running text before ``pos`` (a headline or standfirst above
        the lead introduces no one: "Lucía Herrera says ..." over "Spain's housing minister has said")."""
        return any(p < pos and (p >= self.lead_start or pos < self.lead_start) for p in person.positions)

    def _described_speaker(self, pos: int, mention: Mention) -> tuple[str, str | None] | None:
        """"U.S. Secretary of State Marco Rubio said ... The top U.S. diplomat said": a post no one
        named holds, after a person has spoken, describes that person (as "he" would), unless
        an unnamed source was introduced with it before ("a Western diplomat ... the diplomat")."""
        words = _strip_det(mention.text).split()
        head = words[-1].lower()
        if head not in TITLE_WORDS or head in OFFICE_NOUNS | BODY_NOUNS or not words[-1].islower():
            return None
        if any(w.lower() in TITLE_WORDS for w in words[:-1]) or len(words) < 2 and head in _SOURCE_WORDS:
            return None  # "the top U.S. diplomat", "the commissioner", not "the diplomat", nor "the prime minister" unnamed
        if any(p < pos and kind in ("title", "group") and _source_noun(spk) == head
               for p, spk, _, kind in self._said):
            return None
        said = next(((p, spk, role) for p, spk, role, kind in reversed(self._said)
                     if p < pos and kind in ("name", "pronoun", "descriptor")), None)
        if said is None or said[1] not in self.people:
            return None
        if len(words) < 2 and pos - said[0] > _NEAR_CHARS:
            return None  # a bare post ("The commissioner, who ..., said") only right after that person spoke
        return said[1], said[2]

    def _body_abbreviated(self, word: str, pos: int) -> str | None:
        """"ECB" after "the European Central Bank", "ECOWAS" for "the Economic Community of West
        African States": the body named in the article whose initials the acronym is (the nearest
        one before ``pos``, else the first after it)."""
        letters = word.replace(".", "")
        if letters in self._acronyms:  # as the article gives it in brackets, "(BNR)", "(Nersa)"
            return self._acronyms[letters]
        if re.fullmatch(r"[A-Z][A-Za-z]{0,3}\d{1,2}", letters):  # "G7", "Go8", "G20": the group of that number
            named = [(p, body) for p, body in self._bodies if _numbered(letters, body)]
            before = [x for x in named if x[0] < pos]
            return before[-1][1] if before else named[0][1] if named else None
        if not (2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()):
            return None
        named = [(p, body) for p, body in self._bodies if _abbreviates(letters, body)]
        before = [x for x in named if x[0] < pos]
        return before[-1][1] if before else named[0][1] if named else None

    def _body_beginning(self, word: str, pos: int) -> str | None:
        """"Hanwon" after "South Korea's Hanwon Energy": the body named before that begins with it
        (not "Kyiv" after "Kyiv Post": a place stands for its government)."""
        if word in self._place_words or country_word(word) or capital_city(word):
            return None
        for p, body in reversed(self._bodies):
            if p >= pos:
                continue
            words = body.split()
            if words[0] == word and len(words) > 2 and _plain(words[-1].lower()) in _NAME_ENDS and not (
                    self._person_words.intersection(words)):  # "Memorial" for the "Memorial Human Rights
                return body  # Defense Center", "Sova" for the "Sova Information and Research Centre"
            for own in re.split(r"['\u2019]s |\s+and\s+", body):  # "South Korea's Hanwon Energy and ..."
                words = own.split()
                # a short capitalised name ("Hanwon Energy", "Kessler AG"), not a headline's words
                # ("Obama on Climate Change", "Obama Says African-American Museum Will Tell")
                if words[:1] == [word] and 1 < len(words) <= 3 and all(w[:1].isupper() for w in words) and not (
                        _model_code(own)):
                    return own  # (not "Saab Gripen E": a maker's product by its model)
        return None

    def _named_next(self, pos: int, mention: Mention) -> tuple[str, str | None] | None:
        """A lead's "..., the country's mining minister said" with no such minister named before:
        the person the next lines name with that title ("Mining Minister Arief Santoso"), else
        (in the lead only, the news convention of naming the speaker in the next paragraph) the
        first person they name with no title of their own, who then carries the descriptor."""
        written = _strip_det(mention.text).split()
        words = [w for w in (x.lower() for x in written) if w.isalpha()]
        fields: set[str] = set()
        if len(words) > 2 and words[0] in ("head", "chief", "leader") and words[1] == "of":
            field = set(words[2:]) - {"the", "un", "eu", "and"}  # "The head of UN peace operations", then
            later = sorted((min(p for p in person.positions if p > pos), person) for person in self.people.values()
                           if any(pos < p < pos + _CATAPHORA_CHARS for p in person.positions)
                           and not self._introduced(person, pos))
            for _, person in later:  # "Under-Secretary-General for Peace Operations Tomás Ibáñez Castell"
                for _, r in person.roles:
                    if field and field <= set(r.lower().replace("-", " ").split()):
                        return person.name, r
            return None
        formal = re.match(r"(?:[A-Z][\w.-]*['\u2019]s\s+)?((?:[A-Z][\w-]*\s+)*?[A-Z][\w-]*)\s+(?:of|for)\s+[A-Z]", " ".join(written))
        if formal and all(w.lower() in TITLE_WORDS for w in formal.group(1).split()) and (
                role_head(formal.group(1)) not in OFFICE_NOUNS | BODY_NOUNS) and mention.kind == "title":
            words = [w.lower() for w in formal.group(1).split()]  # "Cambodia's Minister of Water Resources and
            # Meteorology": a formal post with its complement, no body's name; its holder's post has its fields
            fields = {w.lower() for w in written[len(written) - len(" ".join(written)[formal.end(1):].split()):]
                      if w[:1].isupper()}
        elif not words or words[-1] not in TITLE_WORDS or words[-1] in OFFICE_NOUNS | BODY_NOUNS or any(
                w[:1].isupper() and w.lower() not in TITLE_WORDS for w in written[1:]):
            return None  # a post described ("the transport secretary", "the Education Secretary"), not a
            # body named ("the Finance Ministry")
        later = sorted((min(p for p in person.positions if p > pos), person) for person in self.people.values()
                       if any(pos < p < pos + _CATAPHORA_CHARS for p in person.positions)
                       and not self._introduced(person, pos)
                       and (person.roles or self._is_person_name(person.name)))
        for _, person in later:
            for _, r in person.roles:
                held = r.lower().split()
                if fields and not fields <= set(held):
                    continue  # (the Minister of Water Resources is no Minister of Foreign Affairs)
                if role_head(r) == words[-1] and (len(words) == 1 or set(words[:-1]) & set(held)) or (
                        _paraphrased_post(words, held)):
                    return person.name, r
        later = [(p, person) for p, person in later if (self._is_person_name(person.name)
                 or self._subject_name(person.name)) and p not in self._possessors]
        if later and not later[0][1].roles and mention.kind == "title" and pos < self.lead_end:
            person = later[0][1]
            role = _strip_det(mention.role or mention.text)
            person.roles.insert(0, (pos, role))
            return person.name, role
        return None

    def _pronoun(self, pos: int, gender: str | None = None) -> tuple[str | None, str | None]:
        """The latest person before ``pos`` that agrees with the pronoun's gender: a proper-noun
        subject since the last speaker, the last speaker, else the nearest agreeing person named."""
        said_all = [(p, spk, role) for p, spk, role, kind in reversed(self._said)
                    if p < pos and (kind in ("name", "pronoun") or kind == "group" and self._is_person_name(spk))
                    and (gender is None or self._is_person_name(spk) or kind == "name" and not (
                        set(spk.lower().split()) & BODY_NOUNS))]  # ("they" said by a ministry, or a
        # ministry named, is no antecedent of a later "he")
        said = said_all[0] if said_all else None
        for p, text, is_person in reversed(self._subjects):
            if p >= pos or p in self._reported:  # "X said Kyiv would need ... She said": X
                continue
            if said is not None and said[0] >= p:
                break
            full = self._full_name(text, p)
            if (full in self.people or is_person) and self._agrees(full, gender) and not _facility(full) and (
                    gender is None or is_person or self._is_person_name(full)):
                return full, self.role_of(full, pos)
        if said and self._agrees(said[1], gender):
            return said[1], said[2]
        named = [(max(p for p in person.positions if p < pos), person.name)
                 for person in self.people.values() if any(p < pos for p in person.positions)
                 and (self._person_words.intersection(person.name.split()) or any(
                     p < pos and not is_past_role(r) for p, r in person.roles) and self._is_person_name(person.name))]
        # (also one named with a post the tagger did not see as a person: "the EU's ambassador to
        # Australia, Žiga Kranjc")
        if gender is not None:  # "Solberg said ... Asked whether ..., she said": the nearest she
            cands = [(p, spk) for p, spk, _ in said_all]
            cands += [(p, self._full_name(text, p)) for p, text, is_person in self._subjects
                      if p < pos and (is_person or self._is_person_name(self._full_name(text, p)))]
            cands += named
            for p, name in sorted(cands, reverse=True):
                if self.gender_of(name) == gender:
                    return name, self.role_of(name, pos) or next(
                        (r for q, spk, r in said_all if spk == name and r), None)
            cands = [(p, n) for p, n in cands if self._agrees(n, gender)]
            if cands:
                name = max(cands)[1]
                return name, self.role_of(name, pos)
            return None, None
        if said:
            return said[1], said[2]
        if named:  # "Reporters asked Zelensky about it. '...,' he said."
            name = max(named)[1]
            return name, self.role_of(name, pos)
        return self._previous(pos, kinds=None)

    def _previous_org(self, pos: int, noun: str = "company") -> str | None:
        """"The carmaker said": the latest body introduced as a carmaker ("Swedish carmaker
        Voltara"), else the latest proper-noun subject or body introduced with a word for a
        business that is not a person, nor a body of another kind ("the company" is not the
        "Court" named before)."""
        same = next(((p, name) for p, name, nouns in reversed(self._described) if p < pos and noun in nouns
                     and (name not in self._media or noun in _MEDIA_NOUNS | {"agency"})), None)
        if same is not None:
            return self._whole_body(*same)
        media = set() if noun in _MEDIA_NOUNS else self._media  # (the agency that asked is not "the organisation")
        if noun in BODY_NOUNS:  # "The World Bank said ... The bank said"
            body = self._latest_body_with({noun}, pos)
            if body is not None:
                return body
        subject = next(((p, text) for p, text, is_person in reversed(self._subjects)
                        if p < pos and not is_person and text not in self._person_words and p not in self._reported
                        and not self._is_person_name(text)  # ("Its chief executive, Aoife Delaney,")
                        and text not in media
                        and (not set(text.split()) <= self._place_words or noun == "party" and (
                            text.split()[-1] in self._party_words))  # ("The Social Democrats ... The party")
                        and not (
                            _AUTHORITY_NOUNS & set(text.lower().split()))), None)
        if subject is not None and " " not in subject[1]:  # "Company" heads "Nigerian National Petroleum Company"
            subject = next(((p, body) for p, body in self._bodies if p <= subject[0] < p + len(body)
                            and not _AUTHORITY_NOUNS & set(body.lower().split())), subject)
        # "fined chip equipment maker Kanto Precision ... The company said": a body introduced
        # with a word for a business, though never a subject
        described = next(((p, name) for p, name, nouns in reversed(self._described)
                          if p < pos and nouns & ORG_NOUNS and name not in media and (
                              name in self._businesses or not self._person_words.intersection(name.split()))), None)
        spoke = None  # "a report by Amnesty International, which said ... The organisation said": a body of
        if noun in _ANY_ORG:  # any kind that spoke, whatever its part in the sentence
            spoke = next(((p, spk) for p, spk, _, kind in reversed(self._said) if p < pos and kind in (
                "group", "name", "document") and spk[:1].isupper() and spk not in media and " " in spk
                and not self._is_person_name(spk) and not (spk in self.people and self.people[spk].roles)
                and (p >= self.lead_start or pos < self.lead_start)), None)
        best = max((x for x in (subject, described, spoke) if x is not None), default=None)
        return self._whole_body(*best) if best else None

    def _whole_body(self, pos: int, name: str) -> str:
        """The body's whole name written where ``name`` is ("Corporate Council" in "The Corporate
        Council on Africa, a business group,")."""
        return next((body for p, body in self._bodies if p <= pos < p + len(body) and name in body
                     and len(body) > len(name)), name)

    def _statement_giver(self, pos: int, noun: str | None = None) -> tuple[str, str | None] | None:
        """"The ministry said in a statement that ... The statement added": who gave the latest
        statement written before ``pos`` (the speaker named nearest to it), when it is near."""
        near_by = [p for p, said in reversed(self._statements) if p < pos and pos - p <= _STATEMENT_BACK_CHARS]
        same = [p for p, said in reversed(self._statements) if p in near_by and said == noun]  # "the statement"
        if not near_by:
            return None
        s = same[0] if same else near_by[0]  # "the statement" is the latest statement, before a circular
        near = min(((abs(p - s), spk, role) for p, spk, role, kind in self._said
                    if p < pos and kind in ("name", "pronoun", "group", "office", "title")),
                   key=lambda near: near[0], default=None)  # (by distance alone: a role may be None)
        return (near[1], near[2]) if near is not None and near[0] < 200 else None

    def _previous(self, pos: int, kinds: tuple[str, ...] | None) -> tuple[str | None, str | None]:
        for p, spk, role, kind in reversed(self._said):
            if p < pos and (kinds is None or kind in kinds) and (p >= self.lead_start or pos < self.lead_start):
                return spk, role  # (a headline's source is not what the body's "it" or "they" names)
        return None, None

    def shown_role(self, mention: Mention, speaker: str | None, role: str | None) -> str | None:
        """The role a claim shows for its speaker: none for an unnamed source written as one of many
        ("a senior official", "one EU official familiar with the talks": the words are the source, no
        person's post) nor for a body ("the main opposition Republican People's Party", "Comisiones
        Obreras, the largest trade union": what it is, no post); a body's spokesperson keeps the post."""
        if not role or not speaker or _is_spokes_phrase(role):
            return role
        head = role_head(role)
        indefinite = (_INDEFINITE_SOURCE.match(mention.text) or _INDEFINITE_SOURCE.match(speaker)) and (
            head in _GENERIC_SOURCES or head not in TITLE_WORDS)  # (not "a Japanese envoy": a post)
        if not indefinite and _names_a_post(_strip_det(speaker)) and _names_a_post(role):
            return role  # a post that speaks as itself: "Prime Minister says", "the Transportation Minister said"
        person = self.people.get(speaker)
        if self.gender_of(speaker) is not None or person is not None and any(_names_a_post(r) for _, r in person.roles):
            return role  # a person's: a man or a woman, or someone who holds a post
        if mention.kind == "name" and _names_a_post(role) and not indefinite and not country_word(speaker):
            return role  # a name written with a post: "President Obama said" (not "the Obama administration")
        body = country_word(speaker) or self._described_body(speaker)  # (what the article says it is first)
        if not body and (self._is_person_name(speaker) or _names_a_post(role) and not indefinite):
            return role  # a person's
        body = body or any(b == speaker for _, b in self._bodies) or speaker in self._acronyms.values() or (
            speaker.split()[-1].lower() in BODY_NOUNS)
        if not body and mention.kind == "name":
            return role
        if mention.kind in ("title", "group") and indefinite:
            return None  # "a senior official", and "the official" after "one EU official familiar with the talks"
        return None if body or mention.kind == "group" else role

    def record(self, pos: int, speaker: str | None, role: str | None, kind: str) -> None:
        """Remember a resolved speaker so "she added" / "the statement added" can refer back."""
        if speaker:
            self._said.append((pos, speaker, role, kind))
            self._said.sort(key=lambda x: x[0])


# a source written as one of many: "a senior official", "one EU official", "two diplomats"
_INDEFINITE_SOURCE = re.compile(r"(?i)(?:a|an|one|two|three|four|five|several|some)\s")


# a task on a text, no post: "rapporteur of the bill", "sponsor of the motion", "rapporteur on the AI act"
_DOCUMENT_TASK = re.compile(r"(?i)\b(?:of|on|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:bill|act|law|motion|resolution|report|"
                            r"amendment|text|draft|treaty|proposal|measure|file|dossier|legislation)s?$")


def _document_task(role: str) -> bool:
    return bool(_DOCUMENT_TASK.search(role)) and not _courtesy(role)


def _names_a_post(role: str) -> bool:
    """"chair of the Storting's energy committee", "Deputy Minister", "Secretary-General": a post's noun
    heads the role (not "largest trade union", "main opposition": what a body is)."""
    words = re.split(r"\s+(?:of|at|for|in|with|to|on)\s+", role.lower(), maxsplit=1)[0].split()
    last = words[-1] if words else ""
    return last in TITLE_WORDS and (last not in _DOMAIN_WORDS or "-" in last) or "-" in last and (
        last.split("-")[-1] in TITLE_WORDS and last.split("-")[-1] not in _DOMAIN_WORDS)


# the words an unnamed source is written with, no post ("a senior official", "two diplomats")
_GENERIC_SOURCES = frozenset({"official", "officials", "source", "sources", "diplomat", "diplomats", "officer",
                              "officers", "aide", "aides", "delegate", "delegates", "insider", "insiders", "person",
                              "people", "staffer", "staffers", "figure", "figures"})


def _is_spokes_phrase(role: str) -> bool:
    """"spokesperson", "chief spokesman for the ministry": a post that speaks for a body."""
    return any(w in SPOKES_NOUNS for w in role.lower().split())


# a post at the head of a body named in it: "president of the Federal Court of Auditors"
_HEADS_BODY = re.compile(r"\b(?i:president|chair|chairman|chairwoman|chairperson|head|director|chief|"
                         r"director-general|director general)\s+(?:of|at)\s+(?:the\s+)?([A-Z][\w'\u2019.-]*"
                         r"(?:\s+(?:of|for|and|de|des|du|[A-Z][\w'\u2019.-]*))*)$")


# words for a body of any kind, which name no kind of their own to look for in the names before:
# "the bloc", "the antigraft body", "the watchdog" are the body the article was about
_ANY_BODY_WORDS = frozenset({"bloc", "body", "watchdog", "regulator", "grouping", "institution", "organ", "lobby",
                             "alliance", "coalition"})
_BODY_BACK_CHARS = 1500  # how far back such a word may refer
_OVERSEERS = frozenset({"regulator", "watchdog"})


def _overseer(name: str) -> bool:
    """A body that may oversee others: a state's authority, office, commission, agency, board, a watch,
    a central bank ("Bank of Ghana", "Reserve Bank of India", "Bundesbank"; not "Barclays Bank")."""
    return bool(_name_nouns(name) & (_AUTHORITY_NOUNS | {"agency", "board", "watch"})) or (
        re.search(r"(?i)\b(?:central|reserve|national|federal)\b.*\bbank|^(?:the )?(?:bank|banque|banco|banca) "
                  r"(?:of|de|du|do|di|d'|negara)\b|(?:bundes|riks|national)bank\b", name) is not None)
_STATEMENT_BACK_CHARS = 700  # how far back "the statement" may refer to a statement given (a long quote between)

# Bodies of the state, never what "the company" or "the group" refers to.
_AUTHORITY_NOUNS = frozenset("""court tribunal ministry commission council committee parliament assembly
authority office department bureau service police army navy government administration senate congress
""".split())

# Words a text uses for the same kind of body ("the court" for the "Supreme Federal Tribunal").
_BODY_SYNONYMS = {"court": {"tribunal"}, "tribunal": {"court"}, "parliament": {"assembly", "congress"},
                  "bank": {"reserve"}, "federation": {"confederation"}, "confederation": {"federation"},
                  "army": {"defenceforce", "defenseforce", "defenceforces", "defenseforces", "armedforces"},
                  "panel": {"court", "tribunal", "committee", "commission"}, "bench": {"court", "tribunal"},
                  "lender": {"bank", "fund"}}


def _speaking_descriptors(doc: Doc) -> list[tuple[int, str]]:
    """(offset, "transport secretary") for a described post that is the subject of a reporting verb
    ("..., the transport secretary has said", "the work and pensions secretary has announced")."""
    out = []
    for tok in doc:
        capital = tok.is_title and tok.pos_ == "PROPN"  # "the Education Secretary announced" (British style)
        if not ((tok.is_lower and tok.pos_ == "NOUN" or capital) and tok.lower_ in TITLE_WORDS
                and tok.lower_ not in OFFICE_NOUNS | BODY_NOUNS):
            continue
        np = tok.head if tok.dep_ == "conj" and tok.head.dep_ == "nsubj" and tok.head.i < tok.i else tok
        if np.dep_ != "nsubj" or not (np.head.lemma_.lower() in REPORTING_VERBS or any(
                c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in REPORTING_VERBS
                for c in np.head.children)):  # "the finance minister defended the tax, telling MPs ..."
            continue
        toks = [t for t in np.subtree if not t.is_punct]
        words = _role_words(toks)  # "the transport secretary", "Spain's housing minister"
        if not toks or not words or words[0] is toks[0] or toks[-1].i != tok.i or any(not t.is_lower for t in words) and (
                not capital or toks[0].lower_ != "the" or any(not (t.is_title or t.is_lower) or t.ent_type_ in (
                    "PERSON", "GPE", "NORP") and t.lower_ not in TITLE_WORDS for t in words)):  # ("the Treasurer"
            # tagged a person)
            continue
        out.append((toks[0].idx, _text(doc, words)))
    return out


# bare posts that usually name an unnamed source rather than someone who just spoke
_SOURCE_WORDS = frozenset({"official", "diplomat", "source", "analyst", "expert", "economist", "lawmaker",
                           "officer", "member", "adviser", "advisor", "spokesperson", "spokesman", "spokeswoman"})
_NEAR_CHARS = 300

# unions of states, never "the company" whose head spoke ("The EU's tech chief, Henna Virkkunen")
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman"})
_MINISTERS = frozenset({"minister", "secretary"})  # a cabinet post, written either way
_POLITIES = frozenset({"EU", "E.U.", "UN", "U.N.", "AU", "ASEAN", "OPEC", "NATO"})

# described posts that fit any office's holder ("the Hungarian leader" for its prime minister)
_ANY_POST = frozenset({"leader", "official", "chief", "head"})


def _country_in(words: list[str]) -> str | None:
    """The country a role's words name ("Hungarian", "Poland's", "U.S."), else None."""
    from .affiliation import country_of

    for w in words:
        w = re.sub(r"['\u2019]s$", "", w)
        if w[:1].isupper() and (country := country_of(w)):
            return country
    return None


# words a text uses again for a post named before ("Japan's ambassador ..., the envoy said")
_SAME_POST = {"envoy": {"ambassador"}, "diplomat": {"ambassador", "envoy"}, "ambassador": {"envoy"},
              "lawmaker": {"mp", "mep", "senator", "congressman", "congresswoman", "representative", "legislator"},
              "legislator": {"mp", "mep", "senator", "congressman", "congresswoman", "representative", "lawmaker"},
              "parliamentarian": {"mp", "mep", "senator", "deputy", "lawmaker", "legislator"}}


def _paraphrased_post(words: list[str], held: list[str]) -> bool:
    """A post as news copy paraphrases it: "the country's top diplomat" is its foreign minister
    (or foreign secretary, secretary of state, minister of foreign affairs); ``held`` the post's
    words, lower case."""
    if words[-2:] == ["top", "diplomat"]:
        heads = {"minister", "secretary"} & set(held)
        return bool(heads) and ("foreign" in held or " ".join(held[-3:]) == "secretary of state"
                                or "external" in held)
    return False


def _post_words(text: str) -> set[str]:
    """The title words that say which post a described one is, besides its head: {"prime"} for
    "the prime minister", {"foreign"} for "the foreign minister", none for "the minister"."""
    words = [w.lower() for w in text.replace("-", " ").split()]
    return {w for w in words[:-1] if w in TITLE_WORDS and w not in ("the", "top", "senior", "chief")}


_PAST = re.compile(r"(?i)^(?:a |the )?(?:former|ex-|onetime|one-time|erstwhile|retired|then-)")


def is_past_role(role: str | None) -> bool:
    """"former hedge fund manager", "ex-minister", "a retired air force general": what they were."""
    return bool(role) and bool(_PAST.match(role))


def _shortened(written: str, held: str) -> bool:
    """"Minister Dlamini" after "the Minister of International Relations and Cooperation, Ms
    Nomvula Dlamini": a title written again with fewer words names the post given in full before
    (the same head, no word of its own), not another one."""
    short = {w for w in re.findall(r"[\w.-]+", written.lower()) if w != "the"}
    full = set(re.findall(r"[\w.-]+", held.lower()))
    return bool(short) and short < full and (role_head(written) == role_head(held) or held.lower().startswith(
        " ".join(written.lower().split()) + " and "))  # "Tánaiste" for "Tánaiste and Minister for Foreign Affairs"


def role_head(role: str) -> str:
    """The post a role names: "mayor" for "mayor of Lisbon", "minister" for "Finance Minister"."""
    words = re.split(r"\s+(?:of|at|for|in|with|to)\s+", role.lower(), maxsplit=1)[0].split()
    titled = [w for w in words if w in TITLE_WORDS]  # "minister" for "Cabinet Office minister responsible"
    return titled[-1] if titled and words[-1] not in TITLE_WORDS else words[-1] if words else ""


def _generic_head(head: Token, toks: list[Token]) -> str | None:
    """"company" for "the company", "the state-owned firm", "the Swedish carmaker": a word for a
    business with no name in it."""
    if head.pos_ != "NOUN" or head.lower_ not in ORG_NOUNS or not toks or toks[0].lower_ != "the":
        return None
    if any(t.pos_ == "PROPN" or t.i > head.i for t in toks[1:]) or len(toks) > 5:
        return None
    return head.lower_


_SEAT = re.compile(r"(?<=[a-z])\s+in\s+(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*$")


def without_seat(text: str) -> str:
    """"senior EU diplomat in Brussels" -> "senior EU diplomat": where a source sits is not who
    speaks (a place is never the speaker); "analysts at Berenberg" keeps its affiliation."""
    return _SEAT.sub("", text)


_AFTER_NOUN = re.compile(r"\s+(?:familiar with|close to|briefed on|with knowledge of|to|from|of|with|for|at|on|who|in)"
                         r"\s+[^A-Z]*$|\s+(?:involved|engaged|working|taking part)\s+(?:in|on|with)\s+.*$")


def _source_noun(text: str) -> str:
    """The noun an unnamed source is: "official" for "one EU official familiar with the talks",
    "adviser" for "an adviser to the prime minister", "ministry" for "the housing ministry"."""
    text = _AFTER_NOUN.sub("", text)
    named = re.match(r"^(?:\S+\s+)*?([a-z][\w-]*)\s+(?:to|for|of|at|from|with)\s+(?:the\s+)?[A-Z]", text)
    if named:  # "an adviser to Emmanuel Macron", "a spokesman for the SPD": an adviser, a spokesman
        return named.group(1)
    words = text.lower().split()
    return words[-1] if words else ""


# the last word of a body's name that says it is one ("... Research Centre", "... Defense Center")
_NAME_ENDS = BODY_NOUNS | ORG_NOUNS | frozenset("""center centre foundation institute trust society forum network
initiative movement watch coalition council committee confederation federation""".split())
# words before a name that say it is no place, whatever the tagger says ("think tank Bruegel", "the Lusa news
# agency"; not "party": "the governing Morena party" may be a place's name too)
_NOT_PLACE_NOUNS = frozenset({"tank", "firm", "company", "consultancy", "startup", "agency", "broadcaster",
                              "newspaper", "daily", "outlet", "lender", "insurer", "carmaker", "airline"})
# a descriptor's words that say nothing of what a body does ("the national agency", "the state lender")
_PLAIN_MODIFIERS = frozenset("""national state federal public central regional local international global
foreign domestic official main largest biggest leading private independent government""".split())
_GOVERNMENTS = frozenset({"government", "administration", "cabinet", "executive"})
# what a news agency, paper or broadcaster is called; and the words for a body of any kind
_MEDIA_NOUNS = frozenset({"newspaper", "broadcaster", "daily", "outlet", "tabloid", "weekly", "channel", "radio",
                          "television", "magazine", "wire", "paper", "website", "portal"})
_ANY_ORG = frozenset({"organisation", "organization", "group"})


def _model_code(name: str) -> bool:
    """``name`` ends with a product's model ("Saab Gripen E", "Dassault Rafale F4", "Airbus A400M"): a
    word with a digit after its first, or a single capital letter last (a person's initial never is)."""
    words = name.split()
    return len(words) > 1 and (any(ch.isdigit() for w in words[1:] for ch in w) or len(words[-1]) == 1)


def _strip_det(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in ("the", "a", "an") else text


def _abbreviates(letters: str, name: str) -> bool:
    """``letters`` are the initials of ``name``'s words: every capitalised word gives its initial,
    a small word ("of", "for", "and") may ("ECB", "OBR", "ECOWAS")."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ("the", "'s", "\u2019s")]
    if len(words) < 2 or sum(1 for w in words if w[:1].isupper()) < 2:
        return False

    def fits(i: int, k: int) -> bool:
        if k == len(letters):  # (what is left is small words, or the country the name ends with:
            return all(not w[:1].isupper() for w in words[i:]) or (  # "MFA" of the "Ministry of Foreign
                i + 1 < len(words) and words[i] in ("of", "in") and country_word(" ".join(words[i + 1:])))  # Affairs of Georgia")
        if i == len(words):
            return False
        word = words[i]
        if word[:1].upper() == letters[k] and fits(i + 1, k + 1):
            return True
        return not word[:1].isupper() and fits(i + 1, k)
    return fits(0, 0)


_CONNECTORS = frozenset({"of", "and", "for", "on", "de", "du", "des", "the", "'s", "\u2019s", "-"})
_NUMBER_VALUES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                  "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}


def _numbered(acronym: str, name: str) -> bool:
    """"Go8" is the "Group of Eight", "G7" the "Group of Seven": the letters are the initials of the
    name's words (its small words optional) and the number is its last word."""
    letters, number = re.fullmatch(r"([A-Za-z]+)(\d+)", acronym).groups()
    words = name.split()
    if len(words) < 2 or _NUMBER_VALUES.get(words[-1].lower()) != int(number):
        return False
    every = "".join(w[0] for w in words[:-1]).upper()
    capitals = "".join(w[0] for w in words[:-1] if w[:1].isupper()).upper()
    return letters.upper() in (every, capitals)


def _capital(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(ch.isalpha() for ch in tok.text) and tok.ent_type_ not in _NOT_NAME_ENTS


# the words linking a body's name to its complement in the languages news copy leaves untranslated
# ("Banco Central do Brasil", "Bundesanstalt für Arbeit", "Banca d'Italia"), and the articles after
# them ("Banco Central de la República Argentina", "Cour de l'Union")
_FOREIGN_LINKS = frozenset({"do", "da", "dos", "das", "del", "della", "delle", "dello", "degli", "di", "der", "für",
                            "van", "von", "ng"})  # (Filipino "ng": "Bangko Sentral ng Pilipinas")
_FOREIGN_ARTICLES = frozenset({"la", "las", "los", "le", "les", "el", "l'", "l’", "the"})
_NUMBER_WORDS = frozenset("""two three four five six seven eight nine ten eleven twelve fifteen twenty""".split())


def _name_goes_on(doc: Doc, k: int, link: Token) -> bool:
    """The word at ``k`` continues a body's name after ``link`` ("of", "do", "de la"): a capitalised
    word, a number word after "of" ("Group of Eight", "Group of Seven"), or an elided article with
    its capitalised noun ("d'État", "d'Ivoire")."""
    if k >= len(doc):
        return False
    tok = doc[k]
    return _capital(tok) or link.lower_ == "of" and tok.text[:1].isupper() and tok.lower_ in _NUMBER_WORDS or (
        _elided(tok))


def _elided(tok: Token) -> bool:
    """"d'État", "l'Union": an elided article or link with the capitalised word it belongs to."""
    return tok.text[:1] in "dl" and tok.text[1:2] in "'\u2019" and tok.text[2:3].isupper()


def _body_names(doc: Doc) -> list[tuple[int, str]]:
    """Capitalised names of two or more words with a proper noun in them ("European Court of
    Justice", "Chile's Foreign Ministry", "Port of Antwerp-Bruges"), as (char offset, name)."""
    out = []
    i, n = 0, len(doc)
    while i < n:
        if not _capital(doc[i]):
            i += 1
            continue
        j = last = i
        while j + 1 < n:
            nxt = doc[j + 1]
            if nxt.text in ("'", "\u2019") and doc[j].text.endswith("s") and not doc[j].whitespace_ and j + 2 < n and (
                    _capital(doc[j + 2]) and doc[j + 2].text != "-") and doc[j].ent_type_ not in _PLACE_ENTS and not (
                    _is_title(doc[j + 2]) or country_word(doc[j].text)):  # (not "the Bahamas' Minister of ...")
                j = last = j + 2  # "Unified Workers' Central", "National Teachers' Association"
            elif _capital(nxt) and (nxt.text != "-") or _elided(nxt) or j > i and (
                    doc[j].lower_ in _CONNECTORS | _FOREIGN_LINKS | _FOREIGN_ARTICLES) and _name_goes_on(doc, j + 1, doc[j]):
                j = last = j + 1
            elif (nxt.lower_ in _CONNECTORS | _FOREIGN_LINKS or nxt.lower_ == "to" and any(  # "Delegation of the
                    t.lower_ in _ENVOY_BODIES for t in doc[i:j + 1])) and j + 2 < n and (  # European Union to Canada"
                    _name_goes_on(doc, j + 2, nxt) or doc[j + 2].lower_ in _FOREIGN_ARTICLES and (
                        _name_goes_on(doc, j + 3, doc[j + 2]))) and (
                    nxt.text != "-" or not (nxt.whitespace_ or doc[j].whitespace_)):
                j += 1
            elif nxt.lower_ in _FOREIGN_ARTICLES - {"the"} and doc[j].lower_ in _CONNECTORS | _FOREIGN_LINKS and (
                    _name_goes_on(doc, j + 2, nxt)):
                j += 1  # "de la", "de los": the article after the link
            else:
                break
        listed = _portfolio_list(doc, i, last)
        if listed is not None:  # "Ministry of Agriculture, Fisheries and Food"
            last = listed
        toks = [t for t in doc[i:last + 1]]
        while toks and (toks[0].lower_ in ("the", "a", "an") or toks[0].pos_ in ("CCONJ", "SCONJ", "ADV", "PRON", "AUX")):
            toks.pop(0)  # ("But the National Union of ...": a sentence's first word is no part of the name)
        toks = _body_without_post(toks)
        if len(toks) >= 2 and any(t.pos_ == "PROPN" for t in toks):
            out.append((toks[0].idx, _text(doc, toks)))
        i = last + 1
    return out


# bodies named for whom they represent and where: "Delegation of the European Union to Canada",
# "Permanent Mission of India to the United Nations"
_ENVOY_BODIES = frozenset({"delegation", "mission", "embassy", "representation", "consulate"})
# posts and bodies whose names list their portfolio: "Ministry of Agriculture, Fisheries and Food",
# "Minister of Foreign Affairs, European Union and Cooperation", "Committee on Banking, Insurance and ..."
_PORTFOLIO_HEADS = frozenset({"ministry", "department", "minister", "secretary", "committee"})
# bodies named for their remit, listed the same way ("Federal Authority for Identity, Citizenship, Customs
# and Port Security", "Agency for Roads, Bridges and Tunnels"), whose items name fields, not places or
# people ("the Council of Europe, France and Germany" are three)
_REMIT_BODIES = frozenset({"authority", "agency", "commission", "council", "bureau", "office", "board",
                           "directorate", "institute", "centre", "center", "service"})


def _post_word(tok: Token) -> bool:
    return tok.lower_ in TITLE_WORDS and tok.lower_ not in BODY_NOUNS and tok.lower_ not in OFFICE_NOUNS


def _body_without_post(toks: list[Token]) -> list[Token]:
    """A body's name without the post written with it: "Governor of the Bank of Ghana" is the Bank of
    Ghana's governor, "Bangladesh Bank Governor Dr Farhana Rahman" the bank and its governor."""
    words = [t.lower_ for t in toks]
    if len(toks) > 3 and _post_word(toks[0]) and words[1] in ("of", "at") and set(words[2:]) & BODY_NOUNS:
        toks = toks[2:]
        while toks and toks[0].lower_ == "the":
            toks = toks[1:]
    for k in range(1, len(toks) - 1):
        if _post_word(toks[k]) and {t.lower_ for t in toks[:k]} & BODY_NOUNS and all(
                t.text[:1].isupper() for t in toks[k + 1:]) and any(
                t.ent_type_ == "PERSON" or t.lower_ in HONORIFICS or first_name_gender(t.text) for t in toks[k + 1:]):
            return toks[:k]
    return toks


def _remit_word(tok: Token) -> bool:
    """A word of a remit's item ("Roads", "Port Security"), not a place, a day or a given name (the
    tagger's PERSON is no guide here: it calls "Bridges" and "Tunnels" people)."""
    return tok.ent_type_ not in ("GPE", "LOC", "NORP", "DATE", "TIME") and tok.lower_ not in _WEEKDAY_NAMES and (
        first_name_gender(tok.text) is None)


def _portfolio_list(doc: Doc, first: int, last: int) -> int | None:
    """The end of a portfolio listed after a ministry's "of"/"for"/"on" ("Ministry of Agriculture,
    Fisheries and Food"): capitalised items after commas, the last after "and"; None when the
    name at ``first``..``last`` is no such name or no such list follows."""
    words = [t.lower_ for t in doc[first:last + 1]]
    strict = not set(words) & _PORTFOLIO_HEADS  # (a remit body: its items must be fields)
    if strict and not set(words) & _REMIT_BODIES or not set(words) & {"of", "for", "on"} or words[-1] in _CONNECTORS:
        return None
    k, n = last + 1, len(doc)
    while k < n and doc[k].text == ",":
        m = k + 1
        while m < n and (_capital(doc[m]) or doc[m].lower_ in ("of", "the") and m + 1 < n and _capital(doc[m + 1])):
            if strict and _capital(doc[m]) and not _remit_word(doc[m]):
                return None
            m += 1
        if m == k + 1 or m - k > 5:
            return None
        if m < n and doc[m].lower_ == "and" and m + 1 < n and _capital(doc[m + 1]):
            m += 1
            while m < n and _capital(doc[m]):
                if strict and not _remit_word(doc[m]):
                    return None
                m += 1
            return m - 1
        k = m
    return None


# a body's head noun in the language its name is written in, and the English noun a report then
# describes it by ("Banque du Liban" ... "the bank", "Cámara de Comercio" ... "the chamber")
_NOUN_IN_ENGLISH = {
    "banque": "bank", "banco": "bank", "banca": "bank", "banka": "bank", "bankası": "bank",
    "chambre": "chamber", "cámara": "chamber", "camara": "chamber", "câmara": "chamber", "kammer": "chamber",
    "cour": "court", "corte": "court", "tribunale": "court", "gericht": "court",
    "conseil": "council", "consejo": "council", "consiglio": "council", "conselho": "council",
    "ministère": "ministry", "ministerio": "ministry", "ministero": "ministry", "ministério": "ministry",
    "ministerium": "ministry", "comisión": "commission", "commissione": "commission", "comissão": "commission",
    "agence": "agency", "agencia": "agency", "agenzia": "agency", "agência": "agency",
    "autorité": "authority", "autoridad": "authority", "autorità": "authority", "autoridade": "authority",
    "université": "university", "universidad": "university", "università": "university",
    "universidade": "university", "universität": "university", "parti": "party", "partido": "party",
    "partito": "party", "partei": "party", "assemblée": "assembly", "asamblea": "assembly",
    "institut": "institute", "instituto": "institute", "istituto": "institute",
    "bangko": "bank", "benki": "bank", "kementerian": "ministry", "kementrian": "ministry", "mahkamah": "court",
}
_NAME_LINKS = frozenset({"of", "for", "on", "de", "du", "des", "del", "di", "da", "do", "della", "für", "der", "d'",
                         "ng"})
_SPEAKING_NOUNS = BODY_NOUNS | ORG_NOUNS


# a body's noun at the end of one word of its name in German and the Nordic languages ("Bundesbank",
# "Riksbank", "Bundesverfassungsgericht", "Handelskammer"), and the English noun a report uses for it
_COMPOUND_ENDS = {"bank": "bank", "gericht": "court", "kammer": "chamber", "ministerium": "ministry",
                  "partei": "party", "verband": "association"}


def _plain(text: str) -> str:
    """``text`` without its accents: "Unión Industrial" is "the industrial union"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@lru_cache(maxsize=4096)
def _name_nouns(name: str) -> frozenset[str]:
    """The words of a body's name, lower-cased, and each two written as one: "the coastguard" is
    the "China Coast Guard", "the airline" "Air Line Pilots"; its head noun (the word before "of",
    else the last) in the singular: "the chamber" is "Dubai Chambers", "the port" "Ports of
    Auckland" (not "Association of Banks" for "the bank"); a body's noun of another language in
    English: "the bank" is "Banque du Liban", "Banque Misr"."""
    words = _plain(name.lower()).replace("-", " ").split()
    if not words:
        return frozenset()
    nouns = set(words) | {a + b for a, b in zip(words, words[1:])}
    nouns |= {noun for w in words for end, noun in _COMPOUND_ENDS.items()  # "Deutsche Bundesbank": "the bank"
              if w.endswith(end) and len(w) >= len(end) + 3}
    at = next((k for k, w in enumerate(words) if w in _NAME_LINKS or w.startswith("d'")), len(words))
    head = words[at - 1] if at > 0 else words[-1]
    nouns |= {_NOUN_IN_ENGLISH[w] for w in words if w in _NOUN_IN_ENGLISH}  # (also "Banque Misr")
    if head.endswith("ies") and head[:-3] + "y" in _SPEAKING_NOUNS:
        head = head[:-3] + "y"  # ("Industries", "Authorities")
    elif head.endswith("s") and head[:-1] in _SPEAKING_NOUNS:
        head = head[:-1]  # ("Chambers", "Ports", "Airlines"), not "Nations"
    return frozenset(nouns | {head})


def _descriptor_head(text: str) -> str | None:
    """"court" for "court", "top court", "The court"; None for names and longer phrases."""
    words = _strip_det(text).split()
    if not words or len(words) > 3 or any(not w.isalpha() or not w.islower() for w in words[1:]):
        return None
    head = words[-1].lower()
    if len(words) == 1 and not words[0][1:].islower() or len(words) > 1 and words[0][:1].isupper() and (
            "-" not in words[0]):  # a name ("BBC"), or a body named with its own ("Welsh government"),
        return None  # not one described ("the Geneva-based organization")
    return head if head.isalpha() and head not in TITLE_WORDS - BODY_NOUNS else None
