"""The summary's candidates: what the model chooses from, and the order a reader sees."""

from __future__ import annotations

from briefing.models import Evidence, Item, Story
from briefing.summarize import candidates


def fact(text: str, *sentences: str) -> Item:
    evidence = [Evidence(sentence_id=s, article_id=s.split(".")[0], text=text) for s in sentences]
    return Item(kind="fact", text=text, evidence=evidence)


def test_an_articles_lead_is_a_candidate_before_a_late_detail_more_sources_repeat():
    crash = fact(
        "Investigators said strong winds or mechanical problems most likely caused a charter "
        "aircraft to crash in woods, killing 12 people.",
        "a1.s1", "a2.s1", "a3.s1",
    )  # fmt: skip
    cousin = fact(
        "A former president said via Twitter that the pilot was her cousin.",
        "a1.s37", "a2.s14", "a3.s14", "a4.s30",
    )  # fmt: skip
    story = Story(
        id="st-aaaaaaaaaa", title="Plane crash", article_ids=["a1", "a2", "a3", "a4"],
        sections={"what_happened": [cousin, crash]},
    )  # fmt: skip
    assert candidates(story) == [crash, cousin]
