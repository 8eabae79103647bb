"""Excel workbook for editors: Claims, Articles, Speakers, Summary (and Stance changes when db has them),
and Agreement when some article was annotated blind by two annotators or more.

The Claims sheet carries each claim's id and (in a hidden column) its version,
so that ``exports.excel_import`` can read editors' changes back and refuse rows
whose claim changed in the project after the export. A split quote's Content is its
fragments joined with " … " (the attribution between them left out).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter

from db import ClaimFilter, Project
from db.agreement import project_agreement
from kernel import STANCE_LABELS, STANCES, STATUSES, STRENGTH_LABELS, VERDICT_RATINGS

from .common import (
    context_of,
    Cancel, Cancelled, ExportError, ExportSummary, Progress, Scope, Ticker, finish,
    quote_text, replaced,
)
from .xlsx_stream import BOLD, Column, ListValidation, Workbook

# Headers of the Claims sheet that the round trip reads back; do not rename.
CLAIM_ID, VERSION = "Claim ID", "Version"
STANCE, VERDICT, EXPLANATION, EVIDENCE = "Stance", "Verdict", "Explanation", "Evidence URL"
VERDICT_DATE, NOTE, STATUS = "Verdict date", "Note", "Status"
CONTEXT = "Context (sentence around the claim)"
CLAIM_COLUMNS = [
    Column(CLAIM_ID, 9), Column("Article", 32), Column("Publisher", 18), Column("Article URL", 30, link=True),
    Column("Published", 12), Column("Content", 60, wrap=True), Column(CONTEXT, 60, wrap=True), Column("Kind", 9), Column("Speaker", 22),
    Column("Role", 22), Column("Statement date", 14), Column("Date phrase", 16), Column(STANCE, 10),
    Column("Topic", 24), Column(VERDICT, 14), Column(EXPLANATION, 40, wrap=True), Column(EVIDENCE, 28, link=True),
    Column(VERDICT_DATE, 12), Column(NOTE, 30, wrap=True), Column(STATUS, 11), Column("Annotator", 14),
    Column("Updated (UTC)", 17), Column(VERSION, 8, hidden=True),
]
EDITABLE = {STANCE: "stance", VERDICT: "verdict_rating", EXPLANATION: "verdict_explanation",
            EVIDENCE: "verdict_url", VERDICT_DATE: "verdict_date", NOTE: "note", STATUS: "status"}
NO_STANCE = "(none)"
CONTEXT_WIDTH = 600  # code points of context at most: the sentence around the claim, cut at sentence ends
READ_BACK_TITLE = "Columns of the Claims sheet that `quotedesk import-xlsx` reads back"
EXCEL_ROWS = 1_048_576  # rows in a sheet, the header included


def _day(iso: str | None) -> dt.date | None:
    return None if iso is None else dt.date.fromisoformat(iso)


def _moment(iso: str | None) -> dt.datetime | None:
    return None if iso is None else dt.datetime.fromisoformat(iso)


def _index(header: str) -> int:
    return [c.header for c in CLAIM_COLUMNS].index(header) + 1


def export_xlsx(project: Project, path, *, claim_filter: ClaimFilter | None = None, statuses=None,
                article_id: int | None = None, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> ExportSummary:
    """Write the editors' workbook. Scope: everything, some statuses, one article or a claims-table filter."""
    started = time.perf_counter()
    scope = Scope.of(claim_filter, statuses, article_id).checked(project)
    total = project.count_claims(scope.claim_filter)
    if total >= EXCEL_ROWS:
        raise ExportError(f"{total:,} claims do not fit in one Excel sheet ({EXCEL_ROWS - 1:,} rows at most); "
                          "export confirmed claims only, one article or a filter, or use CSV or JSON.")
    ticker = Ticker(total, progress, cancelled)
    summaries = {a.id: a for a in project.articles()}
    book = Workbook()
    claims_sheet = book.add_sheet("Claims", CLAIM_COLUMNS)
    by_article: Counter[int] = Counter()
    by_speaker: dict[str, Counter[str]] = {}
    by_topic: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    speaker_counts: Counter[int] = Counter()
    ratings = dict.fromkeys(VERDICT_RATINGS)
    text_of: list = [None, ""]  # the article whose text is at hand, and its text
    try:
        for v in project.stream_claim_values(scope.claim_filter):
            art = summaries.get(v.article_id)
            url = art.url if art else None
            speaker, stance, evidence = v.speaker, v.stance, v.verdict_url
            if v.article_id != text_of[0]:  # claims arrive article by article: one text read per article
                text_of[:] = [v.article_id, project.article(v.article_id).text]
            claims_sheet.append([
                v.id, v.article_title, art.publisher if art else None, (url, url), _day(v.article_published),
                quote_text(v.content_text, v.fragments), context_of(text_of[1], v.start, v.end), v.kind, speaker,
                v.role, _day(v.date), v.date_text, STANCE_LABELS.get(stance) if stance else None, v.topic,
                v.verdict_rating, v.verdict_explanation,
                (evidence, evidence), _day(v.verdict_date), v.note, v.status, v.annotator, _moment(v.updated_at),
                v.version,
            ])
            by_article[v.article_id] += 1
            by_speaker.setdefault(speaker or "(no speaker)", Counter())[stance or NO_STANCE] += 1
            by_topic[v.topic or "(no topic)"] += 1
            by_status[v.status] += 1
            if v.speaker_id is not None:
                speaker_counts[v.speaker_id] += 1
            if v.verdict_rating:
                ratings.setdefault(v.verdict_rating)
            if ticker.step():
                raise Cancel
        _validations(claims_sheet, ratings)
        article_ids = _article_ids(scope, summaries, by_article)
        _articles_sheet(book, [summaries[i] for i in article_ids if i in summaries], by_article)
        _speakers_sheet(project, book, scope, speaker_counts)
        _summary_sheet(book, scope, by_speaker, by_topic, by_status, ticker.done)
        _stance_changes_sheet(project, book)
        _agreement_sheet(project, book, scope)
        with replaced(path) as part:
            book.save(part)
    except Cancel:
        book.discard()
        return finish("xlsx", path, started, claims=ticker.done, articles=len(by_article), cancelled=True)
    except BaseException:
        book.discard()
        raise
    ticker.finish()
    warnings = []
    if book.stats.replaced:
        warnings.append(f"{book.stats.replaced} cell(s) had control characters Excel cannot store; "
                        "they were replaced with �.")
    if book.stats.truncated:
        warnings.append(f"{book.stats.truncated} cell(s) were longer than Excel's 32,767-character limit "
                        "and were cut (marked “[cut: …]”); the JSON export keeps them whole.")
    return finish("xlsx", path, started, claims=ticker.done, articles=len(article_ids), warnings=warnings)


def _article_ids(scope: Scope, summaries: dict, by_article: Counter) -> list[int]:
    if scope.claim_filter.article_id is not None:
        return [scope.claim_filter.article_id]
    if scope.narrowed:
        return sorted(by_article)
    return sorted(summaries)


def _validations(sheet, ratings: dict) -> None:
    values = []
    for rating in ratings:  # a list validation holds at most 255 characters
        if "," not in rating and len(",".join([*values, rating])) <= 250:
            values.append(rating)
    sheet.validations += [
        ListValidation(_index(STANCE), tuple(STANCE_LABELS[s] for s in STANCES)),
        ListValidation(_index(STATUS), STATUSES),
        ListValidation(_index(VERDICT), tuple(values), strict=False),
    ]


def _articles_sheet(book: Workbook, articles: list, by_article: Counter) -> None:
    sheet = book.add_sheet("Articles", [
        Column("Article ID", 10), Column("Title", 50, wrap=True), Column("Publisher", 20),
        Column("URL", 36, link=True), Column("Published", 12), Column("Claims exported", 10),
        Column("Suggested", 10), Column("Confirmed", 10), Column("Rejected", 10), Column("Done", 8),
    ])
    for a in articles:
        sheet.append([a.id, a.title, a.publisher, (a.url, a.url), a.published, by_article.get(a.id, 0),
                      a.suggested, a.confirmed, a.rejected, "yes" if a.done else "no"])


def _role_text(role) -> str:
    span = ""
    if role.start or role.end:
        span = f" ({role.start.isoformat() if role.start else '…'} – {role.end.isoformat() if role.end else 'now'})"
    return role.role + span


def _speakers_sheet(project: Project, book: Workbook, scope: Scope, counts: Counter) -> None:
    sheet = book.add_sheet("Speakers", [
        Column("Speaker ID", 10), Column("Name", 26), Column("Aliases", 30, wrap=True),
        Column("Roles", 44, wrap=True), Column("Affiliation", 24), Column("Claims", 9),
    ])
    for sp in project.speakers():
        if scope.narrowed and sp.id not in counts:
            continue
        sheet.append([sp.id, sp.name, "; ".join(sp.aliases), "; ".join(_role_text(r) for r in sp.roles),
                      sp.affiliation, counts.get(sp.id, 0)])


def _summary_sheet(book: Workbook, scope: Scope, by_speaker, by_topic, by_status, total: int) -> None:
    sheet = book.add_sheet("Summary", [Column("", 30)] + [Column("", 11)] * 5, header=False)
    f = scope.claim_filter
    sheet.append(["Quotedesk export", dt.datetime.now(dt.UTC).replace(tzinfo=None)], style=None)
    sheet.append(["Claims exported", total])
    if f.statuses:
        sheet.append(["Statuses", ", ".join(f.statuses)])
    if f.article_id is not None:
        sheet.append(["Article", f.article_id])
    sheet.append([])
    stances = [*STANCES, NO_STANCE]
    sheet.append(["Claims by speaker and stance", *(STANCE_LABELS.get(s, s) for s in stances), "Total"], style=BOLD)
    for name, counter in sorted(by_speaker.items(), key=lambda kv: (-sum(kv[1].values()), kv[0].casefold())):
        sheet.append([name, *(counter.get(s, 0) for s in stances), sum(counter.values())])
    sheet.append([])
    sheet.append(["Claims by topic", "Claims"], style=BOLD)
    for name, n in by_topic.most_common():
        sheet.append([name, n])
    sheet.append([])
    sheet.append(["Claims by status", "Claims"], style=BOLD)
    for status in STATUSES:
        sheet.append([status, by_status.get(status, 0)])
    sheet.append([])
    sheet.append([READ_BACK_TITLE], style=BOLD)
    sheet.append([", ".join(EDITABLE)])
    sheet.append(["Edits in the other columns are not read back: make those in Quotedesk "
                  "(import-xlsx lists the edits it finds in Speaker, Role and Topic)."])


STANCE_CHANGE_COLUMNS = [
    Column("Topic", 24), Column("Who", 24), Column("Same", 12), Column("Change", 26),
    Column("Before: date", 12), Column("Before: stance", 11), Column("Before: speaker", 22),
    Column("Before: role", 22), Column("Before: quote", 50, wrap=True), Column("Before: article", 30, wrap=True),
    Column("After: date", 12), Column("After: stance", 11), Column("After: speaker", 22),
    Column("After: role", 22), Column("After: quote", 50, wrap=True), Column("After: article", 30, wrap=True),
    Column("Before: claim", 9), Column("After: claim", 9),
]


def _stance_changes_sheet(project: Project, book: Workbook) -> None:
    """Where a speaker, or the speakers of one affiliation, changed stance: a line saying so, then the rows."""
    changes = project.stance_changes()
    sheet = book.add_sheet("Stance changes", STANCE_CHANGE_COLUMNS, header=False)
    sheet.append(["Where one speaker, or the speakers of one affiliation, changed stance on a topic between "
                  "confirmed claims: reversals (in favour ↔ against) first, softer shifts to or from neutral "
                  "after; the earlier claim on the left, the later on the right. Two claims of one article on "
                  "one day are not counted."], style=BOLD)
    sheet.append([c.header for c in STANCE_CHANGE_COLUMNS], style=BOLD)
    if not changes:
        sheet.append(["No stance changes among the confirmed claims yet."])
    for c in changes:
        sides = []
        for p in (c.before, c.after):
            sides += [p.date, STANCE_LABELS.get(p.stance, p.stance), p.speaker, p.role, p.quote,
                      " · ".join(x for x in (p.article_title, p.publisher, p.article_url) if x) or None]
        sheet.append([c.topic, c.group, "speaker" if c.basis == "speaker" else "affiliation",
                      STRENGTH_LABELS[c.strength], *sides, c.before.claim_id, c.after.claim_id])


AGREEMENT_COLUMNS = [
    Column("Scope", 13), Column("Article ID", 10), Column("Article", 40, wrap=True), Column("Annotators", 26, wrap=True),
    Column("Claims", 8), Column("Span F1 (partial)", 11, decimal=True), Column("Span F1 (exact)", 11, decimal=True),
    Column("Same speaker", 11, decimal=True),
    Column("Stance κ (Cohen)", 11, decimal=True), Column("Stance α (Krippendorff)", 13, decimal=True),
    Column("Stance: claims compared", 11),
    Column("Verdict κ (Cohen)", 11, decimal=True), Column("Verdict α (Krippendorff)", 13, decimal=True),
    Column("Verdict: claims compared", 11),
]
AGREEMENT_INTRO = (
    "How far the annotators agree, in their private layers (blind annotation), before adjudication. "
    "Only the final claims are in the other sheets.",
    "Span F1: the share of claims both marked (partial: overlapping by half or more; exact: the same words). "
    "Same speaker: of the claims both marked.",
    "κ and α on stance and verdict of the claims both marked and labelled: 1 = full agreement, 0 = no better "
    "than chance, below 0 = worse. Empty: cannot be computed (no claims, or one label only).",
    "The first row pools all articles' claims together (not an average of the articles); one row per pair of "
    "annotators follows, then one per article.",
)


def _agreement_sheet(project: Project, book: Workbook, scope: Scope) -> None:
    """Agreement between annotators, only when some article (of the one exported) has two layers or more."""
    annotated = project.annotated_articles()
    if scope.claim_filter.article_id is not None:
        annotated = [a for a in annotated if a == scope.claim_filter.article_id]
    if not annotated:
        return
    result = project_agreement(project, annotated)
    sheet = book.add_sheet("Agreement", AGREEMENT_COLUMNS, intro=AGREEMENT_INTRO)

    def figures(item, kappa_stance, kappa_verdict, alpha=True):
        return [item.f1_partial, item.f1_exact, item.speaker,
                kappa_stance, item.stance.alpha if alpha else None, item.stance.n,
                kappa_verdict, item.verdict.alpha if alpha else None, item.verdict.n]

    sheet.append(["All articles", None, f"{len(result.articles)} article(s)", ", ".join(result.annotators),
                  sum(sum(a.claims) for a in result.articles),
                  *figures(result, result.kappa("stance"), result.kappa("verdict"))], style=None)
    for p in result.pairs:
        sheet.append(["Pair", None, f"{p.articles} article(s) both annotated", f"{p.a} and {p.b}",
                      p.claims_a + p.claims_b, *figures(p, p.stance.kappa, p.verdict.kappa, alpha=False)])
    for a in result.articles:
        sheet.append(["Article", a.article_id, a.title or "(untitled)",
                      ", ".join(f"{n} ({c})" for n, c in zip(a.annotators, a.claims)), sum(a.claims),
                      *figures(a, a.kappa("stance"), a.kappa("verdict"))])
