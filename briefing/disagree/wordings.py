"""Two wordings of one remark by the same speaker: "rather useful, constructive" and "extremely
useful, constructive", each wording cited.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import defaultdict

from .. import settings
from ..ground import evidence
from ..models import Difference, Quote, Sentence, Variant
from ..text.match import match_key
from .words import WORDS

STOPWORDS = {
    "that", "this", "with", "have", "been", "were", "from", "they", "their", "there", "what",
    "which", "would", "could", "should", "about", "some", "than", "then", "also", "only",
    "into", "more", "much", "very", "said", "will", "just", "both", "such", "them", "these",
    "those", "your", "ours", "hasn", "didn", "doesn", "don’t", "it’s", "that’s",
    # The speaker's own "I've" is the reporter's "he's": the same words, reported.
    "i’ve", "i've", "he’s", "he's", "she’s", "she's", "we’ve", "we've", "they’ve", "they've",
    "i’m", "i'm", "we’re", "we're", "they’re", "they're", "it's", "that's", "don't",
}  # fmt: skip


# One name written short or long: "the U.S. Coast Guard" and "the United States Coast Guard"
# are one wording.
SHORT_NAMES = re.compile(r"\bU\.S\.(?:A\.)?|\bU\.K\.|\bU\.N\.|\b(?:US|UK|UN)\b")
LONG_NAMES = {"U.S.": "United States", "U.S.A.": "United States", "US": "United States",
              "U.K.": "United Kingdom", "UK": "United Kingdom", "U.N.": "United Nations",
              "UN": "United Nations"}  # fmt: skip


def content_words(text: str) -> list[str]:
    text = SHORT_NAMES.sub(lambda m: LONG_NAMES[m.group()], text)
    words = [w.lower().strip("’'-") for w in WORDS.findall(text)]
    return [w for w in dict.fromkeys(words) if len(w) >= 4 and w not in STOPWORDS]


def remark_words(quote: str) -> list[str]:
    """The content words of a remark without the names in it: two remarks that name the same
    people ("Emmerson Mnangagwa is duly declared the winner", "costs and Emmerson Mnangagwa")
    are not two wordings of one remark."""
    names = {w.lower() for w in WORDS.findall(quote)[1:] if w[:1].isupper()}
    return [w for w in content_words(quote) if w not in names]


QUOTATION_MARK = re.compile(r"[“\"]")
NEGATION = re.compile(r"\b(?:not|no|never|nor|cannot)\b|n[’']t\b", re.I)


def negations(text: str) -> int:
    """ "will not accept" and "will accept" share their content words, not their sense."""
    return len(NEGATION.findall(text))


def wording_in(sentence: str, words: list[str], share: float | None = None) -> str | None:
    """The stretch of the sentence that carries at least half (two or more) of the words, or
    `share` of them (three or more): from two words before the first to the last."""
    tokens = list(WORDS.finditer(sentence))
    hits = [i for i, t in enumerate(tokens) if t.group().lower().strip("’'-") in words]
    needed = max(2, (len(words) + 1) // 2)
    if share is not None:
        needed = max(3, math.ceil(share * len(words)))
    if len({tokens[i].group().lower() for i in hits}) < needed:
        return None
    # Another wording of one remark keeps its words in order and about its length: "a solution
    # has been found to ... protect the Swiss economy" is not "This is not a Swiss solution".
    said = list(dict.fromkeys(tokens[i].group().lower().strip("’'-") for i in hits))
    if said != [w for w in words if w in said] or hits[-1] - hits[0] + 1 > 2 * len(words) + 4:
        return None
    start, end = tokens[max(0, hits[0] - 2)].start(), tokens[hits[-1]].end()
    # Never start before an opening quotation mark that the wording follows.
    opener = max(sentence.rfind(mark, start, tokens[hits[0]].start()) for mark in '“"')
    wording = sentence[opener + 1 if opener >= 0 else start : end]
    if re.search(r'[“”"]', wording):
        return None  # the reporter's words around a quoted phrase: 'as fast as it can
        # “mechanically and physically” be done' paraphrases, it is no other wording
    return wording


def swaps_a_word(one: str, other: str) -> bool:
    """Whether one wording puts other words where the other has some ("nothing more than" and
    "little more than"), not only more or fewer of them: "is declared the winner of the July 30
    presidential elections" and "is duly declared the winner of the presidential elections" are
    one remark quoted fuller or shorter."""
    a = [w.lower() for w in WORDS.findall(one)]
    b = [w.lower() for w in WORDS.findall(other)]
    changes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    # A few words for a few: a long run for one word is words cut on one side, added on the other.
    return any(op == "replace" and i2 - i1 <= 3 and j2 - j1 <= 3 for op, i1, i2, j1, j2 in changes)


def quoted_at(text: str, at: int) -> bool:
    """Whether position `at` of a sentence lies inside a quotation: one opened before it and
    not closed, or one begun in an earlier sentence that a mark after it closes."""
    before = text[:at]
    if before.count("“") > before.count("”") or before.count('"') % 2:
        return True
    after = QUOTE_MARKS.search(text, at)
    return bool(after and after.group() == "”" and before.count("“") == before.count("”"))


QUOTE_MARKS = re.compile(r"[“”\"]")


def quote_differences(sentences: list[Sentence], quotes: list[Quote]) -> list[Difference]:
    result: list[Difference] = []
    used: set[str] = set()
    unattributed = settings.current().unattributed_share
    said_by: dict[str | None, set[str]] = defaultdict(set)
    for quote in quotes:
        said_by[quote.speaker] |= {e.sentence_id for e in quote.evidence}
    for quote in quotes:
        words = remark_words(quote.text)
        if len(words) < 2 or len(words) > 8 or not quote.speaker:
            continue
        surname = quote.speaker.split()[-1]
        home = {e.article_id for e in quote.evidence}
        variants = {match_key(quote.text): Variant(text=quote.text, evidence=quote.evidence)}
        for sentence in sentences:
            if sentence.article_id in home:
                continue
            # Only a quotation is a wording: reported speech ("Biden said the ceasefire is
            # designed to be ...") is the reporter's paraphrase of it.
            if not QUOTATION_MARK.search(sentence.text):
                continue
            named = surname in sentence.text or sentence.id in said_by[quote.speaker]
            # An unattributed quotation carries the same remark only if it shares most of it.
            wording = wording_in(sentence.text, words, None if named else unattributed)
            if wording is None or match_key(quote.text) in match_key(sentence.text):
                continue
            if not quoted_at(sentence.text, sentence.text.find(wording)):
                continue  # "..., adding that the intervention saved lives": reported speech
            if match_key(wording) in match_key(quote.text):
                continue  # a part of the same quotation, not another wording
            same_words = set(content_words(wording)) <= set(content_words(quote.text))
            reworded = not same_words and swaps_a_word(quote.text, wording)
            if not reworded and negations(wording) == negations(quote.text):
                continue  # the same words, some cut off, added or printed twice
            key = match_key(wording)
            old = variants.get(key)
            cited = [*(old.evidence if old else []), evidence(sentence)]
            variants[key] = Variant(text=old.text if old else wording, evidence=cited)
        ids = {e.sentence_id for v in variants.values() for e in v.evidence}
        if len(variants) < 2 or ids & used:
            continue
        used |= ids
        about = f"{quote.speaker}’s words"
        result.append(Difference(about=about, kind="quote", variants=list(variants.values())))
    return result
