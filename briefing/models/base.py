"""What every model builds on: the kinds of findings and stories, and `Frozen`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Kind = Literal["position", "sticking_point", "next_step", "event"]
# What a finding is: a kind the model or the cue rules gave it, or "fact": a sentence chosen for
# its place in the story (an article's lead, several sources, figures) without any label.
FindingKind = Literal["position", "sticking_point", "next_step", "event", "fact"]
# What a story is about decides its sections (briefing/sections.py).
StoryKind = Literal["negotiation", "incident", "decision", "report"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
