"""Sentences get stable ids; chunks respect the budget; repeated sentences are sent once."""

from __future__ import annotations

from pathlib import Path

from briefing.chunk import estimate_tokens, segment
from briefing.ingest import make_article
from briefing.text.sentences import split_sentences


def article(number: int, text: str):
    return make_article(number, Path(f"a{number}.txt"), text)


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "The U.S. envoy met Putin on Dec. 2 in Moscow. Mr. Witkoff left. J. Kushner stayed."
    assert split_sentences(text) == [
        "The U.S. envoy met Putin on Dec. 2 in Moscow.",
        "Mr. Witkoff left.",
        "J. Kushner stayed.",
    ]
    ranks = "Rear Adm. John Mauger and Maj. Gen. Ann Lee spoke. Cmdr. Ray Fox agreed."
    assert split_sentences(ranks) == [
        "Rear Adm. John Mauger and Maj. Gen. Ann Lee spoke.",
        "Cmdr. Ray Fox agreed.",
    ]


def test_paragraphs_a_page_glued_without_a_space_are_split_and_names_are_not():
    text = (
        "Israel will not resume its attacks.Key Provisions of the AgreementThe ceasefire deal "
        "mandates a mutual retreat. Her LinkedIn profile shows it. Visit Amazon.com today. "
        "The vote was unanimous, Caliber.Az reports."
    )
    assert split_sentences(text) == [
        "Israel will not resume its attacks.",
        "Key Provisions of the Agreement",
        "The ceasefire deal mandates a mutual retreat.",
        "Her LinkedIn profile shows it.",
        "Visit Amazon.com today.",
        "The vote was unanimous, Caliber.Az reports.",
    ]


def test_sentence_ending_inside_a_quotation_is_split_after_the_closing_mark():
    text = "“Not further, that’s for sure.” Contacts will continue."
    assert split_sentences(text) == ["“Not further, that’s for sure.”", "Contacts will continue."]


def test_sentences_are_verbatim_slices_of_the_source():
    text = "Ukraine wants peace. Russia says it is serious!  Will talks go on? Yes."
    assert all(s in text for s in split_sentences(text))
    assert " ".join(split_sentences(text)) == " ".join(text.split())


def test_sentence_ids_are_article_and_number():
    result = segment([article(3, "First one here.\n\nSecond one here. Third one here.")])
    assert [s.id for s in result.sentences] == ["a3.s1", "a3.s2", "a3.s3"]


def test_chunks_stay_within_the_token_budget():
    text = " ".join(f"Sentence number {i} says something about the talks." for i in range(200))
    result = segment([article(1, text)], budget_tokens=200)
    assert len(result.chunks) > 1
    for chunk in result.chunks:
        assert sum(estimate_tokens(s.text) + 3 for s in chunk.sentences) <= 200


def test_a_sentence_repeated_by_another_outlet_is_sent_once_and_remembered():
    shared = "Putin met U.S. envoys Steve Witkoff and Jared Kushner in the Kremlin on Tuesday."
    result = segment(
        [
            article(1, shared + " Reuters adds more."),
            article(2, "AP writes first. " + shared.replace("Tuesday", "Tuesday")),
        ]
    )
    sent = [s.text for c in result.chunks for s in c.sentences]
    assert sent.count(shared) == 1
    assert result.duplicate_of == {"a2.s2": "a1.s1"}
