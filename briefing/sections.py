"""Sections that fit the story: what kind of story it is, and which findings belong where.

A negotiation has positions, sticking points and next steps; an attack, accident or disaster has
what happened, casualties and damage, who is responsible, the response and what comes next; an
economic or court decision has the decision, the figures, the reasons and the outlook. The kind is
read from cue words across the story's articles (no model). Each kind's sections are one row of
`LAYOUT`; a finding joins the first section of its story's row whose rule it meets, and a section
with no member is left out: it is never filled with the nearest sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import cues, settings
from .models import Item, Story, StoryKind
from .text.sentences import points_back


def _words(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.I)


# What marks each kind of story. Counted once per sentence over all its articles.
KIND_CUES: dict[StoryKind, re.Pattern[str]] = {
    "negotiation": _words(
        r"talks", r"negotiat\w+", r"summit", r"envoys?", r"delegations?", r"ceasefire",
        r"peace (?:plan|deal|process)", r"counter-?proposals?", r"mediat\w+", r"bargain\w*",
        r"draft (?:text|deal|agreement)", r"concessions?",
    ),
    "incident": _words(
        r"killed", r"dead", r"deaths?", r"death toll", r"died", r"injur\w+", r"wounded",
        r"crash\w*", r"flood\w*", r"earthquake", r"explosions?", r"blasts?", r"attack\w*",
        r"storm", r"fire", r"victims?", r"rescue\w*", r"bodies", r"assault\w*", r"breach\w*",
        r"hack\w*", r"disaster", r"accident", r"collaps\w+", r"shooting", r"missing",
        r"coups?", r"junta", r"seiz\w+ power", r"gunfire",
    ),
    "decision": _words(
        r"verdict", r"jury", r"court", r"judge", r"guilty", r"convicted", r"sentenc\w+",
        r"ruling", r"ruled", r"(?<!military )(?<!army )takeover", r"acquisition",
        r"acquire[sd]?", r"merger",
        r"shareholders?", r"central bank", r"regulators?", r"approved", r"rate (?:hike|cut)",
        r"interest rates?", r"charges", r"prosecutors?", r"trial",
    ),
}  # fmt: skip


def story_kind(texts: Iterable[str]) -> StoryKind:
    """The kind whose cue words occur in the most sentences of the story's articles."""
    counts = dict.fromkeys(KIND_CUES, 0)
    for text in texts:
        for kind, pattern in KIND_CUES.items():
            counts[kind] += len(pattern.findall(text))
    total = sum(counts.values())
    best = max(counts, key=lambda k: counts[k])
    share = settings.current().kind_share
    return best if total and counts[best] / total >= share else "report"


def weights(kind: StoryKind) -> tuple[float, float, float, float, float]:
    """(label, novelty, length, redundancy, section): what a label adds to a finding's
    importance, what each name or figure no chosen finding has stated yet adds, how much its
    length counts against it, how much its likeness to a chosen finding does, and what a section
    of the kind claiming an unlabelled finding adds. A negotiation is told in long labelled
    positions and sticking points of the same few parties, so it counts labels more and new
    names, length, likeness and section cues not at all; an incident or a decision is told in
    sentences of fact, each with its own people and figures, where a short one tells as much as
    a long one and the kind's sections (casualties, the decision, ...) say what matters."""
    tuning = settings.current()
    if kind == "negotiation":
        return tuning.negotiation_label_weight, 0.0, 0.0, 0.0, 0.0
    return (
        tuning.label_weight,
        tuning.novelty_weight,
        tuning.length_penalty,
        tuning.redundancy_weight,
        tuning.section_weight,
    )


def finding_share(kind: StoryKind) -> float:
    """The share of its sources' words a story's findings may take: more in a negotiation, whose
    parties' positions, sticking points and next steps are long quoted sentences of the same
    few parties, than in an incident or a decision, told in its articles' short leads."""
    tuning = settings.current()
    return tuning.negotiation_finding_words if kind == "negotiation" else tuning.finding_words


# --- which finding belongs in which section -------------------------------------------------------

CASUALTIES = _words(
    r"killed", r"dead", r"deaths?", r"death toll", r"died", r"bodies", r"injur\w+", r"wounded",
    r"casualt\w+", r"missing", r"victims?", r"survivors?", r"homeless", r"displaced",
    r"destroy\w*", r"damage\w*", r"washed away", r"swept", r"stolen", r"compromised", r"robbed",
    r"assaulted", r"\d[\d,.]*\s+(?:\w+\s+)?complaints",
)  # fmt: skip
# Words of harm that also describe the harm's setting ("communities affected by the floods",
# "a cybersquatting complaint"): casualties only when no other section claims the finding.
HARMED = _words(r"affected", r"exposed")
RESPONSIBILITY = _words(
    r"blam\w+", r"responsib\w+", r"caused", r"(?:the|a|main|likely|probable) cause", r"fault",
    r"negligen\w+", r"investigat\w+", r"suspects?", r"suspected", r"arrest\w*", r"charged",
    r"accus\w+", r"perpetrators?", r"attackers?", r"hackers?", r"vulnerabilit\w+", r"failed to",
    r"warnings?", r"gunm[ae]n", r"shooters?", r"assailants?", r"culprits?",
)  # fmt: skip
# An appeal still to come: "expected to appeal the verdict", "An appeal seems likely"; not
# "rejected his appeal", nor "appealed to UBS to take over Credit Suisse".
APPEAL_AHEAD = re.compile(
    r"\b(?:will|would|expected to|plans? to|intends? to|vowed to|set to)\s+(?:\w+\s+){0,2}"
    r"appeal\b|\ban appeal (?:seems|is|looks) likely\b",
    re.I,
)
APPEAL_DECIDED = re.compile(
    r"\b(?:rejected|dismissed|upheld|denied|lost)\b[^.]{0,40}\bappeal", re.I
)
# What follows a decision still to come: a sentence to be handed down ("could be sentenced to as
# long as 115 years", "His sentencing will be determined by a judge", "A tentative sentencing
# date was set"), another trial ("faces a separate trial for allegedly attempting to bribe"), a
# deal still to close ("expected to close", "subject to shareholder approval").
STILL_AHEAD = re.compile(
    r"\b(?:could|may|might|will|would|(?:due|expected|scheduled|set) to)\s+(?:\w+\s+){0,2}"
    r"be sentenced\b|\bfaces?\s+(?:\w+\s+)?(?:sentencing|a retrial)\b"
    r"|\b(?:faces?|facing)\s+(?:a|an|another)\s+(?:\w+\s+){0,2}(?:trial|case|sentence|charges?)\b"
    r"|\b(?:faces?|facing)\s+(?:up to|a maximum|as (?:long|much) as)\b"
    r"|\bsentencing\s+(?:date\b|(?:will|is|was|has been)\s+(?:\w+\s+){0,2}(?:set|scheduled|"
    r"determined)\b)"
    r"|\b(?:deal|merger|takeover|acquisition|transaction|sale)\b[^.]{0,40}\b(?:expected|set|"
    r"due|scheduled)\s+to\s+(?:close|complete|be completed|take effect)\b"
    r"|\b(?:is|are|remains?)\s+subject to\s+(?:\w+\s+){0,2}approval\b"
    r"|\b(?:still )?(?:needs|requires)\s+(?:\w+\s+){0,2}approval\b|\bwill take effect\b",
    re.I,
)
# A decision handed down in the same sentence keeps it in the decision, whatever it says comes
# next ("was found guilty of murder and faces up to 40 years"); a step ruled out or told as past
# is none ("could not be sentenced to death", "would later be sentenced to life").
DECIDED_HERE = re.compile(
    r"\b(?:was|were|been|is)\s+(?:\w+\s+)?(?:found guilty|convicted|sentenced to|acquitted|"
    r"cleared)\b|\b(?:convicted|acquitted)\b|\bagreed to (?:buy|acquire|take over|merge)\b|"
    r"\b(?:approved|closed|completed)\b|\b(?:not|no longer|later)\s+(?:\w+\s+){0,2}(?:be "
    r"sentenced|subject to)\b",
    re.I,
)
RESPONSE = _words(
    r"rescue\w*", r"aid", r"relief", r"emergency", r"deployed", r"evacuat\w+", r"condemn\w*",
    r"apologi\w+", r"pledg\w+", r"vowed", r"offer\w*", r"supplies", r"convoy", r"outrage\w*",
    r"measures", r"tougher", r"deport\w*", r"free", r"mourn\w*", r"condolences",
)  # fmt: skip
DECISION = _words(
    r"verdict", r"guilty", r"convicted", r"acquitted", r"ruled", r"ruling", r"sentenced",
    r"approved", r"adopted", r"agreed", r"agreement", r"deal", r"takeover", r"acquisition",
    r"acquire[sd]?", r"buy", r"merger", r"decided", r"decision", r"resolution", r"announced",
    r"imposed", r"banned", r"cap(?:s|ped)?",
)  # fmt: skip
FIGURES = re.compile(
    r"[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:%|per ?cent|percent|bn|billion|million|trillion|francs?"
    r"|dollars|euros|pounds|barrels|tonnes|tons|years? in prison)",
    re.I,
)
REASONS = _words(
    r"because", r"due to", r"amid", r"reasons?", r"aimed at", r"in order to", r"as a result",
    r"to (?:prevent|avoid|stabili[sz]e|protect|restore|calm)", r"so that", r"after (?:a|the)",
)  # fmt: skip


@dataclass(frozen=True)
class Section:
    """One section of a kind of story: its key in Story.sections, its heading, its rule."""

    key: str
    heading: str
    rule: str  # the name of a membership test below
    limit: int | None = None  # members at most; later ones fall through to the next sections


def _lead(item: Item) -> bool:
    """A finding from the opening of an article that reads alone: news puts what happened first,
    and the section read first does not open on "Their guide was the 10th victim"."""
    opening = min(e.ref.number for e in item.evidence) <= settings.current().lead_sentences
    return opening and not points_back(item.text)


def other_incident_section(item: Item) -> bool:
    """A finding an incident's later sections claim: "A convoy of 87 medical professionals was
    headed for communities affected by the floods" is the response."""
    return bool(
        RESPONSIBILITY.search(item.text)
        or RESPONSE.search(item.text)
        or cues.NEXT_STRONG.search(item.text)
    )


RULES = {
    "lead": _lead,
    "any": lambda item: True,
    "position": lambda item: item.kind == "position",
    # A reaction is someone's: a position no party is named for is told under other details.
    "reaction": lambda item: item.kind == "position" and bool(item.party),
    "sticking_point": lambda item: item.kind == "sticking_point",
    # A negotiation's next steps include its labelled ones; elsewhere a bare "will" or "would"
    # (the cue rules' weak next step) is not enough: "Whenever he would speak" is no next step.
    "next_step": lambda item: item.kind == "next_step" or bool(cues.NEXT_STRONG.search(item.text)),
    "stated_next_step": lambda item: bool(cues.NEXT_STRONG.search(item.text)),
    # "His defence lawyers are expected to appeal the verdict", "He could be sentenced to as long
    # as 115 years": what comes after a decision, however much it names the decision.
    "ahead": lambda item: bool(
        (APPEAL_AHEAD.search(item.text) and not APPEAL_DECIDED.search(item.text))
        or (STILL_AHEAD.search(item.text) and not DECIDED_HERE.search(item.text))
    ),
    "casualties": lambda item: (
        bool(CASUALTIES.search(item.text))
        or (bool(HARMED.search(item.text)) and not other_incident_section(item))
    ),
    "responsibility": lambda item: bool(RESPONSIBILITY.search(item.text)),
    "response": lambda item: bool(RESPONSE.search(item.text)),
    "decision": lambda item: bool(DECISION.search(item.text)),
    "figures": lambda item: bool(FIGURES.search(item.text)),
    "reasons": lambda item: bool(REASONS.search(item.text)),
}

# Each kind's sections, in reading order. A finding joins the first section whose rule it meets
# (so the order is also a priority); "positions" and "timeline" are the story's own fields,
# grouped by party and dated. Findings that meet no rule are left out of the sections.
LAYOUT: dict[StoryKind, tuple[Section, ...]] = {
    "negotiation": (
        Section("sticking_points", "Sticking points", "sticking_point"),
        Section("next_steps", "Next steps", "next_step"),
        Section("positions", "Positions by party", "position"),
        Section("what_happened", "What happened", "any"),
    ),
    "incident": (
        Section("what_happened", "What happened", "lead", limit=2),
        Section("casualties", "Casualties and damage", "casualties"),
        Section("responsibility", "Who is responsible", "responsibility"),
        Section("next_steps", "What comes next", "stated_next_step"),
        Section("response", "The response", "response"),
        Section("positions", "Reactions", "reaction"),
        Section("details", "Other details", "any"),
    ),
    "decision": (
        Section("next_steps", "Outlook", "ahead"),
        Section("decision", "The decision", "decision"),
        Section("figures", "The figures", "figures"),
        Section("reasons", "The reasons", "reasons"),
        Section("next_steps", "Outlook", "stated_next_step"),
        Section("positions", "Reactions", "reaction"),
        Section("details", "Other details", "any"),
    ),
    "report": (
        Section("what_happened", "What happened", "lead", limit=3),
        Section("next_steps", "Next steps", "next_step"),
        Section("positions", "Positions by party", "position"),
        Section("details", "Other details", "any"),
    ),
}
# Where each section is shown: the layout's order above is the order findings are placed in.
ORDER: dict[StoryKind, tuple[str, ...]] = {
    "negotiation": ("what_happened", "positions", "sticking_points", "next_steps"),
    "incident": (
        "what_happened",
        "casualties",
        "responsibility",
        "response",
        "positions",
        "next_steps",
        "details",
    ),  # fmt: skip
    "decision": ("decision", "figures", "reasons", "positions", "next_steps", "details"),
    "report": ("what_happened", "positions", "next_steps", "details"),
}


def headings(kind: StoryKind) -> dict[str, str]:
    return {s.key: s.heading for s in LAYOUT[kind]}


def assign(
    items: list[Item], kind: StoryKind, passed: frozenset[str] = frozenset()
) -> dict[str, list[Item]]:
    """Each finding, most important first, in the first section of the kind's layout whose rule
    it meets and that has room; sections without a member are absent. `passed`: sentences of
    steps whose time had come by the story's latest report, which are no next steps."""
    placed: dict[str, list[Item]] = {}
    for item in items:
        for section in LAYOUT[kind]:
            full = section.limit is not None and len(placed.get(section.key, [])) >= section.limit
            if section.key == "next_steps" and item.evidence[0].sentence_id in passed:
                continue
            if not full and RULES[section.rule](item):
                placed.setdefault(section.key, []).append(item)
                break
    return placed


def section_of(kind: StoryKind) -> Callable[[Item], str | None]:
    """The section of the kind's layout a finding alone would open; None for "what happened"
    and "other details", which take any finding."""

    def section(item: Item) -> str | None:
        for candidate in LAYOUT[kind]:
            if RULES[candidate.rule](item):
                return None if candidate.rule in ("any", "lead") else candidate.key
        return None

    return section


def layout(story: Story) -> list[tuple[str, str]]:
    """(key, heading) of the story's non-empty sections, in reading order."""
    names = headings(story.kind)
    present = {
        **story.sections,
        "positions": story.positions,
        "sticking_points": story.sticking_points,
        "next_steps": story.next_steps,
    }
    return [(key, names[key]) for key in ORDER[story.kind] if present.get(key)]
