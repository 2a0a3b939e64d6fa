"""Article -> numbered sentences -> chunks within a token budget.

Sentences get stable ids (``a3.s17``). A sentence already seen in an earlier article (syndicated
copy, wire rewrite) is not sent to the model again; it is kept as a duplicate so that grounding
can still credit every outlet that carried it.
"""

from __future__ import annotations

import re

from .models import Article, Chunk, Segmented, Sentence

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "etc", "inc", "corp", "ltd", "jr", "sr", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
}  # fmt: skip

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace, then
# something that can start a sentence (capital, digit or an opening quote).
BOUNDARY = re.compile(r"""([.!?]+["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])""")

CHARS_PER_TOKEN = 4  # rough for English with BPE tokenizers; only used for budgeting


def estimate_tokens(text: str) -> int:
    return len(text) // CHARS_PER_TOKEN + 1


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping every character of the source."""
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


def ends_with_abbreviation(text: str) -> bool:
    if not text.endswith("."):
        return False
    last_word = re.split(r"[\s(\[\"“]", text[:-1])[-1].lower()
    # Initials ("J. Smith") and known abbreviations ("U.S.", "Dec.") do not end a sentence.
    return len(last_word) == 1 or last_word in ABBREVIATIONS


def sentences_of(article: Article) -> list[Sentence]:
    texts = [s for p in article.text.split("\n\n") for s in split_sentences(p)]
    return [
        Sentence(id=f"{article.id}.s{n}", article_id=article.id, number=n, text=t)
        for n, t in enumerate(texts, start=1)
    ]


def match_key(text: str) -> str:
    """Normalised form used to recognise a repeated sentence across outlets."""
    text = text.lower().translate(str.maketrans("“”‘’`", "\"\"'''"))
    return " ".join(re.sub(r"[^\w\s']", " ", text).split())


def segment(articles: list[Article], budget_tokens: int = 1200) -> Segmented:
    """Number all sentences and pack the not-yet-seen ones into chunks of at most budget tokens."""
    all_sentences: list[Sentence] = []
    chunks: list[Chunk] = []
    first_seen: dict[str, str] = {}
    duplicate_of: dict[str, str] = {}
    for article in articles:
        fresh: list[Sentence] = []
        for sentence in sentences_of(article):
            all_sentences.append(sentence)
            key = match_key(sentence.text)
            # Very short sentences ("He said.") repeat by chance; only dedupe substantial ones.
            if len(key) > 40 and key in first_seen:
                duplicate_of[sentence.id] = first_seen[key]
                continue
            first_seen.setdefault(key, sentence.id)
            fresh.append(sentence)
        chunks.extend(pack(article.id, fresh, budget_tokens))
    return Segmented(sentences=all_sentences, chunks=chunks, duplicate_of=duplicate_of)


def pack(article_id: str, sentences: list[Sentence], budget_tokens: int) -> list[Chunk]:
    groups: list[list[Sentence]] = []
    used = 0
    for sentence in sentences:
        cost = estimate_tokens(sentence.text) + 3  # the "[n] " prefix and newline
        if groups and used + cost <= budget_tokens:
            groups[-1].append(sentence)
            used += cost
        else:
            groups.append([sentence])
            used = cost
    return [
        Chunk(id=f"{article_id}.c{n}", article_id=article_id, sentences=group)
        for n, group in enumerate(groups, start=1)
    ]


def halve(chunk: Chunk) -> list[Chunk]:
    """Split a chunk whose answer ran out of tokens into two smaller ones."""
    if len(chunk.sentences) < 2:
        return [chunk]
    middle = len(chunk.sentences) // 2
    return [
        Chunk(id=f"{chunk.id}a", article_id=chunk.article_id, sentences=chunk.sentences[:middle]),
        Chunk(id=f"{chunk.id}b", article_id=chunk.article_id, sentences=chunk.sentences[middle:]),
    ]
