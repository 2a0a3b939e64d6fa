"""Counts, amounts and rates (read by `text.quantities`) that sources state with incompatible
values, and the story's key figures: one line per measured thing with its most cited value.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .. import settings
from ..claims import DENIES
from ..ground import evidence
from ..models import Difference, KeyFigure, Sentence, Variant
from ..text.attribution import claimant, same_claimant
from ..text.datelines import without_dateline
from ..text.dates import MONTHS, WEEKDAYS
from ..text.numbers import NUMBER_WORDS
from ..text.quantities import CONTESTED, PEOPLE_OF, SUBGROUPS, Quantity, quantities_in_order
from .words import WORDS

# How a measured thing is named in a briefing line.
LABELS = {
    "dead": "Death toll", "missing": "Missing", "injured": "Injured", "displaced": "Displaced",
    "affected": "People affected", "people": "People", "price": "Deal value", "support": "Support",
    "losses": "Losses", "fine": "Fine", "finance": "Finance", "price per share": "Price per share",
    "bribes": "Bribes", "valuation": "Valuation", "restitution": "Restitution",
    "hostages": "Hostages held", "hostages taken": "Hostages taken", "taxes": "Tax bill",
    "abstentions": "Abstentions", "liabilities": "Liabilities", "cap": "Cap",
    "shares sold": "Shares sold",
}  # fmt: skip


def stated_quantities(sentences: list[Sentence]) -> list[tuple[Quantity, Sentence]]:
    """Every number with a known measured thing, with the sentence that states it."""
    by_article: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_article[sentence.article_id].append(sentence)
    found = []
    for mine in by_article.values():
        stated = quantities_in_order([s.text for s in mine])
        for sentence, quantities in zip(mine, stated, strict=True):
            found.extend((q, sentence) for q in quantities if q.thing)
    return found


def quantity_groups(
    found: list[tuple[Quantity, Sentence]],
) -> dict[tuple[str, str | None], list[tuple[Quantity, Sentence]]]:
    """Numbers of the same thing in the same place. A count with no place ("143 million
    people") joins the country's group it agrees with, so it is not compared with Britons; never
    a part's ("27 people" is no count of "29 men")."""
    groups: dict[tuple[str, str | None], list[tuple[Quantity, Sentence]]] = defaultdict(list)
    for quantity, sentence in by_country(found):
        groups[(quantity.thing, quantity.place)].append((quantity, sentence))
    for (thing, place), members in list(groups.items()):
        if place is not None:
            continue
        for quantity, sentence in list(members):
            home = next(
                (
                    key
                    for key, others in groups.items()
                    if key[0] == thing
                    and key[1] is not None
                    and key[1] not in SUBGROUPS
                    and any(q.unit == quantity.unit and near(q, quantity) for q, _ in others)
                ),
                None,
            )
            if home is not None:
                groups[home].append((quantity, sentence))
                groups[(thing, None)].remove((quantity, sentence))
    return {key: members for key, members in groups.items() if members}


def by_country(found: list[tuple[Quantity, Sentence]]) -> list[tuple[Quantity, Sentence]]:
    """Counts placed in the country their sentence names, where a story counts in two or more
    (Turkey's dead and Syria's after one earthquake); in a story of one country its name says
    nothing ("Lebanon's health minister said 113 died" is the toll everyone gives)."""
    countries: dict[str, set[str]] = defaultdict(set)
    for quantity, _ in found:
        if quantity.country and quantity.thing:
            countries[quantity.thing].add(quantity.country)
    return [
        (replace(q, place=q.country) if q.country and len(countries[q.thing]) > 1 else q, s)
        for q, s in found
    ]


def near(a: Quantity, b: Quantity) -> bool:
    """Within a fifth of each other: the same figure, perhaps revised."""
    ratio = settings.current().same_figure
    return a.value > 0 and b.value > 0 and max(a.value, b.value) / min(a.value, b.value) < ratio


def conflicting(members: list[tuple[Quantity, Sentence]], *, as_written: bool = False) -> bool:
    """Two sources give values of one unit that cannot both be true (`as_written`: that differ as
    written, "51%" and "50.8%"). One article counts as two sources only where it sets a figure
    against another's ("lower than the 20,000 ... gave")."""
    return any(
        clash(a, b, as_written=as_written)
        and (sa.article_id != sb.article_id or a.rival or b.rival)
        for n, (a, sa) in enumerate(members)
        for b, sb in members[n + 1 :]
    )


def clash(a: Quantity, b: Quantity, *, as_written: bool = False) -> bool:
    """Values of one unit that cannot both be true."""
    return a.unit == b.unit and not a.compatible(b, as_written=as_written)


def single_valued(members: list[tuple[Quantity, Sentence]]) -> list[tuple[Quantity, Sentence]]:
    """The members from articles that give the measured thing one value. An article that
    states several incompatible values of it ("1.92 million votes" and "2,147,436 votes",
    "50.8 percent" and "44.3 percent") measures several things (two candidates, two counts) that
    the words do not tell apart; none of its values is set against another source's. An article
    that sets its figure against another's ("lower than the 20,000 ... gave") still counts."""
    values: dict[str, list[Quantity]] = defaultdict(list)
    for quantity, sentence in members:
        values[sentence.article_id].append(quantity)
    ambiguous = {
        article
        for article, stated in values.items()
        if not any(q.rival for q in stated)
        and any(clash(a, b) for n, a in enumerate(stated) for b in stated[n + 1 :])
    }
    return [(q, s) for q, s in members if s.article_id not in ambiguous]


def value_key(quantity: Quantity) -> str:
    return f"{quantity.qualifier}|{quantity.low:g}|{quantity.high:g}|{quantity.unit}"


NAME = re.compile(r"(?<=[\w,;:’'”\"]\s)([A-Z][a-z][\w-]*)")
NOT_NAMES = {
    # Months ("Oct." too) and weekdays, as text/dates reads them.
    *(month.capitalize() for month in MONTHS), *(day.capitalize() for day in WEEKDAYS),
    "The", "Mr", "Mrs", "Ms", "Dr", "President", "Minister",
    # Words that open sentences without naming anything.
    "A", "An", "This", "These", "That", "Those", "It", "Its", "He", "She", "They", "We", "I",
    "In", "On", "At", "By", "For", "From", "With", "But", "And", "Or", "As", "After", "Before",
    "While", "When", "Since", "So", "Some", "Many", "Most", "All", "Meanwhile", "Earlier",
    "Later", "However", "According", "Even", "If", "Although", "Still", "Yet", "Now", "Then",
    "There", "Here", "What", "Who", "Why", "How", "Last", "Next", "One", "Two", "Three",
    "About", "Around", "Nearly", "Almost", "More", "Over", "Up", "Roughly", "Approximately",
    "Fewer", "Less", "Under", "Only", "Just", "Another", "Further", "Nearby",
}  # fmt: skip


def name_of(word: str) -> str:
    """ "Libya’s" is Libya."""
    return re.sub(r"[’']s?$", "", word)


# News moves to a parallel event with these openers.
TOPIC_SHIFT = re.compile(r"\s*(?:Meanwhile|Separately|Elsewhere|In other news|In a separate)\b")
PREPOSITIONS = {"in", "at", "on", "from", "of", "near", "outside", "inside", "to", "for", "by"}
# Words that open a clause before its subject: "After Morocco's earthquake killed ...", "Despite
# these challenges, ...": the name after them (if any) is who the sentence is about.
OPENERS = {
    "despite", "after", "before", "during", "amid", "since", "with", "without", "under",
    "following", "among", "while", "although", "though", "because", "unlike", "across",
    "through", "against", "as", "when", "if",
}  # fmt: skip


class StoryNames:
    """The names of a story: those that half its articles mention (what the story is about) and
    those only one article mentions (often another event it recalls)."""

    def __init__(self, sentences: list[Sentence]) -> None:
        seen: dict[str, set[str]] = defaultdict(set)
        self.lower: set[str] = set()
        self.inside: set[str] = set()  # capitalised inside a sentence: a name, not an opening
        for sentence in sentences:
            for n, word in enumerate(WORDS.findall(without_dateline(sentence.text))):
                if word[:1].islower():
                    self.lower.add(word)
                elif word[:1].isupper():
                    seen[name_of(word)].add(sentence.article_id)
                    if n:
                        self.inside.add(name_of(word))
        articles = len({s.article_id for s in sentences})
        self.main = {n for n, ids in seen.items() if len(ids) >= max(2, articles / 2)}
        self.once = {n for n, ids in seen.items() if len(ids) == 1}

    def about_the_story(self, sentence: Sentence) -> bool:
        """A sentence that leads with a name no other article knows ("Yahoo disclosed a breach
        that affected one billion accounts") or turns to another event ("Meanwhile, ...") gives
        figures of another event, not rival figures."""
        if TOPIC_SHIFT.match(sentence.text):
            return False
        return self.lead_name(sentence.text) not in self.once

    def elsewhere(self, sentence: Sentence) -> bool:
        """Names only what one article mentions and nothing the story is about: often another
        event the article recalls ("a breach at the hookup site Adult Friend Finder")."""
        named = {n for n in NAME.findall(sentence.text) if n not in NOT_NAMES}
        return bool(named & self.once) and not named & self.main

    def lead_name(self, text: str) -> str | None:
        """The name a sentence opens with (its subject, most often), if any; after a dateline
        ("ANKARA (Reuters) - A magnitude 7.8 earthquake ..." is not led by Reuters)."""
        text = without_dateline(text)
        opening = WORDS.findall(text)[:4]
        for n, (word, after) in enumerate(zip(opening, [*opening[1:], ""], strict=False)):
            if word.lower() in PREPOSITIONS:
                return None  # "in a Manhattan court": a place, not who the sentence is about
            if word.lower() in OPENERS:
                continue
            if len(word) > 4 and word.endswith("ed") and after in PREPOSITIONS:
                return None  # "Based on that, ...", "Compared to ...": an opening phrase
            word = name_of(word)
            capitalized = word[:1].isupper() and word[1:2].islower()  # not "HACKERS" or "AP"
            # An opening plural, participle or compound is a name only if the story capitalises
            # it inside a sentence too ("Investigators said", "Citing", "Chennai-bound").
            if "-" in word and any(part[:1].islower() for part in word.split("-")):
                continue  # "The Chennai-bound Coromandel Express": a compound, no name
            # "Days after ..." (day is a word the story writes in lowercase), "Citing reports";
            # not "Texas floods killed ...", "Athens saw ...", "Beijing said ..."
            plural = word.endswith("s") and word[:-1].lower() in self.lower
            participle = word.endswith(("ing", "ed")) and word not in self.inside
            named = n > 0 or not (plural or participle)
            if capitalized and named and word.lower() not in self.lower and word not in NOT_NAMES:
                return word
        return None


@dataclass(frozen=True)
class Stated:
    """A story's figures read once, for its differences and its key figures alike: the names its
    articles use, and every (quantity, sentence) they state."""

    names: StoryNames
    quantities: list[tuple[Quantity, Sentence]]


def read_story(sentences: list[Sentence]) -> Stated:
    return Stated(StoryNames(sentences), stated_quantities(sentences))


def quantity_differences(
    sentences: list[Sentence], stated: Stated | None = None, year: int | None = None
) -> list[Difference]:
    """One difference per measured thing that sources state with incompatible values, listing
    every value stated for it with the sentences that state it. `stated`: the story's figures,
    when already read; `year`: the story's, when known (a figure of an earlier year's event is
    history it recalls)."""
    stated = stated or read_story(sentences)
    names = stated.names
    found = [
        (q, s)
        for q, s in stated.quantities
        if q.comparable
        and not q.increment
        and names.about_the_story(s)
        and not (year and recalls_history(s.text, q, year))
    ]
    parts = breakdowns(found)
    found = [(q, s) for q, s in found if (s.id, q.thing, value_key(q)) not in parts]
    # Figures that differ only by rounding ("51%" beside "50.8%") are listed, and said to be so:
    # which outlet rounded is worth a glance, not an alarm.
    found_differences, rounded = [], defaultdict(list)
    for (thing, place), members in as_counts_and_shares(held_groups(found)):
        denied = denies_a_value(members)
        if not denied and (
            not conflicting(members, as_written=True) or len({value_key(q) for q, _ in members}) < 2
        ):
            continue
        if denied or conflicting(members):
            found_differences.append(difference(label(thing, place), members))
        elif thing in CONTESTED and place:
            rounded[thing].append((place, members))  # one line for every holder's share
        else:
            found_differences.append(difference(label(thing, place) + ROUNDED, members))
    return [*found_differences, *(rounded_line(thing, held) for thing, held in rounded.items())]


def as_counts_and_shares(
    groups: list[tuple[tuple[str, str | None], list[tuple[Quantity, Sentence]]]],
) -> list[tuple[tuple[str, str | None], list[tuple[Quantity, Sentence]]]]:
    """Each group with its percentages apart: "15 percent" of a workforce is no rival of
    "15,000 jobs" cut, and not shown beside them; "12%" against "15%" is compared."""
    split = []
    for key, members in groups:
        shares = [m for m in members if m[0].unit == "percent"]
        others = [m for m in members if m[0].unit != "percent"]
        split += [(key, part) for part in (others, shares) if part]
    return split


# A year next to a figure: "the tsunami that killed 61 people ... in 1960", "the 2018 Camp Fire
# ..., which left 85 dead"; not "the deadliest since 1918".
YEAR = re.compile(r"(?<!since )(?<!from )\b(19\d\d|20\d\d)\b(?![-–/]\d)")
NEAR_YEAR = 80  # characters between a figure and a year that dates it
# A sentence set in a year: it opens on it ("In October 1991, ...") or ends on it ("... in
# April 2009."), as the entries of a list of earlier events do.
WHEN = rf"(?:(?:{'|'.join(MONTHS)})\.?\s+)?(?:\d{{1,2}},?\s+)?"
SET_IN = (
    re.compile(rf"^(?:In|On)\s+{WHEN}(?P<year>(?:19|20)\d\d)\b,", re.I),
    re.compile(rf"\bin\s+{WHEN}(?P<year>(?:19|20)\d\d)[.!]?[”\"]?$", re.I),
)


# An earlier year told without its number: "That year, the GTI said, Boko Haram was responsible
# for 6,644 deaths", "a dozen captives died in a bombing more than a year ago".
THAT_YEAR = re.compile(r"^(?:That|The previous|The same|That same) year\b")
YEARS_AGO = re.compile(
    rf"\b(?:a|an|one|\d+|{'|'.join(NUMBER_WORDS)})\s+(?:and a half\s+)?years?\s+(?:ago|earlier)\b",
    re.I,
)


# A record measured against an earlier event: what follows names that event ("the deadliest
# school shooting since a gunman killed 20 children ... at Sandy Hook", "trailing only the 2012
# attack ..., where 26 people were killed").
SUPERLATIVE = (
    r"(?:deadliest|worst|largest|biggest|highest|lowest|strongest|heaviest|costliest|bloodiest|"
    r"greatest|longest|fewest|smallest|sharpest|steepest)"
)
COMPARED_WITH = re.compile(
    rf"\b{SUPERLATIVE}\b[^;]*?\b(?:since|trailing only|behind only|second only to|after only)\b",
    re.I,
)


# Where the earlier event's clause ends: at a comma, unless what follows still tells that event
# ("since the massacre at Sandy Hook, when a gunman shot dead 26 people"); "since 1960, killing
# at least 2,012 people" and "since the war began, with 45 dead" go back to this one.
CLAUSE_END = re.compile(r"[,;:—–](?!\s*(?:when|where|in which|which|who)\b)")


SINCE_YEAR = re.compile(r"\b[Ss]ince (?P<year>(?:19|20)\d\d)\b")
NEAR_SINCE = 40  # characters from a figure to the "since 2000" that makes it a running total


def in_compared_event(text: str, start: int) -> bool:
    """Whether the figure at `start` is in the clause that names the earlier event a record is
    measured against ("the worst school shooting since a gunman killed 20 children")."""
    compared = COMPARED_WITH.search(text)
    if not compared or start < compared.end():
        return False
    end = CLAUSE_END.search(text, compared.end())
    return end is None or start < end.start()


def recalls_history(text: str, quantity: Quantity, year: int) -> bool:
    """Whether the figure belongs to an event of an earlier year the sentence recalls: a year
    next to it, or the year the whole sentence is set in ("In November 2009, a US army
    psychiatrist opens fire ..., killing 13 people", "... in Binghamton in April 2009."), or
    one it names without its number ("That year, ...", "more than a year ago")."""
    if in_compared_event(text, quantity.start):
        return True
    since = SINCE_YEAR.search(text)
    if (
        since
        and int(since["year"]) < year
        and not COMPARED_WITH.search(text)
        and (since.start() == 0 or 0 <= since.start() - quantity.start <= NEAR_SINCE)
    ):
        return True  # "Nearly 350 people have died since 2000 in plane crashes": a running total
    if THAT_YEAR.match(text) or any(
        abs(m.start() - quantity.start) <= NEAR_YEAR
        and not re.search(r"\bsince\b[^,.;]{0,40}$", text[: m.start()])  # "worst since ..."
        for m in YEARS_AGO.finditer(text)
    ):
        return True
    years = list(YEAR.finditer(text))
    set_in = next((int(m["year"]) for p in SET_IN if (m := p.search(text))), None)
    if set_in and set_in < year and all(int(m[1]) < year for m in years):
        return True
    return any(int(m[1]) < year and abs(m.start() - quantity.start) <= NEAR_YEAR for m in years)


ROUNDED = ", rounded differently"
BREAKDOWN = 3  # values of one measure in one sentence that make it a breakdown


def breakdowns(found: list[tuple[Quantity, Sentence]]) -> set[tuple[str, str | None, str]]:
    """(sentence id, thing, value) of the parts of a breakdown: a sentence that gives one measure
    three or more values ("117 dead in Mexico City, 55 in Morelos, 39 in Puebla and 12 in the
    State of Mexico"), whose parts are no rivals of another source's total. A total stated first
    and broken down after "including" or "among them" stays ("killed 273 people, including 117
    in Mexico City, ..."). Not a contested measure, whose values in one sentence are each
    contender's ("288 seats ... the Jatiya Party 22")."""
    stated: dict[tuple[str, str | None], list[tuple[Quantity, Sentence]]] = defaultdict(list)
    for quantity, sentence in found:
        if quantity.thing not in CONTESTED:
            stated[(sentence.id, quantity.thing)].append((quantity, sentence))
    parts = {
        (s.id, q.thing, value_key(q))
        for q, s in found
        if q.thing not in CONTESTED and named_part(q, s)
    }
    for (sentence_id, thing), members in stated.items():
        if len({value_key(q) for q, _ in members}) < BREAKDOWN:
            continue
        first, sentence = min(members, key=lambda m: m[0].start)
        total = BROKEN_DOWN.search(sentence.text, first.start + len(first.span))
        parts |= {
            (sentence_id, thing, value_key(q)) for q, _ in members if not (total and q is first)
        }
    return parts


BROKEN_DOWN = re.compile(r"\b(?:including|among them|of whom|of which)\b")
# A part named right after a whole: "17 people, including three law enforcement officers".
PART_OF_WHOLE = re.compile(
    r"\d[\w,.]*\s+[^.;\d]{0,40}\b(?:including|among them|of whom|of which)\s+"
    r"(?:at least\s+|about\s+|some\s+|nearly\s+)?$",
    re.I,
)


def named_part(quantity: Quantity, sentence: Sentence) -> bool:
    """Whether the figure is a part of a figure just before it ("17 people, including three
    officers", "300 were killed, among them 40 children"): no rival of another source's total."""
    return bool(PART_OF_WHOLE.search(sentence.text[max(0, quantity.start - 80) : quantity.start]))


def rounded_line(thing: str, held: list[tuple[str, list[tuple[Quantity, Sentence]]]]) -> Difference:
    """One line for a contested measure rounded differently: an outlet that rounds one
    candidate's share rounds the other's too ("51%" / "50.8%" for Mnangagwa, "44%" / "44.3%"
    for Chamisa). Each value keeps its holder."""
    if len(held) == 1:
        place, members = held[0]
        return difference(label(thing, place) + ROUNDED, members)
    variants = [
        variant.model_copy(update={"holder": place})
        for place, members in held
        for variant in difference("", members).variants
    ]
    return Difference(about=label(thing, None) + ROUNDED, kind="number", variants=variants)


def by_holder(
    thing: str, members: list[tuple[Quantity, Sentence]]
) -> dict[str | None, list[tuple[Quantity, Sentence]]]:
    """The members of a contested measure (votes, vote share, seats) by whom they belong to: the
    name next to the figure ("Mnangagwa won 50.8 percent", "44.3 percent for Chamisa"). A figure
    with no holder in sight, or from an article that gives one holder several values it does not
    tell apart, is not compared. Other measures are the story's own: one group."""
    if thing not in CONTESTED:
        return {None: members}
    held: dict[str | None, list[tuple[Quantity, Sentence]]] = defaultdict(list)
    for quantity, sentence in members:
        if PARTIAL.search(sentence.text):
            continue  # a running count ("votes counted so far") is not a rival of the result
        if OUT_OF.search(sentence.text[: quantity.start]):
            continue  # the whole ("287 out of 300 seats", "of the 298 seats"), not a result
        holder = holder_of(sentence.text, quantity)
        if holder is not None:
            held[holder].append((quantity, sentence))
    # "Labour" is the "Labour Party": one holder, under its whole name.
    for name in [h for h in held if h and PARTY.fullmatch(h)]:
        short = name.rsplit(" ", 1)[0]
        if short in held and short != name:
            held[name] += held.pop(short)
    return {holder: single_valued(found) for holder, found in held.items()}


# "44.3 percent for (opposition leader) Nelson Chamisa"; not "to" ("2.46 million votes to
# Chamisa's 2.15 million").
FOR_WHOM = re.compile(r"\s*(?:\w+\s+){0,3}?for\s+(?:[a-z]+\s+){0,3}((?:[A-Z][a-z][\w-]*\s?)+)")
# A count still running: "votes counted", "so far", "after nine of the ten provinces".
PARTIAL = re.compile(
    r"\b(?:counted|so far|partial|(?:reporting|declared)\b.{0,40}\bof the|of the \w+ "
    r"(?:provinces|precincts|constituencies|districts|states|counties)\b.{0,30}\b(?:declared|"
    r"reporting|counted))",
    re.IGNORECASE,
)


OUT_OF = re.compile(r"\b(?:out of|of the|of all)\s*$")
# A party by its whole name: "the ruling Awami League won 266 seats", "the Jatiya Party at 22".
PARTY = re.compile(
    r"(?<![\w-])((?:(?!(?:The|Ruling|Governing|Opposition|Main|Incumbent|Rival) )[A-Z]\w*"
    r"(?:-[A-Z]\w*)* )+"
    r"(?:League|Party|Front|Alliance|Congress|Movement|Union|Coalition|Council|Bloc))\b"
)
# Not a contender: who counts ("the Election Commission"), a round of the vote ("in the Primary
# round with 38%"), and words that open a sentence ("Winning over 260 seats").
NOT_HOLDERS = {
    "Commission", "Election", "Electoral", "Court", "Parliament", "Government", "Primary",
    "Round", "Runoff",
}  # fmt: skip


def holder_of(text: str, quantity: Quantity) -> str | None:
    """The name a figure belongs to: one right after it ("44.3 percent for Chamisa"), else the
    nearest before it in the sentence ("Mnangagwa, 75, won 50.8 percent"); a party by its
    whole name ("Awami League", not "League")."""
    after = FOR_WHOM.match(text, quantity.start + len(quantity.span))
    if after:
        named = [n for n in after.group(1).split() if n not in NOT_NAMES]
        if named:
            return name_of(named[-1])  # the surname: "Nelson Chamisa" is Chamisa
    head = text[: quantity.start]
    found = [(m.start(), name_of(m.group(1))) for m in NAME.finditer(head)]
    if text[:1].isupper():
        opening = re.match(r"[A-Z][a-z][\w’'-]*", text)
        if opening and not opening.group(0).endswith("ing"):
            found.insert(0, (0, name_of(opening.group(0))))
    found = [(at, n) for at, n in found if n not in NOT_NAMES and n not in NOT_HOLDERS]
    parties = [(m.start(), m.group(1)) for m in PARTY.finditer(head)]
    if parties and (not found or parties[-1][0] + len(parties[-1][1]) > found[-1][0]):
        return parties[-1][1]
    return found[-1][1] if found else None


def difference(about: str, members: list[tuple[Quantity, Sentence]]) -> Difference:
    """One line: every value stated for the measured thing, with the sentences that state it. A
    value a source denies is its own variant, in the words of the denial and under who denies
    it: the Red Crescent's "denied ... that the death toll ... had reached 11,300" is no source
    of 11,300."""
    variants: dict[str, Variant] = {}
    for quantity, sentence in sorted(members, key=lambda m: (m[0].unit, m[0].value)):
        denial = denial_of(sentence.text, quantity)
        key = ("denied|" if denial else "") + value_key(quantity)
        old = variants.get(key)
        cited = [*(old.evidence if old else []), evidence(sentence)]
        if old:
            said_by = (
                old.said_by if denial else with_claimant(old.said_by, sentence.text, quantity.start)
            )
            variants[key] = old.model_copy(update={"evidence": cited, "said_by": said_by})
        elif denial:
            words = sentence.text[denial.start() : phrase_end(sentence.text, quantity)]
            holder = denier(sentence.text, denial)
            variants[key] = Variant(text=words, evidence=cited, holder=holder)
        else:
            said_by = with_claimant([], sentence.text, quantity.start)
            variants[key] = Variant(text=quantity.phrase, evidence=cited, said_by=said_by)
    return Difference(about=about, kind="number", variants=between_claimants(variants.values()))


def with_claimant(said_by: list[str], text: str, at: int) -> list[str]:
    """`said_by` and who `text` says put forward its figure at `at`, when named another way."""
    who = shortened(claimant(text, at), text)
    return said_by if who is None or who in said_by else [*said_by, who]


def shortened(who: str | None, text: str) -> str | None:
    """`who` as shown: without a leading "the" before a name ("Libyan Red Crescent"), "The" in
    lower case ("the city's mayor"), and a long name by its initials when the sentence gives them
    ("OCHA"), else not at all."""
    if who is None:
        return None
    if len(who.split()) > CLAIMANT_WORDS:
        given = re.search(re.escape(who) + r"\s*\(([A-Z]{2,8})\)", text)
        return given.group(1) if given else None
    who = re.sub(r"^(?:the|The)\s+(?=[A-Z])", "", who)
    return re.sub(r"^The\b", "the", who)


def between_claimants(variants: Iterable[Variant]) -> list[Variant]:
    """Each variant with the first who put it forward, when the line's values come from two
    different claimants or more (the mayor's 20,000 against the Red Crescent's 11,300): who
    disagrees with whom. The ways a line names one claimant ("Mayor Abdulmenam al-Ghaithi",
    "Abdulmenam al-Ghaithi", "the mayor") are one claimant, shown the shortest way; one claimant
    alone tells little the cited sentence does not, so none is shown."""
    variants = list(variants)
    names = list(dict.fromkeys(w for v in variants for w in v.said_by))
    group = list(range(len(names)))  # union-find over the ways of naming

    def root(n: int) -> int:
        while group[n] != n:
            n = group[n]
        return n

    for a, one in enumerate(names):
        for b in range(a):
            if same_claimant(one, names[b]):
                group[root(a)] = root(b)
    shortest: dict[int, str] = {}
    for n, name in enumerate(names):
        known = shortest.get(root(n))
        if known is None or shorter(name, known):
            shortest[root(n)] = name
    if len(shortest) < 2:
        return [v.model_copy(update={"said_by": []}) for v in variants]
    shown = {name: shortest[root(n)] for n, name in enumerate(names)}
    return [
        v.model_copy(update={"said_by": [shown[w] for w in v.said_by][:CLAIMANTS_SHOWN]})
        for v in variants
    ]


def shorter(name: str, other: str) -> bool:
    """Whether `name` is the better short way of naming: fewer words, a name on a tie ("Abdulmenam
    al-Ghaithi" over "the mayor")."""
    key = (len(name.split()), not any(w[:1].isupper() for w in name.split()))
    return key < (len(other.split()), not any(w[:1].isupper() for w in other.split()))


CLAIMANT_WORDS = 6  # "Libya’s ambassador to the UN"
CLAIMANTS_SHOWN = 1  # a value most sources give ("11,300") is more than its first sayer


def phrase_end(text: str, quantity: Quantity) -> int:
    """Where the figure's phrase ("40 people") ends in its sentence; its number's end when the
    phrase is not written there as one run of words."""
    at = text.find(quantity.phrase, max(0, quantity.start - len(quantity.phrase)))
    if 0 <= at <= quantity.start:
        return at + len(quantity.phrase)
    return quantity.start + len(quantity.span)


def denial_of(text: str, quantity: Quantity) -> re.Match[str] | None:
    """The words that deny a figure, before it in its sentence: "denied on Sunday that the death
    toll ... had reached 11,300"."""
    found = list(DENIES.finditer(text, 0, quantity.start))
    return found[-1] if found else None


def denier(text: str, denial: re.Match[str]) -> str | None:
    """Who denies: the sentence's words before the denial when they are a short subject ("A
    spokesperson for the Libyan Red Crescent"), none when they are a clause of their own."""
    subject = text[: denial.start()].strip()
    short = 0 < len(subject.split()) <= DENIER_WORDS and not re.search(r"[,;:“”\"]", subject)
    return without_dateline(subject) if short else None


DENIER_WORDS = 10  # a longer opening is a clause of its own, not who denies


def denies_a_value(members: list[tuple[Quantity, Sentence]]) -> bool:
    """A source denies a value another source states: a difference whatever the other values."""
    marked = [(value_key(q), denial_of(s.text, q) is not None) for q, s in members]
    return bool({k for k, denied in marked if denied} & {k for k, denied in marked if not denied})


def key_figures(
    sentences: list[Sentence],
    size: int | None = None,
    stated: Stated | None = None,
    shown: frozenset[str] = frozenset(),
    contested: frozenset[str] = frozenset(),
) -> list[KeyFigure]:
    """The counts, amounts and rates of a story: one line per measured thing with its most
    cited value, the most cited things first. `contested`: labels of the measures "Where
    sources differ" lists with every value; a reader finds those there, not twice.
    `shown`: ids of sentences the story shows as findings; a figure from one of them, or from a
    sentence an earlier key figure shows whole, is shown in a short clause, not again whole."""
    stated = stated or read_story(sentences)
    names = stated.names
    found = [
        (q, s)
        for q, s in stated.quantities
        if q.thing != "people"
        and not q.increment
        and not denial_of(s.text, q)  # a figure a source says is untrue is no key figure
        and names.about_the_story(s)
        and not names.elsewhere(s)
    ]
    ranked = []
    for (thing, place), members in held_groups(found):
        by_value: dict[str, list[tuple[Quantity, Sentence]]] = defaultdict(list)
        for quantity, sentence in members:
            by_value[value_key(quantity)].append((quantity, sentence))
        about = label(thing, place)
        if about not in contested:
            ranked.append((about, min(by_value.values(), key=prominence)))
    ranked.sort(key=lambda r: prominence(r[1]))
    ranked = once_each(ranked)
    size = settings.current().key_figures if size is None else size
    figures = []
    whole = set(shown)  # sentences a reader has seen whole: a figure from one is a short clause
    for about, best in ranked[:size]:
        quantity, sentence = best[0]
        limit = settings.current().figure_words_shown if sentence.id in whole else None
        text = clause_of(sentence.text, quantity, limit)
        if limit and text == sentence.text:
            text = quantity.phrase  # a short sentence read whole above: its figure, not again
        whole.add(sentence.id)
        figures.append(
            KeyFigure(
                about=about,
                value=quantity.phrase,
                text=text,
                evidence=list({s.id: evidence(s) for _, s in best}.values()),
            )
        )
    return figures


def once_each(
    ranked: list[tuple[str, list[tuple[Quantity, Sentence]]]],
) -> list[tuple[str, list[tuple[Quantity, Sentence]]]]:
    """One line per figure: the same value of one kind of measure under a second label ("600
    tons of refined petroleum" and "600 tons of refined oil"; Equifax's "shares dropped five per
    cent" and "Shares of the company's stock dropped more than five per cent") is one fact."""
    groups: dict[tuple[str, str, float], list[tuple[str, list[tuple[Quantity, Sentence]]]]] = {}
    for about, best in ranked:
        quantity = best[0][0]
        key = (quantity.measure or "", quantity.unit, quantity.value)
        groups.setdefault(key, []).append((about, best))
    # In the place of the first, the one a reader can read whole, if any: "The vessel,
    # Lighthouse Winmore, reportedly transferred 600 tons ..." over "…transferred 600 tons…".
    return [min(same, key=lambda r: clipped(r[1][0][1].text)) for same in groups.values()]


def clipped(text: str, limit: int | None = None) -> bool:
    """Whether a key figure's sentence is too long to show whole in `limit` words (settings'
    figure_words when not given), give or take four."""
    limit = settings.current().figure_words if limit is None else limit
    return len(text.split()) > limit + 4


def held_groups(
    found: list[tuple[Quantity, Sentence]],
) -> list[tuple[tuple[str, str | None], list[tuple[Quantity, Sentence]]]]:
    """quantity_groups with a contested measure split by holder: ("Vote share (Mnangagwa)", ...)."""
    return [
        ((thing, f"{place}, {holder}" if place and holder else place or holder), members)
        for (thing, place), grouped in quantity_groups(found).items()
        for holder, members in by_holder(thing, grouped).items()
        if members
    ]


def label(thing: str, place: str | None) -> str:
    """ "Death toll (Palestinians)", "Vote share (Mnangagwa)", "Death toll (children)"."""
    holder = PEOPLE_OF.get(place, place) if place else None
    return LABELS.get(thing, thing.capitalize()) + (f" ({holder})" if holder else "")


def prominence(stated: list[tuple[Quantity, Sentence]]) -> tuple[int, int]:
    """The most cited figure first, then the one nearest the top of its article."""
    return (-len({s.article_id for _, s in stated}), min(s.number for _, s in stated))


def clause_of(text: str, quantity: Quantity, limit: int | None = None) -> str:
    """The sentence that states the figure, or in a long one the clauses around the figure
    that fit in `limit` words (the `limit` words around it when its own clause is longer);
    verbatim, a cut marked with an ellipsis."""
    limit = settings.current().figure_words if limit is None else limit
    if not clipped(text, limit):
        return text
    bounds = [0, *(m.end() for m in CLAUSE_BREAK.finditer(text)), len(text)]
    clauses = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]
    at = next(i for i, (a, b) in enumerate(clauses) if a <= quantity.start < b)
    first = last = at

    def words(i: int, j: int) -> int:
        return len(text[clauses[i][0] : clauses[j][1]].split())

    # Grow to a neighbouring clause while the figure's reads short: the one before first (it
    # holds the subject: "The death toll in Derna rose | to 11,300, | the Red Crescent said").
    while words(first, last) < settings.current().figure_clause_words:
        if first > 0 and words(first - 1, last) <= limit:
            first -= 1
        elif last < len(clauses) - 1 and words(first, last + 1) <= limit:
            last += 1
        else:
            break
    if words(first, last) > limit + 4:  # the same slack as for a whole sentence
        return window(text, quantity, limit)
    start, end = clauses[first][0], clauses[last][1]
    shown = text[start:end].strip().rstrip(",;:—–").strip()
    return ("…" if start > 0 else "") + shown + ("…" if end < len(text) else "")


# Where a sentence divides into clauses: after a comma, semicolon or colon, around a dash.
CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[—–]\s+")


def window(text: str, quantity: Quantity, limit: int) -> str:
    """The `limit` words around the figure, verbatim, a cut marked with an ellipsis."""
    words = text.split(" ")
    at = len(text[: quantity.start].split(" ")) - 1
    first = max(0, min(at - limit // 2, len(words) - limit))
    last = min(first + limit, len(words))
    while 0 < first < at and words[first][:1].isupper() and words[first - 1][:1].isupper():
        first -= 1  # start at the name's first word: "Costa Rica", not "…Rica"
    # Never end on a word that leads into the cut ("customers out of…") or inside a name
    # ("a liquidity line to Credit…" of Credit Suisse): step back to the last full phrase.
    while (
        at < last - 1
        and last < len(words)  # a window that reaches the sentence's end is cut nowhere
        and (
            words[last - 1].lower().strip(",;") in LEADS_ON
            or words[last - 2].lower() in ("a", "an", "the")  # "…and a total…" of "a total of 821"
            or (words[last - 1][:1].isupper() and words[last][:1].isupper())
        )
    ):
        last -= 1
    shown = " ".join(words[first:last]).strip(" ,;")
    return ("…" if first > 0 else "") + shown + ("…" if last < len(words) else "")


# Words that lead into what follows them: a cut right after one leaves the phrase open.
LEADS_ON = {
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "out",
    "and", "or", "but", "as", "than", "that", "which", "who", "whose", "one", "two", "its", "his",
    "her", "their", "our", "this", "these", "those", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "will", "would", "could", "should", "may", "might", "not", "no",
    "after", "before", "during", "over", "under", "about", "against", "between", "through",
    "while", "when", "where", "if", "because", "since", "until", "having", "being",
}  # fmt: skip
