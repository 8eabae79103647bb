"""JSONL and CSV batches, progress reports and cancellation."""
from __future__ import annotations

import datetime
import json
from pathlib import Path

from annotate.ingest import read_paths

DATA = Path(__file__).resolve().parent / "data" / "ingest"


def test_jsonl_with_one_broken_line_imports_the_others_and_names_the_line():
    path = DATA / "broken_line.jsonl"
    results = list(read_paths([path]))
    assert [r.source for r in results] == [f"{path}:{n}" for n in (1, 2, 3, 4, 5)]
    ok = [r.article for r in results if r.article]
    assert [a.title for a in ok] == ["Bridge to close for repairs", "Library extends opening hours",
                                     "School meals to be free"]
    broken, no_text = [r.error for r in results if r.error]
    assert broken.line == 3
    assert broken.message.startswith(f"{path}, line 3: not valid JSON")
    assert broken.message.endswith("this line was skipped, the other lines were read.")
    assert no_text.line == 4 and "no \"text\" field" in no_text.message


def test_jsonl_fields_become_metadata():
    first = next(read_paths([DATA / "broken_line.jsonl"])).article
    assert (first.author, first.url, first.published, first.published_source) == (
        "Sam Lee", "https://harbourgazette.example/bridge", datetime.date(2024, 4, 20), "metadata")
    last = list(read_paths([DATA / "broken_line.jsonl"]))[-1].article
    assert (last.publisher, last.published) == ("Harbour Gazette", datetime.date(2024, 3, 4))


def test_csv_rows_with_quoted_newlines_import_with_their_first_line_number():
    path = DATA / "batch.csv"
    results = list(read_paths([path]))
    assert [r.source for r in results] == [f"{path}:2", f"{path}:5"]
    tram, market = (r.article for r in results)
    assert tram.title == "Tram line opens" and tram.author == "Amelia Ortiz"
    assert tram.published == datetime.date(2024, 6, 1)
    assert 'after "years of delays".' in tram.text
    assert market.title == "Market hall reopens" and market.published is None


def test_csv_without_a_text_column_is_refused_naming_the_columns_found():
    path = DATA / "no_text_column.csv"
    (result,) = list(read_paths([path]))
    assert result.article is None
    assert result.error.message == (f"{path} has no \"text\" column (columns found: 'title', 'body_html', 'date'). "
                                    "Name the column that holds the article text \"text\".")


def _batch(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "many.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"text": f"Story {i}\n\nThe mayor said on Monday that plan {i} was approved."}) + "\n")
    return path


def test_progress_reports_done_and_total_for_every_article(tmp_path):
    seen = []
    results = list(read_paths([_batch(tmp_path, 5), DATA / "emoji.txt"], progress=lambda d, t: seen.append((d, t))))
    assert len(results) == 6
    assert seen == [(i, 6) for i in range(7)]


def test_cancel_stops_between_articles_without_error(tmp_path):
    results = []
    for result in read_paths([_batch(tmp_path, 1000)], cancelled=lambda: len(results) >= 10):
        results.append(result)
    assert len(results) == 10
    assert all(r.error is None for r in results)


def test_semicolon_separated_csv_in_windows_1252_from_excel_imports(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("Title;Text\r\nCafé rules;\"The café owners said the rules were “unfair”.\"\r\n".encode("cp1252"))
    (result,) = list(read_paths([path]))
    assert result.article.title == "Café rules"
    assert result.article.text == "The café owners said the rules were “unfair”."
