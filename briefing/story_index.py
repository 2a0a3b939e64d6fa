"""The story index: story ids stable across runs.

`<out>/.stories.json` keeps, for every story, its representative terms and the keys of its
articles. A group of today's articles takes the id of the earlier story it shares articles with
or, failing that, whose terms it resembles; only a group that matches nothing gets a new id,
derived from its earliest article. Stories not seen for `forget_after_days` are forgotten.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from . import settings
from .cache import write_atomic
from .models import Article, PastStory, Story
from .text.ids import article_order

INDEX_NAME = ".stories.json"


class StoryRecord(BaseModel):
    """What is remembered of a story between runs."""

    id: str
    title: str
    terms: dict[str, float] = Field(description="Representative terms -> weight (unit length)")
    members: list[str] = Field(description="Article.key of every article it has had")
    first_seen: dt.date
    last_seen: dt.date
    topics: list[str] = Field(default_factory=list, description="--topic values it matched")


class StoryIndex(BaseModel):
    format: int = 1
    stories: list[StoryRecord] = Field(default_factory=list)


def load_index(out_dir: Path) -> StoryIndex:
    """The index of earlier runs in `out_dir`; empty when there is none or it is unreadable
    (ids then restart from the articles, which is what a first run gives too)."""
    try:
        return StoryIndex.model_validate_json((out_dir / INDEX_NAME).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValidationError):
        return StoryIndex()


def save_index(out_dir: Path, index: StoryIndex) -> Path:
    path = out_dir / INDEX_NAME
    write_atomic(path, index.model_dump_json(indent=1) + "\n")
    return path


# --- ids ----------------------------------------------------------------------------------------


def assign_ids(
    groups: list[list[Article]],
    terms: list[dict[str, float]],
    indexes: list[list[int]],
    index: StoryIndex,
    *,
    merge: bool,
) -> tuple[list[str], list[list[Article]], list[dict[str, float]], list[list[int]]]:
    """An id for every group: the earlier story it shares most articles with; else the earlier
    story its terms resemble most (joining today's group that already has that id, when `merge`);
    else a new id from its earliest article. Each earlier id goes to one group only."""
    owner_of = {key: r.id for r in index.stories for key in r.members}
    ids: list[str | None] = [None] * len(groups)
    taken: dict[str, int] = {}
    overlaps = []
    for n, members in enumerate(groups):
        counts = Counter(owner_of[a.key] for a in members if a.key in owner_of)
        overlaps += [(-count, n, sid) for sid, count in counts.items()]
    for _, n, sid in sorted(overlaps):
        if ids[n] is None and sid not in taken:
            ids[n], taken[sid] = sid, n
    joined: dict[int, int] = {}  # group -> the group it joins
    for n in range(len(groups)):
        if ids[n] is not None:
            continue
        scored = [(cosine(terms[n], r.terms), r.id) for r in index.stories]
        best = max(scored, default=(0.0, ""))
        if best[0] < settings.current().continues:
            continue
        if best[1] not in taken:
            ids[n], taken[best[1]] = best[1], n
        elif merge:
            joined[n] = taken[best[1]]
    known = {r.id for r in index.stories} | {i for i in ids if i}
    for n, members in enumerate(groups):
        if ids[n] is None and n not in joined:
            ids[n] = fresh_id(members, known)
            known.add(ids[n])
    for n, target in joined.items():
        groups[target] = sorted([*groups[target], *groups[n]], key=lambda a: article_order(a.id))
        indexes[target] = sorted([*indexes[target], *indexes[n]])
        size = len(groups[target])
        terms[target] = blend(terms[target], terms[n], size - len(groups[n]), len(groups[n]))
    keep = [n for n in range(len(groups)) if n not in joined]
    return ([ids[n] for n in keep], [groups[n] for n in keep],  # type: ignore[misc]
            [terms[n] for n in keep], [indexes[n] for n in keep])  # fmt: skip


def opening_order(article: Article) -> tuple[bool, dt.date, str]:
    """Earliest first; a date resolved from '2 days ago' moves with the run date, so it is not
    used (an id must not depend on when the run happens)."""
    exact = article.published is not None and not article.date_approximate
    return (not exact, article.published if exact else dt.date.min, article.key)  # type: ignore[return-value]


def fresh_id(members: list[Article], known: set[str]) -> str:
    """'st-' + the key of the earliest article; the next one if that id is in use."""
    for article in sorted(members, key=opening_order):
        candidate = "st-" + article.key[:10]
        if candidate not in known:
            return candidate
    return "st-" + members[0].key[:10] + f"-{len(known)}"


# --- what is remembered -------------------------------------------------------------------------


def updated_index(
    index: StoryIndex,
    stories: list[Story],
    members: dict[str, list[Article]],
    terms: dict[str, dict[str, float]],
    date: dt.date,
    topic: str,
    matched: set[str],
) -> StoryIndex:
    records = {r.id: r for r in index.stories}
    for story in stories:
        keys = [a.key for a in members[story.id]]
        old = records.get(story.id)
        if old is None:
            records[story.id] = StoryRecord(
                id=story.id, title=story.title, terms=terms[story.id], members=keys,
                first_seen=date, last_seen=date,
                topics=[topic] if topic and story.id in matched else [],
            )  # fmt: skip
            continue
        new_keys = [k for k in keys if k not in old.members]
        topics = old.topics + ([topic] if topic and story.id in matched else [])
        records[story.id] = old.model_copy(
            update={
                "title": story.title,
                "terms": blend(old.terms, terms[story.id], len(old.members), len(new_keys))
                if new_keys
                else old.terms,
                "members": old.members + new_keys,
                "first_seen": min(old.first_seen, date),
                "last_seen": max(old.last_seen, date),
                "topics": list(dict.fromkeys(topics)),
            }
        )
    horizon = date - dt.timedelta(days=settings.current().forget_after_days)
    kept = [r for r in records.values() if r.last_seen >= horizon]
    return StoryIndex(stories=sorted(kept, key=lambda r: (r.first_seen, r.id)))


def no_longer_covered(
    index: StoryIndex, today: set[str], articles: list[Article], date: dt.date, topic: str
) -> list[PastStory]:
    """Earlier stories (of this topic, when one is given) with no article today, seen within
    the last week; a story whose articles are all in today's run under another id is covered."""
    keys = {a.key for a in articles}
    since = date - dt.timedelta(days=settings.current().no_longer_covered_days)
    gone = [
        r for r in index.stories
        if r.id not in today and since <= r.last_seen <= date
        and not keys.intersection(r.members) and (not topic or topic in r.topics)
    ]  # fmt: skip
    return [
        PastStory(id=r.id, title=r.title, last_seen=r.last_seen, articles=len(r.members))
        for r in sorted(gone, key=lambda r: (-r.last_seen.toordinal(), r.title))
    ]


def unit(terms: dict[str, float]) -> dict[str, float]:
    norm = sum(w * w for w in terms.values()) ** 0.5
    return {t: round(w / norm, 5) for t, w in terms.items()} if norm else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(w * b[t] for t, w in a.items() if t in b)


def blend(old: dict[str, float], new: dict[str, float], n_old: int, n_new: int) -> dict[str, float]:
    """The terms of a story grown by new articles: a weighted mean, the strongest kept."""
    mixed = Counter({t: w * n_old for t, w in old.items()})
    for t, w in new.items():
        mixed[t] += w * n_new
    return unit(dict(mixed.most_common(settings.current().terms_kept)))
