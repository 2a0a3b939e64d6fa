"""Facts (a ship's flag, the day of an event) that two sources answer differently, each answer
cited (the facts are read by `briefing.claims`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from ..claims import claims
from ..ground import evidence
from ..models import Difference, Sentence, Variant

ATTRIBUTED = re.compile(r"\baccording to\b|\b(?:reported|said|says)\b", re.I)


def claim_differences(
    sentences: list[Sentence], published: dict[str, dt.date | None]
) -> list[Difference]:
    """Facts (a ship's flag, the day of an event) that two sources answer differently. One
    article counts as two sources only where it attributes one answer to someone else."""
    table: dict[str, dict[str, list[tuple[str, Sentence]]]] = defaultdict(lambda: defaultdict(list))
    for sentence in sentences:
        for claim in claims(sentence.text, published.get(sentence.article_id)):
            table[claim.about][claim.value].append((claim.span, sentence))
    result = []
    for about, values in table.items():
        if len(values) < 2 or not two_sources(values):
            continue
        variants = [
            Variant(text=found[0][0], evidence=list({s.id: evidence(s) for _, s in found}.values()))
            for found in values.values()
        ]
        result.append(Difference(about=about, kind="claim", variants=variants))
    return unique(result)


def two_sources(values: dict[str, list[tuple[str, Sentence]]]) -> bool:
    answers = [
        {s.article_id + ("+" if ATTRIBUTED.search(s.text) else "") for _, s in found}
        for found in values.values()
    ]
    return any(a != b or len(a | b) > 1 for n, a in enumerate(answers) for b in answers[n + 1 :])


def unique(found: list[Difference]) -> list[Difference]:
    """One difference per pair of sentences: "the storm hit on Sunday night, the dams collapsed"
    is one disagreement about one night, not two."""
    kept: list[tuple[set[str], Difference]] = []
    for difference in found:
        ids = {e.sentence_id for v in difference.variants for e in v.evidence}
        if all(len(ids & other) < 2 for other, _ in kept):
            kept.append((ids, difference))
    return [difference for _, difference in kept]
