"""Chunk -> Digest: the model labels numbered source sentences (kind, party); it writes no facts.

Small models are weak writers but passable labellers, so the task is kept to choosing sentence
numbers and enum values. The JSON schema sent with each request is narrowed to the chunk: ids
are bounded by the number of sentences and parties are the names found in the chunk.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from . import settings
from .cache import Cache, make_key
from .chunk import halve
from .errors import LLMError, OutputTruncated
from .llm import LLM
from .models import Chunk, ChunkLabels, Digest, Usage
from .resources import prompt_version, render_prompt
from .text.names import NOT_NAMES, PARTY_NAME, without_possessive

SYSTEM, USER = "extract.system.j2", "extract.user.j2"
Progress = Callable[[int], None]


def candidate_parties(chunk: Chunk) -> list[str]:
    """Names that occur in the chunk, most frequent first; the model may choose only these."""
    counts: Counter[str] = Counter()
    for sentence in chunk.sentences:
        for match in PARTY_NAME.finditer(sentence.text):
            words = [without_possessive(w) for w in match.group().split()]
            name = " ".join(w for w in words if w not in NOT_NAMES)
            if len(name) > 2:
                counts[name] += 1
    return [name for name, _ in counts.most_common(settings.current().max_parties)]


def chunk_schema(chunk: Chunk, parties: list[str]) -> dict[str, Any]:
    schema = ChunkLabels.model_json_schema()
    label = schema["$defs"]["Label"]
    label["properties"]["id"]["maximum"] = len(chunk.sentences)
    label["properties"]["party"] = {"type": "string", "enum": ["", *parties]}
    label["required"] = ["id", "kind", "party"]
    # At most one label per sentence: keeps a looping small model from running to max_tokens.
    schema["properties"]["items"]["maxItems"] = len(chunk.sentences)
    return schema


def messages_for(chunk: Chunk, topic: str) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": render_prompt(SYSTEM)},
        {
            "role": "user",
            "content": render_prompt(USER, topic=topic, sentences=chunk.sentences),
        },
    ]


@dataclass(frozen=True)
class ChunkRequest:
    """What is sent for one chunk, and the cache key of its answer."""

    messages: list[dict[str, str]]
    schema: dict[str, Any]
    max_tokens: int
    key: str


def request_for(llm: LLM, chunk: Chunk, topic: str) -> ChunkRequest:
    """The request for a chunk; building it needs no server (used by --dry-run too)."""
    parties = candidate_parties(chunk)
    messages = messages_for(chunk, topic)
    schema = chunk_schema(chunk, parties)
    tuning = settings.current()
    per_sentence = tuning.answer_tokens_per_sentence * len(chunk.sentences)
    max_tokens = tuning.answer_tokens_base + per_sentence
    # llm.endpoint, not the URL: the embedded server gets a new port every run.
    key = make_key(
        task="extract", endpoint=llm.endpoint, model=llm.model, messages=messages,
        schema=schema, max_tokens=max_tokens, temperature=llm.temperature, seed=llm.seed,
        prompts=[prompt_version(SYSTEM), prompt_version(USER)],
    )  # fmt: skip
    return ChunkRequest(messages, schema, max_tokens, key)


def label_chunk(llm: LLM, chunk: Chunk, *, topic: str, cache: Cache) -> Digest:
    """Labels for one chunk, from the cache when this exact request was answered before."""
    request = request_for(llm, chunk, topic)
    hit = cache.get(request.key)
    if hit is not None:
        labels = ChunkLabels.model_validate(hit["labels"])
        return Digest(chunk_id=chunk.id, labels=labels.items, cached=True)
    labels, usage = llm.structured(
        request.messages, ChunkLabels, json_schema=request.schema, max_tokens=request.max_tokens
    )
    cache.put(request.key, {"labels": labels.model_dump(), "usage": usage.model_dump()})
    return Digest(chunk_id=chunk.id, labels=labels.items, usage=usage)


def label_with_split(llm: LLM, chunk: Chunk, *, topic: str, cache: Cache) -> list[Digest]:
    """Label a chunk; if the answer runs out of tokens, label its halves instead."""
    try:
        return [label_chunk(llm, chunk, topic=topic, cache=cache)]
    except OutputTruncated:
        halves = halve(chunk)
        if len(halves) == 1:
            raise
        return [d for half in halves for d in label_with_split(llm, half, topic=topic, cache=cache)]


class ExtractResult:
    def __init__(self) -> None:
        self.digests: list[Digest] = []
        self.chunks: dict[str, Chunk] = {}
        self.failures: list[str] = []

    @property
    def usage(self) -> Usage:
        total = Usage()
        for digest in self.digests:
            total = total + digest.usage
        return total


def label_all(
    llm: LLM,
    chunks: Iterable[Chunk],
    *,
    topic: str,
    cache: Cache,
    concurrency: int = 1,
    progress: Progress | None = None,
) -> ExtractResult:
    """Label every chunk; a chunk that keeps failing is reported and the rest carry on."""
    result = ExtractResult()
    chunks = list(chunks)

    def work(chunk: Chunk) -> tuple[Chunk, list[Digest] | LLMError]:
        try:
            return chunk, label_with_split(llm, chunk, topic=topic, cache=cache)
        except LLMError as err:
            return chunk, err

    pool = ThreadPoolExecutor(max_workers=max(1, concurrency))
    try:
        for chunk, outcome in pool.map(work, chunks):
            if isinstance(outcome, LLMError):
                result.failures.append(f"chunk {chunk.id}: {outcome}")
            else:
                result.digests.extend(outcome)
                for digest in outcome:
                    result.chunks[digest.chunk_id] = sub_chunk(chunk, digest.chunk_id)
            if progress:
                progress(1)
    except BaseException:
        # Ctrl-C, SIGTERM or a fatal error: start no further request; the finished ones are in
        # the cache, so a rerun resumes from there.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return result


def sub_chunk(chunk: Chunk, chunk_id: str) -> Chunk:
    """The chunk (or the half of it) a digest was made from, rebuilt from its id."""
    current = chunk
    for half in chunk_id.removeprefix(chunk.id):
        first, second = halve(current)
        current = first if half == "a" else second
    return current
