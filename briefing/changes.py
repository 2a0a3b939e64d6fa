"""What changed between two briefs: per story, new or developing or no longer covered; new
findings, findings with new sources, findings no longer supported, and figures that changed.

Findings are compared by the text of their evidence sentences, not by positional ids (``a3.s17``
shifts when an article is added).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .handles import map_items
from .ingest.outlets import without_tracking
from .models import (
    Briefing,
    Changes,
    Evidence,
    FigureChange,
    Item,
    ItemChange,
    Source,
    Story,
    StoryChanges,
)
from .render import refs as source_refs
from .render import template_env
from .text.match import match_key
from .text.quantities import Quantity, quantities_in_order


def compare(old: Briefing, new: Briefing) -> Changes:
    """What changed from `old` to `new`, per story of `new` (and stories that disappeared)."""
    stories: list[StoryChanges] = []
    matched: set[str] = set()
    for story in new.stories:
        before = counterpart(story, old.stories)
        if before is not None:
            matched.add(before.id)
        changes = compare_story(before, story, old, new)
        if not changes.empty:
            stories.append(changes)
    for story in old.stories:
        if story.id not in matched:
            gone = [change(i, old, earlier=True) for i in unique_items(story)]
            stories.append(StoryChanges(story_id=story.id, title=story.title,
                                        status="no longer covered", unsupported=gone))  # fmt: skip
    return Changes(
        since_edition=old.edition,
        since_generated_at=old.generated_at,
        since_date=old.date if old.date != new.date else None,
        stories=stories,
    )


def counterpart(story: Story, candidates: list[Story]) -> Story | None:
    """The same story in the other edition: same id, else the one sharing most evidence."""
    for candidate in candidates:
        if candidate.id == story.id:
            return candidate
    keys = evidence_keys(story.items)
    overlap = [(len(keys & evidence_keys(c.items)), c) for c in candidates]
    best = max(overlap, key=lambda pair: pair[0], default=(0, None))
    return best[1] if best[0] else None


def compare_story(before: Story | None, story: Story, old: Briefing, new: Briefing) -> StoryChanges:
    status = "developing" if before is not None else "new"
    result = StoryChanges(story_id=story.id, title=story.title, status=status)
    if before is None:
        return result  # a new story: all of it is new, its sections say the rest
    old_items = unique_items(before)
    items = unique_items(story)
    old_sources: dict[str, set[str]] = {}  # evidence key -> source paths, in the old edition
    # Struck in review counts as known, so it is not new should it come back.
    for item in [*old_items, *old.struck]:
        paths = source_paths(item.evidence, old)
        for key in evidence_keys([item]):
            old_sources.setdefault(key, set()).update(paths)
    # Struck in review is a decision, not a loss of support.
    new_keys: set[str] = evidence_keys(new.struck)
    fresh = fresh_sources(old, new)
    for item in items:
        keys = evidence_keys([item])
        new_keys |= keys
        if not keys & old_sources.keys():
            # New news comes from a source the earlier brief did not read: a finding of the
            # same articles that the brief shows now and did not then is no news (its choice
            # moved, as one more article shifts every story's share of words).
            if source_paths(item.evidence, new) & fresh:
                result.new_items.append(change(item, new))
            continue
        known = set().union(*(old_sources.get(k, set()) for k in keys))
        added = [e for e in item.evidence if source_path(e, new) not in known]
        if added:
            names = dict.fromkeys(source_name(e, new) for e in added)
            result.new_sources.append(change(item, new, new_sources=list(names)))
    # A finding whose articles are all still there is still supported, only ranked out of the
    # sections' caps; "no longer supported" is said of findings whose every article is gone.
    present = {source_key(s) for s in new.sources}
    result.unsupported = [
        change(item, old, earlier=True)
        for item in old_items
        if not evidence_keys([item]) & new_keys and not source_paths(item.evidence, old) & present
    ]
    old_figures = [*old_items, *contested(before, old_items)]
    figure_changes(result, old_figures, [*items, *contested(story, items)], old, new)
    return result


def fresh_sources(old: Briefing, new: Briefing) -> set[str]:
    """The new brief's sources (source_key) that the old one did not read: new articles, pages
    read again with other text (updated), and any whose earlier text is unknown (a brief written
    before sources recorded it), where a finding not shown before may be the update's."""
    before = {source_key(s): s.key for s in old.sources}  # None: not read, or its text unknown
    now = {source_key(s): s.key for s in new.sources}
    return {k for k, key in now.items() if before.get(k) is None or before[k] != key}


def contested(story: Story, items: list[Item]) -> list[Item]:
    """The sentences stating a figure Where sources differ lists that no finding reads (most
    are left to that line), each as an item of its own: a toll that changed between briefs is
    one of them."""
    read = {match_key(e.text) for i in items for e in i.evidence}
    found = {
        match_key(e.text): Item(kind="fact", text=e.text, evidence=[e])
        for d in story.differences
        if d.kind == "number"
        for v in d.variants
        for e in v.evidence
    }
    return [item for key, item in found.items() if key not in read]


def unique_items(story: Story) -> list[Item]:
    """Each finding once (a sentence may be labelled in two sections)."""
    seen: set[str] = set()
    items = []
    for item in story.items:
        key = match_key(item.evidence[0].text)
        if key not in seen:
            seen.add(key)
            items.append(item)
    return items


def evidence_keys(items: Iterable[Item]) -> set[str]:
    return {match_key(e.text) for item in items for e in item.evidence}


def source_key(source: Source) -> str:
    """Which article it is, across runs: its URL, else its file name, title and outlet (a new
    day's articles may sit in another folder; positional ids shift)."""
    named = f"{Path(source.path).name}|{source.title}|{source.outlet or ''}"
    return without_tracking(source.url) or named


def source_of(evidence: Evidence, briefing: Briefing) -> Source | None:
    return next((s for s in briefing.sources if s.article_id == evidence.article_id), None)


def source_path(evidence: Evidence, briefing: Briefing) -> str:
    source = source_of(evidence, briefing)
    return source_key(source) if source else evidence.article_id


def source_paths(evidence: list[Evidence], briefing: Briefing) -> set[str]:
    return {source_path(e, briefing) for e in evidence}


def source_name(evidence: Evidence, briefing: Briefing) -> str:
    """The outlet of a newly citing source, else its number in the list of sources: its title
    is often its opening sentence, the very finding that it now also cites."""
    source = source_of(evidence, briefing)
    if source is None:
        return evidence.article_id
    return source.outlet or f"source {briefing.source_number(evidence.article_id)}"


def change(
    item: Item, briefing: Briefing, new_sources: list[str] | None = None, *, earlier: bool = False
) -> ItemChange:
    """The finding with citations against `briefing`'s sources (named when it is the earlier)."""
    refs = [f"{n}:{sentence}" for n, sentence in source_refs(item.evidence, briefing)]
    prefix = f"edition {briefing.edition} " if earlier else ""
    return ItemChange(
        kind=item.kind,
        party=item.party,
        handle=item.handle,
        text=item.text,
        cites="[" + prefix + ", ".join(refs) + "]",
        new_sources=new_sources or [],
    )


def mark(briefing: Briefing, changes: Changes) -> None:
    """Mark in the brief's sections the findings that are new, and the figures that changed."""
    new = {c.handle for s in changes.stories for c in s.new_items if c.handle}
    figure = {
        f.new.handle: f"{f.before} → {f.after}"
        for s in changes.stories
        for f in s.figures
        if f.new.handle  # a figure read only under Where sources differ marks no finding
    }
    developing = {s.story_id for s in changes.stories if s.status == "developing"}
    for story in briefing.stories:
        if story.id not in developing:
            continue  # a new story is new as a whole; marking each finding says nothing more
        map_items(story, lambda i: i.model_copy(update={
            "new": i.handle in new, "figure_change": figure.get(i.handle),
        }))  # fmt: skip


# --- figures that changed -----------------------------------------------------------------------


def figure_changes(
    result: StoryChanges, old_items: list[Item], new_items: list[Item], old: Briefing, new: Briefing
) -> None:
    """Figures of the earlier brief that a sentence new to this one states with another value
    ("11,300 dead" then "3,958 dead"): listed in `result.figures`, and the finding stating it no
    longer listed as new or newly sourced. Read per evidence sentence, so a new figure merged into
    an earlier finding as one more source is seen too."""
    earlier: dict[str, list[tuple[Quantity, Item]]] = {}
    known: set[str] = set()
    for item in old_items:
        for e in item.evidence:
            known.add(match_key(e.text))
            for about, quantity in counts_in(e.text):
                earlier.setdefault(about, []).append((quantity, item))
    changed: set[str] = set()
    for item in new_items:
        for e in item.evidence:
            if match_key(e.text) in known:
                continue
            found = first_change(counts_in(e.text), earlier)
            if found is None:
                continue
            (before, old_item), (about, after) = found
            stated = item.model_copy(update={"text": e.text, "evidence": [e]})
            result.figures.append(FigureChange(
                about=about, before=written(before, about), after=written(after, about),
                old=change(old_item, old, earlier=True), new=change(stated, new),
            ))  # fmt: skip
            changed.add(item.handle or item.text)
            break
    result.new_items = [c for c in result.new_items if (c.handle or c.text) not in changed]
    result.new_sources = [c for c in result.new_sources if (c.handle or c.text) not in changed]


def counts_in(text: str) -> list[tuple[str, Quantity]]:
    """(what is measured, quantity) for each figure of a sentence whose measured thing is known,
    read by the story's own quantity reader (text/quantities): "the death toll rose to 11,300"
    and "3,958 people have died" are both "dead"; "3,000 bodies were buried" measures nothing
    it can name and is left out."""
    (found,) = quantities_in_order([text])
    return [
        (q.thing + (f" ({q.place})" if q.place else ""), q)
        for q in found
        if q.thing and not q.increment
    ]


def first_change(
    stated: list[tuple[str, Quantity]], earlier: dict[str, list[tuple[Quantity, Item]]]
) -> tuple[tuple[Quantity, Item], tuple[str, Quantity]] | None:
    """((earlier figure, its finding), (what, figure now)) of the first measured thing whose new
    figure agrees with none stated before ("at least 3,958" agrees with "3,958"). The earlier
    figure shown is the one most sentences stated (the toll reported, not a mayor's fear)."""
    for about, quantity in stated:
        before = [(q, item) for q, item in earlier.get(about, []) if q.unit == quantity.unit]
        if before and not any(q.compatible(quantity, as_written=True) for q, _ in before):
            return max(before, key=lambda b: sum(same(b[0], q) for q, _ in before)), (
                about,
                quantity,
            )
    return None


def same(a: Quantity, b: Quantity) -> bool:
    return (a.low, a.high) == (b.low, b.high)


def written(quantity: Quantity, about: str) -> str:
    """A figure as the list of changes shows it: "11,300 dead", "at least 3,958 dead"."""
    span = quantity.span
    if quantity.qualifier and span[:1].isupper():
        span = span[0].lower() + span[1:]  # "At least 3,958" opened its sentence
    return f"{span} {about}"


# --- what changed, as Markdown (`briefing diff`) ------------------------------------------------


def changes_markdown(briefing: Briefing, templates: str | None = None) -> str:
    text = template_env(templates).get_template("_changes.md.j2").render(b=briefing)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
