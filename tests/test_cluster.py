"""Grouping articles into stories, stable story ids across runs, topic and outlet rules (no LLM).

tests/stories/mixed holds three stories besides the seeds (an EU summit that mentions Zelenskyy
and Trump's peace plan, a Federal Reserve decision that mentions Trump, a typhoon) from three or
four outlets each, plus one single-outlet story; tests/stories/later a follow-up on the typhoon.
The story of a file is the start of its name (the seeds are all one story).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import numpy as np
import pytest

from briefing import cluster, settings, story_index
from briefing.assemble import per_story
from briefing.ingest import load_folder
from briefing.models import Article, Evidence, Item
from tests.conftest import ROOT, SEEDS

STORIES = ROOT / "tests" / "stories"
DAY = dt.date(2025, 12, 11)


def story_of(article: Article) -> str:
    name = Path(article.path).name
    return "ukraine_talks" if name[0].isdigit() else name.rsplit("_", 1)[0]


def folder(tmp_path: Path, *sources: Path) -> Path:
    target = tmp_path / "articles"
    target.mkdir(exist_ok=True)
    for source in sources:
        for path in source.iterdir():
            shutil.copy(path, target / path.name)
    return target


def articles_in(path: Path, today: dt.date = DAY) -> list[Article]:
    return load_folder(path, today=today).articles


def as_stories(groups: list[list[Article]]) -> set[frozenset[str]]:
    return {frozenset(Path(a.path).name for a in g) for g in groups}


def expected(articles: list[Article]) -> set[frozenset[str]]:
    by_story: dict[str, set[str]] = {}
    for article in articles:
        by_story.setdefault(story_of(article), set()).add(Path(article.path).name)
    return {frozenset(names) for names in by_story.values()}


@pytest.fixture
def mixed(tmp_path) -> list[Article]:
    return articles_in(folder(tmp_path, SEEDS, STORIES / "mixed"))


def test_mixed_folder_is_split_into_exactly_its_stories(mixed):
    groups = cluster.group(mixed)
    assert len(groups) == 5
    assert as_stories(groups) == expected(mixed)


def test_seeds_are_one_story_with_all_five_articles():
    seeds = articles_in(SEEDS, dt.date(2025, 12, 5))
    plan = cluster.plan(seeds, index=story_index.StoryIndex(), date=dt.date(2025, 12, 5))
    (story,) = plan.stories
    assert story.article_ids == ["a1", "a2", "a3", "a4", "a5"]
    assert story.title in {a.title for a in seeds}
    assert not plan.also_reported and not plan.no_longer_covered


def test_stories_forces_the_number_of_stories(mixed):
    assert len(cluster.group(mixed, stories=2)) == 2
    assert len(cluster.group(mixed, stories=100)) == len(mixed)


def test_top_stories_rank_by_outlets_then_recency_and_single_outlet_is_also_reported(mixed):
    plan = cluster.plan(mixed, index=story_index.StoryIndex(), date=DAY)
    assert [len(s.outlets) for s in plan.stories] == [4, 4, 4, 3]
    four = plan.stories[:3]
    assert [s.latest for s in four] == sorted((s.latest for s in four), reverse=True)
    (also,) = plan.also_reported
    assert also.outlets == ["Le Monde in English"]
    assert "Louvre" in also.title
    # Louvre's article is listed as a source but never sent to the model.
    assert len(plan.articles(mixed)) == len(mixed) - 1
    assert len(plan.shown(mixed)) == len(mixed)


def test_min_sources_one_gives_every_story_its_section(mixed):
    plan = cluster.plan(mixed, index=story_index.StoryIndex(), date=DAY, min_sources=1)
    assert len(plan.stories) == 5 and not plan.also_reported


def test_a_lone_article_gets_its_section_rather_than_only_also_reported(tmp_path):
    lone = articles_in(folder(tmp_path, STORIES / "later"))
    plan = cluster.plan(lone, index=story_index.StoryIndex(), date=DAY)
    assert len(plan.stories) == 1 and not plan.also_reported


def test_title_is_a_headline_of_the_story(mixed):
    plan = cluster.plan(mixed, index=story_index.StoryIndex(), date=DAY)
    titles = {a.id: a.title for a in mixed}
    for story in plan.stories:
        assert story.title in {titles[i] for i in story.article_ids}


def test_topic_keeps_only_the_stories_that_match_it(mixed):
    plan = cluster.plan(mixed, index=story_index.StoryIndex(), date=DAY, topic="Typhoon in Luzon")
    (story,) = plan.stories
    assert "Fung-wong" in story.title
    assert len(plan.left_out) == 4
    fed = cluster.plan(mixed, index=story_index.StoryIndex(), date=DAY, topic="interest rates")
    assert [s.terms[0] for s in fed.stories] == ["fed"]
    none = cluster.plan(mixed, index=story_index.StoryIndex(), date=DAY, topic="World Cup final")
    assert not none.stories


def test_story_ids_are_stable_across_editions_and_run_dates(mixed, tmp_path):
    first = cluster.plan(mixed, index=story_index.StoryIndex(), date=DAY)
    story_index.save_index(tmp_path, first.index)
    again = cluster.plan(mixed, index=story_index.load_index(tmp_path), date=DAY)
    assert [s.id for s in again.stories] == [s.id for s in first.stories]
    # Without an index the id comes from the article that opened the story, whatever the date.
    later = DAY + dt.timedelta(days=3)
    moved = articles_in(folder(tmp_path, SEEDS, STORIES / "mixed"), later)
    later_day = cluster.plan(moved, index=story_index.StoryIndex(), date=later)
    assert {s.id for s in later_day.stories} == {s.id for s in first.stories}
    assert not again.no_longer_covered


def test_new_article_joins_its_story_on_rerun(mixed, tmp_path):
    first = cluster.plan(mixed, index=story_index.StoryIndex(), date=DAY)
    typhoon = next(s for s in first.stories if "Fung-wong" in s.title)
    grown = articles_in(folder(tmp_path, SEEDS, STORIES / "mixed", STORIES / "later"))
    rerun = cluster.plan(grown, index=first.index, date=DAY)
    assert {s.id for s in rerun.stories} == {s.id for s in first.stories}
    joined = next(s for s in rerun.stories if s.id == typhoon.id)
    names = {Path(a.path).name for a in grown if a.id in joined.article_ids}
    assert names == {"typhoon_1.md", "typhoon_2.md", "typhoon_3.txt", "typhoon_update.md"}


def test_next_day_article_continues_its_story_and_the_rest_are_no_longer_covered(mixed, tmp_path):
    first = cluster.plan(mixed, index=story_index.StoryIndex(), date=DAY)
    story_index.save_index(tmp_path / "out", first.index)
    next_day = DAY + dt.timedelta(days=1)
    update = articles_in(STORIES / "later", next_day)
    plan = cluster.plan(update, index=story_index.load_index(tmp_path / "out"), date=next_day)
    (story,) = plan.stories
    typhoon = next(s for s in first.stories if "Fung-wong" in s.title)
    assert story.id == typhoon.id
    assert story.first_seen == DAY
    gone = {p.id for p in plan.no_longer_covered}
    assert gone == {s.id for s in [*first.stories, *first.also_reported]} - {typhoon.id}
    assert all(p.last_seen == DAY for p in plan.no_longer_covered)
    record = next(r for r in plan.index.stories if r.id == typhoon.id)
    assert len(record.members) == 4 and record.last_seen == next_day
    # A week later a story no article covers leaves the brief (it stays in the index).
    much_later = DAY + dt.timedelta(days=settings.current().no_longer_covered_days + 1)
    quiet = cluster.plan(update, index=plan.index, date=much_later)
    assert not quiet.no_longer_covered


def test_unreadable_index_starts_afresh(tmp_path):
    (tmp_path / story_index.INDEX_NAME).write_text("{not json")
    assert story_index.load_index(tmp_path).stories == []
    assert story_index.load_index(tmp_path / "missing").stories == []


def test_no_article_and_one_article():
    assert cluster.group([]) == []
    plan = cluster.plan([], index=story_index.StoryIndex(), date=DAY)
    assert plan.stories == [] and plan.index.stories == []


def test_sentence_repeated_in_two_stories_counts_within_each_story():
    def evidence(article_id: str) -> Evidence:
        return Evidence(sentence_id=f"{article_id}.s1", article_id=article_id, text="Same.")

    item = Item(kind="event", text="Same.", evidence=[evidence("a1"), evidence("a2"),
                                                       evidence("a3")])  # fmt: skip
    parts = per_story(item, {"a1": 0, "a2": 1, "a3": 0})
    assert [(n, part.article_ids) for n, part in parts] == [(0, ["a1", "a3"]), (1, ["a2"])]
    assert per_story(item, {"a1": 0, "a2": 0, "a3": 0}) == [(0, item)]


def test_generate_on_a_mixed_folder_gives_one_section_per_story(tmp_path, live_base_url):
    """End to end (cassettes/generate_mixed.yaml): the seeds and three other stories, then a rerun
    with one more article that joins its story under the same id."""
    from click.testing import CliRunner

    from briefing.cli import cli
    from briefing.models import Briefing
    from tests.conftest import CLEAN_ENV, MODEL, replaying

    articles = folder(tmp_path, SEEDS, STORIES / "mixed")
    out = tmp_path / "briefings"
    runs = []
    with replaying("generate_mixed", live_base_url) as base_url:
        for date in ("2025-12-11", "2025-12-12"):
            if date == "2025-12-12":
                shutil.copy(STORIES / "later" / "typhoon_update.md", articles)
            result = CliRunner().invoke(cli, [
                "generate", str(articles), "--date", date, "--out", str(out),
                "--base-url", base_url, "--model", MODEL, "--cache-dir", str(tmp_path / "cache"),
                "--format", "md,json",
            ], env=CLEAN_ENV)  # fmt: skip
            assert result.exit_code == 0, result.output
            runs.append(Briefing.model_validate_json((out / f"{date}.json").read_text()))
    first, second = runs
    assert len(first.stories) == 4 and len(first.also_reported) == 1
    assert sorted(len(s.article_ids) for s in first.stories) == [3, 4, 4, 5]
    markdown = (out / "2025-12-11.md").read_text()
    top = markdown.split("## Top stories")[1].split("### Also reported")[0]
    for story in first.stories:
        assert f"](#{story.id})" in top
        assert f"## {story.title.split()[0]}" in markdown
    assert "Louvre" in markdown.split("### Also reported")[1].split("## ")[0]
    # The typhoon gained an outlet and moves up the ranking; no story changed its id.
    assert {s.id for s in second.stories} == {s.id for s in first.stories}
    typhoon = next(s for s in second.stories if "Fung-wong" in s.title)
    assert len(typhoon.article_ids) == 4
    assert (out / story_index.INDEX_NAME).is_file()


def test_an_article_with_no_known_outlet_is_named_by_its_file_not_its_folder(tmp_path):
    from briefing.ingest import make_article

    lone = make_article(1, tmp_path / "deep" / "06_forexlive.txt", "AT1 bonds were wiped out.")
    plan = cluster.plan([lone], index=story_index.StoryIndex(), date=DAY)
    assert plan.stories[0].outlets == ["06_forexlive.txt"]
    monday = make_article(1, tmp_path / "mon" / "story.txt", "AT1 bonds were wiped out today.")
    tuesday = make_article(2, tmp_path / "tue" / "story.txt", "AT1 bonds were wiped out again.")
    plan = cluster.plan([monday, tuesday], index=story_index.StoryIndex(), date=DAY, stories=1)
    assert plan.stories[0].outlets == ["mon/story.txt", "tue/story.txt"]  # two files, two sources


def test_a_story_without_headlines_is_titled_by_a_whole_opening_sentence_not_a_cut_one(tmp_path):
    from briefing.ingest import load_folder

    long = (
        "Sam Bankman-Fried, whose FTX cryptocurrency exchange collapsed and cost his customers "
        "billions of their savings, was convicted Thursday on all seven criminal counts."
    )
    short = "The jury in Sam Bankman-Fried's FTX fraud trial has reached a verdict."
    (tmp_path / "1.txt").write_text(f"{long}\n\nThe jury deliberated for four hours.\n")
    (tmp_path / "2.txt").write_text(f"{short}\n\nSentencing is set for March 28, 2024.\n")
    articles = load_folder(tmp_path, today=DAY).articles
    assert all(a.title_from_text for a in articles) and articles[0].title.endswith("…")
    plan = cluster.plan(articles, index=story_index.StoryIndex(), date=DAY, min_sources=1)
    assert plan.stories[0].title == short


def test_a_story_is_titled_by_the_headline_about_its_core_not_one_side_of_it(tmp_path):
    # The Fed cut (eight real pages): the Bloomberg page on the one dissent had the most typical
    # body, and its headline titled the whole story.
    pages = {
        "1.txt": (
            "Fed slashes rates by a half percentage point",
            "The Federal Reserve cut interest rates by half a percentage point on Wednesday. "
            "Stocks rallied.",
        ),
        "2.txt": (
            "Federal Reserve cuts interest rates by half a point, stocks end lower",
            "The Fed cut rates by half a point. Stocks ended lower after the decision.",
        ),
        "3.txt": (  # the body that says everything the others say, and one more thing
            "Bowman Dissent Over Cut Is First From a Fed Governor Since 2005",
            "Governor Michelle Bowman dissented as the Federal Reserve cut interest rates by half "
            "a percentage point on Wednesday. The Fed cut rates by half a point, its first cut "
            "since 2020, and stocks ended lower after the decision.",
        ),
    }
    for name, (headline, body) in pages.items():
        (tmp_path / name).write_text(f"{headline}\n\n{body}\n")
    articles = load_folder(tmp_path, today=DAY).articles
    plan = cluster.plan(articles, index=story_index.StoryIndex(), date=DAY, min_sources=1)
    assert "Bowman" not in plan.stories[0].title
    assert plan.stories[0].title in {headline for headline, _ in pages.values()}


ONE_STORY = ROOT / "tests" / "fixtures" / "one_story"  # ../shared/devset/ubs-credit-suisse-2023


def test_a_short_piece_naming_the_story_it_belongs_to_joins_it_in_a_folder_of_one_story():
    # In a folder of one story every article shares its words, so they weigh little; the
    # ForexLive note on the AT1 bonds ("As part of the deal arranged for UBS to buy Credit
    # Suisse ...") fell out into "Also reported". Its lead names the story's subject.
    articles = articles_in(ONE_STORY)
    assert len(articles) == 9
    assert [len(g) for g in cluster.group(articles)] == [9]


def test_a_piece_on_another_subject_stays_apart_from_a_folder_of_one_story(tmp_path):
    target = folder(tmp_path, ONE_STORY)
    shutil.copy(STORIES / "mixed" / "louvre_heist.md", target / "louvre_heist.md")
    groups = as_stories(cluster.group(articles_in(target)))
    assert frozenset({"louvre_heist.md"}) in groups and len(groups) == 2


def test_one_outlets_pieces_that_name_the_story_join_it_instead_of_also_reported(tmp_path):
    # The Las Vegas shooting (news-please exports): two long New York Times pages on the gunman
    # grouped apart from the ten short reports, one outlet, so "Also reported".
    from briefing.ingest import make_article

    def piece(n: int, outlet: str, text: str) -> Article:
        article = make_article(n, tmp_path / f"{n}.txt", text)
        return article.model_copy(update={"outlet": outlet})

    articles = [
        piece(1, "rt.com", "Las Vegas shooting\n\nA gunman killed 59 people in Las Vegas."),
        piece(2, "cnn.com", "Las Vegas attack\n\nThe Las Vegas gunman killed 59 people."),
        piece(3, "nytimes.com", "Las Vegas gunman\n\nThe Las Vegas gunman was a gambler."),
        piece(4, "nytimes.com", "Las Vegas timeline\n\nThe Las Vegas gunman fired for minutes."),
        piece(5, "nytimes.com", "Tax bill\n\nThe Senate passed a tax bill on Friday."),
    ]
    near, far = 0.06, 0.0  # the pair is as close to the reports as a lone piece must be
    similarity = np.array(
        [
            [1, 0.5, near, near, far],
            [0.5, 1, near, near, far],
            [near, near, 1, 0.5, far],
            [near, near, 0.5, 1, far],
            [far, far, far, far, 1],
        ]
    )
    groups = cluster.attach_singletons([[0, 1], [2, 3], [4]], articles, similarity)
    assert groups == [[0, 1, 2, 3], [4]]


def test_a_few_outlets_on_one_side_of_the_story_most_leads_name_join_it(tmp_path):
    # Milei's win (page excerpts): two market reports and two pages on Lula's and Bolsonaro's
    # messages grouped apart from the four reports of the result: three "stories" of one event.
    from briefing.ingest import make_article

    def page(n: int, text: str) -> Article:
        return make_article(n, tmp_path / f"{n}.txt", text)

    articles = [
        page(1, "Milei wins\n\nJavier Milei won the Argentine runoff on Sunday."),
        page(2, "Milei elected\n\nJavier Milei beat Sergio Massa in the runoff."),
        page(3, "Peso slides\n\nArgentina's peso fell after Milei's victory."),
        page(4, "Stocks soar\n\nArgentine stocks soared on Milei's win."),
        page(5, "Lula's message\n\nLula wished Milei's government luck."),
        page(6, "Bolsonaro to attend\n\nBolsonaro will attend Milei's inauguration."),
        page(7, "Typhoon\n\nA typhoon hit the Philippines on Sunday."),
    ]
    similarity = sides_apart(7, [[0, 1], [2, 3], [4, 5]], near=0.08)
    similarity[6, :] = similarity[:, 6] = similarity[6, 6] = 0.0
    groups = cluster.one_subject([[0, 1], [2, 3], [4, 5], [6]], articles, similarity)
    assert groups == [[0, 1, 2, 3, 4, 5], [6]]


def test_a_live_page_naming_what_the_story_names_beside_its_subject_joins_it(tmp_path):
    # CrowdStrike's outage: the Daily Mail's "Microsoft outage live" names Microsoft, not
    # CrowdStrike, and was left as a story of its own under "Also reported".
    from briefing.ingest import make_article

    texts = [
        "CrowdStrike outage\n\nA CrowdStrike update crashed Windows machines worldwide.",
        "CrowdStrike shares fall\n\nCrowdStrike shares fell 15% after the outage.",
        "CrowdStrike sorry\n\nMicrosoft said 8.5 million devices failed.",
        "Microsoft outage live\n\nThe most serious IT outage grounded planes and trains.",
        "Typhoon\n\nA typhoon hit the Philippines on Sunday.",
    ]
    articles = [make_article(n, tmp_path / f"{n}.txt", t) for n, t in enumerate(texts, 1)]
    similarity = sides_apart(5, [[0, 1, 2], [3], [4]], near=0.09)
    similarity[4, :] = similarity[:, 4] = 0.0
    similarity[4, 4] = 1.0
    groups = cluster.one_subject([[0, 1, 2], [3], [4]], articles, similarity)
    assert groups == [[0, 1, 2, 3], [4]]


def test_two_stories_naming_one_president_stay_two(tmp_path):
    from briefing.ingest import make_article

    texts = [
        "Tariffs\n\nPresident Donald Trump put tariffs on Canada and Mexico.",
        "Trade war\n\nTrump's tariffs on Canada and Mexico took effect.",
        "Ukraine call\n\nTrump spoke to Putin about a ceasefire in Ukraine.",
        "Putin call\n\nTrump and Putin discussed Ukraine for two hours.",
    ]
    articles = [make_article(n, tmp_path / f"{n}.txt", t) for n, t in enumerate(texts, 1)]
    similarity = sides_apart(4, [[0, 1], [2, 3]], near=0.06)
    assert cluster.one_subject([[0, 1], [2, 3]], articles, similarity) == [[0, 1], [2, 3]]


def sides_apart(n: int, groups: list[list[int]], near: float) -> np.ndarray:
    """Similarities of `n` articles: 0.5 within each group, `near` between groups."""
    similarity = np.full((n, n), near)
    for group in groups:
        similarity[np.ix_(group, group)] = 0.5
    np.fill_diagonal(similarity, 1.0)
    return similarity
