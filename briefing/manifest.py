"""Run accounting: what a run cost (calls, cache hits, tokens, time, money), and --dry-run.

Each run writes ``briefings/<date>/manifest-<edition>.json`` beside its edition. Cost is an
estimate from the ``prices`` table of the settings (USD per million tokens, by model name);
models not in the table, like the embedded one, cost 0.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, Field

from . import extract, settings, summarize
from .cache import Cache, write_atomic
from .chunk import estimate_tokens
from .config import Price
from .llm import LLM
from .models import Briefing, Segmented, Usage
from .redact import redact_url
from .resources import render_prompt


class Manifest(BaseModel):
    """One run, for accounting and for comparing reruns."""

    date: dt.date
    edition: int
    generated_at: dt.datetime
    seconds: float = Field(description="Wall time of the run")
    model: str
    endpoint: str
    server_started: bool = Field(description="False when every answer came from the cache")
    chunks: int
    llm_calls: int = Field(description="Chat completions answered (re-asks included)")
    retries: int = Field(description="Transport retries made by briefing (the SDK's not counted)")
    cache_hits: int
    cache_misses: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    price: Price
    failed: list[str] = Field(default_factory=list, description="Chunks left out, and why")


class Estimate(BaseModel):
    """What a run would send, without calling the model (--dry-run)."""

    chunks: int
    cached: int = Field(description="Chunks whose answer is already in the cache")
    requests: int = Field(description="Requests to send: uncached chunks + one summary per story")
    prompt_tokens: int = Field(description="Estimated at 4 characters per token")
    completion_tokens: int = Field(description="Upper bound: the max_tokens of every request")
    cost_usd: float


def cost(usage: Usage, price: Price) -> float:
    return round(
        (usage.prompt_tokens * price.prompt + usage.completion_tokens * price.completion) / 1e6, 6
    )


def price_of(model: str, prices: dict[str, Price]) -> Price:
    return prices.get(model, Price())


def build(briefing: Briefing, llm: LLM, cache: Cache, price: Price, seconds: float) -> Manifest:
    usage = llm.log.usage
    return Manifest(
        date=briefing.date,
        edition=briefing.edition,
        generated_at=briefing.generated_at,
        seconds=round(seconds, 3),
        model=llm.model,
        endpoint=redact_url(llm.endpoint),
        server_started=llm.started,
        chunks=briefing.stats.chunks,
        llm_calls=llm.log.calls,
        retries=llm.log.retries,
        cache_hits=cache.hits,
        cache_misses=cache.misses,
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        cost_usd=cost(usage, price),
        price=price,
        failed=[w for w in briefing.warnings if w.startswith("chunk ")],
    )


def write(manifest: Manifest, out: Path) -> Path:
    path = out / manifest.date.isoformat() / f"manifest-{manifest.edition}.json"
    write_atomic(path, manifest.model_dump_json(indent=2) + "\n")
    return path


def estimate(
    segmented: Segmented, llm: LLM, cache: Cache, *, topic: str, stories: int, price: Price
) -> Estimate:
    """Tokens and cost of the requests a run would send; starts no server, sends nothing."""
    prompt = completion = requests = cached = 0
    for chunk in segmented.chunks:
        request = extract.request_for(llm, chunk, topic)
        if cache.peek(request.key):
            cached += 1
            continue
        requests += 1
        prompt += sum(estimate_tokens(m["content"]) for m in request.messages)
        completion += request.max_tokens
    if stories:
        # The summary request depends on the labels; estimate it with its largest candidate list.
        longest = sorted((s.text for s in segmented.sentences), key=len)
        sentences = longest[-settings.current().summary_candidates :]
        overhead = estimate_tokens(render_prompt(summarize.SYSTEM)) + 20
        per_story = overhead + sum(estimate_tokens(s) + 6 for s in sentences)
        requests += stories
        prompt += stories * per_story
        completion += stories * 40
    usage = Usage(prompt_tokens=prompt, completion_tokens=completion)
    return Estimate(
        chunks=len(segmented.chunks),
        cached=cached,
        requests=requests,
        prompt_tokens=prompt,
        completion_tokens=completion,
        cost_usd=cost(usage, price),
    )
