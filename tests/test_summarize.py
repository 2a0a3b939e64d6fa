"""The summary's candidates: what the model chooses from, and the order a reader sees."""

from __future__ import annotations

from briefing.models import Evidence, Item, Story
from briefing.summarize import candidates, distinct, in_news_order, without_summary


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


def test_a_summary_line_that_retells_one_above_it_is_left_out_unless_it_adds_a_figure():
    first = fact(
        "Five hours of negotiations between Russian President Vladimir Putin and senior United "
        "States representatives ended without a breakthrough, a Kremlin aide said.",
        "a5.s1",
    )
    retold = fact(
        "The five-hour meeting between Russian President Vladimir Putin and the US delegation "
        "concluded without achieving a breakthrough on a peace deal.",
        "a4.s1",
    )
    breach = fact("Equifax said a breach may have affected 143 million consumers.", "a1.s1")
    more = fact("Equifax said an additional 2.5 million consumers may have been affected.", "a6.s1")
    assert distinct([first, retold]) == [first]
    assert distinct([breach, more]) == [breach, more]


def test_a_finding_the_summary_retells_with_all_its_figures_is_not_shown_again():
    total = fact(
        "Equifax said Monday that an additional 2.5 million Americans may have been affected by "
        "the breach, bringing the total to 145.5 million people.",
        "a7.s1",
    )
    repeated = fact(
        "Equifax said Monday that an additional 2.5 million Americans may have been affected by "
        "the breach of its systems",
        "a7.s5",
    )
    verdict = fact("The jury reached its verdict after a monthlong trial in New York.", "a6.s3")
    guilty = fact("Bankman-Fried was found guilty on Thursday of defrauding customers.", "a5.s1")
    story = Story(
        id="st-aaaaaaaaaa", title="Breach", article_ids=["a5", "a6", "a7"],
        sections={"what_happened": [repeated, guilty]}, summary=[total, verdict],
    )  # fmt: skip
    assert without_summary(story).sections == {"what_happened": [guilty]}


def test_the_summary_opens_on_what_the_articles_lead_with():
    sentencing = fact(
        "A tentative sentencing date was set for March 28.", "a1.s4", "a2.s2", "a6.s9"
    )
    verdict = fact(
        "Sam Bankman-Fried was found guilty of defrauding FTX customers on all seven counts.",
        "a5.s1", "a6.s1",
    )  # fmt: skip
    story = Story(
        id="st-aaaaaaaaaa", title="Verdict", article_ids=["a1", "a2", "a5", "a6"],
        sections={"decision": [sentencing, verdict]},
    )  # fmt: skip
    assert in_news_order([sentencing, verdict], story) == [verdict, sentencing]
