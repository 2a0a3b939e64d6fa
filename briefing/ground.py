"""Digest labels -> Items whose evidence is verbatim source text, or a counted rejection.

Nothing the model wrote is shown: a label only points at a sentence, and the item's text and
evidence are that sentence, copied from the source. A label that points nowhere is dropped and
counted. A sentence repeated by other outlets contributes their copies as extra evidence.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from . import cues, settings
from .models import Chunk, Digest, Evidence, Grounded, Item, Kind, Segmented, Sentence
from .settings import Labels


def ground(
    digests: list[Digest],
    chunks: dict[str, Chunk],
    segmented: Segmented,
    labels: Labels | None = None,
) -> Grounded:
    """Items from the model's labels, from cue-phrase rules, or both (rules win where both
    label a sentence: they are right more often; the model adds sentences rules miss)."""
    labels = labels or settings.current().labels
    model = ground_labels(digests, chunks, segmented) if labels != "rules" else Grounded(items=[])
    if labels == "model":
        return model
    ruled = rule_items(segmented)
    if labels == "rules":
        return Grounded(items=[*ruled, *fact_items(segmented, ruled)], dropped=model.dropped)
    taken = {i.evidence[0].sentence_id for i in ruled}
    extra = [i for i in model.items if i.evidence[0].sentence_id not in taken]
    labelled = [*ruled, *extra]
    return Grounded(items=[*labelled, *fact_items(segmented, labelled)], dropped=model.dropped)


def fact_items(segmented: Segmented, labelled: list[Item]) -> list[Item]:
    """Every other sentence sent for labelling, as a "fact": no label, but merge may still choose
    it for its place in the story (news puts what happened first, in sentences with no cue)."""
    copies = copies_by_original(segmented)
    taken = {i.evidence[0].sentence_id for i in labelled}
    return [
        Item(kind="fact", text=s.text, evidence=[evidence(c) for c in [s, *copies.get(s.id, [])]])
        for chunk in segmented.chunks
        for s in chunk.sentences
        if s.id not in taken
    ]


def rule_items(segmented: Segmented) -> list[Item]:
    """One item per sentence sent for labelling whose cue phrases give it a kind."""
    copies = copies_by_original(segmented)
    items: list[Item] = []
    for chunk in segmented.chunks:
        for sentence in chunk.sentences:
            kind: Kind | None = cues.kind_of(sentence.text)
            if kind is None:
                continue
            evidence_ = [evidence(s) for s in [sentence, *copies.get(sentence.id, [])]]
            items.append(Item(kind=kind, text=sentence.text, evidence=evidence_))
    return items


def ground_labels(
    digests: list[Digest], chunks: dict[str, Chunk], segmented: Segmented
) -> Grounded:
    copies = copies_by_original(segmented)
    dropped: Counter[str] = Counter()
    items: list[Item] = []
    seen: set[tuple[str, str]] = set()
    for digest in digests:
        chunk = chunks[digest.chunk_id]
        for label in digest.labels:
            if not 1 <= label.id <= len(chunk.sentences):
                dropped["cites a sentence that does not exist"] += 1
                continue
            sentence = chunk.sentences[label.id - 1]
            if (sentence.id, label.kind) in seen:
                dropped["repeats an item already taken"] += 1
                continue
            seen.add((sentence.id, label.kind))
            party = label.party.strip() or None
            if party and not mentioned(party, chunk):
                # The schema limits parties to names in the chunk; a server that ignores the
                # schema could still invent one. An invented name is never shown.
                dropped["party not named in the source (party removed)"] += 1
                party = None
            items.append(
                Item(
                    kind=label.kind,
                    party=party,
                    text=sentence.text,
                    evidence=[evidence(s) for s in [sentence, *copies.get(sentence.id, [])]],
                )
            )
    return Grounded(items=items, dropped=dict(dropped))


def copies_by_original(segmented: Segmented) -> dict[str, list[Sentence]]:
    by_id = {s.id: s for s in segmented.sentences}
    copies: dict[str, list[Sentence]] = defaultdict(list)
    for copy_id, original_id in segmented.duplicate_of.items():
        copies[original_id].append(by_id[copy_id])
    return copies


def evidence(sentence: Sentence) -> Evidence:
    return Evidence(sentence_id=sentence.id, article_id=sentence.article_id, text=sentence.text)


def mentioned(name: str, chunk: Chunk) -> bool:
    lowered = name.lower()
    return any(lowered in s.text.lower() for s in chunk.sentences)
