"""What a run delivers: stories, sources and run stats, the briefing itself, what changed since
the last edition and the reviewer's decisions carried over.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from .articles import Problem
from .base import FindingKind, Frozen, StoryKind
from .findings import (
    Difference,
    Item,
    KeyFigure,
    Quote,
    Suspicion,
)

# --- merge / render -----------------------------------------------------------------------------


class Source(Frozen):
    number: int
    article_id: str
    title: str
    title_from_text: bool = Field(
        default=False, description="True when the file had no headline: title = start of text"
    )
    outlet: str | None = None
    published: dt.date | None = None
    path: str
    url: str | None = None
    key: str | None = Field(
        default=None,
        description="The article's text key (Article.key): a page read again with new text is "
        "an update, whose new sentences are new",
    )


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
        "findings come from cue-phrase rules alone and the summaries are the most important "
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
