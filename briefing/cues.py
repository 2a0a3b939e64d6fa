"""Kinds of findings from cue phrases: "no compromise" -> sticking point, "wants" -> position.

A 135M-parameter model labels a sentence correctly about half the time; cue phrases are right
far more often on news copy and never invent. bench/labels.py measures model labels, these
rules and both combined on the seed articles; the pipeline uses the winner (settings.py: labels).
"""

from __future__ import annotations

import re

from .models import Kind
from .text import dates


def _cues(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.I)


STICKING = _cues(
    r"no compromise", r"compromise ha(?:s|d)n[’']t been found", r"(?:remains?|still) unclear",
    r"obstacles?", r"roadblock", r"sticking points?", r"disagree(?:ment)?s?", r"non-?negotiable",
    r"nonstarters?", r"gap between", r"chasm", r"without (?:a |achieving a )?breakthrough",
    r"no breakthrough", r"failed to produce", r"unacceptable", r"do(?:es)?n[’']t suit",
    r"not suitable", r"negative attitude", r"no resolution", r"no agreement", r"deadlock",
    r"impasse", r"stalled", r"basic differences", r"no indication", r"contentious",
    r"(?:bone|points?) of contention", r"opposed by", r"objects? to", r"objections?",
    r"unresolved", r"at odds", r"divided over",
)  # fmt: skip
NEXT_STRONG = _cues(
    r"expected to", r"(?:will|would) (?:continue|meet|travel|visit|hold|debrief|return)",
    r"awaiting", r"waiting for", r"next (?:week|month|round|steps?)",
    # not "escaped soon after", nor "too soon to tell"
    r"(?<!too )(?:very )?soon(?! after\b| afterwards?\b| thereafter\b)",
    r"scheduled", r"debrief", r"depends? on", r"plans? to", r"is set to", r"in the coming",
    r"later this (?:week|month|year)", r"upcoming", r"might meet", r"road to peace will",
)  # fmt: skip
POSITION = _cues(
    # news tells positions in the past tense too ("testified that he did not defraud", "insisted",
    # "argued"); not "maintained" (a demeanour, a road), nor "wanted" (a wanted man), nor what
    # claims lives or victory, is called for help or argued in court, nor who were urged to leave
    r"demand(?:s|ed)?", r"wants?", r"insist(?:s|ed)?", r"rejects?", r"rejected",
    r"calls? for",
    r"(?<!was )(?<!were )(?<!been )called for(?! (?:help|backup|reinforcements)\b| [\d$€£])",
    r"argu(?:es|ed)(?=,? (?:that|for|against|he|she|it|they|we)\b)",
    r"testif(?:ied|ies)(?=,? (?:that|against)\b)",
    r"claimed(?=,? (?:that|to|he|she|it|they|we|there)\b)",
    r"(?<!was )(?<!were )(?<!been )(?<!be )urg(?:es|ed)",
    r"call for", r"seeking", r"ready to", r"accus\w+", r"warn\w*", r"serious about",
    r"accepted", r"could agree", r"acceptable", r"committed to", r"prepared to",
    r"refus\w+", r"optimis\w+", r"denied", r"claims?", r"propos\w+", r"concerns?",
    r"fearful", r"wary", r"worry", r"positive assessment", r"constructive",
    # a reaction, whatever "will" its quotation holds ("hailed the agreement as a “historic
    # outcome,” asserting that it “will help mobilize ...”")
    r"hail(?:s|ed)", r"welcom(?:es|ed)", r"prais(?:es|ed)", r"condemn(?:s|ed)",
)  # fmt: skip
# "will" or "would" of the sentence's own clause; not a relative clause's ("approved a deal that
# would see the release of 50 hostages" is what happened).
NEXT_WEAK = re.compile(r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )\b(?:will|would)\b", re.I)
# "It was too soon to tell whether the crash would affect the tourism boom": what nobody knows
# yet is no step anyone will take.
TOO_EARLY = re.compile(r"\btoo (?:soon|early) to (?:tell|say|know|judge)\b", re.I)


def kind_of(text: str) -> Kind | None:
    """The kind a sentence's cue phrases indicate, or None when it has none.

    Order matters: an unresolved issue is a sticking point even when phrased as a demand;
    a stated plan is a next step; a stated date without other cues makes an event."""
    if STICKING.search(text):
        return "sticking_point"
    if NEXT_STRONG.search(text):
        return "next_step"
    if POSITION.search(text):
        return "position"
    if states_a_date(text):
        return "event"
    if NEXT_WEAK.search(text) and not TOO_EARLY.search(text):
        return "next_step"
    return None


def states_a_date(text: str) -> bool:
    return dates.resolve(text, None)[0] is not None or bool(dates.WEEKDAY.search(text))


WHEN = re.compile(
    r"\b(?:next (?:week|month|year)|(?:very )?soon(?! after\b| afterwards?\b| thereafter\b)"
    r"|in the coming (?:days|weeks|months)"
    r"|later (?:this|next) (?:week|month|year)|(?:on |this |next )?(?:monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)(?![’']s\b)|tomorrow|today|hour by hour"
    r"|within (?:days|weeks))\b",
    re.I,
)


def when_stated(text: str) -> str | None:
    """The time a next step is stated to happen, as written ("very soon", "next week"); not the
    day of what it follows ("awaiting the reaction to Tuesday's talks")."""
    match = dates.MONTH_DAY_YEAR.search(text) or WHEN.search(text)
    return match.group(0) if match else None
