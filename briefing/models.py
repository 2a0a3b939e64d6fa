"""Every pydantic model that crosses a stage boundary.

The LLM contract is deliberately narrow: the model returns labels (the numbers of the sentences
of each kind), never prose. Everything shown to a reader is rebuilt from verbatim source sentences.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

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
    """A numbered sentence of a chunk, what it is (the model's answer) and whose it is (the
    chunk's name it points at, see extract.party_of)."""

    id: int = Field(ge=1, description="Number of the sentence in the numbered list")
    kind: Kind
    party: str = Field(
        default="", max_length=60, description="Who holds the position or acts; empty if none"
    )


SentenceNumbers = list[Annotated[int, Field(ge=1)]]


class ChunkLabels(Frozen):
    """The model's whole job: the numbers of the sentences of each kind; other sentences are
    not named, so an answer costs a few tokens per labelled sentence. Extract bounds every list
    in the schema it sends, so a looping model cannot run on."""

    position: SentenceNumbers = Field(
        default_factory=list, max_length=80, description="What a party wants, accepts or rejects"
    )
    sticking_point: SentenceNumbers = Field(
        default_factory=list, max_length=80, description="An unresolved dispute"
    )
    next_step: SentenceNumbers = Field(
        default_factory=list, max_length=80, description="Planned or awaited"
    )
    event: SentenceNumbers = Field(
        default_factory=list, max_length=80, description="Happened at a stated time"
    )

    def numbered(self) -> list[tuple[int, Kind]]:
        """(sentence number, kind) pairs in the order the model gave them, kind by kind."""
        return [(number, kind) for kind in get_args(Kind) for number in getattr(self, kind)]


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


class ItemReview(Frozen):
    """What an analyst decided about one finding by editing a brief's Markdown."""

    struck: bool = Field(default=False, description="Deleted in review: left out of the brief")
    moved_from: str | None = Field(
        default=None, description="Heading the brief had put it under, when moved in review"
    )
    notes: list[str] = Field(default_factory=list, description="The analyst's notes on it")
    edited: str | None = Field(
        default=None,
        description="The analyst's rewording of it; never taken as evidence, the source's "
        "words are shown and this is kept as a note",
    )


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
    handle: str = Field(
        default="",
        description="Short stable name of the finding, from its evidence text (e.g. 'k3f9q'); "
        "kept across editions and days while its evidence is the same",
    )
    new: bool = Field(
        default=False, description="True when the brief it was compared with did not have it"
    )
    figure_change: str | None = Field(
        default=None,
        description="A figure of it that changed since the brief it was compared with: "
        "'11,300 dead → 3,958 dead'",
    )
    review: ItemReview | None = Field(
        default=None, description="The analyst's decisions on it, carried from a reviewed brief"
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
    kind: Literal["number", "quote", "claim"]
    variants: list[Variant] = Field(min_length=2)


class KeyFigure(Frozen):
    """A count, amount or rate the sources state, with what it measures."""

    about: str = Field(description='What the number measures, e.g. "dead", "price"')
    value: str = Field(description="The number as written, verbatim")
    text: str = Field(description="The clause that states it, verbatim from the source")
    evidence: list[Evidence] = Field(min_length=1)

    @property
    def article_ids(self) -> list[str]:
        return sorted({e.article_id for e in self.evidence}, key=article_order)


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
    key_figures: list[KeyFigure] = Field(
        default_factory=list, description="Counts, amounts and rates, each with its sources"
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
    handle: str = ""
    text: str = Field(description="Verbatim source text of the finding")
    cites: str = Field(
        description="'[1:s3, 2:s7]' against the sources of the edition the finding is from "
        "(this edition; the earlier one for findings no longer supported)"
    )
    new_sources: list[str] = Field(
        default_factory=list, description="Sources (outlet or title) newly supporting it"
    )


class FigureChange(BaseModel):
    """A figure about the same thing that changed: '11,300 dead' then '3,958 dead'."""

    about: str = Field(description="What was counted, e.g. 'dead', 'people missing'")
    before: str = Field(description="The earlier figure as written, e.g. '11,300 dead'")
    after: str = Field(description="The figure now, as written")
    old: ItemChange = Field(description="The earlier finding stating `before`")
    new: ItemChange = Field(description="The finding now stating `after`")


class StoryChanges(BaseModel):
    """What changed in one story between two editions; items compared by evidence text."""

    story_id: str
    title: str
    status: Literal["new", "developing", "no longer covered"] = Field(
        default="developing",
        description="'new': not in the earlier brief; 'no longer covered': only in the earlier",
    )
    figures: list[FigureChange] = Field(
        default_factory=list, description="Figures that changed; their findings are not repeated"
    )
    new_items: list[ItemChange] = Field(default_factory=list)
    new_sources: list[ItemChange] = Field(default_factory=list)
    unsupported: list[ItemChange] = Field(
        default_factory=list, description="Findings of the earlier edition no longer supported"
    )

    @property
    def empty(self) -> bool:
        changed = self.new_items or self.new_sources or self.unsupported or self.figures
        return self.status == "developing" and not changed


class Changes(BaseModel):
    """What changed since an earlier brief: an edition of the same date or of an earlier day."""

    since_edition: int = Field(ge=1)
    since_generated_at: dt.datetime
    since_date: dt.date | None = Field(
        default=None, description="Date of the brief compared with (None: same date, old files)"
    )
    stories: list[StoryChanges] = Field(default_factory=list, description="Changed stories only")


class ReviewCarried(Frozen):
    """How many of the analyst's decisions this brief carries over from reviewed briefs."""

    struck: int = 0
    moved: int = 0
    notes: int = 0
    edited: int = 0
    waiting: int = Field(
        default=0, description="Decisions in force on findings this brief does not have"
    )
    file: str = Field(default="", description="The review file the decisions are kept in")

    @property
    def total(self) -> int:
        return self.struck + self.moved + self.notes + self.edited + self.waiting

    def describe(self) -> str:
        """'1 struck, 1 note' (only the kinds there are)."""
        counts = [
            (self.struck, "struck", "struck"),
            (self.moved, "moved", "moved"),
            (self.notes, "note", "notes"),
            (self.edited, "reworded", "reworded"),
        ]
        said = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n)
        if self.waiting:
            said += f"{'; ' if said else ''}{self.waiting} more on findings not in this brief"
        return said


class Decision(Frozen):
    """One decision an analyst made by editing a brief's Markdown, kept in the review file."""

    handle: str = Field(description="The finding's handle, e.g. 'k3f9q'")
    action: Literal["strike", "move", "note", "reword"]
    made_on: dt.date = Field(description="Date of the reviewed brief; applies to it and later")
    edition: int = Field(ge=1, description="Edition of that date that was reviewed")
    finding: str = Field(description="The finding's text, for people reading the file")
    keys: list[str] = Field(
        default_factory=list,
        description="Its evidence sentences, normalised: found again by "
        "these if its handle ever changes",
    )
    text: str = Field(default="", description="note: the note; reword: the analyst's words")
    section: str | None = Field(default=None, description="move: the section heading moved to")
    party: str | None = Field(default=None, description="move: the party heading moved to")
    moved_from: str | None = Field(default=None, description="move: where the brief had it")


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
    without_model: bool = Field(
        False,
        description="Every LLM request failed and none was answered from the cache: the "
        "findings come from cue-phrase rules alone and the summaries are the most corroborated "
        "findings (the command exits with code 3)",
    )
    suspicious: list[Suspicion] = Field(
        default_factory=list,
        description="Articles with instruction-like sentences held back from the model (review)",
    )
    stats: RunStats = Field(default_factory=RunStats)
    edition: int = Field(1, ge=1, description="1 for the first run of this date, then 2, 3, ...")
    changes: Changes | None = Field(
        None,
        description="What changed since the previous edition, or the latest brief of a recent "
        "earlier day; None when there is none",
    )
    struck: list[Item] = Field(
        default_factory=list, description="Findings struck in review, left out of the sections"
    )
    review: ReviewCarried | None = Field(
        default=None, description="Decisions of reviewed briefs applied to this one"
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
