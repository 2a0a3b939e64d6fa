"""Editions of a dated briefing and what changed since the last brief.

Regenerating a date never loses the earlier result: ``briefings/<date>.md`` / ``.json`` are the
latest edition, and every edition is kept as ``briefings/<date>/edition-<n>.json``. A brief is
compared with the previous edition of its date or, for the first of a date, with the latest
edition of the most recent earlier date within a window (7 days by default): per story, whether
it is new, developing or no longer covered; new findings, findings with new sources, findings no
longer supported, and figures that changed ("11,300 dead" then "3,958 dead"). Findings are
compared by the text of their evidence sentences, not by positional ids (``a3.s17`` shifts when an
article is added).
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
from .models import (
    Briefing,
    Changes,
    Evidence,
    FigureChange,
    Item,
    ItemChange,
    Source,
    Story,
    StoryChanges,
)
from .render import template_env
from .review import map_items
from .text.match import match_key

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
            stories.append(StoryChanges(story_id=story.id, title=story.title,
                                        status="no longer covered", unsupported=gone))  # fmt: skip
    return Changes(
        since_edition=old.edition,
        since_generated_at=old.generated_at,
        since_date=old.date if old.date != new.date else None,
        stories=stories,
    )


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
    status = "developing" if before is not None else "new"
    result = StoryChanges(story_id=story.id, title=story.title, status=status)
    if before is None:
        return result  # a new story: all of it is new, its sections say the rest
    old_items = unique_items(before) if before else []
    old_sources: dict[str, set[str]] = {}  # evidence key -> source paths, in the old edition
    for item in old_items:
        paths = source_paths(item.evidence, old)
        for key in evidence_keys([item]):
            old_sources.setdefault(key, set()).update(paths)
    for item in old.struck:  # struck in review: known, so not new should it come back
        for key in evidence_keys([item]):
            old_sources.setdefault(key, set()).update(source_paths(item.evidence, old))
    # Struck in review is a decision, not a loss of support.
    new_keys: set[str] = evidence_keys(new.struck)
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
    # A finding whose articles are all still there is still supported, only ranked out of the
    # sections' caps; "no longer supported" is said of findings whose every article is gone.
    present = {source_key(s) for s in new.sources}
    result.unsupported = [
        change(item, old, earlier=True)
        for item in old_items
        if not evidence_keys([item]) & new_keys and not source_paths(item.evidence, old) & present
    ]
    figure_changes(result, old_items, unique_items(story), old, new)
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


def source_key(source: Source) -> str:
    """Which article it is, across runs: its URL, else its file name, title and outlet (a new
    day's articles may sit in another folder; positional ids shift)."""
    return source.url or f"{Path(source.path).name}|{source.title}|{source.outlet or ''}"


def source_path(evidence: Evidence, briefing: Briefing) -> str:
    for source in briefing.sources:
        if source.article_id == evidence.article_id:
            return source_key(source)
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
        handle=item.handle,
        text=item.text,
        cites="[" + prefix + ", ".join(refs) + "]",
        new_sources=new_sources or [],
    )


def mark(briefing: Briefing, changes: Changes) -> None:
    """Mark in the brief's sections the findings that are new, and the figures that changed."""
    new = {c.handle for s in changes.stories for c in s.new_items if c.handle}
    figure = {f.new.handle: f"{f.before} → {f.after}" for s in changes.stories for f in s.figures}
    developing = {s.story_id for s in changes.stories if s.status == "developing"}
    for story in briefing.stories:
        if story.id not in developing:
            continue  # a new story is new as a whole; marking each finding says nothing more
        map_items(story, lambda i: i.model_copy(update={
            "new": i.handle in new, "figure_change": figure.get(i.handle),
        }))  # fmt: skip


# --- figures that changed -----------------------------------------------------------------------

# A figure: digits (thousands separated), maybe "million"; what it counts is read around it.
FIGURE = re.compile(
    r"(?<![\w.,:/-])([$€£]\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s+(?:million|billion|thousand))?"
    r"(?![\w%]|[.,:/-]\d|\s*(?:%|percent|per cent))",  # not a part of a date, time or score
    re.I,
)
MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# News counts the same toll in many words: each group is one thing counted.
COUNTED = {
    "dead": {"dead", "deaths", "death", "died", "killed", "fatalities", "casualties", "toll",
             "lives", "bodies"},
    "missing": {"missing", "unaccounted"},
    "injured": {"injured", "wounded", "hurt", "injuries"},
    "displaced": {"displaced", "homeless", "evacuated"},
}  # fmt: skip
SUBJECT_OF = {word: subject for subject, words in COUNTED.items() for word in words}
# Words between a figure and the noun it counts: "300 more troops", "$100 billion a year".
FILLERS = {"more", "other", "additional", "extra", "new", "a", "an", "per", "of", "the", "some"}
MONTHS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.I)
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?", re.I)
CALENDAR = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|"
                      r"sat|sun|am$|pm$|gmt$|utc$)", re.I)  # fmt: skip


def figures(text: str) -> list[tuple[str, float, str]]:
    """(what is counted, value, figure as shown) for each count a sentence states.

    Years, dates, percentages and numbers under 10 are not counts. A toll counted in other words
    ("3,958 people have died", "the death toll rose to 11,300") is one subject ("dead"); any other
    count is of the noun right after it ("300 troops"). A general, simple reading, meant to be
    replaced by the shared quantity parser when there is one."""
    found = []
    for match in FIGURE.finditer(text):
        raw, scale = match.group(2), (match.group(3) or "").strip().lower()
        value = float(raw.replace(",", "")) * MULTIPLIERS.get(scale, 1)
        year = "," not in raw and 1900 <= value <= 2100 and not match.group(1) and not scale
        if (value < 10 and not match.group(1)) or year or MONTHS.search(text[: match.start()]):
            continue
        after = WORD.findall(re.split(r"[,;:.()\d]", text[match.end() :], maxsplit=1)[0])
        before = WORD.findall(re.split(r"[,;:.()]|\d", text[: match.start()])[-1])
        figure = match.group(0).strip()
        counted = [SUBJECT_OF[w.lower()] for w in after[:5] if w.lower() in SUBJECT_OF]
        named_before = [SUBJECT_OF[w.lower()] for w in before[-12:] if w.lower() in SUBJECT_OF]
        counted = counted or named_before[-1:]
        if counted:
            found.append((counted[0], value, f"{figure} {counted[0]}"))
            continue
        nouns = [w for w in after[:3] if w.lower() not in FILLERS]
        if nouns and len(nouns[0]) > 2 and not CALENDAR.match(nouns[0]):
            span = " ".join(after[: after.index(nouns[0]) + 1])
            found.append((nouns[0].lower().removesuffix("s"), value, f"{figure} {span}"))
    return found


def figure_changes(
    result: StoryChanges, old_items: list[Item], new_items: list[Item], old: Briefing, new: Briefing
) -> None:
    """Figures of the earlier brief that a sentence new to this one states with another value
    ("11,300 dead" then "3,958 dead"): listed in `result.figures`, and the finding stating it no
    longer listed as new or newly sourced. Read per evidence sentence, so a new figure merged into
    an earlier finding as one more source is seen too."""
    earlier: dict[str, list[tuple[float, str, Item]]] = {}
    known: set[str] = set()
    for item in old_items:
        for e in item.evidence:
            known.add(match_key(e.text))
            for subject, value, written in figures(e.text):
                earlier.setdefault(subject, []).append((value, written, item))
    changed: set[str] = set()
    for item in new_items:
        for e in item.evidence:
            if match_key(e.text) in known:
                continue
            found = first_change(figures(e.text), earlier)
            if found is None:
                continue
            (before, old_item), after = found
            stated = item.model_copy(update={"text": e.text, "evidence": [e]})
            result.figures.append(FigureChange(
                about=after[0], before=before, after=after[1],
                old=change(old_item, old, earlier=True), new=change(stated, new),
            ))  # fmt: skip
            changed.add(item.handle or item.text)
            break
    result.new_items = [c for c in result.new_items if (c.handle or c.text) not in changed]
    result.new_sources = [c for c in result.new_sources if (c.handle or c.text) not in changed]


def first_change(
    stated: list[tuple[str, float, str]], earlier: dict[str, list[tuple[float, str, Item]]]
) -> tuple[tuple[str, Item], tuple[str, str]] | None:
    """((earlier figure, its finding), (subject, figure now)) of the first count that changed."""
    for subject, value, written in stated:
        before = earlier.get(subject, [])
        if before and all(v != value for v, _, _ in before):
            return (before[0][1], before[0][2]), (subject, written)
    return None


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
