"""Editions of a dated briefing: numbered, saved, found again; the brief a new one is compared with.

Regenerating a date never loses the earlier result: ``briefings/<date>.md`` / ``.json`` are the
latest edition, and every edition is kept as ``briefings/<date>/edition-<n>.json``. A brief is
compared (changes.py) with the previous edition of its date or, for the first of a date, with the
latest edition of the most recent earlier date within a window (7 days by default).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .cache import write_atomic
from .changes import compare, mark
from .errors import BriefingError
from .models import Briefing

EDITION_FILE = re.compile(r"^edition-(\d+)\.json$")
REFERENCE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[/:#](\d+))?$")
DATE_NAME = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def dates(out: Path) -> list[dt.date]:
    """Dates that have at least one edition in `out`, oldest first."""
    found = []
    for entry in out.iterdir() if out.is_dir() else []:
        if entry.is_dir() and DATE_NAME.fullmatch(entry.name):
            with contextlib.suppress(ValueError):
                date = dt.date.fromisoformat(entry.name)
                if numbers(out, date):
                    found.append(date)
    return sorted(found)


def previous_brief(out: Path, date: dt.date, window_days: int) -> Briefing | None:
    """What a new brief of `date` is compared with: the latest edition of `date`, else the latest
    edition of the most recent earlier date at most `window_days` before it."""
    same = latest(out, date)
    if same is not None or window_days <= 0:
        return same
    earliest = date - dt.timedelta(days=window_days)
    for earlier in reversed([d for d in dates(out) if earliest <= d < date]):
        found = latest(out, earlier)
        if found is not None:
            return found
    return None


def save(briefing: Briefing, out: Path, previous: Briefing | None) -> Path:
    """Number `briefing` as the next edition, note what changed, write edition-<n>.json.

    The number is claimed with an exclusive hard link, so two runs of the same date never write
    the same edition; the file appears complete or not at all.
    """
    directory = folder(out, briefing.date)
    directory.mkdir(parents=True, exist_ok=True)
    briefing.changes = compare(previous, briefing) if previous else None
    if briefing.changes:
        mark(briefing, briefing.changes)
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
    """The last two briefs in `out`, whatever their dates: the latest edition and the one before
    it (the previous edition of its date, else the latest edition of the date before)."""
    found = dates(out)
    if not found:
        raise BriefingError(f"no briefing editions in {out}; run `briefing generate` first")
    date = found[-1]
    available = numbers(out, date)
    if len(available) >= 2:
        return path_of(out, date, available[-2]), path_of(out, date, available[-1])
    if len(found) < 2:
        raise BriefingError(
            f"{out} holds one brief only ({date}); generate another, or pass two editions"
        )
    earlier = found[-2]
    return path_of(out, earlier, numbers(out, earlier)[-1]), path_of(out, date, available[-1])


def diff(old_path: Path, new_path: Path) -> Briefing:
    """The newer edition with `changes` computed against the older one."""
    old, new = load(old_path), load(new_path)
    new.changes = compare(old, new)
    return new


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
