"""Real clusters, no model: ingestion and disagreement detection find every difference the
corpus's gold lists for these articles, and no other (tests/fixtures/disagree/README.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.disagree import differences
from briefing.ingest import load_folder
from briefing.quotes import find_quotes
from briefing.text.sentences import numbered as sentences_of

FIXTURES = Path(__file__).parent / "fixtures" / "disagree"

# cluster -> {what differs: words that must appear among its values}
EXPECTED = {
    "libya-derna-floods-2023": {
        "Death toll": ["more than 5,200", "about 6,000", "11,300"],
        "Missing": ["10,100", "20,000"],
        "When the storm hit": ["Sunday night", "Monday"],
    },
    "nk-oil-sanctions": {
        "Flag of the Lighthouse Winmore": ["Hong Kong-flagged", "Marshall Islands"],
    },
    "sbf-ftx-verdict-2023": {
        "length of the trial": ["month-long", "five-week"],
        "Losses": ["$8 billion", "nearly $10 billion"],
        "Counts of fraud": ["two counts of fraud", "six counts relating to fraud"],
        "When the sentencing is": ["March 28", "at a later date"],
    },
    "costa-rica-plane-crash": {
        "Who the crew is": ["identified the pilot as", "have not been formally released"],
    },
    "cop29-finance-deal-2024": {
        "When the deal was reached": ["deal Sunday", "23 November 2024"],
        "Raina’s words": ["nothing more than an optical illusion", "little more than"],
    },
    "cologne-nye-assaults": {
        "Complaints": ["90 victims", "821 complaints"],
        "Suspects": ["30 people from", "31 suspects"],
    },
    "ubs-credit-suisse-2023": {
        "age of the bank": ["167-year-old", "166-year-old"],
        "Deal value": ["3 billion Swiss francs", "more than $2 billion"],
        "Price per share": ["0.50 francs", "76 centimes"],
        "Support": ["up to 100 billion Swiss francs", "200 billion francs"],
    },
    "equifax-breach": {
        "People affected (Americans)": ["143million", "145.5 million"],
        "People affected (Britons)": ["44million Brits", "fewer than 400,000"],
        "People affected (Canadians)": ["100,000 Canadian", "8,000 Canadian"],
    },
}


def found_in(cluster: str) -> dict[str, list[str]]:
    ingested = load_folder(
        FIXTURES / cluster, today=dt.date(2024, 1, 1), max_bytes=10**7, follow_symlinks=False
    )
    articles = ingested.articles
    sentences = [s for a in articles for s in sentences_of(a)]
    published = {a.id: a.published for a in articles}
    found = differences(sentences, find_quotes(articles), published)
    return {d.about: [v.text for v in d.variants] for d in found}


@pytest.mark.parametrize("cluster", sorted(EXPECTED))
def test_every_real_difference_is_found_with_its_values_and_no_other(cluster: str):
    found = found_in(cluster)
    assert sorted(found) == sorted(EXPECTED[cluster])
    for about, values in EXPECTED[cluster].items():
        for value in values:
            assert any(value in text for text in found[about]), (about, value, found[about])


def test_every_value_shown_is_verbatim_in_the_sentences_it_cites():
    for cluster in EXPECTED:
        ingested = load_folder(
            FIXTURES / cluster, today=dt.date(2024, 1, 1), max_bytes=10**7, follow_symlinks=False
        )
        sentences = [s for a in ingested.articles for s in sentences_of(a)]
        for difference in differences(sentences, find_quotes(ingested.articles)):
            for variant in difference.variants:
                assert any(variant.text in e.text for e in variant.evidence), variant
