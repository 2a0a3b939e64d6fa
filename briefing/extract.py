"""Chunk -> Digest: the model names the numbered source sentences of each kind; it writes no facts.

Small models are weak writers but passable labellers, so the task is kept to choosing sentence
numbers. The answer names only labelled sentences, grouped by kind, so it costs what it carries,
and the JSON schema sent with each request is narrowed to the chunk: numbers are bounded by the
number of sentences and every list by labels_per_kind, so a looping model (which a server's
grammar lets fill whatever the schema allows) cannot run on. The party of a labelled sentence is
read from the chunk, not asked for: the name it mentions first (see party_of).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, get_args

from . import settings
from .cache import Cache, make_key
from .chunk import halve
from .errors import LLMError, OutputTruncated
from .llm import LLM
from .models import Chunk, ChunkLabels, Digest, Kind, Label, Usage
from .resources import prompt_version, render_prompt
from .text.names import NOT_NAMES, PARTY_NAME, without_possessive

SYSTEM, USER = "extract.system.j2", "extract.user.j2"
Progress = Callable[[int], None]


def candidate_parties(chunk: Chunk) -> list[str]:
    """Names that occur in the chunk, most frequent first; a label's party is one of these."""
    counts: Counter[str] = Counter()
    for sentence in chunk.sentences:
        for match in PARTY_NAME.finditer(sentence.text):
            words = [without_possessive(w) for w in match.group().split()]
            name = " ".join(w for w in words if w not in NOT_NAMES)
            if len(name) > 2:
                counts[name] += 1
    return [name for name, _ in counts.most_common(settings.current().max_parties)]


def labels_per_kind(chunk: Chunk) -> int:
    tuning = settings.current()
    return max(
        tuning.min_labels_per_kind, math.ceil(len(chunk.sentences) / tuning.sentences_per_label)
    )


def chunk_schema(chunk: Chunk) -> dict[str, Any]:
    """ChunkLabels' schema, every list bounded: its numbers by the chunk, its length by
    labels_per_kind. All four lists are required, so a grammar writes them in a fixed order."""
    schema = ChunkLabels.model_json_schema()
    for kind in get_args(Kind):
        numbers = schema["properties"][kind]
        numbers.pop("default", None)
        numbers["items"] = {"type": "integer", "minimum": 1, "maximum": len(chunk.sentences)}
        numbers["maxItems"] = labels_per_kind(chunk)
    schema["required"] = list(get_args(Kind))
    return schema


def answer_tokens(chunk: Chunk) -> int:
    """max_tokens of a chunk's answer: all it may carry under the schema, nothing more."""
    tuning = settings.current()
    allowed = len(get_args(Kind)) * labels_per_kind(chunk)
    return tuning.answer_tokens_base + tuning.answer_tokens_per_label * allowed


def labels_of(answer: ChunkLabels, chunk: Chunk) -> list[Label]:
    """The answer as labels, each with the party its sentence points at."""
    names = candidate_parties(chunk)
    return [
        Label(id=number, kind=kind, party=party_of(chunk, number, names))
        for number, kind in answer.numbered()
    ]


def party_of(chunk: Chunk, number: int, names: list[str]) -> str:
    """The name (of the chunk's `names`) that sentence `number` mentions first; for a sentence
    that names none, the one the nearest sentence before it names first (up to `carry_over` back):
    news text carries the actor over in pronouns. Empty when there is none."""
    if not 1 <= number <= len(chunk.sentences):
        return ""  # grounding drops the label
    back = settings.current().carry_over
    for sentence in reversed(chunk.sentences[max(0, number - 1 - back) : number]):
        found = [
            (match.start(), name)
            for name in names
            if (match := re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence.text))
        ]
        if found:
            return min(found)[1]
    return ""


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
    messages = messages_for(chunk, topic)
    schema = chunk_schema(chunk)
    max_tokens = answer_tokens(chunk)
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
        answer = ChunkLabels.model_validate(hit["labels"])
        return Digest(chunk_id=chunk.id, labels=labels_of(answer, chunk), cached=True)
    answer, usage = llm.structured(
        request.messages, ChunkLabels, json_schema=request.schema, max_tokens=request.max_tokens
    )
    cache.put(request.key, {"labels": answer.model_dump(), "usage": usage.model_dump()})
    return Digest(chunk_id=chunk.id, labels=labels_of(answer, chunk), usage=usage)


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
