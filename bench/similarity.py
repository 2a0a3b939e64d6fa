"""Which similarity finds sentences that report the same fact: TF-IDF cosine or rapidfuzz?

    .venv/bin/python bench/similarity.py

Scores every pair of seed sentences from different articles with both methods and reports, for
each, the threshold with the best F1 against bench/facts/seeds_same_fact.toml, and average
precision (threshold-free).
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
import tomllib
from pathlib import Path

from rapidfuzz import fuzz
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import average_precision_score
from sklearn.metrics.pairwise import cosine_similarity

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.chunk import segment  # noqa: E402
from briefing.ingest import load_folder  # noqa: E402
from briefing.similar import similarity_matrix  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def best_f1(scores: list[float], truth: list[bool]) -> tuple[float, float, float, float]:
    """(threshold, precision, recall, f1) at the threshold with the best F1."""
    best = (0.0, 0.0, 0.0, 0.0)
    for threshold in sorted(set(round(s, 2) for s in scores)):
        predicted = [s >= threshold for s in scores]
        tp = sum(p and t for p, t in zip(predicted, truth, strict=True))
        if not tp:
            continue
        precision, recall = tp / sum(predicted), tp / sum(truth)
        f1 = 2 * precision * recall / (precision + recall)
        if f1 > best[3]:
            best = (threshold, precision, recall, f1)
    return best


def main() -> None:
    articles = load_folder(ROOT / "seeds", today=dt.date(2025, 12, 5)).articles
    sentences = segment(articles).sentences
    same = tomllib.loads((ROOT / "bench/facts/seeds_same_fact.toml").read_text())["same"]
    labelled = {frozenset(pair) for pair in same}
    texts = [s.text for s in sentences]
    matrix = similarity_matrix(texts)
    words = cosine_similarity(TfidfVectorizer(stop_words="english").fit_transform(texts))
    pairs = [
        (i, j)
        for i, j in itertools.combinations(range(len(sentences)), 2)
        if sentences[i].article_id != sentences[j].article_id
    ]
    truth = [frozenset((sentences[i].id, sentences[j].id)) in labelled for i, j in pairs]
    methods = {
        "tfidf char 3-5 (similar.py)": [float(matrix[i, j]) for i, j in pairs],
        "tfidf words": [float(words[i, j]) for i, j in pairs],
        "rapidfuzz token_set_ratio": [
            fuzz.token_set_ratio(sentences[i].text, sentences[j].text) / 100 for i, j in pairs
        ],
        "rapidfuzz token_sort_ratio": [
            fuzz.token_sort_ratio(sentences[i].text, sentences[j].text) / 100 for i, j in pairs
        ],
    }
    print(f"{len(pairs)} cross-article pairs, {sum(truth)} labelled same-fact")
    for name, scores in methods.items():
        threshold, precision, recall, f1 = best_f1(scores, truth)
        ap = average_precision_score(truth, scores)
        print(
            f"{name:28} AP {ap:.2f}  best F1 {f1:.2f} at {threshold:.2f} "
            f"(precision {precision:.2f}, recall {recall:.2f})"
        )


if __name__ == "__main__":
    main()
