"""Grounded items of many articles -> stories with sections, sources and a timeline."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from . import cluster, dates
from .models import Article, Briefing, Item, Problem, Quote, RunStats, Source, Story

UNATTRIBUTED = "Unattributed"


def merge(
    items: list[Item],
    quotes: list[Quote],
    groups: list[list[Article]],
    *,
    topic: str,
    date: dt.date,
    problems: list[Problem],
    stats: RunStats,
) -> Briefing:
    """One Story per group of articles; items and quotes go to the story of their evidence."""
    articles = [a for g in groups for a in g]
    story_of = {a.id: n for n, g in enumerate(groups) for a in g}
    items_by_story: dict[int, list[Item]] = defaultdict(list)
    for item in items:
        items_by_story[story_of[item.evidence[0].article_id]].append(item)
    quotes_by_story: dict[int, list[Quote]] = defaultdict(list)
    for quote in quotes:
        quotes_by_story[story_of[quote.evidence[0].article_id]].append(quote)
    published = {a.id: a.published for a in articles}
    return Briefing(
        topic=topic,
        date=date,
        generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        stories=[
            make_story(group, items_by_story[n], quotes_by_story[n], published)
            for n, group in enumerate(groups)
        ],
        sources=sources(articles),
        problems=problems,
        stats=stats,
    )


def make_story(
    articles: list[Article],
    items: list[Item],
    quotes: list[Quote],
    published: dict[str, dt.date | None],
) -> Story:
    by_kind: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_kind[item.kind].append(item)
    return Story(
        id=cluster.story_id(articles),
        title=cluster.story_title(articles),
        article_ids=[a.id for a in articles],
        positions=group_by_party(by_kind["position"]),
        sticking_points=by_corroboration(by_kind["sticking_point"]),
        next_steps=by_corroboration(by_kind["next_step"]),
        timeline=timeline(by_kind["event"], published),
        quotes=sorted(quotes, key=lambda q: -len(q.article_ids)),
    )


def by_corroboration(items: list[Item]) -> list[Item]:
    """Most-corroborated first; ties keep source order (stable sort)."""
    return sorted(items, key=lambda i: -len(i.article_ids))


def group_by_party(items: list[Item]) -> dict[str, list[Item]]:
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[item.party or UNATTRIBUTED].append(item)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == UNATTRIBUTED, -len(kv[1]), kv[0]))
    return {party: by_corroboration(group) for party, group in ordered}


def timeline(events: list[Item], published: dict[str, dt.date | None]) -> list[Item]:
    dated: list[Item] = []
    for item in events:
        reference = published.get(item.evidence[0].article_id)
        when, approximate = dates.resolve(item.text, reference)
        if when is None:
            when, approximate = reference, True
        dated.append(item.model_copy(update={"date": when, "date_approximate": approximate}))
    return sorted(dated, key=lambda i: (i.date is None, i.date or dt.date.min))


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
