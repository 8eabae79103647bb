"""Plain text and Markdown: seeds, metadata header, title, byline date, page furniture, offsets."""
from __future__ import annotations

import datetime
import json
import unicodedata
from pathlib import Path

import pytest

from annotate.ingest import IngestProblem, read_paths, read_text

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "ingest"
REPO = HERE.parents[1]
SEEDS = REPO / "resources" / "seeds"
GOLD = HERE / "data" / "seeds.jsonl"
SEED_0 = SEEDS / "000_f802f2a90c03337f.txt"
SEED_1 = SEEDS / "001_cf3f115601c28b53.txt"

FURNITURE = ["0 out of 25,000", "Quality journalism takes work", "Help us reach 25,000 members", "News Feed",
             "2 min read", "This audio is created with AI assistance", "Read more", "Show More", "Avatar",
             "Martin Fornusek is a reporter", "The Power Within", "Getty Images", "by Volodymyr Ivanyshyn"]


def _one(path: Path):
    (result,) = list(read_paths([path]))
    assert result.error is None, result.error
    return result.article


def test_seed_with_date_header_has_title_and_publication_date_from_metadata():
    article = _one(SEED_1)
    assert article.title == ("Italy does not plan to send peacekeepers to Ukraine, remains committed to "
                             "'effective security guarantees'")
    assert article.published == datetime.date(2025, 3, 16)
    assert article.published_source == "metadata"
    assert article.author == "Volodymyr Ivanyshyn"
    assert not article.text.startswith(" date")


def test_seed_without_header_has_title_and_a_date_marked_inferred():
    article = _one(SEED_0)
    assert article.title == "Italy willing to join potential peacekeeping mission in Ukraine, defense minister says"
    assert article.published_source == "inferred"  # the file states no date; Dec. 12 follows Nov. 21, 2024
    assert article.published == datetime.date(2024, 12, 12)
    assert article.author == "Martin Fornusek"


@pytest.mark.parametrize("seed", [SEED_0, SEED_1], ids=["000", "001"])
def test_seed_page_furniture_is_out_of_the_text_but_kept_in_raw_text(seed):
    article = _one(seed)
    raw = seed.read_bytes().decode("utf-8")
    assert article.raw_text == raw
    for furniture in FURNITURE:
        assert furniture not in article.text
    assert any(furniture in raw for furniture in FURNITURE)
    assert article.text.startswith(article.title + "\n\n")
    # The headline is said once, not twice; the article's last paragraph is still there.
    assert article.text.count(article.title) == 1
    assert article.text.rstrip().endswith(("Ukrainian territory.", "also to Ukraine,\" she added."))


def test_gold_claim_offsets_map_between_raw_text_and_display_text():
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        article = read_text(gold["text"], source=gold["id"])
        for claim in gold["claims"]:
            start, end = claim["content"]
            t_start, t_last = article.text_offset(start), article.text_offset(end - 1)
            assert article.text[t_start:t_last + 1] == claim["content_text"]
            assert (article.raw_offset(t_start), article.raw_offset(t_last + 1)) == (start, end)


def test_removed_furniture_has_no_display_offset():
    article = read_text(SEED_0.read_text(encoding="utf-8"))
    assert article.text_offset(article.raw_text.index("Read more")) is None
    assert article.text_offset(article.raw_text.index("2 min read")) is None


def test_windows_line_endings_and_decomposed_accents_become_nfc_with_offsets_kept():
    article = _one(DATA / "crlf_nfd.txt")
    assert "\r" not in article.text
    assert unicodedata.is_normalized("NFC", article.text)
    assert article.title == "Café owners meet"
    assert article.raw_text == (DATA / "crlf_nfd.txt").read_bytes().decode("utf-8")
    quote = article.text.index("“fight the rules”")
    raw_quote = article.raw_offset(quote)
    assert article.raw_text[raw_quote:raw_quote + len("“fight the rules”")] == "“fight the rules”"


def test_emoji_outside_the_basic_multilingual_plane_keep_code_point_offsets():
    article = _one(DATA / "emoji.txt")
    assert article.title == "Fans cheer 🎉 as club wins cup 🏆"
    i = article.text.index("and for everyone")
    assert article.text[i - 2] == "🙌"  # one code point, not a surrogate pair
    assert article.raw_text[article.raw_offset(i):].startswith("and for everyone")
    assert "𝕏" in article.text


def test_right_to_left_text_is_kept_in_logical_order():
    article = _one(DATA / "rtl.txt")
    raw = (DATA / "rtl.txt").read_text(encoding="utf-8")
    assert article.title == raw.split("\n")[0]
    assert article.text == raw.strip()
    hebrew = article.text.index("שר התחבורה")
    assert article.raw_text[article.raw_offset(hebrew):].startswith("שר התחבורה")


def test_markdown_front_matter_gives_metadata_and_the_heading_marker_is_dropped():
    article = _one(DATA / "front_matter.md")
    assert (article.title, article.author, article.url) == (
        "Ferry fares to rise in June", "Sam Lee", "https://harbourgazette.example/ferry-fares")
    assert article.published == datetime.date(2024, 4, 30) and article.published_source == "metadata"
    assert article.text.startswith("Ferry fares to rise in June\n\nFerry fares will rise")
    assert "---" not in article.text and "author:" not in article.text


def test_keyed_metadata_header_lines_are_read_and_removed():
    article = read_text("Title: Dock deal signed\nDate: 12 May 2024\nAuthor: Sam Lee\n\n"
                        "The union and the port signed the deal on Friday, the union said.\n")
    assert (article.title, article.author, article.published) == (
        "Dock deal signed", "Sam Lee", datetime.date(2024, 5, 12))
    assert article.text == "The union and the port signed the deal on Friday, the union said."


def test_byline_date_is_used_when_there_is_no_metadata():
    article = read_text("Port reopens after storm\n\nBy Amelia Ortiz | June 3, 2024 10:15 AM\n\n"
                        "The port reopened on Monday after the storm, the harbour master said.\n")
    assert (article.published, article.published_source) == (datetime.date(2024, 6, 3), "byline")
    assert article.author == "Amelia Ortiz"
    assert "By Amelia Ortiz" not in article.text


def test_text_without_any_date_has_no_publication_date():
    article = read_text("Port reopens\n\nThe port reopened on Monday, the harbour master said.")
    assert article.published is None and article.published_source is None


def test_dates_given_by_the_caller_win_and_count_as_metadata():
    article = read_text(SEED_1.read_text(encoding="utf-8"), published="2025-03-17", title="Own title")
    assert (article.published, article.published_source, article.title) == (
        datetime.date(2025, 3, 17), "metadata", "Own title")


def test_prose_starting_with_by_is_not_taken_for_a_byline():
    text = "Talks collapse\n\nBy the time the talks ended, the minister said, nothing had been agreed.\n"
    article = read_text(text)
    assert "By the time the talks ended" in article.text
    assert article.author is None


def test_same_article_with_other_spacing_and_case_has_the_same_content_hash():
    a = read_text("Port reopens\n\nThe port reopened on Monday, the harbour master said.")
    b = read_text("PORT REOPENS\r\n\r\nThe port  reopened on Monday,\r\nthe harbour master said.  ")
    assert a.content_hash == b.content_hash
    assert a.content_hash != read_text("Port reopens\n\nThe port closed on Monday.").content_hash


@pytest.mark.parametrize("text, message", [("", "is empty"), (" \n\t\r\n ", "contains only whitespace")])
def test_empty_text_is_refused_with_a_message(text, message):
    with pytest.raises(IngestProblem, match=message):
        read_text(text, source="pasted.txt")


def test_footer_with_tags_and_related_links_is_cut_but_the_last_paragraph_stays():
    text = ("Ferry strike ends\n\nThe ferry strike ended on Friday, the union said.\n\n"
            "Tagging along with the crews, the mayor said the deal was fair.\n\n"
            "Tags: ferries, strikes\nRelated\nFerry fares to rise in June\nSubscribe now for full access\n")
    article = read_text(text)
    assert article.text.endswith("Tagging along with the crews, the mayor said the deal was fair.")
    assert "Tags:" not in article.text and "Ferry fares to rise" not in article.text


def test_short_last_line_without_an_end_marker_is_kept():
    article = read_text("Ferry strike ends\n\nThe ferry strike ended on Friday, the union said.\n\n"
                        "Reporting by Sam Lee; editing by Ana Diaz\n")
    assert article.text.endswith("Reporting by Sam Lee; editing by Ana Diaz")


def test_headline_is_the_line_before_the_reading_time_and_chrome_above_it_goes():
    text = ("Skip to content\nLatest news\nSport\n\nHarbour deal agreed after long night\n\n4 min read\n\n"
            "The port and the union agreed a deal early on Friday, both sides said.\n")
    article = read_text(text)
    assert article.title == "Harbour deal agreed after long night"
    assert article.text == ("Harbour deal agreed after long night\n\n"
                            "The port and the union agreed a deal early on Friday, both sides said.")


@pytest.mark.parametrize("text, language", [
    ("Port reopens\n\nThe port reopened on Monday, the harbour master said, and it was busy.", "en"),
    ("Hafen öffnet\n\nDer Minister sagte am Montag, dass die Verhandlungen mit der Gewerkschaft nicht "
     "fortgesetzt werden.", "de"),
    ("Міністр сказав у понеділок, що переговори з профспілкою не відновляться.", "uk"),
    ("Port 42\n\nX Y Z", None),
])
def test_language_is_guessed_when_metadata_does_not_say(text, language):
    assert read_text(text).language == language


def test_language_from_metadata_wins_over_the_guess():
    assert read_text("Language: de\n\nThe port reopened on Monday, the harbour master said.").language == "de"


def test_text_that_is_only_page_furniture_is_refused():
    with pytest.raises(IngestProblem, match="has no article text: everything in it looks like page furniture"):
        read_text("Read more\n\nShow More\n2 min read\n", source="links.txt")
