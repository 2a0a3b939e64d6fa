"""Numbers in news sentences, tied to what they count: "more than 5,200 dead", "$2 billion".

A quantity is a value (or a range) with its qualifier ("at least", "about", "up to"), its unit
(a currency, a percent, a count) and the thing it measures, found by the grammar of news
writing: the noun the number modifies ("11,300 people ... missing"), or the noun phrase it is the
value of ("the death toll ... rose to 11,300", "buy the bank for 3 billion francs"). Deterministic
and fast; a number whose measured thing cannot be told is kept with thing None and never compared.
The amount itself (digits or words, scale, qualifier, range, unit) is read in `text.amounts`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .amounts import (
    QUALIFIERS,
    QUANTITY,
    SCALES,
    not_a_measure,
    number_value,
    precision,
    unit_of,
)
from .dates import WEEKDAYS
from .numbers import NUMBER_WORDS

WORD = re.compile(r"[A-Za-z][\w’'-]*|\d[\d,.]*|[,;:()“”\"—–]")

# What a number counts -> the thing measured. Nouns a number modifies ("5,200 dead") and nouns
# whose value a number is ("the death toll rose to 5,200"). Plural and singular forms.
THINGS = {
    "dead": "dead", "deaths": "dead", "death": "dead", "killed": "dead", "died": "dead",
    "killing": "dead", "injuring": "injured", "wounding": "injured", "displacing": "displaced",
    "fatalities": "dead", "casualties": "dead", "toll": "dead", "lives": "dead",
    "missing": "missing", "injured": "injured", "wounded": "injured", "injuries": "injured",
    "hurt": "injured", "homeless": "displaced", "displaced": "displaced",
    "evacuated": "displaced", "survivors": "survivors", "rescued": "rescued",
    "complaints": "complaints", "assaults": "assaults", "suspects": "suspects",
    "cases": "cases", "infections": "cases",
    "arrests": "arrests", "arrested": "arrests", "detained": "arrests", "detention": "arrests",
    "custody": "arrests", "investigating": "suspects", "investigated": "suspects",
    "victims": "victims", "affected": "affected", "exposed": "affected", "impacted": "affected",
    "compromised": "affected", "stolen": "affected", "accessed": "affected",
    "votes": "votes", "vote": "votes", "seats": "seats", "turnout": "turnout",
    "tonnes": "tonnes", "tons": "tonnes", "barrels": "barrels",
    "counts": "counts", "charges": "counts", "jobs": "jobs", "employees": "staff",
    "troops": "troops", "soldiers": "troops", "passengers": "passengers",
    "layoffs": "jobs cut", "redundancies": "jobs cut",
    "discharged": "discharged",
    "abstentions": "abstentions", "abstained": "abstentions", "abstaining": "abstentions",
    "hostages": "hostages", "captives": "hostages", "abducted": "hostages",
    "kidnapped": "hostages", "hostage": "hostages",
}  # fmt: skip
# Measures that every contender of a story has one of (each candidate his votes and share, each
# party its seats): two values of them are rival figures only when they belong to one holder.
# A company's shares move as each contender's votes are counted: "Intel shares plunged 19
# percent" and "UBS shares fell 14%" are two companies' moves, compared only for one holder.
# Measures of bulk, compared only for one named material ("tonnes of ammonium nitrate").
BULK = {"tonnes", "barrels"}
AUXILIARIES = {
    "had", "has", "have", "was", "were", "is", "are", "be", "been", "will", "would", "could",
    "can", "may", "might",
}  # fmt: skip
PREPOSITIONS = {"to", "from", "in", "at", "on", "into", "for", "by", "with"}
CONTESTED = {"votes", "vote share", "seats", "share price fall", "share price rise"}
# Verbs that cut jobs: the jobs cut are not the staff a company employs.
CUTS = {
    "cut", "cuts", "cutting", "slash", "slashes", "slashing", "eliminate", "eliminates",
    "eliminating", "off", "shed", "sheds", "shedding", "axe", "axes", "axing", "reduce",
    "reducing", "layoffs", "lay", "laying",
}  # fmt: skip
HEDGES = {
    "about", "around", "some", "nearly", "roughly", "approximately", "than", "more", "over",
    "up", "to", "almost", "another", "an", "additional", "a", "further",
}  # fmt: skip


def without_hedges(words: list[str], hedges: set[str] = HEDGES) -> list[str]:
    """The words before a number without the hedges next to it ("cut more than", "killing at
    least"): what is left ends on the word that says what the number counts."""
    end = len(words)
    while end and words[end - 1] in hedges:
        end -= 1
    return words[:end]


def cuts(preceding: list[str]) -> bool:
    """The verb right before the number (past "about", "more than" ...) cuts jobs; "reduce
    headcount to about 100,000" gives what remains."""
    words = without_hedges(preceding)
    return bool(words) and words[-1] in CUTS


# Things that name the people counted, not what happened to them.
WHO = ("passengers", "troops", "staff", "victims", "survivors", "jobs")
COORDINATORS = {"and", "or", "but", "while", "whereas"}
# What a count of jobs cut may be told as: a share of the workforce, then the people it is
# ("cut more than 15% of its workforce, around 17,500 people", "..., amounting to 15,000 jobs").
WORKFORCE = {
    "workforce", "staff", "employees", "jobs", "headcount", "positions", "workers", "roles",
}  # fmt: skip
APPOSITION = {
    ",",
    "or",
    "amounting",
    "equal",
    "equivalent",
    "representing",
    "totaling",
    "totalling",
}


def cut_in_apposition(preceding: list[str]) -> bool:
    """A count set beside the share of a workforce cut just before it is the jobs cut."""
    words = without_hedges(preceding, HEDGES - {"to"})
    if words[-2:] in (["amounting", "to"], ["equal", "to"], ["equivalent", "to"]):
        words.pop()
    if not words or words[-1] not in APPOSITION:
        return False  # "cut its workforce by a third, to 6,000 employees": what remains
    window = words[-11:-1]
    return any(w in CUTS and WORKFORCE & set(window[n + 1 : n + 7]) for n, w in enumerate(window))


def counts_cut(clause: list[str]) -> bool:
    """The number is the value of jobs cut: "the number of jobs it plans to cut would be more
    than 18,500"; not a plant "which employs 4,000" where jobs are being cut."""
    jobs = [n for n, w in enumerate(clause) if w in WORKFORCE - {"workforce"}]
    if not jobs or {"employs", "employ", "employed", "employing", "headcount"} & set(clause):
        return False
    return any(w in CUTS for w in clause[jobs[0] + 1 :])


# Where people live: "a city with around 900,000 residents", "home to about 800,000 people",
# "a region more than a million residents call home", "a population of 4.5 million".
SETTLEMENTS = {
    "city", "town", "village", "region", "country", "island", "state", "province", "area",
    "nation", "capital", "port", "resort", "metropolis",
}  # fmt: skip


def lives_there(preceding: list[str], following: list[str]) -> bool:
    tail = preceding[-4:]
    pairs = list(zip(tail, tail[1:], strict=False))
    if {("home", "to"), ("population", "of")} & set(pairs) or following[:2] == ["call", "home"]:
        return True
    words = without_hedges(preceding)
    return words[-1:] in (["of"], ["with"]) and len(words) > 1 and words[-2] in SETTLEMENTS


# Nouns for people in general: what they count is told by the verb or adjective that follows
# ("10,100 people are reported missing", "143 million consumers may have been affected").
PEOPLE = {
    "people", "persons", "individuals", "residents", "citizens", "consumers", "customers",
    "users", "men", "women", "children", "others", "civilians", "migrants", "refugees",
    "protesters", "demonstrators", "tourists", "pilgrims", "fishermen", "villagers",
    "americans", "britons", "brits", "canadians", "australians", "germans", "europeans",
}  # fmt: skip
# Words after a count of people that are not a noun it modifies: "50,000 Lebanese and ...",
# "130 Israelis have lost their lives".
AFTER_PEOPLE = {
    "and", "or", "but", "who", "were", "are", "was", "is", "have", "has", "had", "will", "would",
    "in", "from", "on", "at", "to", "as", "killed", "died", "dead", "injured", "wounded",
}  # fmt: skip
# Nationals counted as such ("more than 130 Israelis", "40 Palestinian prisoners"; "3,800
# people in Lebanon" is another count): where the people counted are from, read only from the
# word after the number. Plural, adjective, code.
NATIONALITIES = [
    ("israelis", "israeli", "IL"), ("palestinians", "palestinian", "PS"),
    ("syrians", "syrian", "SY"), ("iraqis", "iraqi", "IQ"), ("iranians", "iranian", "IR"),
    ("afghans", "afghan", "AF"), ("pakistanis", "pakistani", "PK"), ("indians", "indian", "IN"),
    ("russians", "russian", "RU"), ("ukrainians", "ukrainian", "UA"), ("turks", "turkish", "TR"),
    ("egyptians", "egyptian", "EG"), ("libyans", "libyan", "LY"), ("yemenis", "yemeni", "YE"),
    ("saudis", "saudi", "SA"), ("jordanians", "jordanian", "JO"), ("somalis", "somali", "SO"),
    ("nigerians", "nigerian", "NG"), ("kenyans", "kenyan", "KE"),
    ("ethiopians", "ethiopian", "ET"), ("mexicans", "mexican", "MX"),
    ("brazilians", "brazilian", "BR"), ("colombians", "colombian", "CO"),
    ("venezuelans", "venezuelan", "VE"), ("haitians", "haitian", "HT"), ("cubans", "cuban", "CU"),
    ("italians", "italian", "IT"), ("spaniards", "spanish", "ES"), ("greeks", "greek", "GR"),
    ("poles", "polish", "PL"), ("filipinos", "filipino", "PH"),
    ("indonesians", "indonesian", "ID"), ("koreans", "korean", "KR"), ("thais", "thai", "TH"),
    ("lebanese", "lebanese", "LB"), ("chinese", "chinese", "CN"), ("japanese", "japanese", "JP"),
    ("vietnamese", "vietnamese", "VN"), ("sudanese", "sudanese", "SD"),
    ("bangladeshis", "bangladeshi", "BD"), ("nepalis", "nepali", "NP"), ("swiss", "swiss", "CH"),
    ("french", "french", "FR"), ("dutch", "dutch", "NL"), ("irish", "irish", "IE"),
    ("chileans", "chilean", "CL"), ("peruvians", "peruvian", "PE"),
    ("argentines", "argentine", "AR"), ("moroccans", "moroccan", "MA"),
    ("algerians", "algerian", "DZ"), ("tunisians", "tunisian", "TN"),
]  # fmt: skip
NATIONALS = {word: code for *words, code in NATIONALITIES for word in words}
# How a place code reads in a label: "Death toll (Palestinians)", not "(PS)".
PEOPLE_OF = {code: plural.capitalize() for plural, _, code in NATIONALITIES} | {
    "US": "Americans",
    "UK": "Britons",
    "CA": "Canadians",
    "AU": "Australians",
    "DE": "Germans",
}
PEOPLE |= {plural for plural, _, _ in NATIONALITIES}
# Countries a count can be told "in": "1,541 people in Turkey" are not Syria's 326.
COUNTRIES = {
    "turkey": "TR", "türkiye": "TR", "syria": "SY", "lebanon": "LB", "israel": "IL",
    "gaza": "PS", "iraq": "IQ", "iran": "IR", "afghanistan": "AF", "pakistan": "PK",
    "india": "IN", "russia": "RU", "ukraine": "UA", "egypt": "EG", "libya": "LY", "yemen": "YE",
    "saudi arabia": "SA", "jordan": "JO", "somalia": "SO", "nigeria": "NG", "kenya": "KE",
    "ethiopia": "ET", "mexico": "MX", "brazil": "BR", "colombia": "CO", "venezuela": "VE",
    "haiti": "HT", "cuba": "CU", "italy": "IT", "spain": "ES", "greece": "GR", "poland": "PL",
    "philippines": "PH", "indonesia": "ID", "south korea": "KR", "thailand": "TH", "china": "CN",
    "japan": "JP", "vietnam": "VN", "sudan": "SD", "bangladesh": "BD", "nepal": "NP",
    "switzerland": "CH", "france": "FR", "netherlands": "NL", "ireland": "IE", "chile": "CL",
    "peru": "PE", "argentina": "AR", "morocco": "MA", "algeria": "DZ", "tunisia": "TN",
    "germany": "DE", "canada": "CA", "australia": "AU",
}  # fmt: skip
# What a breach takes from people: "the personal information of 143 million people".
RECORDS = {"data", "information", "records", "details"}
# Where people counted live: a count of Britons is not a count of Americans.
PLACES = {
    "americans": "US", "american": "US", "u.s.": "US", "us": "US", "united states": "US",
    "britons": "UK", "brits": "UK", "british": "UK", "uk": "UK", "u.k.": "UK", "britain": "UK",
    "canadians": "CA", "canadian": "CA", "canada": "CA", "australians": "AU", "germans": "DE",
    "german": "DE",
}  # fmt: skip
# Sums of money: what they pay for is told by the words around them.
MONEY_THINGS = {
    "price": ("buy", "buys", "bought", "pay", "pays", "paid", "price", "offer", "acquire",
              "acquisition", "takeover", "purchase", "sale", "sell", "deal"),
    # What a company was once worth is no price paid: "valued at $9 billion at its peak".
    "valuation": ("valued", "valuation", "worth"),
    "restitution": ("restitution", "forfeit", "forfeiture", "forfeited"),
    # What a buyer raised to pay: "secured $46.5 billion in financing for the takeover".
    "financing": ("financing",),
    "support": ("liquidity", "assistance", "guarantees", "guarantee", "loans", "backstop",
                "bailout", "support", "lifeline", "rescue", "backing"),
    "losses": ("lost", "loss", "losses", "stole", "steal", "stolen", "misappropriated",
               "defrauded", "fraud", "embezzled"),
    "fine": ("fine", "fined", "penalty", "settlement", "damages"),
    "bribes": ("bribe", "bribes", "bribery", "kickbacks", "kickback"),
    "savings": ("save", "saves", "saving", "savings"),  # next to the sum only
    # What a disaster destroyed, or what rebuilding costs: "damage ... estimated at $6 billion".
    "damage": ("damage", "rebuild", "rebuilding", "reconstruction", "repairs"),
    # A tax bill: "€13 billion in back taxes", "a €13 billion Irish tax bill".
    "taxes": ("tax", "taxes"),
    # What a debtor owes in all: "more than $300 billion in liabilities" ("owes $23 billion in
    # offshore debt" is a part).
    "liabilities": ("liabilities", "liability"),
}  # fmt: skip
# Nouns that stand for a figure just given: "put the number at 5,500", "that figure".
ANAPHORS = {"number", "figure", "tally", "count", "estimate", "total"}
# "lower than the 20,000 a spokesperson gave": another figure for the same thing, set against it.
RIVAL_BEFORE = re.compile(
    r"\b(?:lower|higher|fewer|greater|smaller|larger|less|more|above|below)\s+than\s+the\s+$", re.I
)
# "Equifax previously said up to 100,000 ...": a figure the article sets against a later one.
EARLIER_BEFORE = re.compile(
    r"\b(?:previously|initially|earlier|originally|first)\s+"
    r"(?:said|put|estimated|reported|gave|announced|put\s+the\s+\w+\s+at)(?:\s+that)?\s+$",
    re.I,
)
# "Despite Massa's victory in the Primary round with 38% of the votes": an earlier round's
# figure, not one of the result's.
EARLIER_ROUND = re.compile(
    r"\b(?:first|primary|previous|earlier|opening)\s+round\b[^.;]{0,40}$|\bprimaries\b[^.;]{0,40}$",
    re.I,
)
# "slightly less than the 28.5% in the first round", "lower than the 69.4% at the same time on
# April 23": another occasion's figure, set beside this one's.
EARLIER_AFTER = re.compile(
    r"\W*(?:in|during|at) the (?:first|previous|earlier|last) (?:round|vote|election|ballot)\b"
    r"|\W*at the same (?:time|point|stage|hour) (?:on|in|of|last|during)\b",
    re.I,
)
# "needed over 50 per cent", "requires a two-thirds majority", "a threshold of 50%": what it
# takes, not what anyone has.
REQUIRED_BEFORE = re.compile(
    r"(?<!\bin )\b(?:need(?:s|ed|ing)?|requir(?:e|es|ed|ing)|must (?:win|get|take|secure|reach)|"
    r"threshold of)\s+(?!to\b)(?:\w+\s+){0,2}$",
    re.I,
)
# The subject counted beside someone already counted: "Three others, including a woman, were
# arrested"; not what a verb counts ("injured 12 others"), nor "12 passengers and two others".
OTHERS = re.compile(r"\s*others\b", re.I)
INCREMENT_BEFORE = re.compile(r"\b(?:an?\s+)?(?:additional|another|extra|further)\s+$", re.I)
# An age, not a count: after "aged 4, 6 and", "20 children ages 6 and", "between the ages of 6
# and", "age 65 or" the number that follows is an age too. A list closed by "and" or a single
# age ends at a comma: in "Between the ages of 6 and 10, 21 children were killed" 21 is the toll.
AGE_BEFORE = re.compile(
    r"\b(?:aged|ages)\s+(?:of\s+)?(?:\d+\s*,\s*)*(?:\d+\s*(?:and|or|to|-)\s*)?$"
    r"|\bage\s+(?:of\s+)?(?:\d+\s*(?:and|or|to|-)\s*)?$",
    re.I,
)
# A breakdown of a whole by some trait: "By age group, the 50s had the most with 40 passengers".
BREAKDOWN = re.compile(
    r"^\W*By\s+(?:age|gender|sex|nationality|region|province|state|district|country)"
    r"(?:\s+groups?)?\s*,",  # "By age group, ..."; not "By state media's count, 33 died"
    re.I,
)
# A count of one part of what the story counts: "In just one church, ... more than 50 people had
# been killed", "25 people were also killed in an attack on a church in Batticaloa", "221 deaths
# in rebel-held northwest Syria". Not a rival of the whole's toll.
AREA_HELD = (
    r"in\s+(?:the\s+)?(?:\w+\s+)?(?:rebel|government|opposition|regime|militant|insurgent)"
    r"[- ](?:held|controlled)\b"
)
PART_BEFORE = re.compile(
    r"\b(?:in|at)\s+(?:just|only)\s+(?:one|a\s+single)\s+(?!(?:hour|day|night|week|month|"
    r"year|minute|morning|afternoon|evening|weekend|moment)s?\b)\w",
    re.I,
)  # "In just one church ...": a place; "In just one hour" is a time
PART_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:also\s+(?:been\s+)?(?:killed|died|dead)\b|" + AREA_HELD + ")",
    re.I,
)  # "22 others were also wounded" beside the dead are the wounded: no part


@dataclass(frozen=True)
class Quantity:
    """A number in a sentence with what it measures; `span` is verbatim from the sentence."""

    span: str
    phrase: str  # the span with the noun it counts: "30 people from North African countries"
    low: float
    high: float
    value: float
    qualifier: str
    unit: str  # "count", "percent", or a currency code
    thing: str | None
    place: str | None = None
    start: int = 0
    increment: bool = False  # "an additional 2.5 million": a change, not a total
    rival: bool = False  # "lower than the 20,000 (another source) gave": a value it disputes
    refers_back: bool = False  # "put the number at 5,500": the thing is the one just named
    headed: bool = False  # "10,100 people": the number modifies a noun (not "the toll is 11,300")
    rounding: float = 0.0  # half its last written digit, taken on each side of an exact figure
    country: str | None = None  # the one country its sentence names (a place, in a story of two)

    @property
    def measure(self) -> str | None:
        """What is measured, without the material of a bulk measure: "tonnes of refined oil" and
        "tonnes of oil" are both tonnes, which one finding may state for another."""
        bulk = self.thing and self.thing.split(" of ")[0]
        return bulk if bulk in BULK else self.thing

    @property
    def comparable(self) -> bool:
        """Whether its thing is specific enough to set against another source's figure: "people"
        alone and the counts of an indictment (parts of a whole) are not."""
        return self.thing not in (None, "people", "tonnes", "barrels")

    def compatible(self, other: Quantity, *, as_written: bool = False) -> bool:
        """Whether both can be true at once: their readings overlap. `as_written`: without
        reading a rounded figure as a range ("51%" is then not "50.8%")."""
        if self.qualifier in APPROXIMATE and other.qualifier in APPROXIMATE:
            # "about 800,000" and "around 900,000" residents differ; "about 40" and "43" agree
            near = APPROXIMATE[self.qualifier]
            return abs(self.value - other.value) <= near * max(self.value, other.value)
        if as_written:
            slack = 1e-9 * max(abs(self.value), abs(other.value), 1.0)  # float error, not a gap
            return (
                self.low + self.rounding <= other.high - other.rounding + slack
                and other.low + other.rounding <= self.high - self.rounding + slack
            )
        if self.low > other.high or other.low > self.high:
            return False
        # Rounded readings that only touch are two figures of one precision ("7.0" and "7.1"),
        # not one figure rounded two ways; a range or a bound that reaches the other stays.
        touch = min(self.high, other.high) - max(self.low, other.low)
        slack = 1e-9 * max(abs(self.value), abs(other.value), 1.0)
        rounded = self.rounding > 0 and other.rounding > 0
        return not (rounded and touch <= slack)


# Qualifiers of a round figure, and how far apart two such figures of one thing may be: two
# sources that both round say more than one rounding does.
APPROXIMATE = {"about": 0.05, "around": 0.05, "roughly": 0.05, "some": 0.05, "approximately": 0.05}


def find_quantities(sentence: str) -> list[Quantity]:
    """Every number of the sentence that measures something, with its reading and thing."""
    found: list[Quantity] = []
    for match in QUANTITY.finditer(sentence):
        quantity = read_quantity(sentence, match)
        if quantity is None:
            continue
        if (
            found
            and quantity.thing == "people"
            and COORDINATED.fullmatch(
                sentence, found[-1].start + len(found[-1].span), match.start()
            )
            and NO_PREDICATE.match(sentence, match.end())
        ):
            # "displaced over 1.2 million Lebanese and 50,000 Israelis": both were displaced.
            quantity = replace(quantity, thing=found[-1].thing)
        elif quantity.thing is None and ELIDED.match(sentence, match.end()):
            # "Awami League bagged 266 seats, while its ally Jatiya Party secured 21.": a bare
            # number after a counted one counts the same thing.
            earlier = [q for q in found if q.thing and q.headed and q.unit == quantity.unit]
            last = earlier[-1] if earlier else None
            between = words(sentence[last.start + len(last.phrase) : match.start()]) if last else []
            parallel = PARALLEL & set(between) and not any(
                w in THINGS or w in CUTS for w in between
            )
            if earlier and parallel:  # not "and wounding more than 500", "up from 30"
                quantity = replace(quantity, thing=earlier[-1].thing, place=earlier[-1].place)
        found.append(quantity)
    return found


# Asides between a count and its predicate: brackets, dashes, ", including several Americans,".
ASIDE = re.compile(r"\([^()]*\)|\s[—–]\s[^—–.]{1,80}\s[—–]\s|,\s+including\s[^,.;]{1,60},")
# ... and the second count ends its clause: not "killed 30 people, and 5,000 residents were left
# without power".
NO_PREDICATE = re.compile(r"\s*[\w’'-]+\s*(?:[.,;)]|$|(?:in|from|on|at|across)\b)")
COORDINATED = re.compile(r"\s*[\w’'-]*\s*(?:,|,?\s*and|,?\s*or)\s*")
# Words that set a second holder's figure beside the first: "266 seats, while its ally Jatiya
# Party secured 21", "135 seats, followed by its key ally the Jatiya Party with 18".
PARALLEL = {"while", "whereas", "followed", "against", "compared", "versus", "vs"}
ELIDED = re.compile(r"\s*(?:[.,;)]|$)")


def quantities_in_order(texts: list[str]) -> list[list[Quantity]]:
    """The quantities of consecutive sentences of one article; a number given as "the number"
    or "that figure" takes the measured thing of the last figure of the two sentences before."""
    result: list[list[Quantity]] = []
    last: list[tuple[int, Quantity]] = []  # sentence index, quantity with a thing
    for n, text in enumerate(texts):
        found = find_quantities(text)
        recent = [q for k, q in last if n - k <= 2]
        # "The number" points back to a figure given as the value of a noun phrase ("the number
        # of casualties has risen to 11,300") before one that merely counts people.
        recent.sort(key=lambda q: not q.headed)
        resolved = []
        for k, quantity in enumerate(found):
            if quantity.rival and k and found[k - 1].thing:
                quantity = replace(quantity, thing=found[k - 1].thing, place=found[k - 1].place)
            elif quantity.refers_back and recent:
                quantity = replace(quantity, thing=recent[-1].thing, place=recent[-1].place)
            if quantity.thing:
                last.append((n, quantity))
            resolved.append(quantity)
        result.append(resolved)
    return [[settle_increment(q, n, result) for q in found] for n, found in enumerate(result)]


def settle_increment(quantity: Quantity, n: int, article: list[list[Quantity]]) -> Quantity:
    """ "An additional 2.5 million" is a change only next to a total of the same thing; "another
    10,100 people are missing" after a death toll is a figure of its own."""
    if not quantity.increment:
        return quantity
    nearby = [q for found in article[max(0, n - 2) : n + 3] for q in found if q is not quantity]
    if any(q.thing == quantity.thing and not (q.increment or q.rival) for q in nearby):
        return quantity
    return replace(quantity, increment=False)


def read_quantity(sentence: str, match: re.Match[str]) -> Quantity | None:
    value = number_value(match.group("num"))
    if value is None or not_a_measure(sentence, match):
        return None
    if sentence[: match.start()].rstrip().endswith(("(", "[")):
        return None  # "3 billion francs ($3.2 billion)": a conversion of the figure before
    scale = SCALES.get((match.group("scale") or "").strip(" -").lower(), 1.0)
    value *= scale
    if match.group("between") and not match.group("num2"):
        return None  # "between five and six-year-olds": no range, and no figure
    if match.group("num2"):
        second = number_value(match.group("num2")) or 0.0
        scale2 = SCALES.get((match.group("scale2") or "").strip(" -").lower(), scale)
        if scale2 != scale and scale == 1.0 and value < second:
            value *= scale2  # "between 10 and 15 million", "$5 to $7 billion": one scale for both
        low, high = sorted((value, second * scale2))
        half = 0.0
    else:
        half = precision(match.group("num"), scale)
        low, high = value - half, value + half
    qualifier = (match.group("qual") or "").lower()
    if qualifier:
        lo, hi = QUALIFIERS[qualifier]
        low, high, half = value * lo, value * hi, 0.0
    unit = unit_of(match)
    if unit.endswith("-cent"):  # "76 centimes" is 0.76 francs
        unit, value, low, high, half = unit[:-5], value / 100, low / 100, high / 100, half / 100
    if unit == "count" and value < 2 and not match.group("num2"):
        return None  # "one of the", "a single": rarely a figure worth comparing
    # Conversions and asides: "44 buildings — homes, schools and office buildings — had toppled".
    after = ASIDE.sub(" ", sentence[match.end() :])
    before = sentence[: match.start()]
    thing, place = thing_of(before, after, unit)
    counted = place is None and thing in (*CASUALTIES, "people")
    country = (country_after(words(after)[:6]) or only_country(sentence)) if counted else None
    increment = bool(INCREMENT_BEFORE.search(before))
    clause = after_clause_start(words(before)[-10:])
    refers_back = thing is None and any(
        word in ANAPHORS and clause[n + 1 : n + 2] != ["of"] for n, word in enumerate(clause)
    )
    if OTHERS.match(after) and re.search(r"(?:^\W*|\bthe\s+|[,;]\s+)$", before):
        thing = None  # "Three others were arrested": counted beside someone, not a total
    if re.match(r"\W*(?:\w+\W+){0,3}?elsewhere\b", after, re.I):
        thing = None  # "killed 170 people elsewhere in the country": another place's count
    if unit == "count" and (AGE_BEFORE.search(before) or BREAKDOWN.match(sentence)):
        thing = None  # an age, or one row of a breakdown
    if thing in CASUALTIES and (PART_BEFORE.search(before[-120:]) or PART_AFTER.match(after)):
        thing = None  # one church's or one region's dead: a part, not the toll
    if thing == "hostages":
        thing = hostages(words(before)[-5:] + words(after)[:12])
    if REQUIRED_BEFORE.search(before):
        thing = None  # "needed more than 50 percent of the vote": a threshold, not a result
    if EARLIER_ROUND.search(before) or EARLIER_AFTER.match(after):
        thing = None  # "victory in the Primary round with 38%": an earlier round's, not compared
    rival = bool(RIVAL_BEFORE.search(before) or EARLIER_BEFORE.search(before))
    rival = rival and not EARLIER_AFTER.match(after)  # another occasion's, not a rival figure
    headed = any(w in THINGS or w in PEOPLE for w in until_clause_end(words(after))[:3])
    return Quantity(
        refers_back=refers_back,
        headed=headed,
        rival=rival,
        increment=increment,
        span=match.group(0).strip(),
        phrase=noun_phrase(sentence, match),
        low=low,
        high=high,
        value=value,
        qualifier=qualifier,
        unit=unit,
        thing=thing,
        place=place,
        start=match.start(),
        rounding=half,
        country=country,
    )


TAIL_WORD = re.compile(r"\s+([\w’'-]+)")


def noun_phrase(sentence: str, match: re.Match[str]) -> str:
    """The number with the noun it counts (one of its first three words) and a short
    "from/of/in" complement, verbatim; the number alone when no counted noun follows it."""
    end, taken = match.end(), []
    for _ in range(6):
        word = TAIL_WORD.match(sentence, end)
        if not word:
            break
        taken.append((word.group(1).lower(), word.end()))
        end = word.end()
    heads = []
    for n, (w, _) in enumerate(taken[:3]):
        if w in COORDINATORS:
            break  # "killing at least 294 and injuring hundreds": the next clause's verb
        if w in THINGS or w in PEOPLE or w in BUILDINGS:
            heads.append(n)
    if not heads:
        return match.group(0).strip()
    last = heads[0]
    following = [w for w, _ in taken[last + 1 : last + 3]]
    # A noun's complement belongs to it ("30 people from North African countries"); a verb's
    # does not ("about 5,000 wounded in a massive explosion": where, not who).
    participle = taken[last][0].endswith("ed")
    complement = following[:1] in (["from"], ["of"], ["in"]) and not participle
    if complement or following in (["relating", "to"], ["related", "to"]):
        last = min(last + 3, len(taken) - 1)
    while last > heads[0] and taken[last][0] in ("and", "or", "the", "a", "an", "to", "of", "in"):
        last -= 1
    return sentence[match.start() : taken[last][1]].strip()


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def thing_of(before: str, after: str, unit: str) -> tuple[str | None, str | None]:
    """The thing the number measures, and where the people it counts live."""
    following = words(after)[:8]
    preceding = words(before)[-16:]
    place = place_of(preceding[-3:], following[:6])
    if unit in ("count", "percent"):
        return count_thing(preceding, following, unit), place
    return money_thing(preceding, following), place


CASUALTIES = ("dead", "injured", "displaced", "missing")


# People counted together with the passengers, troops or staff before them: "passengers and
# crew", "soldiers and civilians".
ALONGSIDE = ("crew", "crewmembers", "civilians", "staff", "pilots", "others")


# What makes cases lawsuits: "cases against Google", "dismissed 60 cases brought by".
LEGAL = {
    "against", "court", "courts", "filed", "heard", "dismissed", "brought", "pending", "legal",
    "judge", "judges", "lawsuits", "involving", "tribunal",
}  # fmt: skip


def all_but(preceding: list[str]) -> str | None:
    """ "All but two of the 181 people on board died", "killed all but two out of 181
    passengers": the two are the exception ("exception"), the 181 everyone ("whole"), and
    neither is the count the verb tells."""
    if preceding[-2:] == ["all", "but"]:
        return "exception"
    tail = preceding[-6:]
    for n in range(len(tail) - 2):
        if tail[n : n + 2] == ["all", "but"] and {"of", "out"} & set(tail[n + 3 :]):
            return "whole"
    return None


# What was done to the things a number counts, when no list above names them: "at least 540
# flights ... had been canceled", "the exchange of 26 individuals". Open nouns, a closed set of
# verbs: two sources' counts compare only with the same noun and verb.
# The name a measure takes, and the forms of its verb (a noun of the act before "of" too).
EVENT_VERBS = {
    "cancelled": ("cancel", "cancels", "canceled", "cancelled", "canceling", "cancelling"),
    "delayed": ("delay", "delays", "delayed", "delaying"),
    "grounded": ("grounded", "grounding"),
    "diverted": ("diverted", "diverting"),
    "derailed": ("derailed", "derailing"),
    "exchanged": ("exchange", "exchanged", "exchanging", "swap", "swapped", "swapping"),
    "recalled": ("recall", "recalled", "recalling"),
    "deported": ("deported", "deporting", "deportation"),
    "launched": ("launched", "launching"),
    # ships or travellers held up: "453 ships waiting", "a backlog of 422 ships", "437 vessels
    # were halted in line", "5,000 passengers stranded"
    "waiting": ("waiting", "queued", "queuing", "backlog", "halted", "stuck", "stranded"),
}  # fmt: skip
# Who freed or fired is not in the count: "Russia freed 16 people" and "the US released eight"
# are two sides of one swap, "police fired 12 rounds" and "the gunman fired 1,000" two shooters.
EVENT_VERB = {form: name for name, forms in EVENT_VERBS.items() for form in forms}
# Plural nouns a number modifies that are no thing to compare: time, distance, size, money.
NOT_EVENT_NOUNS = {
    "years", "months", "weeks", "days", "hours", "minutes", "seconds", "times", "percent",
    "points", "miles", "kilometres", "kilometers", "km", "metres", "meters", "feet", "yards",
    "inches", "degrees", "dollars", "euros", "pounds", "others", "ones", "things", "ways",
    "countries", "nations", "states", "cities", "languages", "pages", "words",
}  # fmt: skip
BE = {"was", "were", "is", "are", "been", "be", "had", "has", "have", "being", "to", "reportedly"}


def event_thing(preceding: list[str], noun: str, rest: list[str]) -> str | None:
    """ "flights cancelled", "people exchanged": the plural `noun` the number modifies and the act
    done to it, said by the verb right before the number ("grounded 40 planes", "the exchange of
    26 ..."), or after the noun, past a short phrase of place ("540 flights in the U.S. had been
    canceled")."""
    plural = noun.isalpha() and noun.endswith("s") and len(noun) > 3
    if noun != "people" and (not plural or noun in NOT_EVENT_NOUNS):
        return None
    if {"every", "each", "per", "daily"} & set(until_clause_end(rest)[:8]):
        return None  # "release 12 women and children every night": a rate, not a total
    before = without_hedges(preceding)
    act = EVENT_VERB.get(before[-1]) if before else None
    if act is None and before[-1:] == ["of"]:
        # "the exchange of 26 individuals", "the swap of a total of 24 prisoners"
        tail = before[-6:]
        act = next(
            (
                EVENT_VERB[w]
                for n, w in enumerate(tail[:-1])
                if w in EVENT_VERB and tail[n + 1] == "of"
            ),
            None,
        )
    if act is None:
        for n, word in enumerate(rest[:8]):
            # a participle, right after the noun or after "be": "flights were canceled", "540
            # flights in the U.S. had been canceled"; not a noun further on ("the fire")
            participle = (n == 0 and word.endswith(("ed", "ing", "stuck"))) or (
                word.endswith(("ed", "stuck")) and n > 0 and rest[n - 1] in BE
            )
            if word in EVENT_VERB and participle:
                act = EVENT_VERB[word]
                break
            if word in (",", ";", "(", "and", "or", "but", "while", "who", "which", "that"):
                break
            if word[:1].isdigit():
                break
    # people of one act are one count: "24 prisoners" swapped and "26 individuals" exchanged
    noun = "people" if noun in ("prisoners", "detainees", "inmates", "persons") else noun
    noun = "ships" if noun in ("vessels", "boats") else noun  # "437 vessels" and "453 ships"
    return f"{noun} {act}" if act else None


def count_thing(preceding: list[str], following: list[str], unit: str) -> str | None:
    # The noun the number modifies, skipping up to two modifiers ("359 sexual assaults").
    clause_after = until_clause_end(following)
    exception = all_but(preceding)
    if exception == "exception":
        return None
    if exception == "whole" and clause_after[:1] and clause_after[0].isalpha():
        return "people"  # "all but two of the 181 passengers and crew", "... of the 12 miners"
    if clause_after[:2] == ["out", "of"] and clause_after[2:3] and clause_after[2][:1].isdigit():
        clause_after = clause_after[3:]  # "288 out of 300 seats": 288 seats
    share = percent_thing(preceding, clause_after) if unit == "percent" else None
    if share:
        return share  # "50.8 percent of the vote", "50.8 per cent of votes": a share, not a count
    if clause_after[:1] == ["of"] and clause_after[1:2] in (["the"], ["them"], ["whom"], ["its"]):
        return None  # "five of the dead": a part, not the total
    if clause_after[:1] == ["other"]:
        # "with nine other uniformed soldiers behind him": some more, no count of their own;
        # "two other people were critically injured" beside the one killed are the injured
        done = predicate_thing(clause_after[1:])
        return done if done in ("injured", "missing") else None
    if "magnitude" in (*preceding[-1:], *preceding[-2:-1], *clause_after[:1]):
        # "a magnitude 7.0 earthquake", "a magnitude of 7.1", "a 7.1-magnitude"; an aftershock's
        # is another quake's
        later = {"aftershock", "aftershocks", "foreshock", "tremor", "tremors"}
        return None if later & {*preceding[-3:], *clause_after[:3]} else "magnitude"
    for n, word in enumerate(clause_after[:3]):
        if word in COORDINATORS:
            break  # "killing at least 294 and injuring hundreds": the verb before counts it
        if THINGS.get(word) == "counts":
            return None if preceding[-1:] == ["all"] else offence(clause_after[n + 1 :])
        if word in THINGS:
            verb = n > 0 and word.endswith(("ed", "ing"))  # not "5 killed 12 injured"
            if verb and clause_after[n + 1 : n + 2] and clause_after[n + 1][:1].isdigit():
                return None  # "three luxury hotels killed 138 people": the figure is the object
            if THINGS[word] == "votes" and (
                clause_after[n + 1 : n + 3] in (["in", "favor"], ["in", "favour"])
                or clause_after[n + 1 : n + 2] in (["favoring"], ["favouring"])
            ):
                return "votes in favour"  # a motion's tally, not a contender's votes
            if THINGS[word] in ("jobs", "staff") and (
                cuts(preceding) or cut_in_apposition(preceding)
            ):
                return "jobs cut"  # "cutting 15,000 jobs", "lay off 17,500 employees"
            if THINGS[word] == "cases" and LEGAL & {*preceding[-6:], *clause_after[n + 1 :]}:
                return None  # "three EU cases against Google", "60 cases brought by the
                # campaign": lawsuits, not infections
            if THINGS[word] in BULK or THINGS[word] == "cases":
                # "90 cases of clade 1b": cases of one strain, not the whole outbreak's
                return material(THINGS[word], clause_after[n + 1 :])
            if THINGS[word] in ("passengers", "troops", "staff") and (
                clause_after[n + 1 : n + 3] in (["and", w] for w in ALONGSIDE)
            ):
                # "179 passengers and crew members", "troops and civilians": one group and
                # another with no number of its own, counted together as people
                return predicate_thing(clause_after[n + 3 :]) or verb_thing(preceding) or "people"
            # "90 victims who filed complaints", "eight suspects are in detention": the clause
            # after the noun says what exactly is counted.
            done = predicate_thing(clause_after[n + 1 :]) or THINGS[word]
            head = clause_after[0]
            if done == "affected" and verb and head.isalpha() and head not in PEOPLE | RECORDS:
                return f"{head} affected"  # "8.5 million devices ... were affected": no people
            return done
        modified = clause_after[n + 1 : n + 2]
        if (
            word in NATIONALS
            and modified
            and modified[0].isalpha()
            and modified[0] not in AFTER_PEOPLE
        ):
            continue  # "12 Chinese warships", "1,500 French troops": the noun counts
        if word in PEOPLE:
            if cut_in_apposition(preceding):
                return "jobs cut"
            if lives_there(preceding, clause_after[n + 1 :]):
                return "population"
            if preceding[-2:] == ["bodies", "of"]:
                return "dead"  # "the bodies of 21 school children"; not "3,000 bodies buried"
            done = predicate_thing(clause_after[n + 1 :])
            if word == "others" and done == "dead":
                return None  # "two others were found dead": some beside those named, no total
            return (
                done
                or verb_thing(preceding)
                or event_thing(preceding, "people", clause_after[n + 1 :])
                or "people"
            )
        if word in BUILDINGS:
            verb = [w for w in preceding[-1:] if w in DESTROYED or w == "damaged"]
            return buildings_thing(verb, clause_after[n + 1 : n + 6])
    if unit == "percent":
        return None
    noun = next((w for w in clause_after[:2] if w.isalpha() and w not in NATIONALS), None)
    if noun and clause_after[:1] and clause_after[0].isalpha() and noun not in THINGS:
        acted = event_thing(preceding, noun, clause_after[clause_after.index(noun) + 1 :])
        if acted:
            return acted
    # People the lists do not name ("fishermen", "pilgrims"): the verb before the number or the
    # predicate after the noun says what happened to them.
    verb = without_hedges(preceding)
    if verb[-1:] and THINGS.get(verb[-1]) in CASUALTIES:
        return THINGS[verb[-1]]  # "killed 1,200 fishermen", "wounding more than 500"
    if clause_after[:1] and clause_after[0].isalpha():
        done = predicate_thing(clause_after[1:])
        # "1,200 fishermen had been killed"; not "three luxury hotels killed 138 people", where
        # the verb's object is the figure
        if done in CASUALTIES and not any(w[:1].isdigit() for w in clause_after[1:6]):
            return done
    # The number is the value of a noun phrase before it: "the death toll ... reached 5,200",
    # "the number of casualties has risen to 11,300"; the number ends its clause.
    next_word = clause_after[0] if clause_after else ","
    if next_word.isalpha() and next_word not in ("in", "on", "as", "after", "according"):
        return None
    clause_before = after_clause_start(preceding)
    if counts_cut(clause_before):
        return "jobs cut"
    for word in reversed(clause_before):
        if word in ("toll", "deaths", "dead", "fatalities", "casualties", "died", "killed"):
            return "dead"
        if word == "missing":
            return "missing"
    return None


# Buildings a disaster took, by what it did to them: "destroyed 1,200 homes", "3,400 houses were
# damaged"; destroyed and damaged are two counts, never rivals.
BUILDINGS = {"homes", "houses", "buildings", "dwellings", "structures"}
DESTROYED = {
    "destroyed", "flattened", "razed", "collapsed", "levelled", "leveled", "demolished", "toppled",
}  # fmt: skip


def buildings_thing(verb: list[str], predicate: list[str]) -> str | None:
    """The verb right before the number ("destroyed 1,200 homes"), else the predicate after
    the noun up to another clause or figure ("3,000 houses were damaged"); "damaged or
    destroyed" is neither measure."""
    said = set(verb)
    if not said:
        for word in predicate:
            if word in (",", ";") or word[:1].isdigit():
                break
            said.add(word)
    destroyed, damaged = bool(DESTROYED & said), "damaged" in said
    if destroyed == damaged:
        return None
    return "buildings destroyed" if destroyed else "buildings damaged"


def material(unit: str, rest: list[str]) -> str:
    """ "2,750 tonnes of ammonium nitrate": tonnes of one named material, comparable with another
    source's tonnes of it; bare "tonnes" (of what?) are not."""
    if rest[:1] != ["of"]:
        return unit
    named: list[str] = []
    for word in rest[1:3]:  # "ammonium nitrate", "refined petroleum"
        verb = word in AUXILIARIES or (named and word.endswith(("ed", "ing")))  # "supplies landed"
        if not word.isalpha() or word in COORDINATORS or word in PREPOSITIONS or verb:
            break
        named.append(word.lower())
    return f"{unit} of {' '.join(named)}" if named else unit


def offence(rest: list[str]) -> str | None:
    """ "two counts of fraud", "six counts relating to fraud": counts of one offence, comparable
    across sources; "seven counts" alone is the whole indictment, told the same everywhere."""
    if rest[:1] == ["of"]:
        named = rest[1:2]
    elif rest[:2] in (["relating", "to"], ["related", "to"]):
        named = rest[2:3]
    else:
        return None
    at = rest.index(named[0]) if named else 0
    then = rest[at + 1 : at + 3]
    joined = then[:1] == ["and"] and not (
        then[1:] and (then[1] in NUMBER_WORDS or then[1][0].isdigit())
    )
    if not named or not named[0].isalpha() or joined:
        return None  # "counts related to fraud and money laundering": the whole indictment
    return f"counts of {named[0]}"


def predicate_thing(rest: list[str]) -> str | None:
    """What people counted are: "are reported missing", "were killed", "had died"."""
    for n, word in enumerate(rest[:8]):
        if word == "refugees" or homeless(rest[: n + 1]):
            return "displaced"  # "have been forced to live as refugees", "had lost their homes"
        # Not who they are: "793 injured passengers have been discharged"
        if word in THINGS and THINGS[word] not in ("counts", "votes", *WHO):
            return THINGS[word]
        if word in (",", ";", "(", "and", "but", "while", "&") or word[0].isdigit():
            break  # another clause, or another figure: "11K lives lost & 10K missing"
    return None


RELEASE = {
    "release", "releases", "released", "releasing", "free", "frees", "freed", "freeing",
    "exchange", "exchanged", "swap", "swapped", "return", "returned", "handed",
}  # fmt: skip


HELD = {"held", "holding", "holds", "hold", "captive", "captivity", "still", "remain", "remaining"}
TAKEN = {"took", "taken", "captured", "abducted", "kidnapped", "seized", "snatched"}


def hostages(context: list[str]) -> str | None:
    """Hostages held ("still holds 137 hostages"), taken ("took about 240 hostages"), or a
    release, planned or done ("free 50 hostages", "Four hostages ... have since been released"),
    which counts neither."""
    near = set(context)
    if HELD & near:
        return "hostages"
    if RELEASE & near:
        return None
    return "hostages taken" if TAKEN & near else "hostages"


def homeless(words: list[str]) -> bool:
    """Words that end on a home lost: "lost their homes", "(are now) without homes", "have been
    forced from their homes", "fled their homes"."""
    lost = {"lost", "lose", "losing", "fled", "flee", "fleeing"}
    forced = {"forced", "driven"} & set(words[-5:-2]) and {"from", "out"} & set(words[-4:-1])
    return words[-1:] in (["homes"], ["home"]) and (
        words[-2:-1] == ["without"] or bool(lost & set(words[-3:-1])) or bool(forced)
    )


def verb_thing(preceding: list[str]) -> str | None:
    """What the verb right before the number did to the people it counts: "killed about 170
    people", "displaced at least 30,000 people", "exposed personal information of 143 million
    people"."""
    window = after_clause_start(preceding)[-7:]
    while window[-1:] in (["only"], ["just"], ["some"]):
        window = window[:-1]
    if window[-2:] in (["evacuation", "of"], ["evacuations", "of"]):
        return "displaced"  # "sparked the evacuation of 17,000 people"
    if window[-1:] in (["of"], ["from"]) and set(window) & RECORDS:
        window = window[:-1]
    else:
        window = window[-3:]
    for word in reversed(window):
        if word in THINGS and THINGS[word] not in ("counts", "votes"):
            return THINGS[word]
    if window[-1:] and window[-1] in RECORDS:
        return "affected"  # "the data of 145 million Americans"
    return None


def percent_thing(preceding: list[str], following: list[str]) -> str | None:
    moved = share_move(preceding, following)
    if moved:
        return moved
    if "vote" in following[:4] or "votes" in following[:4] or "vote" in preceding[-4:]:
        return "vote share"
    if "turnout" in preceding[-5:] or "turnout" in following[:3]:
        return "turnout"
    if "premium" in preceding[-2:] or "premium" in following[:1]:
        return "premium"  # "a premium of 27%", "a 25 per cent premium" on a share price
    return rate_thing(preceding)


# A company's shares moving: "Intel shares plunged 19 percent in after-hours trading", "the
# company's share price slumped by more than 20%". A move over a period ("down 26% this year",
# "since January") is another measure, and a market's index is no company's shares.
FALLS = {
    "fell", "fall", "falls", "falling", "dropped", "drop", "drops", "plunged", "plunge",
    "plunges", "plummeted", "slumped", "slump", "sank", "sink", "tumbled", "tumble", "slid",
    "slide", "declined", "lost", "down", "tanked", "dived", "dove", "crashed", "skidded",
}  # fmt: skip
RISES = {
    "rose", "rise", "rises", "jumped", "jump", "soared", "surged", "gained", "climbed", "up",
    "rallied", "spiked", "advanced",
}  # fmt: skip
PERIOD = {
    "this", "year", "since", "so", "over", "past", "last", "year-to-date", "ytd", "peak", "high",
    "value", "week", "month", "months", "weeks", "days",
}  # fmt: skip


def share_move(preceding: list[str], following: list[str]) -> str | None:
    words = without_hedges(preceding, HEDGES | {"by", "as", "much"})
    if not words or words[-1] not in FALLS | RISES:
        return None
    # The shares are the verb's subject: "Intel shares plunged", "Shares of the Santa Clara,
    # California-based company fell"; not "shares fell after the company said revenue dropped".
    window = words[-9:-1]
    held = [n for n, w in enumerate(window) if w in ("shares", "stock", "stocks", "price")]
    if not held or {"market", "index", "indices", "futures"} & set(window):
        return None
    subject = window[held[-1] :]
    if window[held[-1]] == "price" and window[held[-1] - 1 : held[-1]] not in (
        ["share"],
        ["stock"],
    ):
        return None
    if ANOTHER_CLAUSE & set(subject) or any(w[:1].isdigit() for w in subject):
        return None
    if SESSION_END & set(window):  # the day's close, another move
        return None
    clause = until_clause_end(following)
    if (
        PERIOD & set(clause)
        or any(w[:1].isdigit() for w in clause[:3])
        or set(clause) & set(WEEKDAYS)
    ):
        return None  # over a period, from a peak, or on a day (another day's move)
    return "share price fall" if words[-1] in FALLS else "share price rise"


ANOTHER_CLAUSE = {
    "said", "says", "after", "as", "while", "when", "and", "that", "because", "revenue", "sales",
    "profit", "profits", "bonds", "earnings", "its", "their",
}  # fmt: skip
SESSION_END = {"closed", "close", "closing", "ended", "finished", "settled", "another"}


# A rate named right before its level: "Unemployment rose to 5.5 percent", "inflation hit 10.1%",
# "cut its key interest rate to 4.5%", "the unemployment rate was 10.2%". Only a level: "rose
# 3.2%" without "to" is a change, and a modifier before the name ("youth unemployment", "export
# growth", "jobless claims") is another measure.
RATES = {
    "unemployment": "unemployment rate", "jobless": "unemployment rate",
    "inflation": "inflation rate", "growth": "growth rate",
}  # fmt: skip
RATE_OF = {"interest", "key", "benchmark", "policy", "lending"}  # "... rate" of a central bank
LEVEL = {"to", "at", "of", "hit", "was", "is", "stood", "reached", "remained", "stayed"}
TOWARDS = {
    "rose", "fell", "climbed", "dropped", "slowed", "grew", "eased", "jumped", "cut", "raised",
    "lowered", "increased", "reduced", "accelerated", "rising", "falling", "unchanged", "held",
    "kept", "its", "the", "annual", "a", "an", "record", "year-on-year",
}  # fmt: skip
MODIFIERS = {
    "youth", "claims", "export", "exports", "revenue", "sales", "wage", "wages", "core", "food",
    "monthly", "vaccination", "debt", "credit", "mortgage", "population",
}  # fmt: skip


def rate_thing(preceding: list[str]) -> str | None:
    tail = preceding[-6:]
    for n in range(len(tail) - 1, -1, -1):
        word, between = tail[n], tail[n + 1 :]
        if word in (",", ";", "and", "while", "but"):
            return None
        name = RATES.get(word)
        if word in ("rate", "rates"):
            before = tail[n - 1] if n else ""
            name = RATES.get(before) or ("interest rate" if before in RATE_OF else None)
            if before in RATES:
                n -= 1
        if name is None:
            continue
        if n and tail[n - 1] in MODIFIERS:
            return None
        if not between or between[-1] not in LEVEL or not set(between) <= LEVEL | TOWARDS:
            return None
        return name
    return None


def money_thing(preceding: list[str], following: list[str]) -> str | None:
    """A sum's purpose from the nearest cue word: "buy X for 3bn", "3bn in liquidity".
    "per share" is its own thing: a price per share is no price of the whole."""
    if following[:2] in (["per", "share"], ["a", "share"]) or following[:1] == ["per-share"]:
        return "price per share"
    after = until_clause_end(following)[:5]
    clause = after_clause_start(preceding)
    before = clause[-7:]
    if after[:1] == ["of"] and not any(w in c for c in MONEY_THINGS.values() for w in after[1:3]):
        return None  # "CHF 16bn of bonds": a sum of something else
    if {"rejected", "earlier", "initial", "previous", "previously"} & set(before):
        return None  # an earlier offer is a step of the story, not a rival figure
    if earlier_event(clause):
        return None  # "The fine came four months after the DPC imposed a €390 million fine"
    if PAST_SUM & set(before) or ("last", "year") in zip(before, before[1:], strict=False):
        return None  # "dwarfs the €2.1bn fine already ...", "In June last year, regulators
        # already fined Google €2.42bn": another, earlier sum set beside the story's
    if before[-1:] in (["to"], ["at"], ["of"]) and LIMITS & set(clause):
        return "cap"  # "limiting a consumer's liability for fraud to $50", "capped at $2,000"
    if "worth" in before[-3:] and {"sold", "sell", "sells", "selling"} & set(before):
        # "three executives sold shares worth a combined £1.3 million": a sale, no valuation
        return "shares sold" if {"shares", "stock"} & set(before) else "price"
    if CURRENCIES & set(before):
        return "exchange rate"  # "the dollar fetched 149.97-98 yen", "the euro traded at $1.08"
    traded = {"closing", "closed", "close", "traded", "trading"} & set(before[-4:])
    shares = {"shares", "share", "stock", "stocks"} & set(preceding)
    if traded and not shares and {"debt", "bond", "bonds", "notes", "loans"} & set(before):
        return None  # "its senior debt trading at around 45 cents": a bond's price, no share's
    if traded and (
        before[-1:] == ["at"] or {"shares", "share", "stock", "stocks", "price"} & set(before)
    ):
        return "share price"  # "shares closed at $41.20"; not "closed its $68.7 billion deal"
    pairs = set(zip(before, before[1:], strict=False))
    if {("share", "price"), ("stock", "price")} & pairs and before[-1:] == ["to"]:
        return "share price"  # "its share price was down 12 percent to $301.51"
    # "a fine of $250,000 plus restitution": the noun the sum is "of" names it, before any
    # cue after it, which may be the next item of a list.
    near = (
        [*before[-2:-1], *after, *reversed(before)]
        if before[-1:] == ["of"]
        else [*after, *reversed(before)]
    )
    for word in sorted(set(near), key=near.index):
        for thing, cues in MONEY_THINGS.items():
            if thing == "savings" and word not in (*before[-3:], *after[:3]):
                continue  # "save $10m", "$10 billion in cost savings"; not "... and invest $5bn"
            if word in cues:
                return reported_loss(thing, [*before, *until_clause_end(following)[:8]])
    return None


CURRENCIES = {
    "dollar", "yen", "euro", "pound", "sterling", "yuan", "renminbi", "rupee", "won", "peso",
    "ruble", "rouble", "lira", "greenback", "currency",
}  # fmt: skip
# A sum set as a limit, not one paid or lost.
LIMITS = {"limit", "limits", "limited", "limiting", "cap", "caps", "capped", "capping", "ceiling"}
PAST_SUM = {"already", "dwarfs", "dwarfing", "surpasses", "surpassing", "eclipses", "exceeds"}
# A time span before "after" sets what follows in an earlier event: "four months after the
# regulator imposed a €390 million fine", "weeks after it paid $5 billion".
SPAN_AFTER = re.compile(r"^(?:days|weeks|months|years)$")


def earlier_event(tokens: list[str]) -> bool:
    """Whether the words before a sum, in its clause, put it in an event told as earlier: a
    time span, then "after", then what someone did."""
    for n in range(1, len(tokens) - 1):
        if tokens[n].lower() == "after" and SPAN_AFTER.match(tokens[n - 1].lower()):
            return "," not in tokens[n + 1 :]  # "Months after the crash, the airline paid"
    return False


# A company's result for a period ("a $6 billion loss for the third quarter") is not what an
# event cost it ("an estimated $9.6 billion in losses"), and a unit's ("a $2 billion loss in its
# defense and space business") is a part of a whole.
PERIODS = {
    "quarter", "quarterly", "fiscal", "half-year", "annual", "year-on-year", "period", "months",
}  # fmt: skip
UNITS_OF_A_COMPANY = {"business", "unit", "division", "segment", "subsidiary", "arm"}


def reported_loss(thing: str, clause: list[str]) -> str | None:
    if thing != "losses":
        return thing
    units = [n for n, w in enumerate(clause) if w in UNITS_OF_A_COMPANY]
    if any("in" in clause[max(0, n - 6) : n] for n in units):
        return None  # "in its defense and space business", not "across its business"
    return "losses for the period" if PERIODS & set(clause) else thing


# Part of the people a story counts: "19 children" and "20 children" are the school's toll, not
# rivals of the quake's "273" (counted apart, as a place is).
SUBGROUPS = {
    "children", "students", "pupils", "teachers", "women", "men", "minors", "foreigners",
    "family", "relatives", "crew", "crewmembers", "crewmen",
}  # fmt: skip


COUNTRY = re.compile(r"\b(" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + r")\b", re.I)


def country_after(after: list[str]) -> str | None:
    """ "killed 1,541 people in Turkey", "at least 326 in Syria": the country the count is in."""
    for n, word in enumerate(after[:4]):
        if word == "in":
            return COUNTRIES.get(" ".join(after[n + 1 : n + 3])) or COUNTRIES.get(
                after[n + 1] if n + 1 < len(after) else ""
            )
    return None


def only_country(sentence: str) -> str | None:
    """The one country a sentence names, if it names one ("In Turkey, at least 1,760 people
    were killed", "According to Turkey's disaster agency, ... 1,541 fatalities"): where its
    counts are from when nothing nearer says."""
    named = {
        COUNTRIES[m.group(1).lower()]
        for m in COUNTRY.finditer(sentence)
        if re.search(r"\bin\s+(?:the\s+)?$", sentence[: m.start()], re.I)
        or re.match(r"[’']s\b", sentence[m.end() :])
    }  # "in Turkey", "Syria's health ministry"; not "the attack by Russia"
    return named.pop() if len(named) == 1 else None


def place_of(before: list[str], after: list[str]) -> str | None:
    """Where the people counted live, or which part of them is counted ("children")."""
    if after and after[0] in NATIONALS:
        return NATIONALS[after[0]]
    if after[:2] in (["u", "s"], ["u", "k"]):
        return "".join(after[:2]).upper()  # "10 U.S. citizens": the dots split the word
    origin = after[1:4] if after[:1] and after[0] in PEOPLE else after[:3]
    if origin == ["from", "other", "countries"] or origin[:2] == ["from", "abroad"]:
        return "foreigners"  # "35 people from other countries"
    part = next((w for w in after[:2] if w in SUBGROUPS), None)
    if part:
        return part  # "19 children", "21 school children", "11 family members"
    for word in [*after[:4], *before]:
        if word in PLACES:
            return PLACES[word]
    text = " ".join(after[:6])
    for name, code in PLACES.items():
        if " " in name and name in text:
            return code
    return None


def until_clause_end(tokens: list[str]) -> list[str]:
    for n, word in enumerate(tokens):
        if word in (";", "—", "–") or word == ",":
            return tokens[:n]
    return tokens


def after_clause_start(tokens: list[str]) -> list[str]:
    for n in range(len(tokens) - 1, -1, -1):
        if tokens[n] in (";", "—", "–", ":", "“", '"'):
            return tokens[n + 1 :]
    return tokens
