"""Export speed and memory on a large project: prints figures.

    python3 benchmarks/bench_export.py [ARTICLES] [CLAIMS_PER_ARTICLE] [--keep DIR] [--xlsxwriter]

Builds a project with 10,000 articles and 100,000 claims (by default) through
``Project.load_bulk``, then exports it to xlsx and JSON (targets: ≤ 15 s and
≤ 3 s), each in a fresh process so that its peak memory is its own. Prints
wall time and CPU time (the machine may be shared), the peak resident memory
of the exporting process (ru_maxrss, above its size after opening the
project) and, in a second run under tracemalloc, the peak of Python
allocations. The last line times ``Project.stance_changes()`` alone, which
both exports include (its "claims" column counts stance changes).

``--xlsxwriter`` adds a row "xlsxwriter-min": the Claims sheet's cells alone
written with XlsxWriter (constant_memory, as its documentation advises for large
files) and nothing else: no links, no other sheets, no checks. Any export on
XlsxWriter costs at least this; it is why exports/xlsx_stream.py stays.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db import BulkArticle, BulkClaim, BulkSpeaker, BulkTopic, ClaimDraft, NewArticle, Project, Span  # noqa: E402

SPEAKERS = [f"Speaker {chr(65 + i % 26)}{i}" for i in range(400)]
ROLES = ["Defense Minister", "Prime Minister", "opposition leader", "spokesperson", None]
STANCES = ["favor", "against", "neutral", None]
STATUSES = ["confirmed", "confirmed", "suggested", "rejected"]
VERDICTS = [None, None, None, "False", "Mostly true", "Misleading"]


def _article(i: int, per: int) -> BulkArticle:
    parts, claims = [f"Report {i}: the debate on sending peacekeepers goes on.\n\n"], []
    for k in range(per):
        n = i * per + k
        speaker = SPEAKERS[n % len(SPEAKERS)]
        quote = (f"We are willing to play this role in case number {n}, with a contingent under a clear "
                 f"international mandate, and we will discuss it with our allies")
        lead = f"{speaker} said: \""
        start = sum(map(len, parts)) + len(lead)
        parts.append(f"{lead}{quote}.\" The remarks came on day {k} of the talks, amid growing expectations.\n\n")
        mention_start = start - len(lead)
        claims.append(BulkClaim(None, ClaimDraft(
            content=Span(start, start + len(quote), quote), kind="direct",
            cue=Span(mention_start + len(speaker) + 1, mention_start + len(speaker) + 5, "said"),
            speaker=speaker, mention=Span(mention_start, mention_start + len(speaker), speaker),
            role=ROLES[n % len(ROLES)], date=dt.date(2024, 1, 1) + dt.timedelta(days=n // 150),
            date_text="on Thursday" if n % 3 else None, stance=STANCES[(n % len(SPEAKERS) + n // 20_000) % 4],
            topic="Peacekeepers" if n % 5 else "Defence",
            verdict_rating=VERDICTS[n % len(VERDICTS)], verdict_explanation="See the sources." if n % 6 == 3 else None,
            note="=SUM(A1:A2) looks like a formula" if n % 1000 == 0 else None, status=STATUSES[n % 4],
            origin="model", confidence=0.8), annotator="bench" if n % 4 != 2 else None,
        ))
    return BulkArticle(None, NewArticle("".join(parts), title=f"Peacekeeping report {i}",
                                        url=f"https://news.example/{i}", publisher=f"Publisher {i % 30}",
                                        published=dt.date(2024, 1, 1) + dt.timedelta(days=i % 700)),
                       claims=tuple(claims))


def build(path: Path, articles: int, per: int) -> None:
    started = time.perf_counter()
    with Project.open(path) as project:
        batch = 1000
        for first in range(0, articles, batch):
            project.load_bulk(
                (_article(i, per) for i in range(first, min(first + batch, articles))),
                speakers=[BulkSpeaker(None, s, roles=()) for s in SPEAKERS] if first == 0 else (),
                topics=[BulkTopic(None, "Peacekeepers"), BulkTopic(None, "Defence")] if first == 0 else ())
        info = project.info()
    print(f"built project: {info.articles:,} articles, {info.claims:,} claims in "
          f"{time.perf_counter() - started:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")


_DATE_CELLS = (4, 9, 16)  # Published, Statement date, Verdict date
_DAY_ZERO = dt.date(1899, 12, 30).toordinal()


def xlsxwriter_min(project: Project, out: str) -> int:
    """The Claims sheet's cells (as exports/excel.py lays them out) through XlsxWriter's public calls."""
    import xlsxwriter

    from db import ClaimFilter

    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False,
                                     "strings_to_urls": False, "strings_to_numbers": False})
    sheet = book.add_worksheet("Claims")
    day, wrap = book.add_format({"num_format": "yyyy-mm-dd"}), book.add_format({"text_wrap": True})
    articles = {a.id: a for a in project.articles()}
    n = 0
    for n, r in enumerate(project.stream_claim_values(ClaimFilter()), start=1):
        a = articles[r.article_id]
        cells = (r.id, r.article_title, a.publisher, a.url, r.article_published, r.content_text, r.kind, r.speaker,
                 r.role, r.date, r.date_text, r.stance, r.topic, r.verdict_rating, r.verdict_explanation,
                 r.verdict_url, r.verdict_date, r.note, r.status, r.annotator, r.updated_at, r.version)
        for col, value in enumerate(cells):
            if value is None:
                continue
            if col in _DATE_CELLS:
                sheet.write_number(n, col, dt.date.fromisoformat(value).toordinal() - _DAY_ZERO, day)
            elif type(value) is str:
                sheet.write_string(n, col, value, wrap if col == 5 else None)
            else:
                sheet.write_number(n, col, value)
    book.close()
    return n


def run_one(fmt: str, db: str, out: str, trace: bool) -> None:
    """Child process: one export (or the stance-changes query both exports include), prints figures as JSON."""
    from exports import export

    project = Project.open(db)
    project.count_claims()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:
        import tracemalloc

        tracemalloc.start()
    started, cpu = time.perf_counter(), time.process_time()
    if fmt == "stance_changes":
        claims = len(project.stance_changes())
        Path(out).write_text(str(claims))
    elif fmt == "xlsxwriter-min":
        claims = xlsxwriter_min(project, out)
    else:
        claims = export(project, fmt, out).claims
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1] if trace else None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    project.close()
    print(json.dumps({"seconds": seconds, "cpu": cpu, "claims": claims, "rss_kb": rss, "base_kb": base,
                      "traced_peak": peak, "size": os.path.getsize(out)}))


def measure(fmt: str, db: Path, folder: Path, trace: bool) -> dict:
    out = folder / ("xlsxwriter-min.xlsx" if fmt == "xlsxwriter-min" else f"export.{fmt}")
    command = [sys.executable, __file__, "--child", fmt, str(db), str(out)] + (["--trace"] if trace else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--child":
        run_one(argv[1], argv[2], argv[3], "--trace" in argv)
        return
    formats = ["xlsx", "json", "stance_changes"]
    if "--xlsxwriter" in argv:
        argv = [a for a in argv if a != "--xlsxwriter"]
        formats.append("xlsxwriter-min")
    keep = None
    if "--keep" in argv:
        keep = Path(argv[argv.index("--keep") + 1])
        argv = argv[:argv.index("--keep")] + argv[argv.index("--keep") + 2:]
    articles = int(argv[0]) if argv else 10_000
    per = int(argv[1]) if len(argv) > 1 else 10
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"bench-{articles}x{per}.quotedesk"
        if not db.exists():
            build(db, articles, per)
        targets = {"xlsx": "15s", "json": "3s", "stance_changes": "-", "xlsxwriter-min": "-"}
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (wall time suffers when busy)")
        print(f"{'format':<14} {'claims':>8} {'wall':>8} {'CPU':>7} {'target':>7} {'peak RSS +':>11} "
              f"{'traced peak':>12} {'file':>8}")
        for fmt in formats:
            timed = measure(fmt, db, folder, trace=False)
            traced = measure(fmt, db, folder, trace=True)
            print(f"{fmt:<14} {timed['claims']:>8,} {timed['seconds']:>7.1f}s {timed['cpu']:>6.1f}s {targets[fmt]:>7} "
                  f"{(timed['rss_kb'] - timed['base_kb']) / 1024:>9.0f} MB {traced['traced_peak'] / 2**20:>9.0f} MB "
                  f"{timed['size'] / 1e6:>6.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
