"""Finding handles, and the walk over a brief's findings that review and editions share.

Every finding carries a handle, a short name derived from its evidence text (``^k3f9q`` at the
end of its Markdown line), so it is recognised in any editor's version of the file and survives
the renumbering of sentences when articles are added.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from .models import Briefing, Item, Story
from .text.match import match_key

# Crockford's base32 (no i, l, o, u): a handle read aloud or retyped is not confused with 1 or 0.
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"

# 25 bits: two of a brief's 100 findings clash about once in 7,000 briefs; a clash is lengthened.
HANDLE_LENGTH = 5


def handle_of(text: str, length: int = HANDLE_LENGTH) -> str:
    """A short name for a finding from its normalised evidence text (not from sentence ids)."""
    digest = int.from_bytes(hashlib.sha256(match_key(text).encode()).digest()[:8], "big")
    return "".join(ALPHABET[(digest >> (5 * n)) & 31] for n in range(length))


def keys_of(item: Item) -> list[str]:
    return list(dict.fromkeys(match_key(e.text) for e in item.evidence))


def assign_handles(briefing: Briefing, earlier: Briefing | None) -> None:
    """Give every finding its handle; a finding sharing evidence with one of `earlier` keeps that
    one's handle, so a handle stays while a finding gains sources or its lead sentence changes."""
    inherited: dict[str, str] = {}
    for item in all_items(earlier) if earlier else []:
        for key in keys_of(item):
            inherited.setdefault(key, item.handle)
    taken: dict[str, frozenset[str]] = {}  # handle -> evidence keys of the finding holding it

    def name(item: Item) -> Item:
        keys = frozenset(keys_of(item))
        handle = next((inherited[k] for k in keys_of(item) if inherited.get(k)), None)
        handle = handle or handle_of(item.evidence[0].text)
        length = HANDLE_LENGTH
        while handle in taken and not taken[handle] & keys:  # another finding has it: lengthen
            length += 1
            handle = handle_of(item.evidence[0].text, length)
        taken[handle] = taken.get(handle, frozenset()) | keys
        return item.model_copy(update={"handle": handle})

    for story in briefing.stories:
        map_items(story, name)


def all_items(briefing: Briefing) -> list[Item]:
    """Every finding of the brief's stories (summary included) and those struck in review."""
    found = [i for story in briefing.stories for i in story.items]
    return [*found, *briefing.struck]


def map_items(story: Story, change: Callable[[Item], Item | None]) -> None:
    """Replace each finding of the story's sections by `change(item)`; None leaves it out.

    Walks every list of findings the story holds, so a section added later is covered too."""
    for name, value in list(story.__dict__.items()):
        if isinstance(value, list) and value and _findings(value):
            setattr(story, name, [new for v in value if (new := change(v)) is not None])
        elif isinstance(value, dict) and value and all(_findings(v) for v in value.values()):
            groups = {k: [n for v in items if (n := change(v)) is not None]
                      for k, items in value.items()}  # fmt: skip
            setattr(story, name, {k: items for k, items in groups.items() if items})


def _findings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, Item) for v in value)
