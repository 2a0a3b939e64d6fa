"""Editions of a dated briefing and what changed between them.

Regenerating a date never loses the earlier result: ``briefings/<date>.md`` / ``.json`` are the
latest edition, and every edition is kept as ``briefings/<date>/edition-<n>.json``. A new edition
says what changed since the previous one, per story: new findings, findings with new sources, and
findings no longer supported. Findings are compared by the text of their evidence sentences, not
by positional ids (``a3.s17`` shifts when an article is added).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .cache import write_atomic
from .errors import BriefingError
from .models import Briefing, Changes, Evidence, Item, ItemChange, Story, StoryChanges
from .render import template_env
from .text.match import match_key

EDITION_FILE = re.compile(r"^edition-(\d+)\.json$")
REFERENCE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[/:#](\d+))?$")


def folder(out: Path, date: dt.date) -> Path:
    return out / date.isoformat()


def numbers(out: Path, date: dt.date) -> list[int]:
    """Edition numbers saved for a date, in order."""
    directory = folder(out, date)
    if not directory.is_dir():
        return []
    found = (EDITION_FILE.match(p.name) for p in directory.iterdir())
    return sorted(int(m.group(1)) for m in found if m)


def path_of(out: Path, date: dt.date, number: int) -> Path:
    return folder(out, date) / f"edition-{number}.json"


def load(path: Path) -> Briefing:
    try:
        return Briefing.model_validate_json(path.read_bytes())
    except FileNotFoundError as err:
        raise BriefingError(f"no edition at {path}; `ls` the briefings folder") from err
    except (OSError, ValidationError, ValueError) as err:
        raise BriefingError(f"{path} is not a briefing edition ({type(err).__name__})") from err


def latest(out: Path, date: dt.date) -> Briefing | None:
    """The newest readable edition of `date`, if any."""
    for number in reversed(numbers(out, date)):
        with contextlib.suppress(BriefingError):
            return load(path_of(out, date, number))
    return None


def save(briefing: Briefing, out: Path, previous: Briefing | None) -> Path:
    """Number `briefing` as the next edition, note what changed, write edition-<n>.json.

    The number is claimed with an exclusive hard link, so two runs of the same date never write
    the same edition; the file appears complete or not at all.
    """
    directory = folder(out, briefing.date)
    directory.mkdir(parents=True, exist_ok=True)
    briefing.changes = compare(previous, briefing) if previous else None
    number = max(numbers(out, briefing.date), default=0) + 1
    while True:
        briefing.edition = number
        target = path_of(out, briefing.date, number)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".edition.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write((briefing.model_dump_json(indent=2) + "\n").encode())
                handle.flush()
                os.fsync(handle.fileno())
            os.link(tmp, target)
            return target
        except FileExistsError:
            number += 1  # another run of this date took the number first
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


# --- comparing ----------------------------------------------------------------------------------


def compare(old: Briefing, new: Briefing) -> Changes:
    """What changed from `old` to `new`, per story of `new` (and stories that disappeared)."""
    stories: list[StoryChanges] = []
    matched: set[str] = set()
    for story in new.stories:
        before = counterpart(story, old.stories)
        if before is not None:
            matched.add(before.id)
        changes = compare_story(before, story, old, new)
        if not changes.empty:
            stories.append(changes)
    for story in old.stories:
        if story.id not in matched:
            gone = [change(i, old, earlier=True) for i in unique_items(story)]
            if gone:
                stories.append(StoryChanges(story_id=story.id, title=story.title, unsupported=gone))
    return Changes(since_edition=old.edition, since_generated_at=old.generated_at, stories=stories)


def counterpart(story: Story, candidates: list[Story]) -> Story | None:
    """The same story in the other edition: same id, else the one sharing most evidence."""
    for candidate in candidates:
        if candidate.id == story.id:
            return candidate
    keys = evidence_keys(story.items)
    overlap = [(len(keys & evidence_keys(c.items)), c) for c in candidates]
    best = max(overlap, key=lambda pair: pair[0], default=(0, None))
    return best[1] if best[0] else None


def compare_story(before: Story | None, story: Story, old: Briefing, new: Briefing) -> StoryChanges:
    result = StoryChanges(story_id=story.id, title=story.title)
    old_items = unique_items(before) if before else []
    old_sources: dict[str, set[str]] = {}  # evidence key -> source paths, in the old edition
    for item in old_items:
        paths = source_paths(item.evidence, old)
        for key in evidence_keys([item]):
            old_sources.setdefault(key, set()).update(paths)
    new_keys: set[str] = set()
    for item in unique_items(story):
        keys = evidence_keys([item])
        new_keys |= keys
        if not keys & old_sources.keys():
            result.new_items.append(change(item, new))
            continue
        known = set().union(*(old_sources.get(k, set()) for k in keys))
        added = [e for e in item.evidence if source_path(e, new) not in known]
        if added:
            names = dict.fromkeys(source_name(e, new) for e in added)
            result.new_sources.append(change(item, new, new_sources=list(names)))
    result.unsupported = [
        change(item, old, earlier=True)
        for item in old_items
        if not evidence_keys([item]) & new_keys
    ]
    return result


def unique_items(story: Story) -> list[Item]:
    """Each finding once (a sentence may be labelled in two sections)."""
    seen: set[str] = set()
    items = []
    for item in story.items:
        key = match_key(item.evidence[0].text)
        if key not in seen:
            seen.add(key)
            items.append(item)
    return items


def evidence_keys(items: Iterable[Item]) -> set[str]:
    return {match_key(e.text) for item in items for e in item.evidence}


def source_path(evidence: Evidence, briefing: Briefing) -> str:
    for source in briefing.sources:
        if source.article_id == evidence.article_id:
            return source.url or source.path
    return evidence.article_id


def source_paths(evidence: list[Evidence], briefing: Briefing) -> set[str]:
    return {source_path(e, briefing) for e in evidence}


def source_name(evidence: Evidence, briefing: Briefing) -> str:
    for source in briefing.sources:
        if source.article_id == evidence.article_id:
            return source.outlet or source.title
    return evidence.article_id


def change(
    item: Item, briefing: Briefing, new_sources: list[str] | None = None, *, earlier: bool = False
) -> ItemChange:
    """The finding with citations against `briefing`'s sources (named when it is the earlier)."""
    refs = dict.fromkeys(
        f"{briefing.source_number(e.article_id)}:{e.ref.local}" for e in item.evidence
    )
    prefix = f"edition {briefing.edition} " if earlier else ""
    return ItemChange(
        kind=item.kind,
        party=item.party,
        text=item.text,
        cites="[" + prefix + ", ".join(refs) + "]",
        new_sources=new_sources or [],
    )


# --- the diff command ---------------------------------------------------------------------------


def resolve(reference: str, out: Path) -> Path:
    """An edition from a path, or `DATE` (its latest edition) or `DATE/N` (also `DATE:N`)."""
    path = Path(reference)
    if path.is_file():
        return path
    match = REFERENCE.match(reference)
    if not match:
        raise BriefingError(
            f"{reference!r} is neither a file nor an edition like 2025-12-05/2; check the name"
        )
    date = dt.date.fromisoformat(match.group(1))
    available = numbers(out, date)
    if not available:
        raise BriefingError(f"no editions of {date} in {folder(out, date)}; check --out")
    number = int(match.group(2)) if match.group(2) else available[-1]
    if number not in available:
        raise BriefingError(
            f"{date} has editions {', '.join(map(str, available))}, not {number}; pick one of them"
        )
    return path_of(out, date, number)


def default_pair(out: Path) -> tuple[Path, Path]:
    """The last two editions of the latest date that has editions in `out`."""
    dates = sorted(
        dt.date.fromisoformat(d.name)
        for d in (out.iterdir() if out.is_dir() else [])
        if d.is_dir() and REFERENCE.match(d.name) and numbers(out, dt.date.fromisoformat(d.name))
    )
    if not dates:
        raise BriefingError(f"no briefing editions in {out}; run `briefing generate` first")
    date = dates[-1]
    available = numbers(out, date)
    if len(available) < 2:
        raise BriefingError(
            f"{date} has one edition only; pass two editions, e.g. 2025-12-04/1 {date}/1"
        )
    return path_of(out, date, available[-2]), path_of(out, date, available[-1])


def diff(old_path: Path, new_path: Path) -> Briefing:
    """The newer edition with `changes` computed against the older one."""
    old, new = load(old_path), load(new_path)
    new.changes = compare(old, new)
    return new


def changes_markdown(briefing: Briefing, templates: str | None = None) -> str:
    text = template_env(templates).get_template("_changes.md.j2").render(b=briefing)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# --- reruns with nothing new --------------------------------------------------------------------

INPUTS_NAME = ".inputs.json"


def fingerprint(parts: dict[str, Any]) -> str:
    """sha256 over everything that determines a briefing (see pipeline.input_key)."""
    canonical = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def unchanged(out: Path, date: dt.date, key: str, paths: list[Path]) -> Briefing | None:
    """The latest edition when it was made from exactly these inputs and its files are all there:
    a rerun with nothing new then writes nothing and calls nothing."""
    try:
        record = json.loads((folder(out, date) / INPUTS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("key") != key:
        return None
    if not all(p.is_file() for p in paths):
        return None
    with contextlib.suppress(BriefingError, KeyError, TypeError, ValueError):
        return load(path_of(out, date, int(record["edition"])))
    return None


def remember(out: Path, date: dt.date, key: str, edition: int) -> None:
    write_atomic(folder(out, date) / INPUTS_NAME, json.dumps({"key": key, "edition": edition}))
