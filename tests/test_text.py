"""One numbering of sentences, one id type, one match key: what every stage reads text with."""

from __future__ import annotations

import pytest

from briefing.models import Article, Evidence
from briefing.text.ids import SentenceRef, article_order
from briefing.text.match import match_key, normalize_for_match
from briefing.text.names import without_possessive
from briefing.text.sentences import asides, cut_off, numbered, paragraphs


def test_sentence_ref_builds_and_parses_the_same_id():
    ref = SentenceRef("a3", 17)
    assert str(ref) == "a3.s17"
    assert SentenceRef.parse("a3.s17") == ref
    assert ref.local == "s17"


def test_sentence_ref_orders_articles_by_number_not_by_string():
    ids = ["a10.s1", "a2.s5", "a2.s12", "a1.s3"]
    assert [str(r) for r in sorted(map(SentenceRef.parse, ids))] == [
        "a1.s3", "a2.s5", "a2.s12", "a10.s1",
    ]  # fmt: skip
    assert sorted(["a10", "a2"], key=article_order) == ["a2", "a10"]


@pytest.mark.parametrize("bad", ["a3", "a3.s", "a3.sx", ".s4", "a3.c2"])
def test_sentence_ref_rejects_what_is_not_a_sentence_id(bad):
    with pytest.raises(ValueError):
        SentenceRef.parse(bad)


def test_numbering_runs_across_paragraphs_and_matches_the_flat_list():
    text = "Talks resumed. Both sides met.\n\nNo deal was reached. Talks go on."
    article = Article(id="a4", key="k", path="a.txt", title="Talks", text=text)
    by_paragraph = [[s.id for s in p.sentences] for p in paragraphs(article)]
    assert by_paragraph == [["a4.s1", "a4.s2"], ["a4.s3", "a4.s4"]]
    assert [s.id for s in numbered(article)] == [i for ids in by_paragraph for i in ids]


def test_match_key_ignores_case_curly_quotes_and_punctuation():
    assert match_key("“We’re ready,” he said.") == match_key('"we\'re READY" he said')


def test_match_key_is_the_words_of_the_line_normalised_for_matching():
    # One fold for both: ligatures, prime apostrophes and dashes read alike in each.
    line = "The ﬁnal deal′s terms — “not yet” agreed."
    assert normalize_for_match(line) == 'the final deal\'s terms - "not yet" agreed'
    assert match_key(line) == "the final deal's terms not yet agreed"


def test_possessive_is_removed_with_either_apostrophe():
    assert without_possessive("Russia’s") == without_possessive("Russia's") == "Russia"


def test_evidence_reads_its_sentence_id_as_a_ref():
    evidence = Evidence(sentence_id="a10.s3", article_id="a10", text="Talks resumed.")
    assert evidence.ref == SentenceRef("a10", 3)


def test_an_excerpt_that_stops_mid_sentence_ends_on_a_cut_sentence_and_a_whole_one_does_not():
    cut = Article(
        id="a8", key="k8", path="8.txt", title="UN revises toll",
        text="The UN has revised its toll.\n\nThe floods have displaced at least 30,000 people in "
        "Derna, according to the U.N.’s International Organization for Migra",
    )  # fmt: skip
    whole = Article(id="a9", key="k9", path="9.txt", title="Aid", text="Aid is on the way.”")
    sentences = [*numbered(cut), *numbered(whole)]
    assert cut_off(sentences) == {"a8.s2"}


def test_another_event_after_meanwhile_is_an_aside_of_the_story():
    story = Article(
        id="a1", key="k1", path="1.txt", title="Crash",
        text="A plane crashed in Punta Islita, Costa Rica, killing 12.\n\nMeanwhile, the CEO of "
        "Compass Group died when a seaplane crashed into a river near Sydney.\n\nPolice Detective "
        "Mark Hutchings said the pilot, Gareth Morgan, also died.",
    )  # fmt: skip
    other = Article(
        id="a2", key="k2", path="2.txt", title="Crash",
        text="Costa Rica's aviation director Enio Cubillo said the Nature Air plane crashed.",
    )  # fmt: skip
    assert asides([*numbered(story), *numbered(other)]) == {"a1.s2", "a1.s3"}


def test_meanwhile_in_the_same_story_is_no_aside():
    # Biden is named nowhere else, but the United States is: the reaction is the story's.
    story = Article(
        id="a1", key="k1", path="1.txt", title="Deal",
        text="Nations agreed a climate finance deal.\n\nMeanwhile, US President Joe Biden hailed "
        "the agreement as a historic outcome.\n\nHe said the United States will continue.",
    )  # fmt: skip
    other = Article(
        id="a2", key="k2", path="2.txt", title="Deal",
        text="The United States and the European Union backed the $300 billion goal.",
    )  # fmt: skip
    assert asides([*numbered(story), *numbered(other)]) == set()


def test_a_title_of_several_people_does_not_end_a_sentence():
    assert sentences_of("It is a tragedy that the Drs. Mitchell and Leslie Weiss died.") == [
        "It is a tragedy that the Drs. Mitchell and Leslie Weiss died."
    ]


def test_a_day_or_a_count_ends_a_sentence_but_a_lists_marker_does_not():
    assert sentences_of("He takes the helm from Apr 5. He led UBS until 2020.") == [
        "He takes the helm from Apr 5.", "He led UBS until 2020.",
    ]  # fmt: skip
    assert sentences_of("Here are the points you need 1. Aid is arriving in Derna.") == [
        "Aid is arriving in Derna.",
    ]  # fmt: skip


def sentences_of(text: str) -> list[str]:
    """The sentences of an article of `text`, as numbering cuts them."""
    article = Article(id="a1", key="k", path="a.txt", title="t", text=text)
    return [s.text for s in numbered(article)]


def test_the_storys_dateline_is_cut_off_its_first_sentence_and_kept_in_the_article():
    text = "LIMA, Peru (AP) — Peru's Congress removed the president.\n\nUPDATE: The vote was 101."
    first, second = sentences_of(text)
    assert first == "Peru's Congress removed the president." and first in text  # verbatim
    assert second == "UPDATE: The vote was 101."  # only the story's opening has a dateline


def test_a_wire_dateline_after_a_standfirst_is_cut_off_too():
    standfirst = "Investigators are looking into what caused a charter aircraft to crash."
    body = "SAN JOSE, Costa Rica — Costa Rican investigators said strong winds were a factor."
    assert sentences_of(f"{standfirst}\n\n{body}")[1] == (
        "Costa Rican investigators said strong winds were a factor."
    )


@pytest.mark.parametrize(
    ("opening", "lead"),
    [
        (
            "West Palm Beach, Florida (CNN) President Donald Trump said he is disappointed.",
            "President Donald Trump said he is disappointed.",
        ),
        (
            "Iran Press/ Europe: Switzerland’s largest bank, UBS, has agreed to buy Credit Suisse.",
            "Switzerland’s largest bank, UBS, has agreed to buy Credit Suisse.",
        ),
    ],
)
def test_a_broadcasters_dateline_or_an_outlets_section_tag_is_cut_off(opening, lead):
    assert sentences_of(opening) == [lead]


def test_a_companys_ticker_after_a_day_is_no_dateline():
    text = "On Thursday, Equifax Inc (EFX) Chief Executive Richard Smith said he would retire."
    assert sentences_of(text) == [text]


def test_a_transcripts_recurring_speaker_labels_are_cut_off_but_a_guests_stays():
    text = (
        "MONTAGNE: Take us through what happened that night.\n\n"
        "NELSON: The largest number of attacks happened in Cologne.\n\n"
        "HENRIETTE REKER: We will not allow this to happen again.\n\n"
        "MONTAGNE: And what about suspects?\n\n"
        "NELSON: Well, there aren't any yet."
    )
    assert sentences_of(text)[:3] == [
        "Take us through what happened that night.",
        "The largest number of attacks happened in Cologne.",
        "HENRIETTE REKER: We will not allow this to happen again.",  # her only attribution
    ]
    assert sentences_of("Vote.\n\nNOTE: It was 101.")[-1] == "NOTE: It was 101."


def test_a_lists_numbers_and_its_lead_in_are_cut_off_its_entries():
    text = (
        "Here are Top 10 points you need 1. Marie el-Drese told The Associated Press that 10,100 "
        "people are reported missing.\n\n2. A UN official said Thursday that most casualties "
        "could have been avoided.\n\nIn 2011 3. was the year."
    )
    assert sentences_of(text)[:2] == [
        "Marie el-Drese told The Associated Press that 10,100 people are reported missing.",
        "A UN official said Thursday that most casualties could have been avoided.",
    ]


def test_an_aggregators_tag_after_the_place_is_part_of_the_dateline():
    text = "Niamey, (UrduPoint News - 27th Jul, 2023 ) :Niger's army chief backed the coup."
    (first,) = sentences_of(text)
    assert first == "Niger's army chief backed the coup."
    assert sentences_of("Marco Rubio (R-Fla.) - no.") == ["Marco Rubio (R-Fla.) - no."]
