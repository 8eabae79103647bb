"""Direct quotes: marks, attribution before and after, several sentences, split quotes."""
from tests.annotate.conftest import only


def test_quote_attributed_after_with_straight_marks(suggest):
    s = only(suggest('"We will not back down," said Senator Maria Lopez, a Democrat from Ohio.'))
    assert s.kind == "direct"
    assert s.content.text == "We will not back down"
    assert s.speaker == "Maria Lopez" and s.role == "Senator"
    assert s.cue.text == "said"


def test_quote_with_curly_marks_spanning_several_sentences(suggest):
    text = ("\u201cRussia does not want peace. It intensifies hostilities. The offer is a bluff,\u201d "
            "French President Emmanuel Macron said.")
    s = only(suggest(text))
    assert s.kind == "direct"
    assert s.content.text.startswith("Russia does not want peace.")
    assert s.content.text.endswith("a bluff")
    assert (s.speaker, s.role) == ("Emmanuel Macron", "French President")


def test_quote_attributed_before_with_colon(suggest):
    s = only(suggest('He told the BBC: "I don\'t regret anything at all."'))
    assert s.kind == "direct" and s.content.text.startswith("I don't regret anything")


def test_single_quote_marks_as_in_british_papers(suggest):
    s = only(suggest("'We will fight on,' the prime minister said, 'whatever the cost may be.'"))
    assert [f.text for f in s.fragments] == ["We will fight on", "whatever the cost may be."]
    assert s.speaker == "prime minister"


def test_quote_split_around_its_attribution_is_one_claim_with_two_fragments(suggest):
    text = ('"Inflation is coming down," Fed Chair Jerome Powell said. '
            '"But we are not there yet, and we will stay vigilant."')
    [claim] = suggest(text)
    first, second = claim.fragments
    assert first.text == "Inflation is coming down"
    assert second.text.startswith("But we are not there yet")
    assert claim.content.start == first.start and claim.content.end == second.end
    assert claim.speaker == "Jerome Powell" and claim.kind == "direct"


def test_pronoun_after_a_quote_resolves_to_the_named_speaker(suggest):
    text = ("Health Minister Sarah Okafor announced on Monday that hospitals would receive extra "
            "funding.\n\n\"We cannot wait any longer for this money,\" she added.")
    got = suggest(text)
    assert got[-1].kind == "direct" and got[-1].speaker == "Sarah Okafor"
    assert got[-1].role == "Health Minister"


def test_clause_opening_with_a_quote_is_the_quoted_words(suggest):
    text = ('"We need to think about more durable solutions" than just sending troops, '
            "Chancellor Anna Berg said on Tuesday.")
    s = only(suggest(text))
    assert s.kind == "direct"
    assert s.content.text == "We need to think about more durable solutions"


def test_partial_quote_inside_reported_speech_is_one_indirect_claim(suggest):
    s = only(suggest('Prime Minister Rishi Sunak warned that the country faced "difficult decisions" ahead.'))
    assert s.kind == "indirect"
    assert s.content.text == 'the country faced "difficult decisions" ahead'


# --- quote marks that are not speech -------------------------------------------------------

def test_title_in_quotes_is_not_a_quote(suggest):
    assert suggest('The film "Gone with the Wind" was shown again on Sunday.') == []


def test_scare_quotes_are_not_a_quote(suggest):
    assert suggest('Critics dismissed the so-called "peace plan" as a sham.') == []


def test_nickname_in_quotes_is_not_a_quote_but_the_speech_still_counts(suggest):
    s = only(suggest('Dwayne "The Rock" Johnson said he would not run for president.'))
    assert s.kind == "indirect" and s.content.text == "he would not run for president"


def test_campaign_name_in_quotes_is_not_a_quote(suggest):
    assert suggest('He spoke about the "Made in America" campaign at length.') == []


def test_apostrophes_do_not_open_quotes(suggest):
    assert suggest("The farmers' union met at Ukraine's embassy; it's a first.") == []


def test_quote_left_open_continues_the_speaker_into_the_paragraph_end(suggest):
    text = ('"We will rebuild," Mayor Ana Costa said on Sunday. "This city has survived floods before '
            'and it will survive this one.\n"Nobody should doubt our resolve," she said.')
    got = suggest(text)
    assert [f.text for f in got[0].fragments] == [
        "We will rebuild", "This city has survived floods before and it will survive this one."]
    assert {g.speaker for g in got} == {"Ana Costa"}


def test_quote_attributed_in_the_next_paragraph_by_pronoun(suggest):
    text = ('"I think it\'s a fantastic result for the club and for the city," Smith said.\n'
            'Asked about his future, he added: "I\'m staying. There\'s no doubt about that."')
    got = suggest(text)
    assert got[-1].content.text == "I'm staying. There's no doubt about that."
    assert got[-1].speaker == "Smith" and got[-1].cue.text == "added"


def test_emotive_quote_verbs_even_when_the_parser_misreads_them(suggest):
    s = only(suggest('"It was a disgraceful decision," fumed manager Sean Dyche after the match.'))
    assert (s.content.text, s.cue.text, s.speaker, s.role) == (
        "It was a disgraceful decision", "fumed", "Sean Dyche", "manager")
    s = only(suggest('"They robbed us," raged the striker.'))
    assert s.cue.text == "raged" and s.mention.text == "the striker"


def test_emotive_verbs_without_a_quote_are_not_speech(suggest):
    assert suggest("Fans slammed the referee on social media.") == []


def test_a_quote_inside_a_quotation_is_part_of_the_speakers_statement(suggest):
    # the quote inside the quotation is what the president said in Brazile's words: her statement
    # is the whole quotation, not the words she quotes
    text = "\"That was the president essentially saying, 'Don't leave it on the field,'\" said Donna Brazile."
    s = only(suggest(text))
    assert s.content.text == "That was the president essentially saying, 'Don't leave it on the field"
    assert s.speaker == "Donna Brazile" and s.kind == "direct"


def test_a_quote_going_on_from_its_sentences_opening_words_is_claimed_with_them(suggest):
    text = ('The ceremony ended early. Mayor Ruiz "is the only candidate with the experience to keep '
            'the port open," retired admiral Lena Holm said.')
    s = only(suggest(text))
    assert s.content.text == 'Mayor Ruiz "is the only candidate with the experience to keep the port open'
    assert s.speaker == "Lena Holm" and s.cue.text == "said"

