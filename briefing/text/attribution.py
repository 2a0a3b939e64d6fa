"""Who a sentence gives as the source of what it states: "..., the Libyan Red Crescent said",
"according to the World Health Organization", "Libya's ambassador to the UN said ...". Where
sources differ on a figure, who put it forward tells a reader more than which outlet relayed it:
11,300 dead is the Red Crescent's count, 20,000 the mayor's estimate.

The claimant is the words as written (a reader checks them against the cited sentence), read
with rules and no model: the noun phrase before a verb of saying, or after "according to".
"""

from __future__ import annotations

import re

from ..ingest.outlets import OUTLET_ALIASES

SAYS = (
    r"(?:said|says|say|told|tells|estimated|estimates|reported|reports|announced|announces|"
    r"confirmed|confirms|stated|states|put|puts|gave|gives|warned|warns|claimed|claims|"
    r"revealed|admitted|added|insisted)"
)
# A verb of saying and what may stand between it and its subject: "has confirmed", "also told",
# "had previously put".
SAYING = re.compile(rf"(?:\s+(?:has|have|had|also|previously|later|earlier|now|\w+ly))*\s+{SAYS}\b")
ACCORDING_TO = re.compile(r"\baccording to\s+")
# Words a claimant's phrase does not run across: where the clause before it ends.
NOT_IN_CLAIMANT = {
    "as", "that", "which", "who", "when", "while", "after", "before", "from", "by", "with", "in",
    "on", "at", "but", "if", "because", "since", "where", "than", "said", "says", "told",
    "earlier", "also", "meanwhile", "however", "although", "though", "is", "are", "was", "were",
    "has", "have", "had", "will", "would", "could", "a", "an",
}  # fmt: skip
# Who stands for no one a reader can place: a pronoun, or "the organisation" of the sentence
# before.
UNPLACED = {
    "it", "he", "she", "they", "we", "i", "you", "this", "that", "organization", "organisation",
    "company", "firm", "group", "agency", "report", "statement", "study", "paper", "newspaper",
    "official", "source", "sources", "one", "others", "some",
}  # fmt: skip
LINKS = {"and", "of", "the", "for", "to", "or"}
MOST_WORDS = 10  # "the United Nations Office for the Coordination of Humanitarian Affairs"


def claimant(text: str) -> str | None:
    """Who the sentence says stated its claim, as written: the first named after "according
    to" or before a verb of saying that is not a news outlet relaying it; an outlet when it is
    all there is ("..., the Red Crescent said, according to the Associated Press": the Red
    Crescent). None when no one is named ("it said", "the organization said")."""
    found = [*claimants_before_saying(text), *claimants_after_according(text)]
    found.sort(key=lambda at_who: at_who[0])
    named = [who for _, who in found if placed(who)]
    return next((w for w in named if not is_outlet(w)), named[0] if named else None)


def claimants_before_saying(text: str) -> list[tuple[int, str]]:
    found = []
    for match in SAYING.finditer(text):
        start, words = match.start(), []
        head = text[:start]
        # an appositive: "Marie el-Drese, the aid group's secretary-general, told ..."
        # or, the name second: "The city's mayor, Abdulmenam al-Ghaithi, had estimated ..."
        appositive = re.search(r"(?:^|, )([A-Z][^,]{1,60}),\s+([^,]{1,60}),$", head)
        if appositive:
            name, role = appositive.group(1).strip(), appositive.group(2).strip()
            said_by = name if re.match(r"(?:the|a|an)\s", role) else f"{name}, {role}"
            found.append((appositive.start(1), said_by))
            continue
        head = re.sub(r",\s+who$", "", head)  # "an estimate from Derna's mayor, who warned"
        for token in reversed(head.split()):
            bare = token.strip('“”"‘’()')
            if (
                not bare
                or token.endswith((",", ";", ":", "—", "”", '"'))
                or bare.lower() in NOT_IN_CLAIMANT
                or len(words) == MOST_WORDS
            ):
                break
            words.insert(0, token)
        # "engineered by Swiss authorities and announced on Sunday": the verb's subject is
        # further back
        if words and words[-1].lower() not in LINKS:
            phrase = " ".join(words)
            found.append((start - len(phrase), phrase))
    return found


def claimants_after_according(text: str) -> list[tuple[int, str]]:
    found = []
    for match in ACCORDING_TO.finditer(text):
        words = []
        for token in text[match.end() :].split():
            bare = token.rstrip(",.;:)").strip("(")
            if bare.lower() in NOT_IN_CLAIMANT - {"a", "an"} or len(words) == MOST_WORDS:
                break
            if token.startswith("("):  # "(WHO)": the name again
                break
            words.append(bare)
            if token.endswith((",", ".", ";", ":", ")")):
                break
        if words:
            found.append((match.end(), " ".join(words)))
    return found


def placed(who: str) -> bool:
    """A claimant a reader can place: not a pronoun or a bare "the organization", and named
    (a capitalised word) or an office ("the mayor", "health authorities")."""
    words = [w.lower().strip("’'s") for w in who.split() if w.lower() not in ("the", "its")]
    if not words or all(w in UNPLACED for w in words):
        return False
    return not (len(words) == 1 and words[0] in UNPLACED)


def is_outlet(who: str) -> bool:
    """A news outlet relaying a claim: "the Associated Press", "Reuters"."""
    bare = re.sub(r"^the\s+", "", who, flags=re.I).lower()
    bare = re.sub(r"\s+(?:news agency|agency|news)$", "", bare)
    return bare in OUTLET_ALIASES


def same_claimant(one: str, other: str) -> bool:
    """Two ways of naming one claimant in a line: "the mayor" and "Mayor Abdulmenam al-Ghaithi"
    (one's words all among the other's)."""
    a, b = content(one), content(other)
    return bool(a) and bool(b) and (a <= b or b <= a)


def content(who: str) -> set[str]:
    return {
        re.sub(r"[’']s$", "", w.lower())
        for w in re.findall(r"[\w’'-]+", who)
        if w.lower() not in ("the", "of", "to", "for", "and", "a", "an")
    }
