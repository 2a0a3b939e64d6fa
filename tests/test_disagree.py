"""Where sources differ: numbers of the same thing and wordings of the same remark, cited."""

from __future__ import annotations

from pathlib import Path

from briefing.chunk import segment
from briefing.disagree import differences
from briefing.ingest import make_article
from briefing.quotes import find_quotes


def run(*texts: str):
    articles = [make_article(n, Path(f"{n}.txt"), t) for n, t in enumerate(texts, 1)]
    return differences(segment(articles).sentences, find_quotes(articles))


def test_durations_of_the_same_war_that_differ_are_reported_with_each_side_cited():
    (difference,) = run(
        "Talks on ending the nearly four-year war were constructive.",
        "Leavitt hoped to end the three-and-a-half-year war soon.",
    )
    assert difference.kind == "number"
    assert [v.text for v in difference.variants] == [
        "nearly four-year war",
        "three-and-a-half-year war",
    ]
    assert [v.evidence[0].sentence_id for v in difference.variants] == ["a1.s1", "a2.s1"]


def test_the_same_number_written_differently_is_not_a_difference():
    assert run("The five-hour meeting ended.", "Five hours of talks ended late.") == []


def test_two_wordings_of_one_remark_by_the_same_speaker_are_reported():
    (difference,) = run(
        "Ushakov called the talks “rather useful, constructive, rather substantive,” he said.",
        "Ushakov described the talks as “extremely useful, constructive, and substantive.”",
    )
    assert difference.kind == "quote"
    assert difference.about == "Ushakov’s words"
    texts = [v.text for v in difference.variants]
    assert texts[0] == "rather useful, constructive, rather substantive,"
    assert texts[1].startswith("extremely useful, constructive, and substantive")


def test_identical_quotes_in_two_outlets_do_not_differ():
    text = "“So far, a compromise hasn’t been found,” Ushakov said."
    assert run(text, "In Moscow. " + text) == []
