"""Articles -> stories. Each article belongs to exactly one story.

Grouping is lexical and needs no model: TF-IDF over headline and body (English stop words out,
sublinear term frequency), cosine similarity, and average-linkage agglomerative clustering cut
where the average similarity between two groups falls below `same_story` (settings.py;
scikit-learn). Average linkage was chosen over connected components of a similarity graph
because one article that mentions two stories (an EU summit that touches the Ukraine talks)
cannot chain them together; bench/cluster.py measures both. The number of stories is found by
the cut unless it is forced.

Story ids are stable across runs: `<out>/.stories.json` keeps, for every story, its
representative terms and the keys of its articles. A group of today's articles takes the id of
the earlier story it shares articles with or, failing that, whose terms it resembles; only a
group that matches nothing gets a new id, derived from its earliest article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field, ValidationError

from . import settings
from .cache import write_atomic
from .models import Article, PastStory, Story
from .text.ids import article_order

INDEX_NAME = ".stories.json"

WORD = r"(?u)\b[^\W\d_][\w'’-]+\b"


# --- the persisted index ------------------------------------------------------------------------


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


# --- grouping -----------------------------------------------------------------------------------


def document(article: Article) -> str:
    return f"{article.title}\n{article.text}"


def vectorize(articles: list[Article]) -> tuple[np.ndarray, list[str]] | None:
    """Row-normalised TF-IDF vectors (sparse) and the vocabulary; None when no article has words."""
    # scikit-learn takes about a second to import: only runs that cluster pay for it (a rerun
    # with nothing new stops before this).
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=WORD)
    try:
        matrix = vectorizer.fit_transform([document(a) for a in articles])
    except ValueError:  # empty vocabulary
        return None
    return matrix, list(vectorizer.get_feature_names_out())


def group(
    articles: list[Article], *, stories: int | None = None, threshold: float | None = None
) -> list[list[Article]]:
    """Articles grouped by content, each group in article order, groups by their first article.
    `stories` forces the number of groups (at most one per article)."""
    return [[articles[i] for i in g] for g in group_indexes(articles, stories, threshold)]


def group_indexes(
    articles: list[Article], stories: int | None = None, threshold: float | None = None
) -> list[list[int]]:
    n = len(articles)
    if n == 0:
        return []
    vectors = vectorize(articles)
    if n == 1 or vectors is None:
        return [list(range(n))] if stories in (None, 1) or n == 1 else [[i] for i in range(n)]
    from sklearn.cluster import AgglomerativeClustering

    similarity = (vectors[0] @ vectors[0].T).toarray()
    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    if stories is not None:
        model = AgglomerativeClustering(
            n_clusters=min(stories, n), metric="precomputed", linkage="average"
        )
    else:
        same_story = settings.current().same_story if threshold is None else threshold
        model = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average",
            distance_threshold=1.0 - same_story,
        )  # fmt: skip
    labels = model.fit_predict(distance)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return list(groups.values())


# --- stories: ids, titles, order ----------------------------------------------------------------


def outlet_of(article: Article) -> str:
    """The outlet, or the file when the outlet is unknown (two such files count as two)."""
    return article.outlet or article.path


def opening_order(article: Article) -> tuple[bool, dt.date, str]:
    """Earliest first; a date resolved from '2 days ago' moves with the run date, so it is not
    used (an id must not depend on when the run happens)."""
    exact = article.published is not None and not article.date_approximate
    return (not exact, article.published if exact else dt.date.min, article.key)  # type: ignore[return-value]


def story_title(articles: list[Article], vectors: np.ndarray | None = None) -> str:
    """The headline most central to the group (closest to its centroid): selected, never written.
    Without vectors, the headline of the earliest article."""
    candidates = [i for i, a in enumerate(articles) if not a.title_from_text] or list(
        range(len(articles))
    )
    if vectors is None:
        first = min(candidates, key=lambda i: (articles[i].published is None,
                                               articles[i].published, articles[i].key))  # fmt: skip
        return articles[first].title
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    scores = np.asarray(vectors @ centroid).ravel()
    best = max(candidates, key=lambda i: (round(float(scores[i]), 9), -i))
    return articles[best].title


def centroid_terms(vectors: np.ndarray, vocabulary: list[str]) -> dict[str, float]:
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    top = np.argsort(-centroid, kind="stable")[: settings.current().terms_kept]
    return unit({vocabulary[i]: float(centroid[i]) for i in top if centroid[i] > 0})


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


def rank(stories: list[Story]) -> list[Story]:
    """Most distinct outlets first, then the most recent, then by title."""
    return sorted(stories, key=lambda s: (-len(s.outlets), -(s.latest or dt.date.min).toordinal(),
                                          s.title))  # fmt: skip


# --- topic --------------------------------------------------------------------------------------


def terms_of(text: str) -> set[str]:
    """Lower-cased words without English stop words, a plural 's' dropped."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = {w.lower().replace("’", "'") for w in re.findall(WORD, text)}
    return {stem(w) for w in words if w not in ENGLISH_STOP_WORDS}


def stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def matches_topic(topic: str, articles: list[Article]) -> bool:
    """Every content word of the topic occurs in the story's articles (like a search engine's
    AND); an empty topic matches everything."""
    wanted = terms_of(topic)
    if not wanted:
        return True
    present = set().union(*(terms_of(document(a)) for a in articles))
    return wanted <= present


# --- one run ------------------------------------------------------------------------------------


class Plan(BaseModel):
    """The stories of a run, before any LLM call: skeletons whose sections merge fills."""

    stories: list[Story] = Field(description="Ranked; at least `min_sources` outlets each")
    also_reported: list[Story] = Field(default_factory=list, description="Fewer outlets")
    no_longer_covered: list[PastStory] = Field(default_factory=list)
    left_out: list[Story] = Field(
        default_factory=list, description="Stories that do not match the topic"
    )
    index: StoryIndex

    def articles(self, articles: list[Article]) -> list[Article]:
        """The articles of the stories that get full sections, in their original order."""
        kept = {i for s in self.stories for i in s.article_ids}
        return [a for a in articles if a.id in kept]

    def shown(self, articles: list[Article]) -> list[Article]:
        """The articles listed as sources: those of the stories and of 'Also reported'."""
        kept = {i for s in [*self.stories, *self.also_reported] for i in s.article_ids}
        return [a for a in articles if a.id in kept]


def plan(
    articles: list[Article],
    *,
    index: StoryIndex,
    date: dt.date,
    topic: str = "",
    stories: int | None = None,
    min_sources: int = 2,
) -> Plan:
    """Group today's articles, give each group its stable id, keep those matching the topic,
    split by number of outlets, and record everything in a new index."""
    indexes = group_indexes(articles, stories)
    vectors = vectorize(articles) if articles else None
    groups = [[articles[i] for i in g] for g in indexes]
    terms = [centroid_terms(vectors[0][g], vectors[1]) if vectors else {} for g in indexes]
    ids, groups, terms, indexes = assign_ids(groups, terms, indexes, index, merge=stories is None)
    records = {r.id: r for r in index.stories}
    built: list[Story] = []
    for story_id_, members, g, t in zip(ids, groups, indexes, terms, strict=True):
        previous = records.get(story_id_)
        built.append(
            Story(
                id=story_id_,
                title=story_title(members, vectors[0][g] if vectors else None),
                article_ids=[a.id for a in members],
                outlets=sorted({outlet_of(a) for a in members}),
                latest=max((a.published for a in members if a.published), default=None),
                first_seen=min(previous.first_seen, date) if previous else date,
                terms=list(t)[:8],
            )
        )
    built = rank(built)
    by_id = {s.id: m for s, m in zip(built, rank_members(built, ids, groups), strict=True)}
    matching = [s for s in built if matches_topic(topic, by_id[s.id])]
    new_index = updated_index(index, built, by_id, dict(zip(ids, terms, strict=True)), date,
                              topic, {s.id for s in matching})  # fmt: skip
    # With no story reaching min_sources (one article, one outlet), every story is shown in full:
    # a brief of nothing but "Also reported" would hide the only news there is.
    if not any(len(s.outlets) >= min_sources for s in matching):
        min_sources = 1
    return Plan(
        stories=[s for s in matching if len(s.outlets) >= min_sources],
        also_reported=[s for s in matching if len(s.outlets) < min_sources],
        no_longer_covered=no_longer_covered(index, set(ids), articles, date, topic),
        left_out=[s for s in built if s not in matching],
        index=new_index,
    )


def rank_members(
    built: list[Story], ids: list[str], groups: list[list[Article]]
) -> list[list[Article]]:
    by_id = dict(zip(ids, groups, strict=True))
    return [by_id[s.id] for s in built]


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


def fresh_id(members: list[Article], known: set[str]) -> str:
    """'st-' + the key of the earliest article; the next one if that id is in use."""
    for article in sorted(members, key=opening_order):
        candidate = "st-" + article.key[:10]
        if candidate not in known:
            return candidate
    return "st-" + members[0].key[:10] + f"-{len(known)}"


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
