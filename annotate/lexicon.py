"""Word lists describing English news reporting (cues, titles, offices, pronouns)."""
from __future__ import annotations

# Verbs that introduce what someone said, by lemma.
REPORTING_VERBS = frozenset("""
say tell add note warn deny confirm claim state announce insist argue explain write report
declare stress emphasize emphasise acknowledge admit assert maintain suggest predict reply
respond comment recall remark reiterate urge caution concede contend allege estimate promise
pledge vow threaten complain observe testify affirm reaffirm disclose reveal indicate tweet
post agree mention signal clarify specify recount question charge counter conclude stated
underline highlight assure remind inform retort proclaim hint forecast confide rule
""".split())
# Phrasal reporting verbs: lemma and particle ("pointed out that ...").
PHRASAL_REPORTING = frozenset({("point", "out")})

# Verbs whose content is a to-infinitive: intentions ("plans to run", "wants his party to work")
# and directives, which need an addressee ("urged surrogates to parrot ...", "asked him to leave").
INTENTION_VERBS = frozenset({"want", "plan", "intend", "aim", "seek", "refuse", "hope", "expect", "vow",
                             "pledge", "promise", "threaten", "decide", "agree", "offer", "try"} - {"try"})
DIRECTIVE_VERBS = frozenset({"urge", "ask", "tell", "encourage", "advise", "implore", "press", "order",
                             "instruct", "invite", "warn", "call"})
# Verbs whose content may be their object noun phrase ("denied the reports", "praised Fields for
# pursuing charges", "supports raising the minimum wage").
OBJECT_VERBS = frozenset("""deny announce cite praise criticize criticise support oppose condemn reject
dismiss welcome confirm acknowledge admit tweet propose back endorse blame accuse defend applaud
attack slam blast predict denounce hail decry question dispute""".split())

# Nouns of speech that carry their content in a that-clause ("Trump's claim that ...", "a New
# York Times report that ..."): a claim when the noun has an owner who is the source.
SPEECH_NOUNS = frozenset("""claim claims assertion allegation allegations warning warnings promise
pledge statement suggestion insistence argument announcement report reports accusation charge
admission denial prediction threat""".split())

# Verbs that report a finding only when a document is their subject ("the study found that").
FINDING_VERBS = frozenset({"find", "show", "conclude", "reveal", "suggest", "estimate"})
DOCUMENT_NOUNS = frozenset("""study report survey poll analysis research review investigation audit
inquiry paper data assessment probe research census forecast findings trial polls surveys polling
email emails document documents record records figure figures statistic statistics result results
evidence memo memos draft drafts""".split())

# Verbs that attribute a quotation but not reported speech ("Why now?" she asked).
QUOTE_ONLY_VERBS = frozenset("""ask shout joke quip continue exclaim laugh sigh write
recall reply respond fume rage blast slam boast gush scoff snap plead beg cry scream yell
whisper mutter chuckle confess muse marvel enthuse tell""".split())

# Reporting verbs that never take a clause but an object and its predicate ("X called Y premature").
CALL_VERBS = frozenset({"call", "label", "describe", "brand", "term", "dub", "blast", "slam", "dismiss",
                        "hail", "denounce", "condemn", "praise", "criticize", "criticise", "decry"})

# Nouns that can "say" or "read" on someone's behalf.
STATEMENT_NOUNS = frozenset("""
statement release communique communiqué letter message post note memo report readout
announcement notice tweet transcript decree document filing text circular bulletin declaration submission
""".split())
STATEMENT_ONLY_CUES = frozenset({"read"})  # "a statement ... read"

# Heads that speak for an owner: "Meloni's office", "the ministry's spokesperson".
OFFICE_NOUNS = frozenset("""
office spokesperson spokesman spokeswoman spokespeople representative representatives
campaign team press lawyer lawyers attorney attorneys aide aides staff administration
cabinet ministry government
""".split())

# Words that make up titles and roles ("Deputy Prime Minister", "chief executive").
TITLE_WORDS = frozenset("""
president president-elect vice minister prime deputy secretary chancellor senator sen. rep.
representative congressman congresswoman gov. governor mayor general gen. lt. col. colonel
commander chief head director ambassador spokesperson spokesman spokeswoman chairman
chairwoman chair chairperson ceo cfo coo executive leader speaker king queen prince princess
pope judge justice attorney prosecutor professor prof. dr. sheriff lieutenant admiral sergeant
treasurer whip envoy diplomat adviser advisor commissioner official officer analyst
economist expert lawmaker legislator parliamentarian councilor assemblyman assemblywoman mp mep founder co-founder coach captain member councillor
councilman councilwoman premier emir sultan president-elect defense defence foreign interior
finance economy economic health justice home trade energy agriculture education labor labour
environment transport culture state national security military army navy air force staff
general-secretary secretary-general mr. mrs. ms. sir lord lady elect chief-of-staff
archbishop bishop cardinal rabbi imam sheikh ayatollah marshal inspector superintendent
detective constable commissioner auditor registrar dean provost rector principal manager
partner owner researcher scientist author historian journalist editor correspondent
reporter columnist host anchor candidate nominee challenger incumbent contender affairs
td msp mla taoiseach tánaiste fm
mk mpp mna mlc
deputy-head vice-president vice-chancellor first lady counterpart negotiator mediator undersecretary
under-secretary convenor convener co-convenor rapporteur co-rapporteur coordinator co-ordinator delegate
""".split())  # (mk mpp mna mlc: a Knesset member, Ontario's MPP, Pakistan's MNA, a Legislative Council member)

# Honorifics are not roles.
HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss", "sir", "dame", "dr.", "dr",
                        "prof.", "sheikh", "sheikha", "prince", "princess", "excellency",
                        "datuk", "dato", "dato'", "dato’", "datin", "seri",
                        "hon.", "hon", "rt", "rt.", "honourable", "honorable", "engr.", "alhaji", "h.e."})  # (Malaysian
# honours before a name; "Rt Hon", "Hon" of Westminster parliaments)
# Office heads that are people speaking for someone ("a spokesman for the ministry").
SPOKES_NOUNS = frozenset("""spokesperson spokesman spokeswoman spokespeople representative
representatives lawyer lawyers attorney attorneys aide aides adviser advisers""".split())

PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "him", "her", "them"})
NON_SPEAKER_WORDS = frozenset(
    {"it", "this", "that", "which", "what", "who", "there", "these", "those", "something",
     "nothing", "anything", "everything", "one"}
)

OPEN_QUOTES = {'"': '"', "\u201c": "\u201d", "\u2018": "\u2019", "'": "'", "\u00ab": "\u00bb",
               "\u201e": "\u201c"}
QUOTE_CHARS = frozenset('"\'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e')

# Heads of the names of bodies that a text later calls by that head alone ("the court", "the
# ministry", "the university"): a descriptor resolves to the body named earlier with that word.
BODY_NOUNS = frozenset("""court tribunal ministry commission council committee parliament assembly
university institute agency bank fund port authority office department bureau union party
federation association chamber board police army navy service organization organisation
government administration senate congress""".split())

# Generic heads that refer back to an organisation named earlier ("the company said").
ORG_NOUNS = frozenset("""company firm group bank carmaker automaker retailer airline insurer
manufacturer lender startup giant conglomerate club party agency organisation organization
charity union association operator broadcaster publisher developer supplier utility maker
chipmaker miner producer exporter refiner distributor provider brand chain business corporation
parent subsidiary""".split())


def _forms(lemma: str) -> set[str]:
    """Past and third-person forms of a regular verb ("fume" -> "fumed", "fumes")."""
    if lemma.endswith("e"):
        return {lemma + "d", lemma + "s"}
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "o", "u"):
        return {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    forms = {lemma + "ed", lemma + ("es" if lemma.endswith(("sh", "ch", "s", "x")) else "s")}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms.add(lemma + lemma[-1] + "ed")  # "snap" -> "snapped", "admit" -> "admitted"
    return forms


# Written forms of quote verbs, for the word right after a quote when the parser mislabels it
# ('"They robbed us," raged the striker': "raged" parsed as a form of "rag").
QUOTE_VERB_FORMS = frozenset(f for lemma in QUOTE_ONLY_VERBS | REPORTING_VERBS for f in _forms(lemma)) | {
    "said", "says", "told", "tells", "wrote", "writes"}
