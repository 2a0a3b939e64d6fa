"""What a chunk becomes: flags held back from the model, the model's labels, and the grounded
findings (items, evidence, quotes, figures and differences) built from verbatim sentences.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import Field

from ..text.ids import SentenceRef, article_order
from .base import FindingKind, Frozen, Kind

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
    holder: str | None = Field(
        None, description="Whose figure it is, where one line sets several holders' side by side"
    )
    said_by: list[str] = Field(
        default_factory=list,
        description="Who the sources say put the value forward, as written ('the Libyan Red "
        "Crescent', 'Derna's mayor'), at most two",
    )

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
    goes_on: bool = Field(
        default=False,
        description="The quotation goes on in its source beyond these sentences (a key quote is "
        "shown in its first sentences)",
    )
    speaker: str | None = None
    evidence: list[Evidence] = Field(min_length=1)

    @property
    def article_ids(self) -> list[str]:
        return sorted({e.article_id for e in self.evidence}, key=article_order)


class Grounded(Frozen):
    items: list[Item]
    dropped: dict[str, int] = Field(default_factory=dict, description="reason -> count")
