"""Articles -> stories. Each article belongs to exactly one story.

Grouping is lexical and needs no model: TF-IDF over headline and body (English stop words out,
sublinear term frequency), cosine similarity, and average-linkage agglomerative clustering cut
where the average similarity between two groups falls below `same_story` (settings.py;
scikit-learn). Average linkage was chosen over connected components of a similarity graph
because one article that mentions two stories (an EU summit that touches the Ukraine talks)
cannot chain them together; bench/cluster.py measures both. The number of stories is found by
the cut unless it is forced.

Story ids are stable across runs: story_index.py gives each group the id of the earlier story it
continues. A story's title is the headline most central to its group, selected, never written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import PurePath

import numpy as np
from pydantic import BaseModel, Field

from . import settings
from .models import Article, PastStory, Story
from .story_index import StoryIndex, assign_ids, no_longer_covered, unit, updated_index
from .text.dates import MONTHS, WEEKDAYS
from .text.sentences import opening_sentences

WORD = r"(?u)\b[^\W\d_][\w'’-]+\b"
CALENDAR_WORDS = {*MONTHS, *WEEKDAYS}


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


def group(articles: list[Article], *, stories: int | None = None) -> list[list[Article]]:
    """Articles grouped by content, each group in article order, groups by their first article.
    `stories` forces the number of groups (at most one per article)."""
    return [[articles[i] for i in g] for g in group_indexes(articles, stories)]


def group_indexes(articles: list[Article], stories: int | None = None) -> list[list[int]]:
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
        model = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average",
            distance_threshold=1.0 - settings.current().same_story,
        )  # fmt: skip
    labels = model.fit_predict(distance)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    found = list(groups.values())
    if stories is not None:
        return found
    names = [lead_names(a) for a in articles]  # read once for both
    joined = attach_singletons(found, articles, similarity, names)
    return one_subject(joined, articles, similarity, names)


# A capitalised word in a headline or lead: a candidate for the name a story is about.
CAPITALISED = re.compile(r"\b[A-Z][\w’'-]{2,}")


def lead_names(article: Article) -> set[str]:
    """Capitalised words of an article's headline and first two sentences, stop words,
    months and weekdays out: what the article says it is about."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    lead = " ".join(opening_sentences(article.text, 2))
    found = CAPITALISED.findall(f"{article.title} {lead}")
    words = {re.sub(r"['’]s$", "", w) for w in found}  # "Milei's victory" names Milei
    return {
        w for w in words if w.lower() not in ENGLISH_STOP_WORDS and w.lower() not in CALENDAR_WORDS
    }


def subject(leads: list[set[str]]) -> set[str]:
    """The names the most of a group's leads (their lead_names) carry ('Equifax', 'Credit',
    'Suisse'), if at least three in five of them do: the thing the story is about."""
    counts = Counter(name for names in leads for name in names)
    most = max(counts.values(), default=0)
    return {n for n, c in counts.items() if c == most} if most >= 0.6 * len(leads) else set()


def attach_singletons(
    groups: list[list[int]],
    articles: list[Article],
    similarity: np.ndarray,
    names: list[set[str]] | None = None,
) -> list[list[int]]:
    """An article left alone, or a group of one outlet's pieces (two New York Times pages on the
    gunman), joins a story whose subject its headlines or leads name, when no other story's
    leads name it (two stories on Trump keep their own pieces) and it is at least half as close
    to the story as two groups must be to merge. A folder of one story weighs its shared words
    low (every article has them), so its short pieces (an AT1 note on the Credit Suisse rescue)
    and one outlet's long ones fell out of it into "Also reported"."""
    apart = [g for g in groups if one_outlet(g, articles)]
    stories = [g for g in groups if g not in apart]
    floor = settings.current().same_story / 2
    names = names if names is not None else [lead_names(a) for a in articles]
    subjects = [subject([names[i] for i in story]) for story in stories]
    carried = [set().union(*(names[i] for i in story)) for story in stories]
    elsewhere = [set().union(*carried[:k], *carried[k + 1 :]) for k in range(len(stories))]
    joined = [list(story) for story in stories]
    left: list[list[int]] = []
    for pieces in apart:
        named = set().union(*(names[i] for i in pieces))
        fits = []
        for k, story in enumerate(stories):
            closeness = float(similarity[np.ix_(pieces, story)].mean())
            if (subjects[k] & named) - elsewhere[k] and closeness >= floor:
                fits.append((closeness, k))
        if fits:
            joined[max(fits)[1]].extend(pieces)
        else:
            left.append(pieces)
    return sorted([*(sorted(story) for story in joined), *left], key=min)


# Words of an office that many stories' leads carry ("President Trump", "Prime Minister"): no
# story's subject.
OFFICES = {
    "President", "Prime", "Minister", "Secretary", "Chancellor", "King", "Queen", "Governor",
    "Senator", "Mayor", "General", "Chief", "Chairman", "Leader", "Former", "Vice",
}  # fmt: skip


def one_subject(
    groups: list[list[int]],
    articles: list[Article],
    similarity: np.ndarray,
    names: list[set[str]] | None = None,
) -> list[list[int]]:
    """A folder most of whose leads name one subject ('Milei' in six articles of eight) is one
    story told from several sides: a group whose leads name it (the markets' reaction, the
    neighbours' congratulations) joins the largest group when close enough to it (settings:
    one_subject). A folder of several stories has no name most leads carry, and office words
    ("President") name no subject."""
    names = [n - OFFICES for n in (names if names is not None else map(lead_names, articles))]
    common = subject(names)
    if len(groups) < 2 or not common:
        return groups
    floor = settings.current().one_subject
    largest = max(groups, key=len)
    # Names the story's leads carry beside its subject ('Microsoft' in a CrowdStrike outage): a
    # live page whose lead names only those ("Microsoft outage live: ...") is the same story,
    # when as close to it.
    told = set().union(*(names[i] for i in largest))
    joined, left = list(largest), []
    for group in groups:
        if group is largest:
            continue
        named = set().union(*(names[i] for i in group))
        closeness = float(similarity[np.ix_(group, largest)].mean())
        if (named & common or named & told) and closeness >= floor:
            joined.extend(group)
        else:
            left.append(group)
    return sorted([sorted(joined), *left], key=min)


def one_outlet(group: list[int], articles: list[Article]) -> bool:
    """A lone article, or pieces all from one known outlet: not a story of several sources."""
    outlets = {articles[i].outlet for i in group}
    return len(group) == 1 or (len(outlets) == 1 and None not in outlets)


# --- stories: titles, terms, order --------------------------------------------------------------


def outlets_of(articles: list[Article]) -> list[str]:
    """The outlets of a group; an article of unknown outlet counts as one of its own, named by
    its file (as in the list of sources, never the folder it was read from; by its last two path
    parts when another such file has the same name)."""
    known = {a.outlet for a in articles if a.outlet}
    unknown = [PurePath(p) for p in sorted({a.path for a in articles if not a.outlet})]
    names = Counter(p.name for p in unknown)
    shown = {p.name if names[p.name] == 1 else "/".join(p.parts[-2:]) for p in unknown}
    return sorted(known | shown)


def story_title(
    articles: list[Article], vectors: np.ndarray | None = None, vocabulary: list[str] | None = None
) -> str:
    """The headline that best states what the group's articles are about: the one whose words
    weigh most in the group's centroid (selected, never written). A headline about one side of
    the story ("Bowman Dissent Over Cut Is First From a Fed Governor Since 2005") loses to one
    about its core ("Fed slashes rates by a half percentage point"), even when that article's
    body is the most typical. Without vectors, the headline of the earliest article. With no
    headline in the group, a whole opening sentence short enough to be a title, before a cut
    one."""
    everyone = list(range(len(articles)))
    # Without a headline, an article's whole opening sentence reads as one; a cut one ("…") less.
    candidates = (
        [i for i in everyone if not articles[i].title_from_text]
        or [i for i in everyone if not articles[i].title.endswith("…")]
        or everyone
    )
    if vectors is None or vocabulary is None:
        first = min(candidates, key=lambda i: (articles[i].published is None,
                                               articles[i].published, articles[i].key))  # fmt: skip
        return articles[first].title
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    typical = np.asarray(vectors @ centroid).ravel()
    weight = dict(zip(vocabulary, centroid, strict=True))
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    def central(i: int) -> tuple[float, int]:
        words = {w.lower() for w in re.findall(WORD, articles[i].title)} - ENGLISH_STOP_WORDS
        said = sum(weight.get(w, 0.0) for w in words) / max(len(words), 1) ** 0.5
        # Times the article's own typicality: a headline stuffed with the story's keywords
        # ("Death toll updates Odisha Coromandel Express Howrah Express train accident") on a
        # page of updates does not beat a typical report's plain headline.
        return round(said * float(typical[i]), 9), -i

    return articles[max(candidates, key=central)].title


def centroid_terms(vectors: np.ndarray, vocabulary: list[str]) -> dict[str, float]:
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    top = np.argsort(-centroid, kind="stable")[: settings.current().terms_kept]
    return unit({vocabulary[i]: float(centroid[i]) for i in top if centroid[i] > 0})


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
                title=story_title(
                    members, vectors[0][g] if vectors else None, vectors[1] if vectors else None
                ),
                article_ids=[a.id for a in members],
                outlets=outlets_of(members),
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
