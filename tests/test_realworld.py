"""Ingestion of real news pages, one case per messy file (in the style of trafilatura's
realworld tests): the headline, outlet, date and first sentence a reader expects, what must be
gone from the text and what must be kept in `Article.removed`.

The files in tests/fixtures/realworld/ are copied unchanged from the development corpus
(../shared/devset/, see its SOURCES.md), named <cluster>__<file>. No model is involved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from briefing.ingest import describe_article, load_file
from briefing.models import Article

REALWORLD = Path(__file__).resolve().parent / "fixtures" / "realworld"
TODAY = dt.date(2026, 1, 1)


@dataclass
class Case:
    file: str
    title: str | None  # None: no headline in the file, the title is taken from the text
    outlet: str | None
    published: dt.date | None
    first: str  # how the text starts
    absent: list[str] = field(default_factory=list)  # must not be in the text or the title
    removed: list[str] = field(default_factory=list)  # must start a line of Article.removed
    approximate: bool = False


CASES = [
    Case(
        "cologne-nye-assaults__01_npr.json",
        "New Year's Eve Assaults Renew German Tensions Over Migrants",
        "npr.org",
        dt.date(2016, 1, 5),
        "German police are investigating reports of dozens of sexual assaults",
        absent=["toggle caption", "Landov"],
        removed=["Enlarge this image toggle caption"],
    ),
    Case(
        "costa-rica-plane-crash__02_washingtonpost.json",
        "10 foreigners, 2 locals killed in Costa Rica plane crash",
        "washingtonpost.com",
        dt.date(2017, 12, 31),
        "SAN JOSE, Costa Rica — A plane carrying 10 foreigners",
        absent=["via AP", "This photo released by"],
        removed=["This photo released by Costa Rica’s Civil Aviation press office"],
    ),
    Case(
        "equifax-breach__03_thesun.json",
        "Equifax admits that up to 400,000 Brits' sensitive information was exposed in a MAJOR "
        "data breach",
        "thesun.co.uk",
        dt.date(2017, 9, 15),
        # its standfirst ("description"), which the body does not repeat, then the body
        "CREDIT rating firm apologises after a vast number of people's names",
        absent=["Click here", "We pay for your stories"],
        removed=["We pay for your stories!"],
    ),
    Case(
        "equifax-breach__11_rt.json",
        "Equifax hack attack",
        "rt.com",
        dt.date(2017, 11, 27),
        "Equifax was hacked, but just before the announcement",
        absent=["Follow us", "facebook.com", "twitter.com", "Check us out"],
        removed=["Check us out on Facebook:", "Follow us @", "https://twitter.com/"],
    ),
    Case(
        "nk-oil-sanctions__02_washingtonpost.json",
        "Trump said China was caught ‘red handed’ selling oil to North Korea. Beijing denies it "
        "did anything wrong.",
        "washingtonpost.com",
        dt.date(2017, 12, 29),
        "The U.S. president seems increasingly frustrated with his North Korea plan.\n\nDid a "
        "Chinese ship deliver oil to North Korea",
        absent=["Like Washington Post World on Facebook", "Read more:"],
        removed=["Like Washington Post World on Facebook", "Read more:"],
    ),
    # The crawler's "publish" date is its own download day (2018-01-10) and the URL has no
    # date: the earlier date the story points to is taken, marked approximate.
    Case(
        "nk-oil-sanctions__05_rt.json",
        "‘Caught RED HANDED!’ Trump claims China selling oil to N. Korea despite sanctions",
        "rt.com",
        dt.date(2018, 1, 2),
        "Donald Trump has accused China of exporting oil to North Korea",
        approximate=True,
    ),
    Case(
        "cop29-finance-deal-2024__01_muser-afp.txt",
        None,
        "AFP",
        None,
        "The world approved a bitterly negotiated climate deal Sunday",
        absent=["Baku, Azerbaijan | AFP"],
        removed=["Baku, Azerbaijan | AFP"],
    ),
    Case(
        "cop29-finance-deal-2024__02_thegreenamazon.txt",
        "Developing Nations Criticize $300 Billion Climate Deal",
        "AFP",
        None,
        "The world approved a bitterly negotiated climate deal on Sunday",
        absent=["![", "wixstatic", "COP29\n"],
        removed=["![Around 200 nations", "By AFP - Agence France Presse", "COP29"],
    ),
    Case(
        "libya-derna-floods-2023__03_dw.txt",
        "Over 11,000 found dead, Libyan Red Crescent says",
        None,
        dt.date(2023, 9, 14),
        "The number of casualties in the Libyan city of Derna has risen to 11,300",
        absent=["date 2023", "09/14/2023"],
        removed=["date 2023-09-14"],
    ),
    Case(
        "libya-derna-floods-2023__04_1news.txt",
        None,
        None,
        dt.date(2023, 9, 15),
        "The death toll in Libya's coastal city of Derna has soared to 11,300",
        absent=["date 2023-09-15"],
        removed=["date 2023-09-15"],
    ),
    Case(
        "sbf-ftx-verdict-2023__05_thenational.txt",
        None,
        None,
        None,
        "FTX founder Sam Bankman-Fried was found guilty on Thursday of defrauding customers of "
        "his now-bankrupt cryptocurrency exchange in one of the biggest financial frauds on record",
        absent=["<a", "href", "</a>", "thenationalnews.com"],
    ),
    Case(  # a broadcast transcript: the courtesies around the interview are not the story
        "cologne-nye-assaults__02_npr.json",
        "Migrants In Germany Accused Of Coordinated Sexual Assaults",
        "npr.org",
        dt.date(2016, 1, 6),
        "Police are investigating dozens of sexual assaults",
        absent=["speaking to us from Berlin", "You're welcome, Renee", "Good morning, Renee"],
        removed=["MONTAGNE: That's NPR's Soraya Sarhaddi Nelson", "NELSON: You're welcome"],
    ),
    Case(  # a photo caption whose credit follows its last sentence ("... poll. Picture: AFP")
        "zimbabwe-election-2018__01_businesslive.txt",
        None,
        None,
        dt.date(2018, 8, 3),
        "Emmerson Mnangagwa has won the Zimbabwean presidential election",
        absent=["Supporters of Zanu-PF celebrate", "Picture: AFP"],
        removed=["Supporters of Zanu-PF celebrate the results"],
        approximate=True,
    ),
]


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    loaded = {}
    for case in CASES:
        (article,) = load_file(REALWORLD / case.file, today=TODAY)
        loaded[case.file] = article
    return loaded


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.file)
def test_real_page_has_its_headline_outlet_and_date(
    case: Case, articles: dict[str, Article]
) -> None:
    article = articles[case.file]
    if case.title is None:
        assert article.title_from_text
    else:
        assert (article.title, article.title_from_text) == (case.title, False)
    assert article.outlet == case.outlet
    assert article.published == case.published
    assert article.date_approximate == case.approximate


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.file)
def test_real_page_text_starts_with_the_story_and_page_chrome_is_kept_aside(
    case: Case, articles: dict[str, Article]
) -> None:
    article = articles[case.file]
    assert article.text.startswith(case.first)
    for phrase in case.absent:
        assert phrase not in article.text and phrase not in article.title
    for line in case.removed:
        assert any(r.startswith(line) for r in article.removed), line
        assert line in describe_article(article)  # `briefing inspect` shows what went


def test_leftover_link_markup_is_removed_and_listed_as_a_repair(
    articles: dict[str, Article],
) -> None:
    article = articles["sbf-ftx-verdict-2023__05_thenational.txt"]
    assert article.repairs == ["removed markup <a> (3x)"]
    assert "repaired:  removed markup <a> (3x)" in describe_article(article)


def test_a_list_marker_before_a_paragraph_is_removed_and_listed_as_a_repair() -> None:
    (article,) = load_file(
        Path(__file__).resolve().parent / "fixtures" / "one_story" / "06_forexlive.txt",
        today=TODAY,
    )
    assert "\nAdditional Tier 1 debt will be written down to zero" in article.text
    assert "- Additional" not in article.text
    assert article.repairs == ["removed markup list marker"]


def test_a_numbered_list_marker_is_removed_but_a_figure_opening_a_paragraph_stays(tmp_path) -> None:
    page = tmp_path / "livemint.txt"
    page.write_text(
        "Libya flood death toll rises\n\n"
        "2. A UN official said Thursday that most casualties could have been avoided.\n\n"
        "3.5 million people live in the east of the country, officials said.\n"
    )
    (article,) = load_file(page, today=TODAY)
    assert "A UN official said Thursday" in article.text and "2. A UN" not in article.text
    assert "3.5 million people live in the east" in article.text
