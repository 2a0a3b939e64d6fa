"""Findings, quotes and stories -> the whole Briefing, assembled in this one module.

`stories` fills the sections of each story (corroborated, ranked and capped, with a timeline and
where sources differ); `briefing` builds the Briefing from everything the run decided.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import TypeVar

from . import corroborate, disagree, sections, settings
from .cluster import Plan
from .models import (
    Article,
    Briefing,
    Evidence,
    Item,
    Problem,
    Quote,
    RunStats,
    Sentence,
    Source,
    Story,
    Suspicion,
)
from .parties import Parties
from .text import dates
from .text.ids import article_order
from .text.sentences import asides, cut_off

Finding = TypeVar("Finding", Item, Quote)

UNATTRIBUTED = "Unattributed"


def stories(
    items: list[Item],
    quotes: list[Quote],
    skeletons: list[Story],
    articles: list[Article],
    sentences: list[Sentence],
) -> list[Story]:
    """Fill the sections of each story (from cluster.plan) with the items and quotes of its
    articles; `sentences` are the numbered sentences of those articles (chunk.segment). A
    sentence repeated in two stories counts for each only with that story's own articles:
    corroboration is counted within a story."""
    story_of = {article_id: n for n, s in enumerate(skeletons) for article_id in s.article_ids}
    items_by_story: dict[int, list[Item]] = defaultdict(list)
    for item in items:
        for n, part in per_story(item, story_of):
            items_by_story[n].append(part)
    quotes_by_story: dict[int, list[Quote]] = defaultdict(list)
    for quote in quotes:
        for n, part in per_story(quote, story_of):
            quotes_by_story[n].append(part)
    published = {a.id: a.published for a in articles}
    return [
        make_story(story, items_by_story[n], quotes_by_story[n], published, articles, sentences)
        for n, story in enumerate(skeletons)
    ]


def briefing(
    filled: list[Story],
    plan: Plan,
    articles: list[Article],
    *,
    topic: str,
    date: dt.date,
    problems: list[Problem],
    suspicious: list[Suspicion],
    warnings: list[str],
    stats: RunStats,
) -> Briefing:
    """The whole briefing: filled stories, the plan's other stories, sources and what went wrong.
    Sources are the articles of the stories shown in full and of 'Also reported'."""
    return Briefing(
        topic=topic,
        date=date,
        generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        stories=filled,
        also_reported=plan.also_reported,
        no_longer_covered=plan.no_longer_covered,
        sources=sources(plan.shown(articles)),
        problems=problems,
        warnings=warnings,
        suspicious=suspicious,
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
    articles: list[Article],
    sentences: list[Sentence],
) -> Story:
    """Sections of one story: same-fact items merged across articles, parties normalised, the
    most important findings chosen within a share of the story's words and placed in the
    sections of its kind (briefing/sections.py); where its sources differ."""
    members = set(story.article_ids)
    resolver = Parties.learn(a.text for a in articles if a.id in members)
    own = [s for s in sentences if s.article_id in members]
    unfinished = cut_off(own)  # a truncated excerpt's last words are no finding
    # Another event told inside an article is not this story's: no finding, quote or figure.
    elsewhere = asides(own)
    own = [s for s in own if s.id not in elsewhere]
    quotes = [q for q in quotes if not any(e.sentence_id in elsewhere for e in q.evidence)]
    figures = disagree.read_story(own)  # read once for differences and key figures
    items = [i for i in items if not {e.sentence_id for e in i.evidence} & (unfinished | elsewhere)]
    combined = corroborate.combine(items, resolver, background=[s.text for s in own])
    texts = [a.text for a in articles if a.id in members]
    key_quotes = corroborate.combine_quotes(quotes, texts)
    # A sentence that is mostly a key quote is read under "Key quotes"; not twice.
    said = corroborate.quoted_sentences(key_quotes, {s.id: s.text for s in own})
    combined = [i for i in combined if i.evidence[0].sentence_id not in said]
    kind = sections.story_kind(s.text for s in own)
    differ = disagree.differences(own, quotes, published, figures)
    # A figure the sources state differently is read under "Where sources differ", every value
    # with its source: the sentences that state them are not findings too, and the line's words
    # come out of the findings' share (bench/quality.py: the same key facts in fewer words).
    room = corroborate.budget(
        sum(len(s.text.split()) for s in own),
        len(members),
        shown=disagree.words_shown(differ),
        share=sections.finding_share(kind),
    )
    chosen = corroborate.choose(
        combined, room, len(members), *sections.weights(kind), sections.section_of(kind),
        shown_elsewhere=disagree.sentences_shown(differ),
    )  # fmt: skip
    events = [i for i in chosen if i.kind == "event"]
    guessed = {a.id for a in articles if a.date_approximate}
    dated = timeline(events, published, settings.current().timeline, guessed)
    on_timeline = {i.evidence[0].sentence_id for i in dated}
    placed = sections.assign(
        [i for i in chosen if i.evidence[0].sentence_id not in on_timeline],
        kind,
        passed=passed_steps(chosen, {a: published.get(a) for a in members}, guessed),
    )
    # "Death toll, rounded differently" lists the death toll's values too.
    contested = frozenset(
        d.about.removesuffix(disagree.ROUNDED) for d in differ if d.kind == "number"
    )
    return story.model_copy(
        update={
            "kind": kind,
            "positions": corroborate.by_party(placed.pop("positions", []), UNATTRIBUTED),
            "sticking_points": placed.pop("sticking_points", []),
            "next_steps": placed.pop("next_steps", []),
            "timeline": dated,
            "sections": placed,
            # Shown in its first sentences; the sentences it spans are still read there.
            "quotes": [corroborate.first_sentences(q) for q in key_quotes],
            "differences": differ,
            "key_figures": disagree.key_figures(
                own, stated=figures, shown=shown_ids(chosen), contested=contested
            ),
        }
    )


# A step's time as a span from its article's date: "this week", "in the coming days".
SOON = {"this week": 7, "in the coming days": 7, "next week": 14, "in the coming weeks": 28}
SOON_SAID = re.compile(r"\b(?:" + "|".join(SOON) + r")\b", re.I)


def passed_steps(
    items: list[Item], published: dict[str, dt.date | None], guessed: set[str]
) -> frozenset[str]:
    """Sentences of steps whose time had come by the story's latest report: "he is scheduled to
    speak at this week" in an article six weeks older than the newest is no next step."""
    dated = [d for a, d in published.items() if d and a not in guessed]
    latest = max(dated, default=None)
    found = set()
    for item in items:
        article = item.evidence[0].article_id
        reference = published.get(article)
        if latest is None or reference is None or article in guessed or reference >= latest:
            continue
        when = dates.date_ahead(item.text, reference)
        soon = SOON_SAID.search(item.text)
        if when is None and soon:
            when = reference + dt.timedelta(days=SOON[soon.group().lower()])
        # A day before its article's is what the step follows, not when it comes.
        if when is not None and reference <= when < latest:
            found.add(item.evidence[0].sentence_id)
    return frozenset(found)


def shown_ids(items: list[Item]) -> frozenset[str]:
    """The sentences a story shows as findings (each finding reads as its first sentence)."""
    return frozenset(i.evidence[0].sentence_id for i in items)


# A sentence that opens on someone's words: "“She was home for like 18 hours,” Noll recalled
# Monday." Its date is when it was said, not when anything happened.
QUOTED_FIRST = re.compile(r"""\s*[“"‘]""")


def timeline(
    events: list[Item],
    published: dict[str, dt.date | None],
    size: int | None = None,
    guessed: set[str] = frozenset(),
) -> list[Item]:
    """Events in date order; with `size`, the best-ranked ones, those with a stated date first.
    A relative date ("on Tuesday") resolves against the date of the article that states it. An
    event with no date at all (none stated, its article undated) is not on the timeline: it
    stays in its section, where "undated" is not shown as a date. Events of a single day make
    no timeline (a sentencing date alone, or two lines of one Thursday both in the summary)."""
    dated: list[tuple[bool, Item]] = []
    for item in events:
        if QUOTED_FIRST.match(item.text):
            continue  # someone's words dated by "he recalled Monday": read in its section
        article = item.evidence[0].article_id
        reference = published.get(article)
        when, approximate = dates.resolve(item.text, reference, exact=article not in guessed)
        stated = when is not None
        if when is None:
            when, approximate = reference, True
        if when is None:
            continue
        update = {"date": when, "date_approximate": approximate}
        dated.append((stated, item.model_copy(update=update)))
    ranked = [i for _, i in sorted(dated, key=lambda d: not d[0])]
    # One event per date first, so that a few slots cover the story's course, not one day.
    first_of_day = [i for n, i in enumerate(ranked) if i.date not in {j.date for j in ranked[:n]}]
    chosen = [*first_of_day, *(i for i in ranked if i not in first_of_day)][:size]
    if len({i.date for i in chosen}) < 2:
        return []  # one day is no course of events: its events are read in their sections
    return sorted(chosen, key=lambda i: (i.date is None, i.date or dt.date.min))


def sources(articles: list[Article]) -> list[Source]:
    return [
        Source(
            number=n,
            article_id=a.id,
            title=a.title,
            title_from_text=a.title_from_text,
            outlet=a.outlet,
            published=a.published,
            path=a.path,
            url=a.url,
            key=a.key,
        )
        for n, a in enumerate(sorted(articles, key=lambda a: article_order(a.id)), start=1)
    ]
