"""Sentence ids (``a3.s17``): built, parsed and ordered in one place.

Ids cross stages and files as strings (JSON, editions, the story index); this type is how code
reads them, so that "a2" sorts before "a10" everywhere and no stage splits strings by hand.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

SEPARATOR = ".s"


def article_order(article_id: str) -> tuple[int, str]:
    """Sort key of an article id: "a2" before "a10"; ids not of the form a<n> after all others."""
    digits = article_id.lstrip("a")
    return (int(digits), "") if digits.isdigit() else (10**9, article_id)


@functools.total_ordering
@dataclass(frozen=True)
class SentenceRef:
    """Sentence `number` (from 1) of article `article_id`; ``str()`` gives the id."""

    article_id: str
    number: int

    @classmethod
    def parse(cls, sentence_id: str) -> SentenceRef:
        article_id, _, number = sentence_id.rpartition(SEPARATOR)
        if not article_id or not number.isdigit():
            raise ValueError(f"not a sentence id: {sentence_id!r}")
        return cls(article_id, int(number))

    def __str__(self) -> str:
        return f"{self.article_id}{SEPARATOR}{self.number}"

    @property
    def local(self) -> str:
        """The id within its article ("s17"), as citations show it next to a source number."""
        return f"s{self.number}"

    def key(self) -> tuple[tuple[int, str], int]:
        """Sort key: article order ("a2" before "a10"), then sentence number."""
        return article_order(self.article_id), self.number

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, SentenceRef):
            return NotImplemented
        return self.key() < other.key()
