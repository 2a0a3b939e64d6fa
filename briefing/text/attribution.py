"""Who a sentence gives as the source of a figure it states: "..., the Libyan Red Crescent said",
"according to the World Health Organization", "Libya's ambassador to the UN said ...", "said a
spokesman for the Red Cross". Where sources differ on a figure, who put it forward tells a reader
more than which outlet relayed it: 11,300 dead is the Red Crescent's count, 20,000 the mayor's.

The claimant is the words as written (a reader checks them against the cited sentence), read
with rules and no model, and only where they are plain: the clause of the figure names one
person or body next to a verb of saying, or after "according to" or "citing". A figure in
another clause ("..., while the UN said 10,000 were missing") is not theirs; "it said", "sources
said" and a verb in the passive or the negative name no one.
"""

from __future__ import annotations

import re

from ..ingest.outlets import OUTLET_ALIASES
from .names import without_possessive

SAYS = (
    r"said|says|say|told|tells|estimated|estimates|estimate|reported|reports|announced|"
    r"announces|announce|confirmed|confirms|confirm|stated|warned|warns|claimed|revealed|"
    r"reveals|admitted|admits|added|adds|insisted|insists|found|finds|showed|shows"
)
# "put" and "gave" say who gave a figure only with what they give: "put the death toll at".
SAYING = re.compile(
    rf"\b(?:{SAYS})\b|\b(?:put|puts|gave|gives|placed|places)(?= (?:the|a|an|its|their) "
    r"(?:\w+ )?(?:toll|number|figure|estimate|count|tally)\b)"
)
# A verb of saying before its subject, after a comma or a quotation: "..., said a spokesman for
# the Red Cross", "...,” said Mukhtar Babayev".
SAID_BY = re.compile(r"(?:^|[,”\"]\s*)(?:said|says|added|told)\s+(?=[A-Za-z])")
ACCORDING_TO = re.compile(r"\baccording to\s+", re.I)
CITING = re.compile(r"\bciting\s+", re.I)
# What a source's numbers come in, before the source: "according to figures from the IOM".
DATA_FROM = re.compile(
    r"^(?:the |a |an |new |latest |official )*(?:\w+ )?(?:figures|data|statistics|estimates?|"
    r"tally|count|records|numbers)\s+(?:from|by|of|released by|published by)\s+",
    re.I,
)
# Between a subject and its verb: "has confirmed", "also told", "had previously put".
BETWEEN = {
    "has", "have", "had", "also", "previously", "later", "earlier", "now", "initially", "first",
    "separately", "officially", "publicly", "repeatedly", "recently", "already", "then",
    "again", "originally", "reportedly", "last", "on", "this", "week", "month",
}  # fmt: skip
# A verb that says no one said it: "were reported missing", "did not say".
PASSIVE_OR_NOT = {"been", "be", "being", "was", "were", "is", "are", "not", "never", "did", "does",
                  "do", "n't", "to", "would", "could", "may", "might"}  # fmt: skip
# Words a claimant's phrase does not run across (in lower case in the text: "WHO" is a body).
STOP = {
    "as", "that", "which", "who", "whom", "when", "while", "after", "before", "from", "by", "with",
    "in", "on", "at", "but", "if", "because", "since", "where", "than", "said", "says", "told",
    "however", "although", "though", "is", "are", "was", "were", "has", "have", "had", "will",
    "would", "could", "a", "an", "his", "her", "their", "its", "our", "my", "your", "it", "he",
    "she", "they", "we", "i", "you", "also", "whether", "then", "so", "into", "about", "over",
    "under", "against", "during", "through", "between", "among", "not", "no",
}  # fmt: skip
# A preposition a body's or an office's name runs on through: "officials from the banks",
# "the International Federation of Red Cross", "Libya's ambassador to the UN".
THROUGH = {"of", "for", "to", "from", "at", "in", "and", "the", "&"}
PARTICLES = {"al", "el", "bin", "ibn", "von", "van", "der", "den", "de", "da", "di", "du", "la"}
# People and bodies a claimant phrase may end on, in lower case (plurals too).
ROLE = re.compile(
    r"(?:mayor|minister|ministry|spokes(?:man|woman|person|people|men|women)|officials?|police|"
    r"authority|authorities|government|agency|agencies|council|commission|court|prosecutors?|"
    r"army|military|president|chief|director|head|secretary|secretary-general|ambassador|envoy|"
    r"governor|leader|department|office|service|committee|organi[sz]ation|company|bank|banks|"
    r"firm|group|union|board|administration|regulators?|investigators?|researchers?|"
    r"scientists?|experts?|analysts?|residents?|witness(?:es)?|survivors?|doctors?|medics?|"
    r"rescuers?|officers?|troops|negotiators?|delegates?|delegation|lawyers?|attorneys?|judge|"
    r"jury|panel|report|statement|representatives?|chairman|chairwoman|chair|executive|ceo|"
    r"founder|coroner|hospital|embassy|institute|centre|center|society|federation|media|"
    r"newspaper|broadcaster|television|tv|radio|channel|operator|airline|manufacturer|"
    r"carrier|insurer|club|party|campaign|coalition|alliance|movement|rebels|militants|"
    r"forces|guard|coastguard|navy|ministers|presidency|parliament|senate|congress|assembly)",
)
# Who stands for no one a reader can place, alone or with only these words around it.
UNPLACED = {
    "it", "he", "she", "they", "we", "i", "you", "this", "that", "one", "others", "other", "some",
    "many", "most", "several", "sources", "source", "officials", "official", "people", "person",
    "witnesses", "experts", "analysts", "reports", "report", "statement", "data", "figures",
    "media", "company", "firm", "group", "organization", "organisation", "agency", "study",
    "paper", "newspaper", "the", "a", "an", "its", "their", "his", "her", "both", "all", "two",
    "three", "four", "five", "few", "dozen", "dozens", "anonymous", "senior", "unnamed",
    "estimates", "estimate",
}  # fmt: skip
# Where a source's phrase after "according to" ends: "a confidential UN report seen by Reuters".
SEEN = {"seen", "obtained", "published", "released", "issued", "cited", "quoted", "made"}
# Where a sentence's figures part ways: "..., while the UN said 10,000 were missing", "...;",
# "-lower than the 20,000 a different spokesperson gave", "While the Red Crescent said ..., ".
CLAUSE_BREAK = re.compile(
    r";|,?\s+(?:but|while|whereas|though|although|however)\b|\s[-–—]\s?|\b(?:lower|higher|more|"
    r"fewer|less) than\b|\bcompared (?:with|to)\b|\b(?:up|down) from\b|^(?:While|Although|"
    r"Though|Whereas|Even as)\b[^,]*,"
)
MOST_WORDS = 10  # "the United Nations Office for the Coordination of Humanitarian Affairs"


def claimant(text: str, at: int | None = None) -> str | None:
    """Who the sentence says put forward the figure at character `at` (the whole sentence when
    None), as written: named next to a verb of saying, after "according to" or "citing", in the
    figure's clause; not a news outlet that relays it when anyone else is named there ("...,
    the Red Crescent said, according to the Associated Press": the Red Crescent). None when no
    one, or no one a reader can place, is named there ("it said", "sources said")."""
    start, end = clause_around(text, at)
    found = [(pos, who) for pos, who in attributions(text) if start <= pos < end]
    found = [(pos, who) for pos, who in found if placed(who)]
    if not found:
        return None
    people = [(pos, who) for pos, who in found if not is_outlet(who)] or found
    centre = at if at is not None else 0
    return min(people, key=lambda p: abs(p[0] - centre))[1]


def clause_around(text: str, at: int | None) -> tuple[int, int]:
    """The span of the clause holding character `at`: between the breaks around it."""
    if at is None:
        return 0, len(text)
    start, end = 0, len(text)
    for brk in CLAUSE_BREAK.finditer(text):
        if brk.end() <= at:
            start = brk.end()
        elif brk.start() > at:
            end = brk.start()
            break
    return start, end


def attributions(text: str) -> list[tuple[int, str]]:
    """Every (position, phrase) the sentence attributes something to, outside quotations."""
    quoted = quoted_spans(text)
    found = []
    for match in SAYING.finditer(text):
        if not inside(quoted, match.start()):
            who = subject_before(text[: match.start()])
            if who:
                found.append((match.start() - len(who) - 1, who))
    for pattern in (SAID_BY, ACCORDING_TO, CITING):
        for match in pattern.finditer(text):
            if not inside(quoted, match.end() - 1):
                who = phrase_after(text[match.end() :])
                if who:
                    found.append((match.end(), who))
    return found


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"“[^”]*”?|\"[^\"]*\"?", text)]


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a < pos < b for a, b in spans)


def subject_before(head: str) -> str | None:
    """The noun phrase right before a verb of saying, up to where its clause starts: "the Libyan
    Red Crescent", "Libya's ambassador to the UN"; the name in "Marie el-Drese, the aid group's
    secretary-general," or "the interior minister, Ralf Jäger,"."""
    tokens = re.split(r"[—–]", head)[-1].split()  # "were arrested—but Bush said": Bush
    while tokens and tokens[-1].lower() in BETWEEN:
        tokens.pop()
    if not tokens or tokens[-1].lower().rstrip(",") in PASSIVE_OR_NOT or tokens[-1].endswith("n't"):
        return None
    if tokens[-1] in ("who", "which"):  # "an estimate from Derna's mayor, who warned"
        tokens.pop()
        if tokens:
            tokens[-1] = tokens[-1].rstrip(",")
    if tokens and tokens[-1].endswith(","):
        return apposed(" ".join(tokens))
    return scan_back(tokens)


def apposed(head: str) -> str | None:
    """The subject of "X, Y, said": Y when it is a name ("the interior minister, Ralf Jäger,"),
    else X ("Marie el-Drese, the aid group's secretary-general,", "Taha Miftah, 39,",
    "Equifax, however,", "Equifax, which has 143 million records,")."""
    parts = head.rstrip(",").rsplit(",", 1)
    if len(parts) != 2:
        return None
    before, second = parts[0].split(), parts[1].split()
    if second and all(is_name_word(w) or w in PARTICLES for w in second):
        return " ".join(second) if is_name_word(second[-1]) else None
    return scan_back(before)


def scan_back(tokens: list[str]) -> str | None:
    """Words from the end of `tokens` back to where the claimant's phrase starts; the phrase
    ends on a name or on a person or body ("the mayor", "police"), else there is none."""
    words: list[str] = []
    for n in range(len(tokens) - 1, -1, -1):
        token = tokens[n]
        bare = token.strip('“”"‘’()')
        if not bare or token.endswith((",", ";", ":", "—", "”", '"')) or token.startswith("“"):
            break
        if len(words) == MOST_WORDS:
            break
        if token.startswith("(") and token.endswith(")"):
            continue  # "the International Organization for Migration (IOM)": its name again
        low = bare.lower()
        stops = low in STOP and (bare == low or (n == 0 and not bare.isupper()))  # "While ..."
        if stops and not (low in THROUGH and continues(tokens, n)):
            break
        words.insert(0, bare)
    while words and words[0].lower() in THROUGH - {"the"}:
        words.pop(0)  # "and officials" is officials
    while words and words[-1].lower() in ("too", "also", "himself", "herself", "themselves"):
        words.pop()
    if not words or not ends_on_someone(words[-1]):
        return None
    return " ".join(words)


def continues(tokens: list[str], n: int) -> bool:
    """A preposition at `n` inside a claimant's phrase: a person, a body or a name stands
    before it ("officials from the banks", "Office for the Coordination")."""
    if n == 0:
        return False
    before = tokens[n - 1].strip('“”"‘’()')
    return (
        before.lower() in THROUGH
        or is_name_word(before)
        or bool(ROLE.fullmatch(without_possessive(before.lower())))
    )


def phrase_after(rest: str) -> str | None:
    """The claimant after "according to", "citing" or a verb of saying put first: up to the
    end of its phrase ("the World Health Organization (WHO)" is the World Health Organization;
    "figures from the IOM" are the IOM's)."""
    rest = DATA_FROM.sub("", rest, count=1)
    words: list[str] = []
    for token in rest.split():
        bare = token.rstrip(',.;:)”"').strip("(“")
        low = bare.lower()
        if token.startswith("(") or not bare or len(words) == MOST_WORDS:
            break
        if bare == low and (low in STOP - {"a", "an"} or low in SEEN) and low not in THROUGH:
            break
        words.append(bare)
        if token.endswith((",", ".", ";", ":", ")", "”", '"')):
            break
    while words and words[-1].lower() in THROUGH | {"a", "an"}:
        words.pop()
    if not words or not any(is_name_word(w) or ROLE.fullmatch(w.lower()) for w in words):
        return None
    return " ".join(words)


def is_name_word(word: str) -> bool:
    """A capitalised word of a name ("Abdulmenam", "al-Ghaithi", "Keller-Sutter", "WHO"), not a
    capitalised adjective of a compound ("FCRA-based")."""
    parts = [p for p in word.strip("’'").split("-") if p]
    if not parts:
        return False
    if parts[0].lower() in PARTICLES and len(parts) > 1:
        parts = parts[1:]
    return all(p[:1].isupper() for p in parts) and word[:1].isalpha()


def ends_on_someone(word: str) -> bool:
    bare = re.sub(r"[’']s?$", "", word)
    return is_name_word(bare) or bool(ROLE.fullmatch(bare.lower()))


def placed(who: str) -> bool:
    """A claimant a reader can place: not a pronoun, "sources" or a bare "the organization"."""
    words = [without_possessive(w.lower()) for w in who.split()]
    return not all(w in UNPLACED for w in words)


def is_outlet(who: str) -> bool:
    """A news outlet relaying a claim: "the Associated Press", "Reuters"."""
    bare = re.sub(r"^the\s+", "", who, flags=re.I).lower()
    bare = re.sub(r"\s+(?:news agency|agency|news)$", "", bare)
    return bare in OUTLET_ALIASES


def same_claimant(one: str, other: str) -> bool:
    """Two ways of naming one claimant: sharing the word their phrase ends on ("the mayor",
    "Mayor Abdulmenam al-Ghaithi", "Derna's mayor"; "Credit agency giant Equifax", "Credit report
    company Equifax"), one's words all among the other's ("Red Crescent", "Libyan Red Crescent
    representative"), or one the initials of the other ("FT", "Financial Times")."""
    a, b = content(one), content(other)
    if not a or not b:
        return False
    if a <= b or b <= a:
        return True
    heads = {last_word(one), last_word(other)}
    if heads & a & b and len(a & b) * 2 >= min(len(a), len(b)):
        return True
    return initials(one) == other.strip() or initials(other) == one.strip()


def content(who: str) -> set[str]:
    return {
        re.sub(r"i[sz]ation$", "ization", without_possessive(w.lower()))
        for w in re.findall(r"[\w’'-]+", who)
        if w.lower() not in ("the", "of", "to", "for", "and", "a", "an")
    }


def last_word(who: str) -> str:
    words = sorted(content(who.split()[-1])) if who.split() else []
    return words[0] if words else ""


def initials(who: str) -> str:
    return "".join(w[0] for w in who.split() if w[:1].isupper())
