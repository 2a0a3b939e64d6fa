"""The stages in order: ingest -> chunk -> extract -> ground -> merge -> summarize -> render."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import (
    chunk,
    cluster,
    extract,
    ground,
    ingest,
    local,
    merge,
    quotes,
    render,
    screen,
    summarize,
)
from .cache import Cache
from .config import Settings
from .errors import BriefingError
from .llm import LLM
from .models import Briefing, RunStats

Progress = Callable[[str, int, int], None]  # stage, done, total


@dataclass
class Result:
    briefing: Briefing
    paths: list[Path]


def generate(folder: Path, settings: Settings, progress: Progress | None = None) -> Result:
    started = time.perf_counter()
    report = progress or (lambda stage, done, total: None)
    ingested = ingest.load_folder(folder, today=settings.date, max_bytes=settings.max_bytes,
                                  follow_symlinks=settings.follow_symlinks)  # fmt: skip
    if not ingested.articles:
        raise BriefingError(f"no usable article in {folder} ({describe(ingested.problems)})")
    segmented = chunk.segment(ingested.articles, settings.chunk_tokens)
    # Untrusted text: sentences that read as instructions to a model are never sent to it.
    suspicions = screen.screen(ingested.articles)
    segmented = screen.withhold(segmented, suspicions)
    cache = Cache(settings.cache_dir)
    with open_llm(settings) as llm:
        done = [0]

        def tick(n: int) -> None:
            done[0] += n
            report("extract", done[0], len(segmented.chunks))

        labelled = extract.label_all(
            llm, segmented.chunks, topic=settings.topic, cache=cache,
            concurrency=settings.concurrency, progress=tick,
        )  # fmt: skip
        grounded = ground.ground(labelled.digests, labelled.chunks, segmented)
        stats = RunStats(articles=len(ingested.articles), skipped_files=len(ingested.problems),
                         chunks=len(segmented.chunks), dropped=grounded.dropped,
                         model=llm.model, endpoint=llm.base_url)  # fmt: skip
        briefing = merge.merge(
            grounded.items, screen.unflagged(quotes.find_quotes(ingested.articles), suspicions),
            cluster.group(ingested.articles),
            topic=settings.topic, date=settings.date, problems=ingested.problems, stats=stats,
        )  # fmt: skip
        briefing.warnings = list(labelled.failures)
        briefing.suspicious = suspicions
        for number, story in enumerate(briefing.stories, start=1):
            report("summary", number, len(briefing.stories))
            story.summary, warnings = summarize.summarize(
                llm, story, topic=settings.topic, cache=cache
            )
            briefing.warnings += warnings
        stats.llm_calls = llm.log.calls
        stats.cache_hits = sum(d.cached for d in labelled.digests)
        stats.prompt_tokens = llm.log.usage.prompt_tokens
        stats.completion_tokens = llm.log.usage.completion_tokens
    stats.seconds = round(time.perf_counter() - started, 2)
    paths = render.write(briefing, settings.out, templates=_str(settings.templates),
                         formats=settings.formats)  # fmt: skip
    return Result(briefing=briefing, paths=paths)


@contextlib.contextmanager
def open_llm(settings: Settings) -> Iterator[LLM]:
    """The configured endpoint, or the embedded model started for this run and stopped after."""
    key = settings.api_key.get_secret_value() if settings.api_key else None
    if not settings.uses_embedded_model:
        base_url = settings.base_url or "https://api.openai.com/v1"
        yield LLM(base_url, settings.model or default_model(base_url, key), key,
                  timeout=settings.timeout)  # fmt: skip
        return
    with local.embedded_server() as base_url:
        yield LLM(base_url, settings.model or local.MODEL_NAME, None, timeout=settings.timeout)


def default_model(base_url: str, api_key: str | None) -> str:
    """OpenAI's small model, or the first model a self-hosted server lists."""
    if "api.openai.com" in base_url:
        return "gpt-4o-mini"
    probe = LLM(base_url, "", api_key, max_retries=0, timeout=10)
    try:
        models = probe.client.models.list()
    except Exception as err:  # noqa: BLE001 - any failure here means "cannot list models"
        raise BriefingError(
            f"cannot list models at {base_url} ({type(err).__name__}); pass --model NAME"
        ) from err
    names = [m.id for m in models.data]
    if not names:
        raise BriefingError(f"{base_url} lists no models; pass --model NAME")
    return names[0]


def describe(problems: list) -> str:
    if not problems:
        return "the folder holds no .txt, .md, .html or .json article files"
    return "; ".join(f"{p.path}: {p.reason}" for p in problems[:3])


def _str(path: Path | None) -> str | None:
    return str(path) if path else None
