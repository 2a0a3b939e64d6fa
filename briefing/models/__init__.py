"""Every pydantic model that crosses a stage boundary.

The LLM contract is deliberately narrow: the model returns labels (the numbers of the sentences
of each kind), never prose. Everything shown to a reader is rebuilt from verbatim source sentences.

Models live by stage, in dependency order: `base` (kinds, `Frozen`) <- `articles` (ingest, chunk)
<- `findings` (screen, extract, ground) <- `briefing` (stories, the briefing, editions, review).
Import them from here: ``from .models import Item``.
"""

from .articles import Article, Chunk, Duplicate, IngestResult, Problem, Segmented, Sentence
from .base import FindingKind, Frozen, Kind, StoryKind
from .briefing import (
    Briefing,
    Changes,
    Decision,
    FigureChange,
    ItemChange,
    PastStory,
    ReviewCarried,
    RunStats,
    Source,
    Story,
    StoryChanges,
)
from .findings import (
    ChunkLabels,
    Difference,
    Digest,
    Evidence,
    Flag,
    Grounded,
    Item,
    ItemReview,
    KeyFigure,
    Label,
    Quote,
    SentenceNumbers,
    SummaryPick,
    Suspicion,
    Usage,
    Variant,
)

__all__ = [
    "Article",
    "Briefing",
    "Changes",
    "Chunk",
    "ChunkLabels",
    "Decision",
    "Difference",
    "Digest",
    "Duplicate",
    "Evidence",
    "FigureChange",
    "FindingKind",
    "Flag",
    "Frozen",
    "Grounded",
    "IngestResult",
    "Item",
    "ItemChange",
    "ItemReview",
    "KeyFigure",
    "Kind",
    "Label",
    "PastStory",
    "Problem",
    "Quote",
    "ReviewCarried",
    "RunStats",
    "Segmented",
    "Sentence",
    "SentenceNumbers",
    "Source",
    "Story",
    "StoryChanges",
    "StoryKind",
    "SummaryPick",
    "Suspicion",
    "Usage",
    "Variant",
]
