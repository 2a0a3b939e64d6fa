"""Who a sentence is about, as normalised parties: "Kremlin", "Moscow", "Putin" -> Russia.

Places and institutions map through a small table of general world knowledge (countries, their
demonyms, capitals and best-known institutions). People map through the articles themselves:
"Kremlin aide Yuri Ushakov" makes Ushakov Russian for the whole run, "U.S. Secretary of State
Marco Rubio" makes Rubio American. Nothing here knows about any particular story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .text.names import NAME_WORD, TITLE_WORDS, is_title, without_possessive

# canonical name: names, demonyms, capitals (and metonyms), institutions. Order does not matter.
TABLE: dict[str, tuple[str, ...]] = {
    "Russia": ("Russia", "Russian", "Russians", "Russian Federation", "Moscow", "Kremlin"),
    "United States": (
        "United States", "U.S.", "US", "USA", "America", "American", "Americans", "Washington",
        "White House", "Pentagon", "State Department", "Congress", "Trump administration",
    ),
    "Ukraine": ("Ukraine", "Ukrainian", "Ukrainians", "Kyiv", "Kiev", "Verkhovna Rada"),
    "Europe": (
        "European Union", "EU", "Europe", "European", "Europeans", "Brussels",
        "European Commission",
    ),
    "NATO": ("NATO", "North Atlantic Treaty Organization"),
    "United Nations": ("United Nations", "UN", "U.N.", "Security Council"),
    "China": ("China", "Chinese", "Beijing"),
    "United Kingdom": ("United Kingdom", "Britain", "British", "UK", "U.K.", "London",
                       "Downing Street"),
    "France": ("France", "French", "Paris", "Elysee", "Élysée"),
    "Germany": ("Germany", "German", "Germans", "Berlin", "Bundestag"),
    "Ireland": ("Ireland", "Irish", "Dublin"),
    "Poland": ("Poland", "Polish", "Poles", "Warsaw"),
    "Belarus": ("Belarus", "Belarusian", "Minsk"),
    "Turkey": ("Turkey", "Türkiye", "Turkish", "Ankara"),
    "Hungary": ("Hungary", "Hungarian", "Budapest"),
    "Italy": ("Italy", "Italian", "Rome"),
    "Israel": ("Israel", "Israeli", "Israelis", "Jerusalem", "Knesset"),
    "Iran": ("Iran", "Iranian", "Tehran"),
    "India": ("India", "Indian", "New Delhi"),
    "Japan": ("Japan", "Japanese", "Tokyo"),
    "Saudi Arabia": ("Saudi Arabia", "Saudi", "Riyadh"),
    "Qatar": ("Qatar", "Qatari", "Doha"),
    "Switzerland": ("Switzerland", "Swiss", "Bern"),
    "Canada": ("Canada", "Canadian", "Ottawa"),
    "North Korea": ("North Korea", "North Korean", "North Koreans", "Pyongyang", "DPRK"),
    "South Korea": ("South Korea", "South Korean", "South Koreans", "Seoul"),
    "Taiwan": ("Taiwan", "Taiwanese", "Taipei"),
    "Pakistan": ("Pakistan", "Pakistani", "Islamabad"),
    "Afghanistan": ("Afghanistan", "Afghan", "Kabul"),
    "Iraq": ("Iraq", "Iraqi", "Baghdad"),
    "Syria": ("Syria", "Syrian", "Damascus"),
    "Lebanon": ("Lebanon", "Lebanese", "Beirut"),
    "Egypt": ("Egypt", "Egyptian", "Cairo"),
    "Yemen": ("Yemen", "Yemeni", "Sanaa"),
    "Palestinians": ("Palestinian Authority", "Palestinians", "Palestinian", "Ramallah"),
    "Hamas": ("Hamas",),
    "Hezbollah": ("Hezbollah",),
    "Houthis": ("Houthis", "Houthi"),
    "Taliban": ("Taliban",),
    "Libya": ("Libya", "Libyan", "Libyans"),
    "Sudan": ("Sudan", "Sudanese", "Khartoum"),
    "Ethiopia": ("Ethiopia", "Ethiopian", "Addis Ababa"),
    "Nigeria": ("Nigeria", "Nigerian", "Abuja"),
    "South Africa": ("South Africa", "South African", "Pretoria"),
    "Kenya": ("Kenya", "Kenyan", "Nairobi"),
    "Zimbabwe": ("Zimbabwe", "Zimbabwean", "Harare"),
    "Brazil": ("Brazil", "Brazilian", "Brasilia", "Brasília"),
    "Mexico": ("Mexico", "Mexican"),
    "Argentina": ("Argentina", "Argentine", "Argentinian", "Buenos Aires"),
    "Venezuela": ("Venezuela", "Venezuelan", "Caracas"),
    "Colombia": ("Colombia", "Colombian", "Bogota", "Bogotá"),
    "Cuba": ("Cuba", "Havana"),
    "Australia": ("Australia", "Australian", "Canberra"),
    "Indonesia": ("Indonesia", "Indonesian", "Jakarta"),
    "Philippines": ("Philippines", "Philippine", "Filipino", "Manila"),
    "Vietnam": ("Vietnam", "Vietnamese", "Hanoi"),
    "Spain": ("Spain", "Spanish", "Madrid"),
    "Netherlands": ("Netherlands", "Dutch", "The Hague"),
    "Sweden": ("Sweden", "Swedish", "Stockholm"),
    "Norway": ("Norway", "Norwegian", "Oslo"),
    "Denmark": ("Denmark", "Danish", "Copenhagen"),
    "Finland": ("Finland", "Finnish", "Helsinki"),
    "Austria": ("Austria", "Austrian"),
    "Greece": ("Greece", "Athens"),
    "Armenia": ("Armenia", "Armenian", "Yerevan"),
    "Azerbaijan": ("Azerbaijan", "Azerbaijani", "Baku"),
    "African Union": ("African Union",),
    "IMF": ("International Monetary Fund", "IMF"),
    "World Bank": ("World Bank",),
    "World Health Organization": ("World Health Organization",),
    "OPEC": ("OPEC",),
}  # fmt: skip
# A capital right after these words is a place where something happened, not an actor.
LOCATIVE = {"in", "at", "to", "from", "into", "near", "outside", "via", "through", "toward"}
CAPITAL_LIKE = {"Moscow", "Washington", "Kyiv", "Kiev", "Brussels", "Beijing", "London", "Paris",
                "Berlin", "Dublin", "Warsaw", "Minsk", "Ankara", "Budapest", "Rome", "Jerusalem",
                "Tehran", "New Delhi", "Tokyo", "Riyadh", "Doha", "Bern", "Ottawa", "Kremlin",
                "White House", "Pyongyang", "Seoul", "Taipei", "Islamabad", "Kabul", "Baghdad",
                "Damascus", "Beirut", "Cairo", "Sanaa", "Ramallah", "Khartoum", "Addis Ababa",
                "Abuja", "Pretoria", "Nairobi", "Harare", "Brasilia", "Brasília", "Buenos Aires",
                "Caracas", "Bogota", "Bogotá", "Havana", "Canberra", "Jakarta", "Manila", "Hanoi",
                "Madrid", "The Hague", "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Vienna",
                "Athens", "Yerevan", "Baku"}  # fmt: skip
# Words before a name that make it an object, not the one who acts.
# Not "by" ("brokered by the Swiss government": the agent acts) nor "according to" (who says).
# fmt: off
OBJECT_OF = LOCATIVE | {"with", "against", "for", "of", "on", "over", "about", "between",
                        "including", "notably", "like"}
# fmt: on
# "a spokesman for the Kremlin", "the Bank of Japan", "officials in Japan", "investors from
# Qatar": the preposition names whom the head noun belongs to, and that party acts.
AGENT_HEAD = re.compile(
    r"(?:spokes\w+|ministers?|ministry|presidents?|head|chief|leaders?|members?|government|bank"
    r"|court|lawyers?|officials?|police|authorities|prosecutors?|investors?|teams?|troops|forces"
    r"|residents|citizens|thousands|hundreds|dozens|millions|consortium|behalf|delegations?"
    r"|envoys?|ambassadors?|judges?|parliament|people|representatives?)$",
    re.I,
)
# From an object's name to the next name joined to it: "Russia and the ", "American, British and ".
JOINED = re.compile(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}?(?:,? (?:and|or) (?:the )?|, )")
# A demonym that describes the outlet a remark was made to is no actor: "told the French news
# agency AFP", "the German broadcaster ZDF reported".
OUTLET_AFTER = re.compile(
    r"^\s+(?:news\s+agency|press\s+agency|newspaper|broadcaster|magazine|news\s+outlet|"
    r"news\s+site|wire\s+service|news\s+channel)\b",
    re.I,
)  # not "Syrian state TV said Israeli jets struck": the state's own media speak for it
# A newspaper's report: "The newspaper Chosun Ilbo reported this week Chinese-owned vessels
# were suspected ...", "On Tuesday, the South Korean newspaper Chosun Ilbo claimed ...". What it
# reports is no party's position, whoever it names.
OUTLET_REPORTS = re.compile(
    r"^(?:[^,.]{0,40}, )?(?i:the |a )?(?!(?:[\w-]+ ){0,3}(?i:state|official|government|party)\b)"
    r"(?:[\w-]+ ){0,3}(?i:newspaper|daily|tabloid|magazine|"
    r"news site|news outlet|website)\b(?: [A-Z][\w’'-]*){0,4},? (?i:reported|reports|claimed|"
    r"claims|alleged|published|said|says)\b"
)
# An opening clause of time or concession, up to its comma: "Hours after Trump accused China on
# Thursday of being caught “red handed” ..., ". Not a place ("In Moscow, ...").
LEADING_CLAUSE = re.compile(
    r"(?:(?:Hours|Days|Weeks|Minutes|Shortly|Soon|Just|Moments) )?(?:after|before|while|as|when|"
    r"although|though|since|despite|even as|until)\b[^,;:—]{3,160}?(?:,|—[^—]{0,160}—)\s+",
    re.I,
)
QUOTE_OPENERS, QUOTE_CLOSERS = "\"“‘'", '"”’'
WORD = re.compile(r"[A-Za-zÀ-ÿ][\w’'.-]*")


def _alias_pattern() -> re.Pattern[str]:
    aliases = sorted({a for names in TABLE.values() for a in names}, key=len, reverse=True)
    # "US" must be a word on its own ("US-led" counts, "USB" does not); possessives allowed.
    # Not inside another place's name: "New Mexico", "South Sudan", "the Gulf of Mexico"; nor a
    # newspaper's: "the Washington Post reports", "China Daily", "the Jerusalem Post".
    return re.compile(
        r"(?<![\w.])(?<!New )(?<!South )(?<!East )(?<!Gulf of )(?<!Times of )(?<!Voice of )("
        + "|".join(re.escape(a) for a in aliases)
        + r")(?![\w])(?!\s+(?:Post|Times|Daily|Herald|Journal|Tribune|Examiner|Independent|"
        r"Telegraph|Gazette|Chronicle|Observer|Today|Express|Press|24)\b)"
    )


ALIAS = _alias_pattern()
PARTY_OF_ALIAS = {a.lower(): party for party, names in TABLE.items() for a in names}


@dataclass
class Parties:
    """Party of every alias in the table and of every person the articles place in a country."""

    people: dict[str, str] = field(default_factory=dict)  # "Yuri Ushakov" and "Ushakov" -> Russia

    @classmethod
    def learn(cls, texts: Iterable[str]) -> Parties:
        """People named right after a demonym, country or institution belong to it."""
        votes: dict[str, dict[str, int]] = {}
        for text in texts:
            for name, party in people_introduced(text):
                for key in (name, name.split()[-1]):
                    votes.setdefault(key, {}).setdefault(party, 0)
                    votes[key][party] += 1
        people = {
            name: max(parties, key=lambda p: parties[p])
            for name, parties in votes.items()
            if len(parties) == 1 or sorted(parties.values())[-1] > sorted(parties.values())[-2]
        }
        return cls(people=people)

    def decide(self, text: str, labelled: str | None) -> tuple[str | None, list[str]]:
        """(party, parties named) of a finding: this is where a finding gets its party.

        The party the sentence is about (`actor`) wins over the one the model labelled, which
        only counts once normalised to a known party that the sentence names: the small model
        is right about half the time, and labelled "Staff members assembled in Downing Street"
        Ireland; a position no party is named for is shown unattributed, not guessed, and so is
        a newspaper's report. The party leads the parties named."""
        named = self.mentioned(text)
        if OUTLET_REPORTS.match(text):
            return None, named
        guessed = self.normalise(labelled)
        party = self.actor(text) or (guessed if guessed in named else None)
        if party and party not in named:
            named = [party, *named]
        return party, named

    def normalise(self, name: str | None) -> str | None:
        """The canonical party of a name ("Moscow" -> "Russia"), or None if unknown."""
        if not name:
            return None
        name = without_possessive(name.strip())
        if name.lower() in PARTY_OF_ALIAS:
            return PARTY_OF_ALIAS[name.lower()]
        if name in self.people:
            return self.people[name]
        found = self.mentioned(name)
        return found[0] if found else None

    def mentioned(self, text: str) -> list[str]:
        """Parties a sentence names, in order of first mention; places of events are skipped."""
        ordered: list[str] = []
        for _, party in self.mentions(text):
            if party not in ordered:
                ordered.append(party)
        return ordered

    def mentions(self, text: str) -> list[tuple[int, str]]:
        """(position, party) of every party the sentence names, in order; places of events are
        skipped."""
        hits: list[tuple[int, str]] = []
        for match in ALIAS.finditer(text):
            alias = match.group(1)
            before = text[: match.start()].split()[-1:] or [""]
            if alias in CAPITAL_LIKE and before[0].lower() in LOCATIVE:
                continue
            if OUTLET_AFTER.match(text[match.end() :]):
                continue
            hits.append((match.start(), PARTY_OF_ALIAS[alias.lower()]))
        for person, party in self.people.items():
            for match in re.finditer(rf"(?<![\w]){re.escape(person)}(?![\w])", text):
                hits.append((match.start(), party))
        return sorted(hits)

    def actor(self, text: str) -> str | None:
        """The party a sentence is mostly about: the first one it names (usually the subject),
        after an opening clause of time or concession, and not as the object of a preposition
        (None when every party it names is one); for a sentence that opens with a quotation, the
        one named after it (the speaker)."""
        if text[:1] in QUOTE_OPENERS:
            closing = max(text.rfind(c) for c in QUOTE_CLOSERS)
            after = self.mentioned(text[closing + 1 :]) if closing > 0 else []
            if after:
                return after[0]
        # "Hours after Trump accused China ..., South Korea released information": the subject
        # comes after the clause that sets the time.
        opening = LEADING_CLAUSE.match(text)
        if opening:
            main = self.mentioned(text[opening.end() :])
            if main:
                return main[0]
        objects: list[int] = []
        for pos, party in self.mentions(text):
            if object_at(text, pos, objects):
                objects.append(pos)
            else:
                return party
        return None


def object_at(text: str, pos: int, objects: list[int]) -> bool:
    """Whether the name at `pos` is the object of a preposition ("money from Saudi Crown Prince
    Mohammed bin Salman", "sanctions against Russia"), or joined to the object before it ("talks
    between Russia and Ukraine"): what a sentence is about, not who acts."""
    head = text[:pos].split()
    while head and head[-1].lower() in ("the", "a", "an"):
        head.pop()
    if len(head) >= 2 and head[-2].lower() == "according":
        return False
    if [w.lower() for w in head[-2:]] == ["such", "as"]:
        return True  # "countries such as Syria"
    if head[-1:] and head[-1].lower() in OBJECT_OF:
        return not (len(head) >= 2 and AGENT_HEAD.match(head[-2].rstrip(",")))
    if not objects:
        return False
    # the rest of the object's own name: "Saudi Crown Prince Mohammed", "Vladimir Putin"
    between = text[objects[-1] : pos]
    if "," not in between and all(w[:1].isupper() or is_title(w) for w in between.split()):
        return True
    return bool(JOINED.fullmatch(between))


def people_introduced(text: str) -> list[tuple[str, str]]:
    """(full name, party) for "Kremlin aide Yuri Ushakov", "U.S. envoys A B and C D", ..."""
    found: list[tuple[str, str]] = []
    for match in ALIAS.finditer(text):
        party = PARTY_OF_ALIAS[match.group(1).lower()]
        words = [(m.group(), m.start()) for m in WORD.finditer(text, match.end(), match.end() + 90)]
        index = 0
        while index < len(words) and words[index][0].lower().rstrip(",") in TITLE_WORDS:
            if words[index][0].endswith(","):
                break
            index += 1
        while index < len(words):
            name, index = name_at(words, index, text)
            if not name:
                break
            found.append((name, party))
            if index < len(words) and words[index][0] == "and":
                index += 1
                continue
            break
    return found


def name_at(words: list[tuple[str, int]], index: int, text: str) -> tuple[str | None, int]:
    """A personal name (two or three capitalised words, no title words) starting at index."""
    parts: list[str] = []
    while index < len(words) and len(parts) < 3:
        word = words[index][0].rstrip(",.;:")
        word = without_possessive(word)
        if not NAME_WORD.match(word) or is_title(word):
            break
        if word.lower() in PARTY_OF_ALIAS:
            break
        parts.append(word)
        ends = words[index][0] != word
        index += 1
        if ends:
            break
    if len(parts) < 2:
        return None, index
    return " ".join(parts), index
