"""Grounded items of many articles -> stories with sections, sources and a timeline."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TypeVar

from . import chunk, corroborate, dates, disagree, sections
from .models import Article, Briefing, Evidence, Item, Problem, Quote, RunStats, Source, Story
from .parties import Parties

Finding = TypeVar("Finding", Item, Quote)

UNATTRIBUTED = "Unattributed"


def merge(
    items: list[Item],
    quotes: list[Quote],
    articles: list[Article],
    stories: list[Story],
    *,
    topic: str,
    date: dt.date,
    problems: list[Problem],
    stats: RunStats,
) -> Briefing:
    """Fill the sections of each story (from cluster.plan) with the items and quotes of its
    articles. A sentence repeated in two stories counts for each only with that story's own
    articles: corroboration is counted within a story."""
    story_of = {article_id: n for n, s in enumerate(stories) for article_id in s.article_ids}
    items_by_story: dict[int, list[Item]] = defaultdict(list)
    for item in items:
        for n, part in per_story(item, story_of):
            items_by_story[n].append(part)
    quotes_by_story: dict[int, list[Quote]] = defaultdict(list)
    for quote in quotes:
        for n, part in per_story(quote, story_of):
            quotes_by_story[n].append(part)
    published = {a.id: a.published for a in articles}
    return Briefing(
        topic=topic,
        date=date,
        generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        stories=[
            make_story(story, items_by_story[n], quotes_by_story[n], published, articles)
            for n, story in enumerate(stories)
        ],
        sources=sources(articles),
        problems=problems,
        stats=stats,
    )


def per_story(finding: Finding, story_of: dict[str, int]) -> list[tuple[int, Finding]]:
    """The finding once per story its evidence comes from, with only that story's evidence."""
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    for e in finding.evidence:
        if e.article_id in story_of:
            evidence[story_of[e.article_id]].append(e)
    if len(evidence) == 1 and len(next(iter(evidence.values()))) == len(finding.evidence):
        return [(next(iter(evidence)), finding)]
    return [(n, finding.model_copy(update={"evidence": ev})) for n, ev in evidence.items()]


def make_story(
    story: Story,
    items: list[Item],
    quotes: list[Quote],
    published: dict[str, dt.date | None],
    articles: list[Article] | None = None,
) -> Story:
    """Sections of one story: same-fact items merged across articles, parties normalised, the
    most important findings chosen within a share of the story's words and placed in the
    sections of its kind (briefing/sections.py); where its sources differ."""
    mine = [a for a in articles or [] if a.id in set(story.article_ids)]
    sentences = [s for a in mine for s in chunk.sentences_of(a)]
    resolver = Parties.learn(a.text for a in mine)
    combined = corroborate.combine(items, resolver, background=[s.text for s in sentences])
    kind = sections.story_kind(s.text for s in sentences)
    words = sum(len(s.text.split()) for s in sentences)
    budget = max(
        corroborate.MIN_FINDING_WORDS,
        int(corroborate.FINDING_WORDS * words) - corroborate.SOURCE_OVERHEAD * len(mine),
    )
    chosen = corroborate.choose(combined, budget, len(story.article_ids))
    dated = timeline([i for i in chosen if i.kind == "event"], published, corroborate.TIMELINE)
    on_timeline = {i.evidence[0].sentence_id for i in dated}
    placed = sections.assign(
        [i for i in chosen if i.evidence[0].sentence_id not in on_timeline], kind
    )
    return story.model_copy(
        update={
            "kind": kind,
            "positions": corroborate.by_party(placed.pop("positions", []), UNATTRIBUTED),
            "sticking_points": placed.pop("sticking_points", []),
            "next_steps": placed.pop("next_steps", []),
            "timeline": dated,
            "sections": placed,
            "quotes": corroborate.combine_quotes(quotes, shown=shown_sentences(chosen)),
            "differences": disagree.differences(sentences, quotes),
        }
    )


def shown_sentences(items: list[Item]) -> set[str]:
    return {e.sentence_id for i in items for e in i.evidence}


def timeline(
    events: list[Item], published: dict[str, dt.date | None], size: int | None = None
) -> list[Item]:
    """Events in date order; with `size`, the best-ranked ones, those with a stated date first.
    A relative date ("on Tuesday") resolves against the date of the article that states it."""
    dated: list[tuple[bool, Item]] = []
    for item in events:
        reference = published.get(item.evidence[0].article_id)
        when, approximate = dates.resolve(item.text, reference)
        stated = when is not None
        if when is None:
            when, approximate = reference, True
        update = {"date": when, "date_approximate": approximate}
        dated.append((stated, item.model_copy(update=update)))
    ranked = [i for _, i in sorted(dated, key=lambda d: not d[0])]
    # One event per date first, so that a few slots cover the story's course, not one day.
    first_of_day = [i for n, i in enumerate(ranked) if i.date not in {j.date for j in ranked[:n]}]
    chosen = [*first_of_day, *(i for i in ranked if i not in first_of_day)][:size]
    return sorted(chosen, key=lambda i: (i.date is None, i.date or dt.date.min))


def sources(articles: list[Article]) -> list[Source]:
    return [
        Source(
            number=n,
            article_id=a.id,
            title=a.title,
            outlet=a.outlet,
            published=a.published,
            path=a.path,
            url=a.url,
        )
        for n, a in enumerate(sorted(articles, key=lambda a: a.id), start=1)
    ]
