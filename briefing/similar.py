"""Which source sentences say the same thing: TF-IDF cosine over character 3-5-grams.

Measured on 39 hand-labelled same-fact pairs among 5,810 cross-article seed sentence pairs
(bench/similarity.py): character n-gram TF-IDF has the best average precision (0.82; word
TF-IDF 0.81, rapidfuzz token_set_ratio 0.80, token_sort_ratio 0.75) and the best F1 (0.78 at
0.30, precision 0.85; words 0.76). Character n-grams match "Ukraine"/"Ukrainian", "US"/"U.S."
without a stemmer; IDF weighs down the names every article repeats ("Putin", "Trump"), which make
rapidfuzz rate any two long sentences about the talks as close. No model is used: the embedded
server's embeddings are per-token and unfit for sentence similarity.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from . import settings


def similarity_matrix(texts: Sequence[str], background: Sequence[str] = ()) -> np.ndarray:
    """Pairwise cosine similarity of `texts`; IDF is learned from `texts` plus `background`."""
    if not texts:
        return np.zeros((0, 0))
    from sklearn.feature_extraction.text import TfidfVectorizer  # slow import: only when needed
    from sklearn.metrics.pairwise import cosine_similarity

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5))
    vectorizer.fit([*texts, *background])
    return cosine_similarity(vectorizer.transform(texts))


def groups(
    texts: Sequence[str],
    threshold: float | None = None,
    background: Sequence[str] = (),
    apart: Callable[[str, str], bool] | None = None,
) -> list[list[int]]:
    """Indexes of `texts` grouped by meaning, in order of first member; each group's first index
    is its representative. A text joins the first group whose representative it resembles
    (greedy, so the result does not depend on chained weak resemblances), whose other members it
    resembles at least loosely, and no member of which it must stay `apart` from."""
    matrix = similarity_matrix(texts, background)
    threshold = settings.current().same_fact if threshold is None else threshold
    result: list[list[int]] = []
    for index in range(len(texts)):
        for group in result:
            if joins(matrix, group, index, threshold) and not (
                apart and any(apart(texts[k], texts[index]) for k in group)
            ):
                group.append(index)
                break
        else:
            result.append([index])
    return result


def joins(matrix: np.ndarray, group: list[int], index: int, threshold: float) -> bool:
    """The text at `index` says what `group` says: it resembles the representative, and every
    member at least loosely (settings: same_fact_member). Resembling the representative alone
    let "The WMO said the met centre issued warnings 72 hours before the flooding" join "The WMO
    head said most casualties could have been avoided if residents had been warned", and the
    group then read as the warnings, dropping "A UN official said most casualties could have
    been avoided", a member that shares nothing with them."""
    loose = threshold * settings.current().same_fact_member
    return bool(
        matrix[group[0], index] >= threshold and all(matrix[k, index] >= loose for k in group)
    )


def centrality(texts: Sequence[str]) -> list[float]:
    """How close each text is to what the texts say together: word TF-IDF cosine to their
    centroid, as a share of the closest one's. A story's lines on its subject score high, a
    mourner's memory of a victim low (MEAD's centroid score)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    try:
        vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    except ValueError:  # nothing but stop words ("It was."): no text is closer than another
        return [0.0] * len(texts)
    centroid = np.asarray(vectors.mean(axis=0))
    scores = cosine_similarity(vectors, centroid)[:, 0]
    top = scores.max() or 1.0
    return [float(v / top) for v in scores]
