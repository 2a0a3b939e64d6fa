"""Findings that say the same thing become one, citing every source; the most telling are chosen.

An analyst reads a briefing in five minutes: a story shows its most important findings (several
sources, an article's lead, figures and names, a label) up to a share of its sources' words, so
the whole briefing stays within about a third of the words of its sources.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import numpy as np

from . import cues, settings, similar
from .claims import DENIES
from .disagree.durations import measures
from .disagree.wordings import content_words
from .models import Evidence, Item, Quote
from .parties import Parties
from .quotes import QUOTED
from .text.amounts import number_value
from .text.match import match_key
from .text.names import person_key
from .text.numbers import NUMBER_WORDS
from .text.quantities import Quantity, find_quantities
from .text.sentences import (
    CAPTION_SENTENCE,
    POINTS_BACK_REST,
    points_back,
    quotation_marks,
    split_sentences,
)


def rank(item: Item | Quote) -> tuple[int, int]:
    """Most sources first, then the finding nearest the top of its article."""
    first = min(e.ref.number for e in item.evidence)
    return (-len(item.article_ids), first)


def combine(items: list[Item], parties: Parties, background: list[str] = ()) -> list[Item]:
    """Items that say the same thing (any chunk, any article, any kind) merged into one citing
    all their sources; parties normalised. Ordered by rank. The merged item reads as its member
    carried by the most articles and, among those, the one naming the most names and figures
    ("The vessel, Lighthouse Winmore, transferred 600 tons" before "The vessel transferred 600
    tons"): bench/quality.py, tuned coverage 0.79 -> 0.80, held out 0.70 -> 0.76 (the unread
    cluster 0.50 -> 0.57), seeds 86% -> 91%."""
    ordered = sorted(items, key=rank)
    merged: list[Item] = []
    texts = [i.text for i in ordered]
    for group in similar.groups(texts, background=background, apart=kept_apart):
        members = [ordered[k] for k in group]
        # never a caption's wording when a member says it in the story's own sentence
        lead = max(
            members,
            key=lambda m: (
                not CAPTION_SENTENCE.search(m.text),
                len(m.article_ids),
                len(particulars(m.text)),
            ),
        )
        # Its own sentence first: a finding reads as its first evidence sentence everywhere.
        # A label (model or cue rule) says more than "fact", which only means no label.
        kinds = Counter(m.kind for m in members if m.kind != "fact") or Counter(["fact"])
        kind = lead.kind if kinds[lead.kind] == max(kinds.values()) else kinds.most_common(1)[0][0]
        party, named = parties.decide(lead.text, lead.party)
        merged.append(
            lead.model_copy(
                update={
                    "kind": kind,
                    "party": party,
                    "parties": named,
                    "evidence": union([*lead.evidence, *(e for m in members for e in m.evidence)]),
                    "when": cues.when_stated(lead.text) if kind == "next_step" else None,
                }
            )
        )
    return sorted(merged, key=rank)


def kept_apart(one: str, other: str) -> bool:
    """Two sentences that are never one fact however alike their words: rival figures
    (contradicts), a denial and what it denies ("A spokesperson for the Libyan Red Crescent denied
    that the death toll had reached 11,300" / "The number of casualties has risen to 11,300, the
    Libyan Red Crescent said"), or a sentence that only points at the one before it ("So did
    German Chancellor Angela Merkel."), which says nothing a source could be cited for."""
    return (
        contradicts(one, other)
        or bool(DENIES.search(one)) != bool(DENIES.search(other))
        or bool(ELLIPTICAL.match(one) or ELLIPTICAL.match(other))
        or quotes_apart(one, other)
        or vague_count_apart(one, other)
        or vague_count_apart(other, one)
        or stages_apart(one, other)
    )


# A matter still open and the same matter settled: "is charged with fraud" / "was convicted of
# fraud", "investigators are looking into what caused the crash" / "winds most likely caused it".
PENDING = re.compile(
    r"\b(?:charged with|accused of|faces? charges|looking into (?:what|possible) caus\w*|"
    r"investigating (?:the|what|possible) caus\w*|cause (?:is|was|remains) (?:unknown|unclear|"
    r"under investigation))",
    re.I,
)
SETTLED = re.compile(
    r"\b(?:convicted|found guilty|guilty (?:of|on)|acquitted|(?:most |very )?likely caused|was "
    r"caused by)\b",
    re.I,
)


def stages_apart(one: str, other: str) -> bool:
    """One sentence tells a matter as still open, the other as settled: two stages of the story,
    not one fact a source of either could be cited for."""

    def stage(text: str) -> str | None:
        pending, settled = PENDING.search(text), SETTLED.search(text)
        return "settled" if settled else "pending" if pending else None

    return {stage(one), stage(other)} == {"pending", "settled"}


# A count told in round words, and the figures it can stand for.
VAGUE_COUNT = re.compile(r"\b(dozens|scores|hundreds|thousands) of (?:\w+ )?(\w+)", re.I)
VAGUE_RANGE = {
    "dozens": (24, 120), "scores": (40, 200), "hundreds": (200, 1_000),
    "thousands": (2_000, 100_000),
}  # fmt: skip


def vague_count_apart(one: str, other: str) -> bool:
    """A count in round words and a figure of the same things it cannot be: "investigating dozens
    of sexual assaults" (an early report) is not "investigating 359 sexual assaults"."""
    for vague in VAGUE_COUNT.finditer(one):
        low, high = VAGUE_RANGE[vague.group(1).lower()]
        thing = vague.group(2).lower()
        for quantity in find_quantities(other):
            counted = (quantity.measure or "").lower()
            same = counted and (thing.startswith(counted) or counted.startswith(thing))
            if same and not low <= quantity.value <= high:
                return True
    return False


def quotes_apart(one: str, other: str) -> bool:
    """A sentence that is all one quotation and a sentence that does not quote it: someone's
    words and a report of something else ("“The government stands in solidarity with the
    relatives of those who lost their loved ones during this holiday.”" / "A family said five of
    the dead were relatives on holiday."), however many words they share."""
    whole = [s for s in (one, other) if WHOLE_QUOTE.match(s.strip())]
    if len(whole) != 1:
        return False
    rest = other if whole[0] is one else one
    return not repeats_words(whole[0], rest)


def repeats_words(quoted: str, text: str, run: int = 4) -> bool:
    """Whether `text` repeats `run` words of `quoted` in a row, as whole words."""
    words, theirs = WORD.findall(quoted.lower()), f" {' '.join(WORD.findall(text.lower()))} "
    if len(words) < run:
        return True  # too short to tell: not kept apart
    return any(f" {' '.join(words[n : n + run])} " in theirs for n in range(len(words) - run + 1))


WORD = re.compile(r"[\w’'-]+")
# A sentence that is one quotation: “...”, "...", ‘...’, with a full stop outside or not.
WHOLE_QUOTE = re.compile(r"^(?:“[^“”]+”|\"[^\"]+\"|‘[^‘]+’)[.!?]?$")


# A clause that borrows its verb from the sentence before: "So did German Chancellor Angela
# Merkel.", "Neither has the White House."
ELLIPTICAL = re.compile(
    r"(?:So|Neither|Nor) (?:did|does|do|has|have|had|was|were|is|are|will|would|could|can)\b"
)


def contradicts(one: str, other: str) -> bool:
    """Two sentences that give the same thing different figures ("killing 12 people", "the death
    toll rose to 14"), or that each measure something and never the same thing (the dead, the
    injured): however alike their words, they are not one fact, and neither may be cited for
    the other. They stay apart, and "Where sources differ" sets rival figures side by side."""
    if stated_apart(measures(one), measures(other)):
        return True  # "jailed for ten years" / "sentenced to 12 years in prison"
    first, second = find_quantities(one), find_quantities(other)
    if first and second and not values_in(one, first) & values_in(other, second):
        # "employed 116,500 people" / "shares fell 10% in extended trading"; a conversion in
        # brackets counts ("1.8 billion euros ($1.95 billion)" and "$1.95 billion" share one)
        return True
    # A sum whose purpose is not named is still a sum: "£2.5 million in bribes" / "2.3 million
    # pounds" cannot both be the one fact.
    sums = [(a, b) for a in first for b in second if a.unit == b.unit and a.unit not in PLAIN]
    if sums and not any(a.compatible(b) for a, b in sums):
        return True
    if lengths_apart(one, other):
        return True  # "pull back 25 miles from the border" / "move 16 miles north of it"
    things = {a.measure for a in first if a.thing}, {b.measure for b in second if b.thing}
    if all(things) and not things[0] & things[1]:
        return True  # "More than 200 people have died" / "More than 2,000 ... injured"
    # A sum in another currency is a conversion, not another figure: "£2.5 million" / "$3.2m".
    shared = {(a.measure, a.unit) for a in first if a.thing} & {
        (b.measure, b.unit) for b in second if b.thing
    }
    # Each measure on its own: "killed 12 and injured 40" is not "killed 14 and injured 40".
    # One figure, not two compatible ones: "at least 290" is not cited for "321".
    return any(
        not any(
            figure(a) == figure(b)
            for a in first
            for b in second
            if (a.measure, a.unit) == (b.measure, b.unit) == measure
        )
        for measure in shared
    )


PLAIN = ("count", "percent")  # units that say nothing of what is counted


def figure(quantity: Quantity) -> tuple[str, float]:
    return quantity.unit, quantity.value


DIGITS = r"\d[\d,]*(?:\.\d+)?"  # a number written in digits: "1,800", "3.2"
YEAR = re.compile(r"(?:19|20)\d\d")


def numbers_in(text: str) -> set[float | None]:
    """Every number written in digits, as a value: "1,800" and "1800" are one. Not a year: "its
    forecast for 2017 from 1.3 per cent to 1.5" and "cut its forecast to 1.6% for 2017" share
    only the year they are about."""
    return {number_value(n) for n in re.findall(DIGITS, text) if not YEAR.fullmatch(n)}


def values_in(text: str, quantities: list[Quantity]) -> set[float | None]:
    """Every number a sentence gives, in digits or in words: "five of the dead" and "five of the
    dead Americans" share 5, as "1,800" and "1800" share 1800."""
    spelled = {q.value for q in quantities if q.value is not None}
    return numbers_in(text) | spelled


# A number in a unit of length, area or weight: "25 miles", "600 tons", "1,200 hectares".
IN_UNITS = re.compile(
    rf"\b({DIGITS})[\s-]*(miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|feet|foot|"
    r"tons?|tonnes?|barrels?|acres?|hectares?)\b",
    re.I,
)


def in_units(text: str) -> dict[str, set[float | None]]:
    """The values a sentence gives in each unit ("mile" and "miles" one unit)."""
    values: dict[str, set[float]] = {}
    for number, unit in IN_UNITS.findall(text):
        values.setdefault(unit.lower().rstrip("s")[:5], set()).add(number_value(number))
    return values


def lengths_apart(one: str, other: str) -> bool:
    """The two sentences give values in one unit, and none of them the same."""
    first, second = in_units(one), in_units(other)
    return any(not first[unit] & second[unit] for unit in first.keys() & second.keys())


def stated_apart(
    first: list[tuple[str, str, str, str]], second: list[tuple[str, str, str, str]]
) -> bool:
    """Lengths (disagree.durations) of one thing that the two sentences give differently."""
    things = {(t, u) for t, u, _, _ in first} & {(t, u) for t, u, _, _ in second}
    return any(
        not {k for t, u, k, _ in first if (t, u) == thing}
        & {k for t, u, k, _ in second if (t, u) == thing}
        for thing in things
    )


def combine_quotes(quotes: list[Quote], texts: list[str] = ()) -> list[Quote]:
    """A quotation contained in a longer one (one outlet quotes a remark whole, another a part)
    becomes part of it, citing both; attributed and most corroborated first, capped. Only
    containment merges quotes: two similar wordings are a difference, not the same quote. Each
    named speaker's best quote comes before anyone's second; among voices quoted as widely,
    the one the story's articles (`texts`) name most first: the Fed chair before an analyst
    quoted once."""
    longest_first = sorted(quotes, key=lambda q: -len(q.text))
    kept: list[Quote] = []
    for quote in longest_first:
        key = match_key(quote.text)
        host = next((k for k, q in enumerate(kept) if key in match_key(q.text)), None)
        if host is None:
            kept.append(quote)
            continue
        old = kept[host]
        kept[host] = old.model_copy(
            update={
                "evidence": union([*old.evidence, *quote.evidence]),
                "speaker": old.speaker or quote.speaker,
            }
        )
    # A whole quoted sentence before a phrase quoted inside reported speech ("a “very fine asset
    # we are determined to keep”"): the phrase starts in lowercase.
    ranked = sorted(kept, key=lambda q: (q.speaker is None, q.text[:1].islower(), *rank(q)))
    # One quote per speaker first: three remarks of one man tell less than three voices. Each
    # voice speaks in its place, in the fullest of its remarks that are as well attested ("this
    # is an emergency rescue" over "we felt we had a better horse").
    voices: dict[str, list[Quote]] = {}
    for quote in ranked:
        if quote.speaker:
            voices.setdefault(person_key(quote.speaker), []).append(quote)  # "Mr Kelleher" too
    first = [max(said, key=fullness) for said in voices.values()]
    named = {q.speaker: sum(surname(q.speaker) in t for t in texts) for q in first if q.speaker}
    # A whole sentence before a phrase, then the voice named most.
    first.sort(key=lambda q: (-len(q.article_ids), q.text[:1].islower(), -named.get(q.speaker, 0)))
    shown: list[Quote] = []
    for quote in [*first, *(q for q in ranked if q not in first)]:
        if not any(retells(quote, other) for other in shown):
            shown.append(quote)
    return shown[: settings.current().quotes]


def first_sentences(quote: Quote) -> Quote:
    """A quotation of several sentences cut after those that fit in settings' quote_words (at
    least the first), verbatim up to the cut: a key quote is a pull quote, and its citations
    lead to the rest."""
    sentences = split_sentences(quote.text)
    limit = settings.current().quote_words
    kept = 1
    while kept < len(sentences) and len(" ".join(sentences[: kept + 1]).split()) <= limit:
        kept += 1
    if kept == len(sentences):
        return quote
    end = quote.text.find(sentences[kept])
    return quote.model_copy(update={"text": quote.text[:end].rstrip(), "goes_on": True})


def retells(quote: Quote, other: Quote) -> bool:
    """Whether a quote is another wording of one already shown: most of its content words are
    the other's ("We're thankful that between the Mayday and the collapse ..." as two outlets
    print it). Where the wordings differ, "Where sources differ" shows both."""
    if quote.speaker and other.speaker and person_key(quote.speaker) != person_key(other.speaker):
        return False  # two sides' mirror-image accusations are two remarks
    mine, theirs = set(content_words(quote.text)), set(content_words(other.text))
    shared = len(mine & theirs)
    return shared >= 3 and shared >= settings.current().retold_share * len(mine)


def surname(speaker: str) -> str:
    return speaker.split()[-1]


def fullness(quote: Quote) -> tuple[bool, int, bool]:
    """A speaker's best remark: a whole sentence, in the most sources, then one of at least
    fifteen words (a longer one is no fuller, only longer); else the first."""
    full = len(quote.text.split()) >= 15
    return (not quote.text[:1].islower(), len(quote.article_ids), full)


def quoted_sentences(quotes: list[Quote], texts: dict[str, str]) -> set[str]:
    """Ids of the sentences (`texts`: id -> text) that these quotes say nearly whole: the quoted
    words are most of the sentence ("“This tragedy hits us hard,” Blake wrote.")."""
    share = settings.current().quoted_share
    return {
        e.sentence_id
        for quote in quotes
        for e in quote.evidence
        if says_nearly_whole(quote.text, texts.get(e.sentence_id, ""), share)
    }


def says_nearly_whole(quoted: str, sentence: str, share: float) -> bool:
    """The quoted words are in the sentence (not only in a longer version another outlet
    quoted) and are at least `share` of its words; or the sentence quotes a part of a key
    quote that runs over several sentences ("There will never be a friendly solution ...!"
    of a tweet quoted whole), and that part is at least `share` of its words."""
    if match_key(quoted) in match_key(sentence):
        return len(quoted.split()) >= share * len(sentence.split())
    parts = [p for p in QUOTED.findall(sentence) if match_key(p) in match_key(quoted)]
    # A quotation's middle or last sentence, whose marks the sentences around it carry: "All
    # perpetrators, organizers, and beneficiaries will be punished.", "We will find and bring
    # each one to justice,” Putin stressed."
    opening = LEADING_QUOTED.match(sentence)
    if opening and match_key(opening["words"]) in match_key(quoted):
        parts.append(opening["words"])
    return sum(len(p.split()) for p in parts) >= share * len(sentence.split()) > 0


# The words a sentence starts with up to a closing mark, or all of it when it has no mark.
LEADING_QUOTED = re.compile(r"^(?P<words>[^“”\"]{12,}?)(?:[”\"]|$)")


def union(evidence: list[Evidence]) -> list[Evidence]:
    return list({e.sentence_id: e for e in evidence}.values())


def by_party(positions: list[Item], unattributed: str) -> dict[str, list[Item]]:
    """Positions grouped by party, the most present parties first, unattributed ones last;
    within a party in the order given."""
    groups: dict[str, list[Item]] = {}
    for item in positions:
        groups.setdefault(item.party or unattributed, []).append(item)
    weight = {p: sum(len(i.article_ids) for i in g) for p, g in groups.items()}
    order = sorted(groups, key=lambda p: (p == unattributed, -weight[p], p))
    return {p: groups[p] for p in order}


# --- choosing the findings a reader sees ----------------------------------------------------------

# Small numbers as news spells them ("all seven counts", "two dams"): figures that tell one fact
# from another; not "one", mostly a pronoun ("one of the biggest frauds"). A finding's importance
# counts figures in digits only (FIGURE): spelled ones there cost the seeds and cop29 a key fact.
SPELLED = "|".join(w for w in NUMBER_WORDS if w != "one")
FIGURE = re.compile(r"\d")
# A figure as written, for telling facts apart: "115", "2.5", "11,300", "seven"
NUMBER = rf"\d[\d,.]*|\b(?i:{SPELLED})\b"
NAME = re.compile(r"(?<=\s)[A-Z][\w’'-]+")


# An office holder named and speaking: "Chancellor Angela Merkel is saying", "UN Secretary-General
# António Guterres echoed", "US President Joe Biden hailed". What those in charge say is news
# wherever the article puts it; a bystander's words are colour.
OFFICE = (
    r"(?:President|Chancellor|Secretary[- ]General|Secretary|Premier|[Ee]nvoy|"
    r"[Aa]mbassador|[Ss]pokes(?:man|woman|person)|CEO|[Cc]hief [Ee]xecutive|[Cc]hair(?:man|woman)|"
    r"Governor|Mayor|Senator|Judge|[Pp]rosecutor|Commissioner|Director|[Mm]inister|[Ll]eader)"
)
SPEAKS = (
    r"(?:said|says|saying|told|stat(?:ed|ing)|echoed|hailed|warned|urged|called|insisted|"
    r"demanded|vowed|promised|pledged|praised|critici[sz]ed|condemned|announced|rejected|added|"
    r"wrote|acknowledged|confirmed|denied)"
)
OFFICE_SPEAKS = re.compile(
    rf"\b{OFFICE},?\s+(?:[A-Z][\w’'.-]+\s+){{0,2}}[A-Z][\w’'-]+\b.{{0,60}}?\b{SPEAKS}\b"
    # "The head of the World Meteorological Organisation said": the office named by its body.
    rf"|\b(?:head|chief|director|president|chair(?:man|woman)?|spokes(?:man|woman|person)) of "
    rf"(?:the )?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*\b.{{0,40}}?\b{SPEAKS}\b"
)


# A figure revised: "later revised the figure down to 50.67 percent", "raised the death toll to
# 5,300". An update of the story's key number is news wherever the article puts it.
REVISED = re.compile(
    r"\b(?:revis|correct|adjust|updat|rais|lower|cut|trimm)\w*\b.{0,60}?"
    r"\b(?:figure|toll|number|count|estimate|total|tally|result|share|forecast)s?\b"
    r"|\b(?:figure|toll|number|count|estimate|total|tally|result|share|forecast)s?\b.{0,40}?"
    r"\b(?:was|were|has been|had been)\s+(?:revised|corrected|adjusted|updated|raised|lowered)\b",
    re.I,
)


def importance(item: Item, articles: int, label_weight: float = 0.8) -> float:
    """How much a finding tells a reader, from the structure of news and no model: several
    sources carry it; it opens its article (the inverted pyramid puts what happened first); it
    states figures and names; an office holder says it; a label (model or cue rule) says what
    it is."""
    first = min(e.ref.number for e in item.evidence)
    shared = (len(item.article_ids) - 1) / max(1, articles - 1)
    lead = 1.0 if first <= 2 else 0.6 if first <= 4 else 0.35 if first <= 8 else 0.15
    figures = 0.3 if FIGURE.search(item.text) else 0.0
    names = 0.08 * min(4, len(set(NAME.findall(item.text))))
    office = settings.current().office_weight if OFFICE_SPEAKS.search(item.text) else 0.0
    revised = settings.current().revision_weight if figures and REVISED.search(item.text) else 0.0
    labelled = label_weight if item.kind != "fact" else 0.0
    return 1.5 * shared + lead + figures + names + office + revised + labelled


def cost(item: Item) -> int:
    """Words the finding takes in the Markdown: its text and two per source cited (a line cites
    one sentence of each source)."""
    return len(item.text.split()) + 2 * len({e.article_id for e in item.evidence})


def opens_a_quotation(text: str) -> bool:
    """True when the sentence opens a quotation that it does not close: the quotation goes on in
    the next sentence, so shown alone it is a fragment with a dangling quotation mark."""
    return quotation_marks(text)[1]


def closes_a_quotation_begun_before(text: str) -> bool:
    """True when the sentence ends a quotation an earlier sentence opened ("... the challenge we
    all face.” he said"): read alone, it starts mid-quotation."""
    return quotation_marks(text)[0]


def ends_a_quotation_begun_before(text: str) -> bool:
    """True for the last sentence of a quotation that an earlier sentence opened, with no speaker
    after it ('This incident was also covered in the media."'): nobody is seen saying it."""
    marks = re.findall(r'[“”"]', text)
    if len(marks) != 1 or marks[0] == "“":
        return False
    return not re.search(r"\w", text[text.rfind(marks[0]) + 1 :])


def says_of_nothing_named(text: str) -> bool:
    """A sentence that opens on a word for what the sentence before named (or has one right
    after its opening words: "Unfortunately, they ...") and itself names nothing and gives no
    figure ("This will be activated if losses are actually incurred on this portfolio.", "That
    figure is expected to grow ..."): alone, it tells a reader nothing. Seven such lines had been
    findings of the corpus's briefings; left out, the same key facts."""
    # after a conjunction, what follows it: "And it turns out, that happened immediately." says
    # nothing alone; "But there was no warning ..." does
    rest = RUNS_ON_WORD.sub("", text, count=1)
    text = rest[:1].upper() + rest[1:]
    return (
        (points_back(text) or bool(BACK_AFTER_OPENER.match(text)))
        and not RUNS_ON.match(text)  # a conjunction before a name: "But Trump said ..."
        and not POSSESSIVE.match(text)  # with its noun: "His defence lawyers ..."
        and not ANY_NAME.search(text)
        and not FIGURE.search(text)
        # "two counts of fraud and five counts of conspiracy"; "the two" is the two before
        and not find_quantities(THE_FEW.sub(" ", text))
        and not QUOTE_MARK.search(text)  # someone's words: "He warned they would 'make you pay'"
    )


def ends_on_what_came_before(text: str) -> bool:
    """A sentence whose point is in the sentence before, named or not ("President Trump and South
    Korea seem to think so."): a figure or someone's words still make it news."""
    return bool(
        ENDS_POINTING_BACK.search(text) and not FIGURE.search(text) and not QUOTE_MARK.search(text)
    )


POSSESSIVE = re.compile(r"(?:His|Her|Their|Its)\b")
# A few people or things named before: "It says the two are unrelated."
THE_FEW = re.compile(
    r"\bthe (?:two|three|four|five|six|seven|eight|nine|ten)\b(?= (?:are|were|is|was|have|had|"
    r"has|will|would|could|did|do|said|say|says)\b)"
)
# A pronoun for what came before, after a sentence's opening words: "Unfortunately, they won't
# be providing any warnings though.", "This year, it took a dark turn."
BACK_AFTER_OPENER = re.compile(
    r"[A-Z][\w’']*(?: \w+){0,2}, (?:he|she|it|they|this|that)\b" + POINTS_BACK_REST
)
# A sentence that ends on what came before: "President Trump and South Korea seem to think
# so.", "Bank shares are under pressure as worries mount about exposure to this."
ENDS_POINTING_BACK = re.compile(
    r"\b(?:(?:think|thinks|thought|believe|believes|believed|hope|hopes|expect|expects) so"
    r"|(?:to|about|of|on|with|for) (?:this|these|those))[.!]?$"
)
QUOTE_MARK = re.compile(r"[“”\"]|(?<!\w)['‘]\w")
# A name as NAME reads it, or written with dots or after a hyphen: "the U.N.", "al-Shifa".
ANY_NAME = re.compile(rf"{NAME.pattern}|(?<=\s)[A-Z]\.(?:[A-Z]\.)+|(?<=\w-)[A-Z][\w’'-]+")


def asks(text: str) -> bool:
    """A question the article asks ("Did a Chinese ship deliver oil?", "What is “Super
    Saturday” and why does it matter?"): a lede's hook or a subheading, which states nothing. A
    question someone is quoted asking ends inside its quotation marks and stays."""
    return text.rstrip().endswith("?")


# A list's entry, a name and what the person is, with no statement: "Rishi Sunak – Chancellor",
# "(SACKED) Michael Gove – Secretary of State for Levelling Up".
ROSTER_ENTRY = re.compile(
    r"^(?:\([A-Z]+\)\s+)?(?:[A-Z][\w.'’-]*\s+){1,5}[–—-]\s+[A-Z][^.!?]{0,100}$"
)


def name_list(text: str) -> bool:
    """A line of names with no sentence's end and no figure: a list of places under a warning
    ("Orange, Osceola and Seminole, Polk, Lake counties", "Chokoloskee to Anclote River,
    including Tampa Bay"), a cabinet roster, a picture credit. Two thirds of its words
    capitalized; "The DPP has lost its majority" is a finding, period or not."""
    text = text.strip()
    if re.search(r"[.!?…\"”’')\]]$|\d", text):
        return False
    words = words_but(text, LIST_WORDS)
    capitalized = sum(1 for w in words if w[0].isupper())
    return len(words) >= 4 and 3 * capitalized >= 2 * len(words)


LIST_WORDS = frozenset({"including", "and", "or", "of", "to", "the", "from", "in", "for"})


# A paywall's offer run into the text: "Continue reading the full article: Subscribe to The
# Telegraph with our special offer: just £1 for 3 months."
PAYWALL = re.compile(r"^(?:Continue reading|Subscribe to|Sign up to|Already a subscriber)\b", re.I)


# Words a headline leaves in lowercase ("Sam Altman Fired as CEO of OpenAI by the Board").
SMALL_WORDS = frozenset({
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "into", "over", "after", "vs",
})  # fmt: skip


def words_but(text: str, small: frozenset[str]) -> list[str]:
    """The words of a line as written, without the `small` ones (matched in lowercase)."""
    return [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in small]


def headline_case(text: str) -> bool:
    """A line with every word capitalized save the small ones: a headline, a byline with its
    title ("Shelby Talcott Senior White House Correspondent") or a photo credit, not a sentence
    of the story."""
    words = words_but(text, SMALL_WORDS)
    titled = [w for w in words if w[0].isupper() and any(c.islower() for c in w[1:])]
    # all capitals is a shouted sentence ("HAMAS ATTACKED ISRAEL ON SATURDAY"), not title case
    return len(words) >= 4 and all(w[0].isupper() for w in words) and 2 * len(titled) > len(words)


# The reader addressed: "you" or "your" outside quotation marks, in lowercase or opening the
# sentence ("You Ji, a professor, said" is a name). "as you mentioned", "you know" are talk.
TO_THE_READER = re.compile(r"(?:^You|\byou)(?:rs?|rself|['’](?:ve|re|ll|d))?\b(?!\s+[A-Z])")
CONVERSATION = re.compile(
    r"\bas you (?:mentioned|said|know|noted|reported|pointed out)\b|\byou (?:know|see)\b|"
    r"\bmind you\b",
    re.I,
)
QUOTATION = re.compile(r"[“\"][^”\"]*[”\"]|(?<!\w)['‘][^'‘’]+['’](?!\w)")
# Someone else's words reported ("Residents said you could hear it") or a transcript's turn.
REPORTED = re.compile(r"\b(?:said|says|told|tells|according to)\b|^[A-Z][A-Z .’'-]{1,40}:")


# A broadcast introducing its guest: "NPR's Berlin correspondent, Soraya Sarhaddi Nelson, joined
# us for more.", "Our reporter joins us now from Kyiv.", "She is with us now."
INTRODUCES = re.compile(
    r"\b(?i:joins|joined|is joining) (?:us|me)\b|\b(?i:is|are) with us\b"
    r"|\b(?i:welcome to the (?:program|programme|show))\b"
)  # "us" in lowercase: "Britain joined US forces" is news


# A reporter's note that nobody answered: "Calls to several Hasina aides seeking comment were
# not immediately returned.", "did not respond to a request for comment".
NO_COMMENT = re.compile(
    r"\b(?:calls?|emails?|messages?|requests?)\b[^.]{0,60}\b(?:were|was) not (?:immediately )?"
    r"returned\b|\b(?:did not|didn['’]t|could not|couldn['’]t) (?:immediately )?(?:respond|reply|"
    r"be reached|return (?:calls?|emails?|messages?|requests?))\b[^.]{0,40}\bcomment\b"
    r"|\bnot immediately available for comment\b"
    # "Credit Suisse and UBS declined to comment.": a refusal is no news of its own (as a clause,
    # "UBS, which declined to comment, said it would cut 3,000 jobs", the rest is)
    r"|^[^,]{0,80}\b(?:declined|refused) to comment(?: on [^,.]{0,80})?\.?$",
    re.I,
)


# A sentence that runs on from the one before: "Nor did ...", "And it ...", "But we ...".
RUNS_ON = re.compile(r"(?:Nor|And|But|Yet|Or)\b")
RUNS_ON_WORD = re.compile(r"^(?:Nor|And|But|Yet|Or),?\s+(?=[a-z])")


# The article pointing at itself: "Here are 8 things to know.", "We answer some pressing
# questions about the huge document leak.", "Here's a look at where things stand:".
SIGNPOST = re.compile(
    r"^(?:Here(?:['’]s| is| are)\b[^.]{0,60}?\b(?:things? (?:to|you) know|what (?:we|you) know|"
    r"what to know|need to know|a look at|where things stand|key points|questions)"
    r"|We (?:answer|explain|look at|break down)\b)"
)


def signpost(text: str) -> bool:
    """The article pointing at itself, however long, unless news follows a colon ("Here's the
    latest: Hamas released 13 hostages") or it is short ("Here are 8 things to know ...");
    "Here are the questions we don't have answers to, drawn from 18 questions I sent to
    Equifax on Sept. 13" is the reporter's own aside."""
    return bool(SIGNPOST.match(text)) and (len(text.split()) <= 16 or ":" not in text)


# A hotline's number: "Those residing overseas can press 82-1599-8629": service copy for the
# article's readers, not a finding.
PHONE_NUMBER = re.compile(
    r"(?<![\w.-])(?:\+?\d{1,4}[-.])?\d{2,4}[-.]\d{3,4}[-.]\d{4}(?![\w-])"
    # with spaces, after a word that gives it: "for relatives to call – 0800 056 0154"
    r"|\b(?:call|number|hotline|phone|dial|ring|contact)\b[^.]{0,40}?(?<![\d,.])"
    r"(?:\+?\d{1,4} )?\d{3,5} \d{3,4} \d{3,4}(?![\d,])",
    re.I,
)


def introduces(text: str) -> bool:
    """A broadcast's introduction of its guest or reporter: the talk around the story, not a
    finding. A quotation that says it stays."""
    return bool(INTRODUCES.search(text)) and not any(quotation_marks(text))


def advises(text: str) -> bool:
    """Service copy that speaks to the reader ("Freezing allows you to close down your credit
    file", "flag it with your bank immediately"): advice for a reader of that article, not a
    finding of the story. A quotation that says "you", reported speech and a broadcast's talk
    stay."""
    if any(quotation_marks(text)) or REPORTED.search(text):
        return False  # a quotation running over several sentences, or someone's words
    said = QUOTATION.sub(" ", text)
    return bool(TO_THE_READER.search(said)) and not CONVERSATION.search(said)


def budget(words: int, articles: int, shown: int = 0, share: float | None = None) -> int:
    """Words the findings of a story of `articles` sources and `words` words may take, when
    `shown` words of its share are taken by the values of Where sources differ; `share` of its
    words (settings' finding_words unless given) less what each source adds around them."""
    tuning = settings.current()
    share = tuning.finding_words if share is None else share
    room = int(share * words) - tuning.source_overhead * articles - shown
    return min(tuning.max_finding_words, max(tuning.min_finding_words, room))


def choose(
    items: list[Item],
    words: int,
    articles: int,
    label_weight: float = 0.8,
    novel: float = 0.12,
    length: float = 0.0,
    redundancy: float = 0.0,
    section: float = 0.0,
    section_of: Callable[[Item], str | None] | None = None,
    shown_elsewhere: frozenset[str] = frozenset(),
) -> list[Item]:
    """The most important findings that fit in `words` words, in the order chosen: each step
    takes the finding whose importance plus novelty (names and figures no chosen finding has
    stated yet) less `redundancy` times its likeness to the closest chosen finding is highest,
    so that a few lines cover many facts, not one fact many times.
    `section_of`: the section of the story's kind a finding belongs in; an unlabelled finding
    it places weighs `section` more, and a section that none of the chosen findings fills then
    gets its most important candidate, when that one weighs enough (settings: section_floor),
    beyond the words. `shown_elsewhere`: sentences another section shows (the values of Where
    sources differ); a finding that reads one is left to it, unless it is among the most
    important of them (settings: contested_findings)."""
    shortest = settings.current().min_finding_sentence_words
    pool = [
        i
        for i in items
        if len(i.text.split()) >= shortest
        and not opens_a_quotation(i.text)
        and not ends_a_quotation_begun_before(i.text)
        # the rest of a quotation begun before, run on from it with no figure: "Nor did the
        # United States,” Biden said." says nothing alone ("This is a historic day,” does)
        and not (
            closes_a_quotation_begun_before(i.text)
            and RUNS_ON.match(i.text)
            and not FIGURE.search(i.text)
        )
        and not asks(i.text)
        and not says_of_nothing_named(i.text)
        and not ELLIPTICAL.match(i.text)
        and not ends_on_what_came_before(i.text)
        and not ROSTER_ENTRY.match(i.text)
        and not headline_case(i.text)
        and not name_list(i.text)
        and not advises(i.text)
        and not introduces(i.text)
        and not signpost(i.text)
        and not NO_COMMENT.search(i.text)
        and not PHONE_NUMBER.search(i.text)
        and not PAYWALL.match(i.text)
        and not CAPTION_SENTENCE.search(i.text)  # a caption run into a paragraph
        and not i.text.rstrip().endswith((",", ";", ":"))  # a sentence cut off mid-clause
    ]
    base = {id(i): importance(i, articles, label_weight) for i in pool}
    # What the story's sentences say together: a line on its subject over a bystander's colour.
    weight = settings.current().centrality_weight
    if weight and pool:
        for i, c in zip(pool, similar.centrality([i.text for i in pool]), strict=True):
            base[id(i)] += weight * c
    # A finding no label was given that a section of the story's kind claims is labelled by
    # that section's cue words.
    if section and section_of:
        for i in pool:
            if i.kind == "fact" and section_of(i):
                base[id(i)] += section
    pool = left_to_others(pool, base, shown_elsewhere)
    names = {n.lower() for i in pool for n in NAME.findall(i.text)}
    stated = {id(i): particulars(i.text, names) for i in pool}  # read once, compared every step
    main = leading_names([stated[id(i)] for i in pool])
    counts = {id(i): counted(i.text) for i in pool}
    # when they do not all fit, words left over stay unused rather than go to filler (settings:
    # filler_floor); a short story is shown whole
    if sum(cost(i) for i in pool) > words:
        pool = [i for i in pool if base[id(i)] >= settings.current().filler_floor]
    likeness = Likeness(pool if redundancy else [])
    chosen: list[Item] = []
    told: list[tuple[set[str], set[str]]] = []  # each chosen finding's particulars and counts
    known: set[str] = set()
    used = 0
    while pool:
        fits = [i for i in pool if used + cost(i) <= words]
        if not fits:
            break
        best = max(
            fits,
            key=lambda i: (
                max(
                    0.0,
                    base[id(i)]
                    + novel * novelty(stated[id(i)], known)
                    - redundancy * likeness.to_chosen(i),
                )
                / length_cost(i, length),
                [-n for n in rank(i)],
            ),
        )
        pool.remove(best)
        chosen.append(best)
        said = stated[id(best)]
        known |= said
        used += cost(best)
        told.append((said, counts[id(best)]))
        likeness.choose(best)
        pool = [
            i
            for i in pool
            if not any(restates(stated[id(i)], t, known & main, counts[id(i)], c) for t, c in told)
        ]
    if section_of:
        chosen += section_heads(chosen, pool, base, section_of)
    return chosen


class Likeness:
    """How like a finding already chosen each candidate is (character n-gram TF-IDF cosine to
    the closest one): "UBS will take over Credit Suisse with the support of the government" after
    "UBS has agreed to buy Credit Suisse for 3 billion francs" tells little more, though it names
    and counts nothing the first did not. Empty `items`: every candidate is unlike them all."""

    def __init__(self, items: list[Item]) -> None:
        self.row = {id(i): n for n, i in enumerate(items)}
        self.matrix = similar.similarity_matrix([i.text for i in items])
        self.closest = np.zeros(len(items))

    def choose(self, item: Item) -> None:
        if id(item) in self.row:
            self.closest = np.maximum(self.closest, self.matrix[self.row[id(item)]])

    def to_chosen(self, item: Item) -> float:
        return float(self.closest[self.row[id(item)]]) if id(item) in self.row else 0.0


def left_to_others(
    pool: list[Item], base: dict[int, float], shown_elsewhere: frozenset[str]
) -> list[Item]:
    """`pool` without the findings whose sentence another section shows, save the most
    important few of them: a bottom line names the death toll even when the sources' tolls
    differ (and each outlet's lead, giving its own toll, is carried by that outlet alone)."""
    shown = [i for i in pool if i.evidence[0].sentence_id in shown_elsewhere]
    kept = sorted(shown, key=lambda i: -base[id(i)])[: settings.current().contested_findings]
    return [i for i in pool if i in kept or i not in shown]


def section_heads(
    chosen: list[Item],
    pool: list[Item],
    base: dict[int, float],
    section_of: Callable[[Item], str | None],
) -> list[Item]:
    """For each section no chosen finding fills, its most important candidate, if it weighs at
    least settings' section_floor: "a contentious provision remains" is a negotiation's
    sticking point even when more corroborated findings took the words."""
    filled = {section_of(i) for i in chosen}
    floor = settings.current().section_floor
    heads: list[Item] = []
    for item in sorted(pool, key=lambda i: -base[id(i)]):
        section = section_of(item)
        if section and section not in filled and base[id(item)] >= floor:
            heads.append(item)
            filled.add(section)
    return heads


def restates(
    stated: set[str],
    said: set[str],
    known: set[str] = frozenset(),
    counted: set[str] = frozenset(),
    counted_said: set[str] = frozenset(),
) -> bool:
    """A finding whose figures one chosen finding (`said`: its particulars) has all stated
    already and whose names it has named too: the same fact in other words ("could spend decades
    in prison (and theoretically up to 115 years)" after "could be sentenced to as long as 115
    years"). When the figures count the same things (`counted`, `counted_said`: "115 years"),
    the story's protagonists that a chosen finding has named (`known`) may be the ones it spoke
    of: "Bankman-Fried ... confronts a maximum sentence of 115 years" after "He could be sentenced
    to as long as 115 years"; "Ellison also faces 115 years" is another fact, and "the storm
    destroyed 20 bridges in Benghazi" after "Floods killed 20 people in Derna" is another."""
    figures = {p for p in stated if is_figure(p)}
    if not figures or not figures <= said:
        return False
    names = stated - figures
    return names <= said or (counted <= counted_said and names <= said | known)


def length_cost(item: Item, length: float) -> float:
    """What a finding's importance is divided by: its length relative to a typical finding's,
    to the power `length` (1 for a typical finding; 1 for every finding when `length` is 0)."""
    return (cost(item) / settings.current().typical_finding_words) ** length


def particulars(text: str, names: set[str] = frozenset()) -> set[str]:
    """The names and figures a sentence states: what tells one fact from another. A sentence's
    first word is a name when `names` (read inside sentences) holds it: "Ellison also faces ..."."""
    first = re.match(r"[A-Z][\w’'-]+", text)
    opening = {first.group().lower()} & names if first else set()
    figures = {m.lower() for m in re.findall(NUMBER, text)}
    return {m.lower() for m in NAME.findall(text)} | figures | opening


def is_figure(particular: str) -> bool:
    """A particular that is a figure ("11,300", "seven"), not a name."""
    return particular[0].isdigit() or particular in NUMBER_WORDS


def leading_names(stated: list[set[str]]) -> set[str]:
    """The names a story keeps coming back to (its protagonists): in at least a fifth of its
    candidate findings, and three of them."""
    times = Counter(p for particular in stated for p in particular if not is_figure(p))
    least = max(3, len(stated) // 5)
    return {name for name, n in times.items() if n >= least}


def counted(text: str) -> set[str]:
    """Each figure with the word after it, what it counts: "115 years", "20 bridges"."""
    return {f"{n.lower()} {w.lower()}" for n, w in re.findall(rf"({NUMBER})\s+([A-Za-z]+)", text)}


def novelty(stated: set[str], known: set[str]) -> int:
    """A finding's names and figures (`stated`) not stated by a finding chosen already (at most
    four count)."""
    return min(4, len(stated - known))
