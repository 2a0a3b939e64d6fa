"""Lines -> units: hard-wrapped lines joined into paragraphs, standalone lines kept alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.sentences import ENDS_SENTENCE
from .lines import ENDS_CLAUSE, line_kind


@dataclass
class Unit:
    """A paragraph of text or a standalone line, and the role cleaning gives it."""

    text: str
    role: str  # "body" or why it is not body text (a line kind, "title", "caption", ...)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_prose(self) -> bool:
        return bool(ENDS_SENTENCE.search(self.text)) or self.words >= 20


def build_units(lines: list[str]) -> list[Unit]:
    """Join hard-wrapped lines into paragraphs; standalone lines (dates, chrome, ...) stay alone.

    A blank line always ends a paragraph. In a hard-wrapped file a line ending a sentence also
    ends its paragraph when the next line's first word would have fitted on it (a wrapping
    program would have put it there). A paragraph-final line that happens to be full cannot be
    told apart, so two paragraphs may be merged; no sentence is lost.
    """
    kinds = [line_kind(line) if line else None for line in lines]
    widths = local_widths(lines, kinds) if is_hard_wrapped(lines, kinds) else None
    units: list[Unit] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            units.append(Unit(join_lines(current), "body"))
            current.clear()

    for i, line in enumerate(lines):
        if not line:
            flush()
        elif kinds[i]:
            flush()
            units.append(Unit(line, kinds[i] or "body"))
        else:
            if current and not continues(current, line, widths[i] if widths else None):
                flush()
            current.append(line)
    flush()
    return units


def continues(current: list[str], line: str, width: int | None) -> bool:
    """Whether `line` continues the paragraph whose lines so far are `current`."""
    previous = current[-1]
    if width is None:  # not hard-wrapped: one line is one paragraph, unless cut mid-sentence
        return not ENDS_CLAUSE.search(previous) and line[:1].islower()
    if len(current) == 1 and len(previous) < 0.8 * width and not ENDS_CLAUSE.search(previous):
        return line[:1].islower()  # a short first line is a heading unless the text runs on
    if ENDS_SENTENCE.search(previous):
        return len(previous) + 1 + len(line.split()[0]) > width
    return True


def join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        # "four-" + "year": keep the hyphen, drop the break (wrappers break after hyphens).
        glue = "" if re.search(r"[A-Za-z]-$", text) and line[:1].islower() else " "
        text += glue + line
    return " ".join(text.split())


def is_hard_wrapped(lines: list[str], kinds: list[str | None]) -> bool:
    """Most text lines are near one width (under 100 characters) and many stop mid-sentence."""
    text_lines = [line for line, kind in zip(lines, kinds, strict=True) if line and not kind]
    if len(text_lines) < 5:
        return False
    lengths = sorted(len(line) for line in text_lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 30 <= width <= 100:
        return False
    near_full = sum(1 for n in lengths if n >= 0.7 * width) / len(lengths)
    open_ended = sum(1 for line in text_lines if not ENDS_SENTENCE.search(line)) / len(text_lines)
    return near_full >= 0.6 and open_ended >= 0.3


def local_widths(lines: list[str], kinds: list[str | None], reach: int = 5) -> list[int]:
    """Wrap width around each line: columns of one file can be wrapped at different widths."""
    lengths = [
        len(line) if line and not kind else 0 for line, kind in zip(lines, kinds, strict=True)
    ]
    return [max(lengths[max(0, i - reach) : i + reach + 1]) for i in range(len(lines))]
