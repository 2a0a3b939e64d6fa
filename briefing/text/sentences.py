"""Article text -> sentences with their ids: the one splitter and the one numbering.

Every stage that needs sentences takes them from `numbered` (or `paragraphs` when it needs to
know which sentences share a paragraph), so an id such as ``a3.s17`` names the same words in
chunks, screening, quotes, stories and citations.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..models import Article, Sentence
from .datelines import without_dateline
from .dates import WEEKDAY_NAMES
from .ids import SentenceRef
from .names import NOT_NAMES, is_title, without_possessive

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
    "adm", "cmdr", "cdr", "maj", "brig", "rev", "cpl", "pvt", "supt", "insp", "det", "hon", "amb",
    "sens", "reps", "gens", "mt", "drs", "profs", "messrs", "fr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "etc", "inc", "corp", "ltd", "jr", "sr", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
}  # fmt: skip

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace, then
# something that can start a sentence (capital, digit or an opening quote).
BOUNDARY = re.compile(r"""([.!?]+["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])""")
PARAGRAPH_BREAK = "\n\n"


# Paragraphs a page glued together without a space: "... its attacks.Key Provisions of the
# AgreementThe ceasefire deal mandates ...": after a word's full stop, or a sentence's first
# word run into the heading above it. Not a site's name: "Caliber.Az reports", "Yahoo.Com".
GLUED = re.compile(
    r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])(?!(?:Az|Com|Net|Org|Ru|Ge|Am|Kz|Uz|Io|Co|Tv|Info)\b)"
    r"|(?<=[a-z]{3})(?=(?:The|A|An|It|He|She|They|This|That|We|"
    r"But|After|When|While|According)\s)"
)


# A picture desk's caption: someone doing something in the present tense on a full date, in a
# place ("Federal Reserve Chairman Jerome Powell speaks during a news conference ... on
# September 18, 2024 in Washington, DC."), or a video's guest who "discusses" a topic on a show.
# A caption is one sentence, though a name may carry a point ("the William McChesney Martin Jr.
# Federal Reserve Board Building"); not a title's ("Sen. Bob Menendez ... waits to be sentenced").
IN_ONE_SENTENCE = r"(?:[^.!?]|\b(?:Jr|Sr)\.)"
CAPTION_SENTENCE = re.compile(
    rf"^(?={IN_ONE_SENTENCE}{{0,300}}(?:[.!?]\s*)?$){IN_ONE_SENTENCE}*\b(?:speaks|looks on|walks|"
    r"arrives|attends|gestures|listens|poses|stands|waits|reacts|(?<!which )(?<!that )"
    r"(?:is|are) (?:seen|pictured|shown|fired|launched|displayed|carried|escorted))\b"
    rf"{IN_ONE_SENTENCE}*\bon (?:[A-Z][a-z]+, )?"
    r"[A-Z][a-z]+\.? \d{1,2}, \d{4}(?:,? in [^.]{1,60})?\.?$"
    # A position in the picture: "Theranos founder Elizabeth Holmes, center, arrives at ..."
    r"|^[^.!?]{0,120}, (?:center|centre|left|right|second from (?:left|right)|front),"
    r" (?:arrives|speaks|walks|leaves|looks|stands|talks|listens|waits|poses|gestures)\b"
    rf"|^(?=.{{0,200}}$)[A-Z][^!?]*\bdiscusses\b[^!?]+\bon (?!(?:{WEEKDAY_NAMES})\b)"
    r"(?:[A-Z][\w'’&]*\s?){1,4}\.$"
    # "The Intel logo is displayed on the exterior of Intel headquarters in Santa Clara."
    r"|^(?:A|An|The) [^.]{0,60}\b(?:logo|sign|flag|headquarters|building)s? (?:is|are) "
    r"(?:displayed|pictured|seen (?:on|at|in|outside|inside))\b"
    # A gallery's caption run into the text: "Hide Caption 9 of 25 Photos: Bastille Day terror:
    # ... Nice The truck plowed into a crowd ...", "Photos: Mass shooting at Las Vegas ...".
    r"|\bHide Caption \d+ of \d+\b|^Photos: "
    # A numbered gallery's caption ("13/16 2014 Razima holds her two-year-old son ..."), its
    # credit ("(Kabul, March 1, 2002) All photos Paula Bronstein"), a picture agency opening one
    # ("Getty Images The German consulate building suffered massive damage ...").
    r"|^\d{1,2}/\d{1,2}\s+(?:\d{1,2} [A-Z][a-z]+ )?(?:19|20)\d{2}\s"
    r"|\bAll (?:photos|pictures|images) (?:by )?[A-Z]"
    r"|^(?:Getty Images|Shutterstock|Alamy|EPA-EFE|Reuters|AFP|[Uu][Ss][Aa] [Tt][Oo][Dd][Aa][Yy] "
    r"Sports)\s+(?!(?:Chief|President|Chairman|Executive|CEO|Inc|said|says|shares|stock|"
    r"reported|reports|news|journalists?|correspondents?|reporters?)\b)(?:The |A |An )?[A-Z][a-z]"
    r"(?![^.!?]*\b(?:said|says|told|reported)\b)"
    # A wire picture's caption: "... Nara, western Japan July 8, 2022 in this photo taken by The
    # Asahi Shimbun.", "in this undated handout photo provided by ...". Not "Everyone in this
    # photo is dead now," he said.
    r"|\bin this (?:[\w-]+ ){0,2}(?:photo|picture|image|photograph|screengrab|screenshot) "
    r"(?:taken|released|provided|obtained|made|distributed|posted)\b"
    # A picture desk's caption opening on the picture, dated: "This video grab taken from Gabon 24
    # on August 30, 2023, shows Gabonese soldiers ...". Not "The image released by the military
    # shows a tunnel shaft", nor "A satellite image taken on Tuesday shows ...".
    r"|^This (?:[\w-]+ ){0,2}(?:photo|picture|image|photograph|video grab|screengrab|screen grab|"
    r"screenshot|still) (?:taken|released|provided|obtained|made|distributed|posted|grabbed)\b"
    r"[^.!?]{0,80}\bon [A-Z][a-z]+\.? \d{1,2}, \d{4},? shows\b"
    # A wire picture's caption dated the AP way, its subject doing something in the present:
    # "Yevgeny Prigozhin ... looks out from a military vehicle on a street in Rostov-on-Don,
    # Russia, Saturday, June 24, 2023, leaving ...". Not "who participated in the session at the
    # Kremlin on Tuesday, December 2, 2025, provided ...".
    r"|^(?=[^!?]*\b(?:looks|addresses|speaks|walks|stands|gestures|arrives|waits|holds|sits|"
    r"attends|leaves|poses|rides|reacts|listens|prays|mourns|hugs|carries)\b)[^!?]*\b"
    rf"(?:{WEEKDAY_NAMES}), (?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]*\.? "
    r"\d{1,2}, \d{4}\b"
)


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping every character of the source."""
    if GLUED.search(paragraph):
        return [s for part in GLUED.split(paragraph) for s in split_sentences_at_spaces(part)]
    return split_sentences_at_spaces(paragraph)


def split_sentences_at_spaces(paragraph: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in BOUNDARY.finditer(paragraph):
        candidate = paragraph[start : match.end(1)]
        if ends_with_abbreviation(candidate):
            continue
        sentences.append(candidate.strip())
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        sentences.append(rest)
    return [s for s in sentences if s]


# A list's lead-in run into its first entry: "Here are Top 10 points you need 1. Marie ...".
LIST_LEAD_IN = re.compile(r"\bHere (?:are|is)\b[^.]{0,80}?\s\d{1,2}\.$")


def ends_with_abbreviation(text: str) -> bool:
    if not text.endswith("."):
        return False
    words = re.split(r"[\s(\[\"“]", text[:-1])
    last_word = words[-1].lower()
    # Initials ("J. Smith") and known abbreviations ("U.S.", "Dec.") do not end a sentence; a
    # day or a count does ("from Apr 5. He was ..."), unless it is a list's marker ("2. The").
    if last_word.isdigit():
        return len(words) == 1 or bool(LIST_LEAD_IN.search(text))
    return len(last_word) == 1 or last_word in ABBREVIATIONS


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an article and its numbered sentences."""

    text: str
    sentences: list[Sentence]


# A numbered list's marker, and a list's lead-in run into its first entry: "2. A UN official
# said ...", "Here are Top 10 points you need 1. Marie el-Drese, the aid group's ...".
LIST_MARKER = re.compile(r"(?:Here (?:are|is)\b[^.:]{0,80}?\s)?\d{1,2}\.\s+(?=[A-Z“\"])")
# A broadcast transcript's turn: "NELSON: The police chief says ...", "MONTAGNE: And Soraya, ...".
TURN = re.compile(r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}: (?=\S)")


def paragraphs(article: Article) -> list[Paragraph]:
    """The article's paragraphs, sentences numbered from 1 across the whole article."""
    result: list[Paragraph] = []
    number = 0
    dated = False  # the first paragraph opened on a dateline
    texts = article.text.split(PARAGRAPH_BREAK)
    # A transcript names its speaker before each turn: the host's and the reporter's names, on
    # turn after turn, are who speaks, not what is said (cut off the sentence as a dateline is;
    # the article keeps them). A guest's, said once, is the only attribution of their words.
    turns = Counter(turn.group() for t in texts if (turn := TURN.match(t)))
    recurring = {label for label, n in turns.items() if n >= 2}
    for at, text in enumerate(texts):
        sentences = []
        for n, sentence in enumerate(split_sentences(text)):
            if n == 0 and (turn := TURN.match(sentence)) and turn.group() in recurring:
                sentence = sentence[turn.end() :] or sentence
            if n == 0 and (marker := LIST_MARKER.match(sentence)):
                sentence = sentence[marker.end() :] or sentence
            if n == 0 and not dated:
                # The story's dateline: "LIMA, Peru (AP) — Peru's Congress ..." reads "Peru's
                # Congress ...", where and who are not what (the article keeps it: a prefix cut
                # off, so the sentence is still verbatim). After a standfirst (a news-please
                # record's description) or an embedded tweet the body opens further down: a
                # wire's dateline there, in its strict form, is one too.
                cut = without_dateline(sentence, placed=at > 0) or sentence
                dated, sentence = cut != sentence, cut
            number += 1
            ref = SentenceRef(article.id, number)
            sentences.append(
                Sentence(id=str(ref), article_id=article.id, number=number, text=sentence)
            )
        result.append(Paragraph(text=text, sentences=sentences))
    return result


def opening_sentences(text: str, count: int) -> list[str]:
    """The first `count` sentences of an article's text, split as `paragraphs` splits them;
    only the paragraphs needed are read."""
    found: list[str] = []
    for paragraph in text.split(PARAGRAPH_BREAK):
        found += split_sentences(paragraph)
        if len(found) >= count:
            break
    return found[:count]


def numbered(article: Article) -> list[Sentence]:
    """Every sentence of the article with its id (``a3.s17``), in order."""
    return [s for p in paragraphs(article) for s in p.sentences]


# How a whole sentence ends: terminal punctuation, then any closing quotes or brackets.
ENDS_SENTENCE = re.compile(r"""[.!?…]["'”’»)\]]*$""")


def cut_off(sentences: list[Sentence]) -> set[str]:
    """Ids of sentences an article ends on before their end: a page excerpt or a feed's
    truncated text stops mid-sentence ("...according to the U.N.’s International Organization
    for Migra"). Shown alone, such a sentence says something the source did not finish saying."""
    last: dict[str, Sentence] = {}
    for sentence in sentences:
        last[sentence.article_id] = sentence
    return {s.id for s in last.values() if not ENDS_SENTENCE.search(s.text.rstrip())}


# How a writer turns to another event inside one article: "Meanwhile, the CEO of Compass Group
# ... died when the seaplane ... crashed into Sydney river" in a story on a Costa Rica crash.
TURNS_ELSEWHERE = re.compile(
    r"(?:Meanwhile|In other news|Separately|Elsewhere|In a separate (?:development|incident|case)),"
)
TURN_WORDS = {"Meanwhile", "Separately", "Elsewhere"}  # the turn's own words are not names
# Capitalised words in a row, however many: "Compass Chairman Paul Walsh" is read whole, so its
# "Paul" is not taken for another story's Paul Rubin.
CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")


def asides(sentences: list[Sentence]) -> set[str]:
    """Ids of sentences that tell another event inside an article: from a turn such as
    "Meanwhile," to the article's end, when nothing they name is named anywhere else in the
    story (its other articles, or this one before the turn). "Meanwhile, US President Joe Biden
    hailed the agreement" names the United States of the story's other sentences: not an aside."""
    found: set[str] = set()
    by_article: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_article.setdefault(sentence.article_id, []).append(sentence)
    for own in by_article.values():
        turn = next((n for n, s in enumerate(own) if TURNS_ELSEWHERE.match(s.text)), None)
        if turn is None:
            continue
        run = {s.id for s in own[turn:]}
        named = {name for s in own[turn:] for name in names_in(s.text)}
        rest = " ".join(s.text for s in sentences if s.id not in run)
        if len(named) >= 3 and not any(re.search(rf"\b{re.escape(n)}\b", rest) for n in named):
            found |= run
    return found


def names_in(text: str) -> set[str]:
    """The names a sentence gives, each a run of capitalised words without titles or a
    possessive: "US President Joe Biden's" gives "US", "Joe Biden"."""
    found = set()
    for match in CAPITALISED_RUN.finditer(text):
        words = [without_possessive(w) for w in match.group().split()]
        run: list[str] = []
        for word in [*words, ""]:
            if word and word not in NOT_NAMES and not is_title(word) and word not in TURN_WORDS:
                run.append(word)
            elif run:
                found.add(" ".join(run))
                run = []
    return found


# Opening words that point back at the sentence before: "They identified them as ...", "But",
# "That figure"; not a time ("This week", "That night", "This year's prize"), nor "That's".
# What a pointing word must not be followed by: a time ("This week", "That night") or "'s".
POINTS_BACK_REST = (
    r"(?!\s+(?:week|weekend|year|month|morning|afternoon|evening|night|day|time|season|summer|"
    r"winter|spring|autumn|decade|century)\b|[’']s\s)"
)
POINTS_BACK = re.compile(
    r"(?:He|She|They|It|This|That|These|Those|His|Her|Their|Its|Them|But|And|Yet|Nor)\b"
    + POINTS_BACK_REST
)


def points_back(text: str) -> bool:
    """True when a sentence opens on a word for something the sentence before named: read
    alone ("It said the plane had taken off nearby."), it does not say who or what."""
    return bool(POINTS_BACK.match(text))


def quotation_marks(text: str) -> tuple[bool, bool]:
    """(closes one begun before, leaves one open): how a sentence's quotation marks balance.
    Copy mixes the marks (“...\"), so a straight mark closes a straight quotation inside a
    curly one, else whatever quotation is open, and opens one only before a word."""
    stack: list[str] = []
    closes_earlier = False
    for mark in re.finditer(r'[“”"]', text):
        if mark.group() == "“":
            stack.append("“")
        elif mark.group() == "”":
            if "“" in stack:
                del stack[len(stack) - 1 - stack[::-1].index("“") :]
            else:
                closes_earlier = True
        elif stack and stack[-1] == '"':
            stack.pop()
        elif re.match(r'"\w', text[mark.start() :]):
            stack.append('"')
        elif stack:
            stack.pop()  # “...\" : a curly quotation closed with a straight mark
        else:
            closes_earlier = True
    return closes_earlier, bool(stack)
