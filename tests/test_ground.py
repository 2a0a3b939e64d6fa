"""Every item shown is a verbatim source sentence; labels that point nowhere are dropped."""

from __future__ import annotations

from pathlib import Path

from briefing.chunk import segment
from briefing.ground import ground
from briefing.ingest import make_article
from briefing.models import Digest, Label

SHARED = "Putin met U.S. envoys Steve Witkoff and Jared Kushner in the Kremlin on Tuesday night."


def setup():
    articles = [
        make_article(1, Path("reuters.txt"), f"{SHARED} Russia wants all of Donbas."),
        make_article(2, Path("ap.txt"), f"Ukraine wants a ceasefire now. {SHARED}"),
    ]
    segmented = segment(articles)
    chunks = {c.id: c for c in segmented.chunks}
    return segmented, chunks


def test_item_text_and_evidence_are_the_cited_source_sentence():
    segmented, chunks = setup()
    digest = Digest(chunk_id="a1.c1", labels=[Label(id=2, kind="position", party="Russia")])
    result = ground([digest], chunks, segmented, labels="model")
    (item,) = result.items
    assert item.text == "Russia wants all of Donbas."
    assert [(e.sentence_id, e.text) for e in item.evidence] == [("a1.s2", item.text)]


def test_label_citing_a_sentence_that_does_not_exist_is_dropped_and_counted():
    segmented, chunks = setup()
    digest = Digest(chunk_id="a1.c1", labels=[Label(id=9, kind="position", party="Russia")])
    result = ground([digest], chunks, segmented, labels="model")
    assert result.items == []
    assert result.dropped == {"cites a sentence that does not exist": 1}


def test_sentence_carried_by_two_outlets_cites_both():
    segmented, chunks = setup()
    digest = Digest(chunk_id="a1.c1", labels=[Label(id=1, kind="event", party="Putin")])
    (item,) = ground([digest], chunks, segmented, labels="model").items
    assert [e.sentence_id for e in item.evidence] == ["a1.s1", "a2.s2"]
    assert item.article_ids == ["a1", "a2"]


def test_party_not_named_in_the_source_is_never_shown():
    segmented, chunks = setup()
    digest = Digest(chunk_id="a1.c1", labels=[Label(id=2, kind="position", party="Atlantis")])
    result = ground([digest], chunks, segmented, labels="model")
    assert result.items[0].party is None
    assert sum(result.dropped.values()) == 1


def test_the_same_sentence_labelled_twice_becomes_one_item():
    segmented, chunks = setup()
    labels = [Label(id=2, kind="position", party="Russia")] * 2
    result = ground([Digest(chunk_id="a1.c1", labels=labels)], chunks, segmented, labels="model")
    assert len(result.items) == 1


def test_rules_label_cue_phrases_and_win_over_the_model_on_the_same_sentence():
    segmented, chunks = setup()
    digest = Digest(chunk_id="a1.c1", labels=[Label(id=2, kind="event", party="Russia")])
    items = ground([digest], chunks, segmented, labels="combined").items
    kinds = {i.text: i.kind for i in items}
    assert kinds["Russia wants all of Donbas."] == "position"
    assert kinds["Ukraine wants a ceasefire now."] == "position"
