"""Every pydantic model that crosses a stage boundary.

The LLM contract is deliberately narrow: the model returns labels (sentence number, kind, party),
never prose. Everything shown to a reader is rebuilt from verbatim source sentences.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .text.ids import SentenceRef, article_order

Kind = Literal["position", "sticking_point", "next_step", "event"]
# What a finding is: a kind the model or the cue rules gave it, or "fact": a sentence chosen for
# its place in the story (an article's lead, several sources, figures) without any label.
FindingKind = Literal["position", "sticking_point", "next_step", "event", "fact"]
# What a story is about decides its sections (briefing/sections.py).
StoryKind = Literal["negotiation", "incident", "decision", "report"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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


# --- screen: untrusted text held back from the model --------------------------------------------


class Flag(Frozen):
    """A sentence that reads as an instruction to a model: never sent to it, shown for review."""

    sentence_id: str = Field(description="e.g. a3.s17")
    article_id: str
    reason: str = Field(description='Why it was flagged, e.g. "tells the model to ignore ..."')
    text: str = Field(description="The sentence, verbatim, for the reviewer")


class Suspicion(Frozen):
    """An article with instruction-like sentences (prompt injection attempts) to review."""

    article_id: str
    path: str
    title: str
    flags: list[Flag] = Field(min_length=1)


# --- extract: the LLM contract ------------------------------------------------------------------


class Label(Frozen):
    """The model's whole job: pick a numbered sentence and say what it is and whose it is."""

    id: int = Field(ge=1, description="Number of the sentence in the numbered list")
    kind: Kind
    party: str = Field(
        default="", max_length=60, description="Who holds the position or acts; empty if none"
    )


class ChunkLabels(Frozen):
    items: list[Label] = Field(default_factory=list, max_length=80)


class SummaryPick(Frozen):
    """The model picks the most important candidate items for the summary by number."""

    ids: list[int] = Field(min_length=1, max_length=5)


class Usage(Frozen):
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )


class Digest(Frozen):
    """Labels returned for one chunk, before grounding."""

    chunk_id: str
    labels: list[Label]
    usage: Usage = Usage()
    cached: bool = False


# --- ground -------------------------------------------------------------------------------------


class Evidence(Frozen):
    sentence_id: str
    article_id: str
    text: str = Field(description="The source sentence, verbatim")

    @property
    def ref(self) -> SentenceRef:
        return SentenceRef.parse(self.sentence_id)


class Item(Frozen):
    """A finding: a labelled source sentence (or several saying the same thing)."""

    kind: FindingKind
    party: str | None = None
    text: str = Field(description="Verbatim source text shown to the reader")
    evidence: list[Evidence] = Field(min_length=1)
    date: dt.date | None = Field(default=None, description="For events: when it happened")
    date_approximate: bool = False
    parties: list[str] = Field(
        default_factory=list, description="Normalised parties the finding names, actor first"
    )
    when: str | None = Field(
        default=None, description='For next steps: the time stated, as written ("next week")'
    )
    origin: Literal["source", "model"] = Field(
        default="source",
        description="'model': a summary sentence the model wrote and that passed the check "
        "that its numbers and names occur in its evidence; otherwise verbatim source text",
    )

    @property
    def article_ids(self) -> list[str]:
        return sorted({e.article_id for e in self.evidence}, key=article_order)


class Variant(Frozen):
    """One source's version of a fact that sources state differently."""

    text: str = Field(description="The differing words, verbatim from the source")
    evidence: list[Evidence] = Field(min_length=1)

    @property
    def article_ids(self) -> list[str]:
        return sorted({e.article_id for e in self.evidence}, key=article_order)


class Difference(Frozen):
    """A fact that sources state differently: a number, a duration or a quote's wording."""

    about: str = Field(description='What differs, e.g. "the war (years)", "Ushakov\'s words"')
    kind: Literal["number", "quote"]
    variants: list[Variant] = Field(min_length=2)


class Quote(Frozen):
    text: str = Field(description="The quoted words, verbatim from the source")
    speaker: str | None = None
    evidence: list[Evidence] = Field(min_length=1)

    @property
    def article_ids(self) -> list[str]:
        return sorted({e.article_id for e in self.evidence}, key=article_order)


class Grounded(Frozen):
    items: list[Item]
    dropped: dict[str, int] = Field(default_factory=dict, description="reason -> count")


# --- merge / render -----------------------------------------------------------------------------


class Source(Frozen):
    number: int
    article_id: str
    title: str
    outlet: str | None = None
    published: dt.date | None = None
    path: str
    url: str | None = None


class RunStats(BaseModel):
    articles: int = 0
    skipped_files: int = 0
    chunks: int = 0
    llm_calls: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    dropped: dict[str, int] = Field(default_factory=dict)
    model: str = ""
    endpoint: str = ""


class Story(BaseModel):
    """One developing story: the articles about it and its briefing sections."""

    id: str = Field(description="Stable across editions and days")
    title: str = Field(description="A headline of one of its articles, not invented")
    article_ids: list[str]
    outlets: list[str] = Field(
        default_factory=list, description="Distinct outlets (the file when unknown); ranks it"
    )
    latest: dt.date | None = Field(default=None, description="Most recent publication date")
    first_seen: dt.date | None = Field(default=None, description="Date of its first briefing")
    terms: list[str] = Field(default_factory=list, description="Its most characteristic words")
    kind: StoryKind = Field(
        "negotiation", description="What the story is about; decides its sections"
    )
    summary: list[Item] = Field(default_factory=list)
    sections: dict[str, list[Item]] = Field(
        default_factory=dict,
        description="The story kind's other sections, by key (what_happened, casualties, "
        "responsibility, response, decision, figures, reasons, details); only non-empty ones",
    )
    positions: dict[str, list[Item]] = Field(default_factory=dict)
    sticking_points: list[Item] = Field(default_factory=list)
    next_steps: list[Item] = Field(default_factory=list)
    timeline: list[Item] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    differences: list[Difference] = Field(
        default_factory=list, description="Where sources differ on the same fact"
    )

    @property
    def items(self) -> list[Item]:
        """Every finding of the story, the summary first, then each section in order."""
        grouped = [i for group in self.positions.values() for i in group]
        others = [i for group in self.sections.values() for i in group]
        return [
            *self.summary, *others, *grouped, *self.sticking_points, *self.next_steps,
            *self.timeline,
        ]  # fmt: skip


class PastStory(Frozen):
    """A story of an earlier briefing that no article of this run covers."""

    id: str
    title: str
    last_seen: dt.date = Field(description="Date of the last briefing that had an article on it")
    articles: int = Field(ge=0, description="Articles it had in all earlier runs")


# --- editions -----------------------------------------------------------------------------------


class ItemChange(BaseModel):
    """One finding that is new, newly corroborated, or no longer supported since an edition."""

    kind: FindingKind
    party: str | None = None
    text: str = Field(description="Verbatim source text of the finding")
    cites: str = Field(
        description="'[1:s3, 2:s7]' against the sources of the edition the finding is from "
        "(this edition; the earlier one for findings no longer supported)"
    )
    new_sources: list[str] = Field(
        default_factory=list, description="Sources (outlet or title) newly supporting it"
    )


class StoryChanges(BaseModel):
    """What changed in one story between two editions; items compared by evidence text."""

    story_id: str
    title: str
    new_items: list[ItemChange] = Field(default_factory=list)
    new_sources: list[ItemChange] = Field(default_factory=list)
    unsupported: list[ItemChange] = Field(
        default_factory=list, description="Findings of the earlier edition no longer supported"
    )

    @property
    def empty(self) -> bool:
        return not (self.new_items or self.new_sources or self.unsupported)


class Changes(BaseModel):
    """What changed since an earlier edition of the briefing (of the same date)."""

    since_edition: int = Field(ge=1)
    since_generated_at: dt.datetime
    stories: list[StoryChanges] = Field(default_factory=list, description="Changed stories only")


class Briefing(BaseModel):
    topic: str
    date: dt.date
    generated_at: dt.datetime
    stories: list[Story] = Field(
        default_factory=list, description="Top stories: most outlets first, then most recent"
    )
    also_reported: list[Story] = Field(
        default_factory=list, description="Stories with fewer outlets than --min-sources"
    )
    no_longer_covered: list[PastStory] = Field(
        default_factory=list, description="Stories of recent briefings with no article today"
    )
    sources: list[Source] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list, description="LLM failures and fallbacks")
    suspicious: list[Suspicion] = Field(
        default_factory=list,
        description="Articles with instruction-like sentences held back from the model (review)",
    )
    stats: RunStats = Field(default_factory=RunStats)
    edition: int = Field(1, ge=1, description="1 for the first run of this date, then 2, 3, ...")
    changes: Changes | None = Field(
        None, description="What changed since the previous edition; None for the first"
    )

    def source_number(self, article_id: str) -> int:
        for source in self.sources:
            if source.article_id == article_id:
                return source.number
        raise KeyError(article_id)


class Segmented(Frozen):
    """Sentences of all articles, the chunks sent to the model, and repeats that were not sent."""

    sentences: list[Sentence]
    chunks: list[Chunk]
    duplicate_of: dict[str, str] = Field(
        default_factory=dict, description="sentence id -> id of the first identical sentence"
    )
