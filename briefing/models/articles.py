"""What ingest and chunking hand on: articles, the problems met reading them, sentences, chunks."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .base import Frozen

# --- ingest -------------------------------------------------------------------------------------


class Article(Frozen):
    """One cleaned input file."""

    id: str = Field(description="Position of the article in this run: a1, a2, ...")
    key: str = Field(description="sha256 of the cleaned text (first 16 hex digits)")
    path: str = Field(description="File the article was read from")
    title: str
    text: str = Field(description="Cleaned body; paragraphs separated by a blank line")
    outlet: str | None = None
    published: dt.date | None = None
    date_approximate: bool = Field(
        default=False, description="True when the date was resolved from e.g. '2 days ago'"
    )
    byline: str | None = None
    url: str | None = None
    removed: list[str] = Field(default_factory=list, description="Lines dropped by cleaning")
    record: int | None = Field(
        default=None, description="Line (JSONL) or position (JSON list) of the record in `path`"
    )
    title_from_text: bool = Field(
        default=False, description="True when the file had no headline: title = start of text"
    )
    repairs: list[str] = Field(
        default_factory=list, description='Words changed by cleaning, e.g. "Putins -> Putin\'s"'
    )
    also_carried_by: list[str] = Field(
        default_factory=list,
        description="Outlets (or paths, outlet unknown) of copies left out as duplicates",
    )
    encoding: str | None = Field(default=None, description="Text encoding the file was read in")


class Problem(Frozen):
    """A file that could not be used, with a reason a user can act on."""

    path: str
    reason: str


class Duplicate(Frozen):
    """An article that repeats an earlier one (syndicated copy, re-post, light rewrite)."""

    path: str
    record: int | None = None
    article_id: str | None = Field(
        default=None, description="Its id when kept; None when left out as a copy"
    )
    duplicate_of: str = Field(description="Id of the earlier, kept article it repeats")
    similarity: float = Field(ge=0, le=1, description="Jaccard similarity of 5-word shingles")
    excluded: bool = Field(description="True when left out of `articles` (similarity >= 0.9)")


class IngestResult(Frozen):
    articles: list[Article]
    problems: list[Problem] = Field(default_factory=list)
    duplicates: list[Duplicate] = Field(default_factory=list)


# --- chunk --------------------------------------------------------------------------------------


class Sentence(Frozen):
    id: str = Field(description="Stable id: article id + sentence number, e.g. a3.s17")
    article_id: str
    number: int = Field(ge=1)
    text: str


class Chunk(Frozen):
    id: str = Field(description="e.g. a3.c2")
    article_id: str
    sentences: list[Sentence] = Field(min_length=1)


class Segmented(Frozen):
    """Sentences of all articles, the chunks sent to the model, and repeats that were not sent."""

    sentences: list[Sentence]
    chunks: list[Chunk]
    duplicate_of: dict[str, str] = Field(
        default_factory=dict, description="sentence id -> id of the first identical sentence"
    )
