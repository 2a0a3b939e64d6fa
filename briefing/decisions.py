"""The analyst's decisions: kept in ``review.json``, listed and undone, applied to a brief.

Decisions are read from edited briefs (review.py); each applies to the brief it was made on and
every later one: struck findings leave the sections, moved ones change section or party, notes
and rewordings go with the finding.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from . import sections
from .cache import write_atomic
from .errors import BriefingError
from .handles import all_items, keys_of, map_items
from .models import Briefing, Decision, Item, ItemReview, ReviewCarried, Story

REVIEW_FILE = "review.json"

# Headings whose findings can be moved there, and the kind a finding moved there takes.
# The headings a finding can be moved under, lower-cased as review reads them, and the story's
# section each names: every kind of story's layout ("Reactions" and "Positions by party" are both
# the positions), and the timeline.
SECTION_KEYS = {s.heading.lower(): s.key for layout in sections.LAYOUT.values() for s in layout} | {
    "timeline": "timeline"
}
# The kind a moved finding takes in its new section; sections of fact take "fact".
KIND_OF_SECTION = {
    "positions": "position",
    "sticking_points": "sticking_point",
    "next_steps": "next_step",
    "timeline": "event",
}
SECTION_KINDS = {h: KIND_OF_SECTION.get(key, "fact") for h, key in SECTION_KEYS.items()}
UNATTRIBUTED = "Unattributed"


# --- the review file ----------------------------------------------------------------------------

DECISIONS = TypeAdapter(list[Decision])


def review_path(out: Path) -> Path:
    return out / REVIEW_FILE


def load_decisions(out: Path) -> list[Decision]:
    path = review_path(out)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return DECISIONS.validate_python(data.get("decisions", []))
    except FileNotFoundError:
        return []
    except (OSError, ValueError, AttributeError, ValidationError) as err:
        raise BriefingError(
            f"{path} is not a review file ({type(err).__name__}); fix or move it, then rerun"
        ) from err


def save_decisions(out: Path, decisions: list[Decision]) -> None:
    ordered = sorted(decisions, key=lambda d: (d.made_on, d.edition, d.handle, d.action))
    record = {
        "about": "Review decisions read from edited briefs; `briefing review` lists them and "
        "`briefing review --undo HANDLE` removes one. Each applies to its date and later.",
        "decisions": DECISIONS.dump_python(ordered, mode="json"),
    }
    out.mkdir(parents=True, exist_ok=True)
    write_atomic(review_path(out), json.dumps(record, indent=2, ensure_ascii=False) + "\n")


def merged(
    kept: list[Decision], found: list[Decision], removed_notes: set[tuple[str, str]]
) -> list[Decision]:
    """The decisions in force after a review: a new move or rewording of a finding replaces its
    earlier one, a note deleted by the person goes, repeats are recorded once."""
    replaced = {(d.handle, d.action) for d in found if d.action in ("move", "reword")}
    result = [
        d for d in kept
        if (d.handle, d.action) not in replaced
        and not (d.action == "note" and (d.handle, d.text) in removed_notes)
    ]  # fmt: skip
    seen = {(d.handle, d.action, d.text) for d in result}
    for decision in found:
        if (decision.handle, decision.action, decision.text) not in seen:
            seen.add((decision.handle, decision.action, decision.text))
            result.append(decision)
    return result


def in_force(decisions: list[Decision], date: dt.date) -> list[Decision]:
    """The decisions that apply to a brief of `date`: those made on it or before."""
    return [d for d in decisions if d.made_on <= date]


def undo(out: Path, handle: str, date: dt.date | None = None) -> list[Decision]:
    """Remove the decisions on `handle` (made on `date`, if given); returns the removed ones."""
    decisions = load_decisions(out)
    gone = [d for d in decisions if d.handle == handle and (date is None or d.made_on == date)]
    if not gone:
        raise BriefingError(
            f"no review decision on {handle!r} in {review_path(out)}; `briefing review` lists them"
        )
    save_decisions(out, [d for d in decisions if d not in gone])
    return gone


def describe(decision: Decision) -> str:
    """One line for `briefing review`: date, handle, what was decided, the finding."""
    what = {
        "strike": "struck",
        "move": f"moved to {describe_place(decision.section or '', decision.party)} "
        f"(from {decision.moved_from})",
        "note": f"note: {decision.text}",
        "reword": f"reworded: {decision.text}",
    }[decision.action]
    finding = decision.finding if len(decision.finding) <= 70 else decision.finding[:69] + "…"
    return f"{decision.made_on} ^{decision.handle}  {what}  — “{finding}”"


def describe_place(section: str, party: str | None) -> str:
    return party if party else section.capitalize()


# --- applying decisions to a brief --------------------------------------------------------------


def apply(briefing: Briefing, decisions: list[Decision], file: str = "") -> ReviewCarried:
    """Carry the decisions in force onto the brief's findings: struck ones leave the sections for
    `briefing.struck`, moved ones change section or party, notes and rewordings go with them."""
    decisions = in_force(decisions, briefing.date)
    present = {i.handle for i in all_items(briefing)}
    applied: set[tuple[str, str, str]] = set()
    for story in briefing.stories:
        applied |= _apply_story(briefing, story, decisions, present)
    counts = {action: sum(1 for a in applied if a[1] == action)
              for action in ("strike", "move", "note", "reword")}  # fmt: skip
    waiting = [d for d in decisions if (d.handle, d.action, d.text) not in applied]
    carried = ReviewCarried(struck=counts["strike"], moved=counts["move"], notes=counts["note"],
                            edited=counts["reword"], waiting=len(waiting), file=file)  # fmt: skip
    briefing.review = carried if carried.total else None
    return carried


def matching(item: Item, decisions: list[Decision], present: set[str]) -> list[Decision]:
    """The decisions on `item`: by its handle, or, for a decision whose handle no finding of the
    brief has (its evidence was regrouped), by a shared evidence sentence."""
    keys = set(keys_of(item))
    return [
        d for d in decisions
        if d.handle == item.handle or (d.handle not in present and keys & set(d.keys))
    ]  # fmt: skip


def _apply_story(
    briefing: Briefing, story: Story, decisions: list[Decision], present: set[str]
) -> set[tuple[str, str, str]]:
    """Apply the decisions to one story; returns (handle, action, text) of those applied."""
    applied: set[tuple[str, str, str]] = set()

    def review(item: Item) -> Item | None:
        mine = matching(item, decisions, present)
        if not mine:
            return item
        applied.update((d.handle, d.action, d.text) for d in mine)
        strike = any(d.action == "strike" for d in mine)
        notes = list(dict.fromkeys(d.text for d in mine if d.action == "note"))
        reword = next((d.text for d in reversed(mine) if d.action == "reword"), None)
        state = ItemReview(struck=strike, notes=notes, edited=reword)
        reviewed = item.model_copy(update={"review": state})
        if strike:
            if all(s.handle != item.handle for s in briefing.struck):
                briefing.struck.append(reviewed)
            return None
        return reviewed

    map_items(story, review)
    for item in list(story.items):
        mine = matching(item, decisions, present)
        move = next((d for d in reversed(mine) if d.action == "move"), None)
        if move is not None:
            _relocate(story, item, move)
    return applied


def _relocate(story: Story, item: Item, move: Decision) -> None:
    """Put `item` (in one of the story's sections) where the analyst moved it."""
    key = SECTION_KEYS.get(move.section or "")
    if key is None:
        return
    kind = SECTION_KINDS[move.section or ""]
    party = (move.party or UNATTRIBUTED) if key == "positions" else item.party
    if any(i is item for i in story.sections.get(key, [])):
        return  # already there
    if kind != "fact" and item.kind == kind and (key != "positions" or item.party == party):
        return  # already there
    state = (item.review or ItemReview()).model_copy(update={"moved_from": move.moved_from})
    moved = item.model_copy(update={"kind": kind, "party": party, "review": state})
    summary = list(story.summary)
    map_items(story, lambda i: None if i is item else i)
    story.summary = summary  # the summary is a selection: it keeps its copy where it was
    if key == "positions":
        story.positions.setdefault(party or UNATTRIBUTED, []).append(moved)
    elif key in KIND_OF_SECTION:  # sticking_points, next_steps, timeline: the story's own fields
        getattr(story, key).append(moved)
    else:
        story.sections.setdefault(key, []).append(moved)
