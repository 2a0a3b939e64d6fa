"""Findings that say the same thing become one, citing every source; sections are ranked and capped.

An analyst reads a briefing in five minutes: each section keeps its most corroborated findings
(then those nearest the top of their article, where news puts what matters) up to a cap, so the
whole briefing stays within about a third of the words of its sources.
"""

from __future__ import annotations

from collections import Counter

from . import cues, similar
from .models import Evidence, Item, Quote
from .parties import Parties

PARTIES_SHOWN = 4
POSITIONS_PER_PARTY = 2
STICKING_POINTS = 4
NEXT_STEPS = 4
TIMELINE = 5
QUOTES = 5
# Quotes are compared as whole utterances: a looser bar than sentences would merge different
# remarks of the same speaker.
SAME_QUOTE = 0.5


def rank(item: Item | Quote) -> tuple[int, int]:
    """Most sources first, then the finding nearest the top of its article."""
    first = min(int(e.sentence_id.rsplit(".s", 1)[1]) for e in item.evidence)
    return (-len(item.article_ids), first)


def combine(items: list[Item], parties: Parties, background: list[str] = ()) -> list[Item]:
    """Items that say the same thing (any chunk, any article, any kind) merged into one citing
    all their sources; parties normalised. Ordered by rank."""
    ordered = sorted(items, key=rank)
    merged: list[Item] = []
    for group in similar.groups([i.text for i in ordered], background=background):
        members = [ordered[k] for k in group]
        lead = members[0]
        kinds = Counter(m.kind for m in members)
        kind = lead.kind if kinds[lead.kind] == max(kinds.values()) else kinds.most_common(1)[0][0]
        named = parties.mentioned(lead.text)
        party = parties.actor(lead.text) or parties.normalise(lead.party)
        if party and party not in named:
            named = [party, *named]
        merged.append(
            lead.model_copy(
                update={
                    "kind": kind,
                    "party": party,
                    "parties": named,
                    "evidence": union([e for m in members for e in m.evidence]),
                    "when": cues.when_stated(lead.text) if kind == "next_step" else None,
                }
            )
        )
    return sorted(merged, key=rank)


def combine_quotes(quotes: list[Quote]) -> list[Quote]:
    """Overlapping quotations (one outlet quotes a remark whole, another in two parts) become
    one, citing all; the best attributed and most corroborated first, capped."""
    ordered = sorted(quotes, key=lambda q: (q.speaker is None, *rank(q)))
    kept: list[Quote] = []
    for group in similar.groups([q.text for q in ordered], threshold=SAME_QUOTE):
        members = [ordered[k] for k in group]
        lead = members[0]
        kept.append(
            lead.model_copy(
                update={
                    "evidence": union([e for m in members for e in m.evidence]),
                    "speaker": lead.speaker
                    or next((m.speaker for m in members if m.speaker), None),
                }
            )
        )
    return sorted(kept, key=lambda q: (q.speaker is None, *rank(q)))[:QUOTES]


def union(evidence: list[Evidence]) -> list[Evidence]:
    return list({e.sentence_id: e for e in evidence}.values())


def by_party(positions: list[Item], unattributed: str) -> dict[str, list[Item]]:
    """Top positions of the most present parties, best-ranked first in each."""
    groups: dict[str, list[Item]] = {}
    for item in positions:
        groups.setdefault(item.party or unattributed, []).append(item)
    weight = {p: sum(len(i.article_ids) for i in g) for p, g in groups.items()}
    order = sorted(groups, key=lambda p: (p == unattributed, -weight[p], p))
    return {p: groups[p][:POSITIONS_PER_PARTY] for p in order[:PARTIES_SHOWN]}
