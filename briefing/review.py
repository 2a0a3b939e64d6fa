"""The analyst's review: decisions read from an edited brief, kept in a file, applied onwards.

Every finding carries a handle (handles.py), so it is recognised in any editor's version of the
file. Reviewing is editing the Markdown:

- deleting a finding's line strikes it (a finding shown twice, in the summary and a section, is
  struck when neither is left);
- moving the line under another section or party heading relabels it;
- a ``> `` line right under a finding is a note on it (consecutive ones are one note; deleting a
  carried note removes it);
- changing words inside a finding is not new evidence: the source's words stay as they are and
  the analyst's wording is kept with the finding as a note marked as a rewording.

Before the next edition is written, ``generate`` compares each brief on disk with the copy of what
it wrote (``<date>/edition-<n>.md``), keeps the edited file beside it
(``<date>/edition-<n>.reviewed.md``), and records the decisions in ``review.json`` in the output
folder (decisions.py keeps them and applies them to the brief they were made on and every later
one).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from .cache import write_atomic
from .decisions import (
    SECTION_KEYS,
    SECTION_KINDS,
    UNATTRIBUTED,
    describe_place,
    load_decisions,
    merged,
    save_decisions,
)
from .handles import all_items, keys_of
from .models import Briefing, Decision, Item
from .text.match import match_key

# `^k3f9q` ends a finding's line (the block-reference convention of several Markdown editors);
# re-wrapping may move it to a line of its own, so it is looked for anywhere in the item.
HANDLE_MARK = re.compile(r"(?<![\w^])\^([0-9a-hjkmnp-tv-z]{5,8})\b")
SUMMARY = "summary"

# Lines the brief writes under a finding that are not the analyst's notes.
GENERATED_NOTE = re.compile(r"^_(?:Moved in review|Reworded in review)\b")


# --- reading a brief's Markdown -----------------------------------------------------------------

LIST_START = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])\s+")
NOTE_LINE = re.compile(r"^\s{0,6}>\s?(.*)$")
HEADING = re.compile(r"^ {0,3}(#{2,4})\s+(.*?)\s*#*\s*$")


@dataclass
class Entry:
    """One finding as a Markdown file shows it: where it is, its words, the notes under it."""

    handle: str
    story: str
    section: str
    party: str | None
    text: str
    notes: list[str] = field(default_factory=list)

    @property
    def place(self) -> tuple[str, str | None]:
        return (self.section, self.party if SECTION_KEYS.get(self.section) == "positions" else None)


def read_entries(markdown: str) -> list[Entry]:
    """The findings of a brief's Markdown (list items carrying a handle, and list items of the
    findings sections, handle "" when a person deleted it), wrapped lines joined.

    Tolerant of re-wrapping, other list markers and blank lines: what identifies a finding is its
    handle, what places it is the nearest story, section and party heading above it."""
    entries: list[Entry] = []
    story = section = ""
    party: str | None = None
    current: list[str] | None = None  # lines of the list item being read
    open_entry: Entry | None = None  # the last finding, while notes may still follow it
    note: list[str] | None = None

    def close_item() -> None:
        nonlocal current, open_entry
        if current is None:
            return
        text = " ".join(line.strip() for line in current)
        found = HANDLE_MARK.findall(text)
        body = " ".join(HANDLE_MARK.sub(" ", text).split())
        # A list item of a findings section whose handle a person deleted is kept, unnamed.
        if found or section in SECTION_KINDS or section == SUMMARY:
            open_entry = Entry(found[-1] if found else "", story, section, party, body)
            entries.append(open_entry)
        else:
            open_entry = None
        current = None

    def close_note() -> None:
        nonlocal note
        if note is not None and open_entry is not None:
            text = " ".join(" ".join(note).split())
            if text and not GENERATED_NOTE.match(text):
                open_entry.notes.append(text)
        note = None

    for line in markdown.splitlines():
        heading = HEADING.match(line)
        quoted = NOTE_LINE.match(line)
        if heading:
            close_item(), close_note()
            open_entry = None
            level, title = len(heading[1]), _plain(heading[2])
            if level == 2:
                story, section, party = title, "", None
            elif level == 3:
                section, party = title.lower(), None
            else:
                party = title
        elif quoted:
            # Consecutive "> " lines are one note (a wrapped one); an empty ">" line or a blank
            # line ends it; a line without ">" right after continues it.
            close_item()
            if not quoted[1].strip():
                close_note()
            elif note is None:
                note = [quoted[1]]
            else:
                note.append(quoted[1])
        elif not line.strip():
            close_note()
            if current is not None:
                close_item()
        elif LIST_START.match(line):
            close_item(), close_note()
            current = [LIST_START.sub("", line, count=1)]
        elif current is not None:
            current.append(line)
        elif note is not None:
            note.append(line)  # a lazy continuation of the note
        else:
            open_entry = None  # a paragraph: what follows is under no finding
    close_item(), close_note()
    return entries


def _plain(text: str) -> str:
    """A heading as text: escapes and emphasis of the Markdown removed."""
    return " ".join(re.sub(r"\\(.)", r"\1", text).replace("**", "").split())


# --- what a person changed ----------------------------------------------------------------------


def decisions_from(
    written: str, edited: str, brief: Briefing
) -> tuple[list[Decision], set[tuple[str, str]]]:
    """The decisions that turn `written` (what generate wrote for `brief`) into `edited`.

    Returns the decisions and the (handle, note) pairs of carried notes the person deleted."""
    before, after = group(read_entries(written)), group(read_entries(edited))
    findings: dict[str, Item] = {}
    words: dict[str, set[str]] = {}  # handle -> the finding's words wherever it is shown
    for item in all_items(brief):
        if item.handle:
            findings.setdefault(item.handle, item)
            words.setdefault(item.handle, set()).add(match_key(item.text))
    decisions: list[Decision] = []
    removed_notes: set[tuple[str, str]] = set()
    for handle, shown in before.items():
        item = findings.get(handle)
        if item is None:
            continue
        decide = partial(decision, item, brief, decisions)
        # Its handle, or its words in a findings section (someone deleted the handle with an edit).
        now = after.get(handle) or [
            e for e in after.get("", []) if any(w in match_key(e.text) for w in words[handle])
        ]
        if not now:
            decide("strike")
            continue
        moved = moved_to(shown, now)
        if moved is not None:
            (section, party), origin = moved
            decide("move", section=section, party=party, moved_from=origin)
        notes_before = {n for e in shown for n in e.notes}
        notes_now = list(dict.fromkeys(n for e in now for n in e.notes))
        for note in notes_now:
            if note not in notes_before:
                decide("note", text=note)
        removed_notes |= {(handle, n) for n in notes_before - set(notes_now)}
        # Words changed inside the finding: the source's words no longer all there.
        reworded = [e for e in now if not any(w in match_key(e.text) for w in words[handle])]
        if reworded:
            decide("reword", text=wording(reworded[0].text))
    return decisions, removed_notes


def decision(item: Item, brief: Briefing, into: list[Decision], action: str, **values: Any) -> None:
    """Record one decision on `item`, a finding of `brief`."""
    into.append(Decision(
        handle=item.handle, action=action, made_on=brief.date, edition=brief.edition,
        finding=item.text, keys=keys_of(item), **values,
    ))  # fmt: skip


CITATION_TAIL = re.compile(r"\s*\[\d+:s\d+(?:, ?\d+:s\d+)*\].*$")


def wording(line: str) -> str:
    """The analyst's version of a finding: its line without citations, marks and escapes."""
    return re.sub(r"\\(.)", r"\1", CITATION_TAIL.sub("", line)).strip()


def group(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    grouped: dict[str, list[Entry]] = {}
    for entry in entries:
        grouped.setdefault(entry.handle, []).append(entry)
    return grouped


def moved_to(shown: list[Entry], now: list[Entry]) -> tuple[tuple[str, str | None], str] | None:
    """The new (section, party) of a finding a person moved, and where it was; None if not moved.

    Only moves into a section a finding can be in count (the summary is a selection)."""
    was = {e.place for e in shown if e.section in SECTION_KINDS}
    places = [e.place for e in now if e.section in SECTION_KINDS and e.place not in was]
    if not was or not places:
        return None
    section, party = places[0]
    if SECTION_KEYS.get(section) == "positions":
        party = party or UNATTRIBUTED
    return (section, party), describe_place(*sorted(was, key=str)[0])


# --- harvesting edited briefs -------------------------------------------------------------------


def written_copy(edition_json: Path) -> Path:
    """Where the Markdown generate wrote for an edition is kept: edition-<n>.md beside it."""
    return edition_json.with_suffix(".md")


def reviewed_copy(edition_json: Path) -> Path:
    return edition_json.with_suffix(".reviewed.md")


def harvest(
    out: Path, briefs: Iterable[tuple[Path, Path]], load: Callable[[Path], Briefing]
) -> int:
    """Read the decisions of every brief a person edited into the review file; returns how many
    were read. `briefs` are (the date's Markdown, its latest edition's JSON).

    The edited file is kept as edition-<n>.reviewed.md, so nothing a person wrote is lost, and a
    file already read is not read again. A file edited again is read again in full: its
    decisions replace those read from it before (a line put back is no longer struck)."""
    kept = original = load_decisions(out)
    read = 0
    for markdown, edition_json in briefs:
        keep_unread(markdown, edition_json)
        edited = pending(markdown, edition_json)
        if edited is None:
            continue
        brief = load(edition_json)
        written = written_copy(edition_json).read_text(encoding="utf-8")
        found, removed = decisions_from(written, edited, brief)
        earlier = [d for d in kept if (d.made_on, d.edition) != (brief.date, brief.edition)]
        kept = merged(earlier, found, removed)
        read += len(found) + len(removed)
        write_atomic(reviewed_copy(edition_json), edited)
    if kept != original:
        save_decisions(out, kept)
    return read


def keep_unread(markdown: Path, edition_json: Path) -> None:
    """A brief with no copy of what was written (an older version wrote it) cannot be compared;
    it is kept as edition-<n>.reviewed.md before a new edition replaces it, so no edit is lost."""
    reviewed = reviewed_copy(edition_json)
    unwritten = edition_json.is_file() and not written_copy(edition_json).exists()
    if unwritten and markdown.is_file() and not reviewed.exists():
        write_atomic(reviewed, markdown.read_bytes())


def pending(markdown: Path, edition_json: Path) -> str | None:
    """The text of `markdown` when a person edited it since generate wrote it and it was not read
    yet; None otherwise (or when the written copy is missing: nothing to compare with)."""
    written = written_copy(edition_json)
    if not (markdown.is_file() and written.is_file()):
        return None
    edited = markdown.read_text(encoding="utf-8")
    if edited == written.read_text(encoding="utf-8"):
        return None
    reviewed = reviewed_copy(edition_json)
    if reviewed.is_file() and reviewed.read_text(encoding="utf-8") == edited:
        return None
    return edited
