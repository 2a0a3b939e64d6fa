"""Benchmark story grouping: speed on generated articles, quality on the hand-written folders.

    .venv/bin/python bench/cluster.py            # 1,000 generated articles on 60 stories
    .venv/bin/python bench/cluster.py -n 5000 --stories 200

Speed: articles are generated from story templates (each story has its own people, places and
key phrases, and outlets rewrite its sentences), with names shared across stories, then
`cluster.plan` (grouping, titles, ids, index) is timed. The target is 1,000 articles in under
10 seconds. Peak memory is the process's maximum resident set size.

Quality: adjusted Rand index and purity against the true stories of tests/stories (the seeds
plus three unrelated stories and a single-outlet one; a file's story is the start of its name)
and of the generated set, for the chosen method (average linkage at settings same_story) and the
alternatives measured: complete and single linkage, and connected components of the graph of
pairs above the same similarity.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.sparse.csgraph import connected_components
from sklearn.cluster import AgglomerativeClustering
from sklearn.metrics import adjusted_rand_score

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing import cluster, settings  # noqa: E402
from briefing.ingest import load_folder, make_article  # noqa: E402
from briefing.models import Article  # noqa: E402

DAY = dt.date(2025, 12, 11)
SHARED = ["Donald Trump", "Volodymyr Zelenskyy", "Ursula von der Leyen", "Xi Jinping",
          "Emmanuel Macron", "the United Nations", "Washington", "Brussels"]  # fmt: skip
WORDS = [
    "tariff", "budget", "election", "vaccine", "drought", "wildfire", "strike", "merger",
    "satellite", "pipeline", "earthquake", "border", "refinery", "court", "verdict", "protest",
    "treaty", "subsidy", "outbreak", "flood", "railway", "reactor", "harvest", "currency",
    "deficit", "summit", "ceasefire", "factory", "shipping", "airline", "glacier", "mining",
    "lithium", "semiconductor", "pension", "hospital", "teachers", "farmers", "bank", "storm",
    "heatwave", "museum", "stadium",
]  # fmt: skip
PLACES = ["Lagos", "Lima", "Osaka", "Krakow", "Nairobi", "Quito", "Hanoi", "Porto", "Tbilisi",
          "Dakar", "Perth", "Bergen", "Cebu", "Leeds", "Izmir", "Recife"]  # fmt: skip
VERBS = ["said", "told reporters", "announced", "warned", "confirmed", "insisted"]


SYLLABLES = ["ka", "lo", "mi", "ter", "son", "va", "dre", "pul", "nik", "os", "ran", "bel",
             "tu", "gar", "fen", "ix", "mor", "sal", "qui", "den"]  # fmt: skip


def generated(n_articles: int, n_stories: int, seed: int = 7) -> tuple[list[Article], list[int]]:
    """Each story has its own people, place and a dozen key words (as real stories have their
    own vocabulary); every article retells 5 of its 8 facts and adds 3 sentences of shared names
    and common words, so unrelated stories overlap as news does."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.sample(SYLLABLES, 3))

    stories = []
    for _ in range(n_stories):
        key = [rng.choice(WORDS)] + [word() for _ in range(11)]
        place = rng.choice(PLACES)
        person = f"{word().title()} {word().title()}"
        facts = [
            f"{person} {rng.choice(VERBS)} in {place} that the {' '.join(rng.sample(key, 2))} "
            f"plan would cost {rng.randint(2, 90)} million and affect {rng.randint(100, 9000)} "
            f"{' and '.join(rng.sample(key, 2))} workers."
            for _ in range(8)
        ]
        stories.append((key, place, person, facts))
    articles, truth = [], []
    for i in range(n_articles):
        s = i % n_stories
        key, place, person, facts = stories[s]
        chosen = rng.sample(facts, 5)
        filler = [f"{rng.choice(SHARED)} {rng.choice(VERBS)} the {rng.choice(WORDS)} "
                  f"{rng.choice(WORDS)} was under review." for _ in range(3)]  # fmt: skip
        body = rng.sample(chosen + filler, len(chosen) + len(filler))
        title = f"{person} on the {key[0]} {key[1]} in {place}"
        article = make_article(i + 1, Path(f"gen/{i}.txt"), "\n\n".join([title, *body]))
        articles.append(article.model_copy(update={"outlet": f"Outlet {rng.randint(1, 12)}"}))
        truth.append(s)
    return articles, truth


def story_of(article: Article) -> str:
    name = Path(article.path).name
    return "ukraine_talks" if name[0].isdigit() else name.rsplit("_", 1)[0]


def test_folders() -> tuple[list[Article], list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        for source in (ROOT / "seeds", ROOT / "tests/stories/mixed", ROOT / "tests/stories/later"):
            for path in source.iterdir():
                shutil.copy(path, Path(tmp) / path.name)
        articles = load_folder(Path(tmp), today=DAY).articles
    return articles, [story_of(a) for a in articles]


def labels_from(groups: list[list[int]], n: int) -> list[int]:
    labels = [0] * n
    for label, members in enumerate(groups):
        for i in members:
            labels[i] = label
    return labels


def purity(truth: list, predicted: list[int]) -> float:
    clusters: dict[int, Counter] = {}
    for t, p in zip(truth, predicted, strict=True):
        clusters.setdefault(p, Counter())[t] += 1
    return sum(c.most_common(1)[0][1] for c in clusters.values()) / len(truth)


def linkage(kind: str) -> Callable[[list[Article]], list[int]]:
    def run(articles: list[Article]) -> list[int]:
        matrix, _ = cluster.vectorize(articles)
        distance = np.clip(1 - (matrix @ matrix.T).toarray(), 0, 2)
        same_story = settings.current().same_story
        model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage=kind,
                                        distance_threshold=1 - same_story)  # fmt: skip
        return list(model.fit_predict(distance))

    return run


def components(articles: list[Article]) -> list[int]:
    matrix, _ = cluster.vectorize(articles)
    graph = (matrix @ matrix.T) >= settings.current().same_story
    return list(connected_components(graph, directed=False)[1])


def chosen(articles: list[Article]) -> list[int]:
    return labels_from(cluster.group_indexes(articles), len(articles))


METHODS = {
    "average linkage (chosen)": chosen,
    "complete linkage": linkage("complete"),
    "single linkage": linkage("single"),
    "connected components": components,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="generated articles [1000]")
    parser.add_argument("--stories", type=int, default=60, help="generated stories [60]")
    args = parser.parse_args()

    articles, truth = generated(args.n, args.stories)
    started = time.perf_counter()
    plan = cluster.plan(articles, index=cluster.StoryIndex(), date=DAY, min_sources=1)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.n} generated articles on {args.stories} stories: {len(plan.stories)} stories "
          f"in {seconds:.2f} s, peak memory {peak_mb:.0f} MB "
          f"({'under' if seconds < 10 else 'OVER'} the 10 s goal)")  # fmt: skip

    real, real_truth = test_folders()
    print(f"\n{'method':26} {'tests/stories ARI':>18} {'purity':>7} {'stories':>8}   "
          f"{'generated ARI':>13} {'purity':>7} {'stories':>8} {'s':>6}")  # fmt: skip
    for name, method in METHODS.items():
        labels = method(real)
        started = time.perf_counter()
        gen_labels = method(articles)
        took = time.perf_counter() - started
        print(f"{name:26} {adjusted_rand_score(real_truth, labels):18.3f} "
              f"{purity(real_truth, labels):7.3f} {len(set(labels)):4d}/{len(set(real_truth)):<3d}"
              f"   {adjusted_rand_score(truth, gen_labels):13.3f} {purity(truth, gen_labels):7.3f} "
              f"{len(set(gen_labels)):4d}/{len(set(truth)):<3d} {took:6.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
