"""Near-duplicates: copies left out (their outlet credited on the kept one), overlaps reported."""

from __future__ import annotations

import re
import zlib

from .. import settings
from ..models import Article, Duplicate
from .decode import normalize_for_match

# Near-duplicates: Jaccard similarity of 5-word shingles of the normalised text; the thresholds
# (a copy left out, a near-duplicate reported) are settings.duplicate_copy / duplicate_report.
# The sketch finds candidate pairs only; their similarity is always computed exactly.
SHINGLE_WORDS = 5
SKETCH_BINS = 32
BAND_ROWS = 2  # 16 bands: pairs at 0.5 similarity meet with probability 0.99


def shingles(text: str) -> set[int]:
    """Hashes of the 5-word runs of the normalised text. Stable from run to run: words are hashed
    with crc32 and runs by hashing tuples of ints, neither of which depends on PYTHONHASHSEED."""
    words = [zlib.crc32(w.encode()) for w in re.findall(r"\w+", normalize_for_match(text))]
    if len(words) < SHINGLE_WORDS:
        return {hash(tuple(words))}
    return set(map(hash, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)))


Sketch = list[int | None]


def sketch(shingle_set: set[int]) -> Sketch:
    """One-permutation MinHash: the smallest hash in each of SKETCH_BINS bins (None: empty)."""
    bins: Sketch = [None] * SKETCH_BINS
    for h in shingle_set:
        slot, value = h % SKETCH_BINS, h // SKETCH_BINS
        current = bins[slot]
        if current is None or value < current:
            bins[slot] = value
    return bins


def bands(bins: Sketch, shingle_set: set[int]) -> list[tuple[object, ...]]:
    """LSH keys: groups of BAND_ROWS bins (empty bins never match) plus the whole set, so that
    identical short texts with few filled bins still meet."""
    keys: list[tuple[object, ...]] = [("all", hash(frozenset(shingle_set)))]
    for start in range(0, SKETCH_BINS, BAND_ROWS):
        rows = bins[start : start + BAND_ROWS]
        if None not in rows:
            keys.append((start, *rows))
    return keys


def estimated_similarity(a: Sketch, b: Sketch) -> float:
    return sum(1 for x, y in zip(a, b, strict=True) if x is not None and x == y) / SKETCH_BINS


def drop_duplicates(articles: list[Article]) -> tuple[list[Article], list[Duplicate]]:
    """Leave out copies (similarity >= settings duplicate_copy) of an earlier article, crediting
    their outlet on it; report near-duplicates (>= duplicate_report) but keep them. Renumbers
    the kept articles a1, a2, ...

    Candidates are pairs that agree on an LSH band of their MinHash sketches (near-linear work);
    the similarity reported is the exact Jaccard of their shingle sets.
    """
    tuning = settings.current()
    copy_at, report_at = tuning.duplicate_copy, tuning.duplicate_report
    sets = [shingles(a.text) for a in articles]
    sketches = [sketch(s) for s in sets]
    buckets: dict[tuple[object, ...], list[int]] = {}
    best: dict[int, tuple[float, int]] = {}
    for j, shingle_set in enumerate(sets):
        keys = bands(sketches[j], shingle_set)
        for i in sorted({i for key in keys for i in buckets.get(key, [])}):
            if estimated_similarity(sketches[i], sketches[j]) < report_at - 0.25:
                continue
            similarity = len(shingle_set & sets[i]) / len(shingle_set | sets[i])
            if similarity >= report_at and similarity > best.get(j, (0.0, 0))[0]:
                best[j] = (similarity, i)
        if best.get(j, (0.0, 0))[0] < copy_at:  # copies do not become candidates
            for key in keys:
                buckets.setdefault(key, []).append(j)
    kept = [j for j in range(len(articles)) if best.get(j, (0.0, 0))[0] < copy_at]
    new_id = {j: f"a{n}" for n, j in enumerate(kept, start=1)}
    carried: dict[int, list[str]] = {}
    duplicates = []
    for j, (similarity, i) in sorted(best.items()):
        copy = articles[j]
        if j not in new_id:
            credit = copy.outlet or copy.path
            if credit != articles[i].outlet and credit not in carried.get(i, []):
                carried.setdefault(i, []).append(credit)
        duplicates.append(
            Duplicate(
                path=copy.path,
                record=copy.record,
                article_id=new_id.get(j),
                duplicate_of=new_id[i],
                similarity=round(similarity, 3),
                excluded=j not in new_id,
            )
        )
    result = [
        articles[j].model_copy(update={"id": new_id[j], "also_carried_by": carried.get(j, [])})
        for j in kept
    ]
    return result, duplicates
