"""Article -> numbered sentences -> chunks within a token budget.

Sentences get stable ids (``a3.s17``). A sentence already seen in an earlier article (syndicated
copy, wire rewrite) is not sent to the model again; it is kept as a duplicate so that grounding
can still credit every outlet that carried it.
"""

from __future__ import annotations

from . import settings
from .models import Article, Chunk, Segmented, Sentence
from .text.match import match_key
from .text.sentences import numbered


def estimate_tokens(text: str) -> int:
    return len(text) // settings.current().chars_per_token + 1


def segment(articles: list[Article], budget_tokens: int = 1200) -> Segmented:
    """Number all sentences and pack the not-yet-seen ones into chunks of at most budget tokens."""
    all_sentences: list[Sentence] = []
    chunks: list[Chunk] = []
    first_seen: dict[str, str] = {}
    duplicate_of: dict[str, str] = {}
    for article in articles:
        fresh: list[Sentence] = []
        for sentence in numbered(article):
            all_sentences.append(sentence)
            key = match_key(sentence.text)
            # Very short sentences ("He said.") repeat by chance; only dedupe substantial ones.
            if len(key) >= settings.current().repeat_min_chars and key in first_seen:
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
