"""Findings that say the same thing become one, citing every source; sections are ranked and capped.

An analyst reads a briefing in five minutes: each section keeps its most corroborated findings
(then those nearest the top of their article, where news puts what matters) up to a cap, so the
whole briefing stays within about a third of the words of its sources.
"""

from __future__ import annotations

from collections import Counter

from . import cues, settings, similar
from .models import Evidence, Item, Quote
from .parties import Parties
from .text.match import match_key


def rank(item: Item | Quote) -> tuple[int, int]:
    """Most sources first, then the finding nearest the top of its article."""
    first = min(e.ref.number for e in item.evidence)
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
        party, named = parties.decide(lead.text, lead.party)
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
    """A quotation contained in a longer one (one outlet quotes a remark whole, another a part)
    becomes part of it, citing both; attributed and most corroborated first, capped. Only
    containment merges quotes: two similar wordings are a difference, not the same quote."""
    longest_first = sorted(quotes, key=lambda q: -len(q.text))
    kept: list[Quote] = []
    for quote in longest_first:
        key = match_key(quote.text)
        host = next((k for k, q in enumerate(kept) if key in match_key(q.text)), None)
        if host is None:
            kept.append(quote)
            continue
        old = kept[host]
        kept[host] = old.model_copy(
            update={
                "evidence": union([*old.evidence, *quote.evidence]),
                "speaker": old.speaker or quote.speaker,
            }
        )
    return sorted(kept, key=lambda q: (q.speaker is None, *rank(q)))[: settings.current().quotes]


def union(evidence: list[Evidence]) -> list[Evidence]:
    return list({e.sentence_id: e for e in evidence}.values())


def by_party(positions: list[Item], unattributed: str) -> dict[str, list[Item]]:
    """The best-ranked positions (at most `positions` in all) grouped by party, the most present
    parties first."""
    caps = settings.current()
    groups: dict[str, list[Item]] = {}
    for item in positions:
        groups.setdefault(item.party or unattributed, []).append(item)
    weight = {p: sum(len(i.article_ids) for i in g) for p, g in groups.items()}
    order = sorted(groups, key=lambda p: (p == unattributed, -weight[p], p))[: caps.parties_shown]
    chosen = sorted((i for p in order for i in groups[p][: caps.positions_per_party]), key=rank)[
        : caps.positions
    ]
    shown = {p: [i for i in chosen if (i.party or unattributed) == p] for p in order}
    return {p: items for p, items in shown.items() if items}
