"""A summary sentence the model wrote stays only if its numbers and names are in its evidence."""

from __future__ import annotations

from briefing.models import Evidence, Item
from briefing.summarize import check, unsupported

EVIDENCE = "Putin held five hours of talks with Witkoff in the Kremlin on Tuesday."


def finding(text: str = EVIDENCE, sentence_id: str = "a1.s1") -> Item:
    return Item(
        kind="event",
        text=text,
        evidence=[Evidence(sentence_id=sentence_id, article_id="a1", text=text)],
    )


def test_numbers_and_names_absent_from_the_evidence_are_found():
    assert unsupported("Putin met Witkoff for five hours.", [EVIDENCE]) == []
    assert unsupported("Putin met Kushner for six hours.", [EVIDENCE]) == ["six", "Kushner"]
    assert unsupported("Talks lasted 5 hours.", [EVIDENCE]) == ["5"]


def test_a_supported_sentence_is_kept_as_written_and_marked_as_the_models():
    (item,), failures = check([("Putin met Witkoff for five hours.", [finding()])])
    assert failures == 0
    assert item.origin == "model"
    assert item.text == "Putin met Witkoff for five hours."
    assert item.evidence == finding().evidence


def test_a_sentence_with_an_unsupported_name_is_replaced_by_its_evidence_and_counted():
    (item,), failures = check([("Putin met Rubio for five hours.", [finding()])])
    assert failures == 1
    assert item.origin == "source"
    assert item.text == EVIDENCE


def test_a_failing_sentence_whose_evidence_is_already_shown_is_dropped():
    written = [("Putin met Witkoff.", [finding()]), ("Trump met 3 envoys.", [finding()])]
    summary, failures = check(written)
    assert failures == 1
    assert [i.origin for i in summary] == ["model"]
