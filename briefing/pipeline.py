"""The stages in order: ingest -> chunk -> extract -> ground -> merge -> summarize -> render."""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import (
    chunk,
    cluster,
    editions,
    extract,
    ground,
    ingest,
    local,
    manifest,
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
from .models import Article, Briefing, RunStats

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
    # Stories are found before any LLM call: only the articles of stories shown in full (that
    # match the topic, with enough outlets) are sent to the model.
    stories = plan_stories(ingested.articles, settings)
    articles = stories.articles(ingested.articles)
    segmented = chunk.segment(articles, settings.chunk_tokens)
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
                         model=llm.model, endpoint=llm.endpoint)  # fmt: skip
        briefing = merge.merge(
            grounded.items, screen.unflagged(quotes.find_quotes(articles), suspicions),
            stories.shown(ingested.articles), stories.stories,
            topic=settings.topic, date=settings.date, problems=ingested.problems, stats=stats,
        )  # fmt: skip
        briefing.also_reported = stories.also_reported
        briefing.no_longer_covered = stories.no_longer_covered
        briefing.warnings = list(labelled.failures)
        briefing.suspicious = suspicions
        for number, story in enumerate(briefing.stories, start=1):
            report("summary", number, len(briefing.stories))
            story.summary, warnings = summarize.summarize(
                llm, story, topic=settings.topic, cache=cache
            )
            briefing.warnings += warnings
        stats.llm_calls = llm.log.calls
        stats.cache_hits = cache.hits
        stats.prompt_tokens = llm.log.usage.prompt_tokens
        stats.completion_tokens = llm.log.usage.completion_tokens
    stats.seconds = round(time.perf_counter() - started, 2)
    # The edition is numbered (and compared with the previous one) before rendering: the
    # Markdown opens with what changed.
    previous = editions.latest(settings.out, settings.date)
    edition = editions.save(briefing, settings.out, previous)
    paths = render.write(briefing, settings.out, templates=_str(settings.templates),
                         formats=settings.formats)  # fmt: skip
    cluster.save_index(settings.out, stories.index)  # only once the briefing is written
    price = manifest.price_of(llm.model, settings.prices)
    run = manifest.build(briefing, llm, cache, price, time.perf_counter() - started)
    return Result(briefing=briefing, paths=[*paths, edition, manifest.write(run, settings.out)])


def estimate(folder: Path, settings: Settings) -> manifest.Estimate:
    """What `generate` would send to the model (--dry-run): nothing is sent, no server starts."""
    ingested = ingest.load_folder(folder, today=settings.date, max_bytes=settings.max_bytes,
                                  follow_symlinks=settings.follow_symlinks)  # fmt: skip
    if not ingested.articles:
        raise BriefingError(f"no usable article in {folder} ({describe(ingested.problems)})")
    stories = plan_stories(ingested.articles, settings)
    segmented = chunk.segment(stories.articles(ingested.articles), settings.chunk_tokens)
    segmented = screen.withhold(segmented, screen.screen(ingested.articles))
    with open_llm(settings) as llm:
        return manifest.estimate(
            segmented, llm, Cache(settings.cache_dir), topic=settings.topic,
            stories=len(stories.stories),
            price=manifest.price_of(llm.model, settings.prices),
        )  # fmt: skip


def plan_stories(articles: list[Article], settings: Settings) -> cluster.Plan:
    """The stories of the run (no LLM), ids continued from the story index in the output folder."""
    plan = cluster.plan(
        articles, index=cluster.load_index(settings.out), date=settings.date,
        topic=settings.topic, stories=settings.stories, min_sources=settings.min_sources,
    )  # fmt: skip
    if not plan.stories:
        found = "; ".join(s.title for s in plan.left_out[:5])
        raise BriefingError(
            f"no story matches --topic {settings.topic!r} (stories found: {found}); "
            "use words that occur in the articles, or drop --topic"
        )
    return plan


@contextlib.contextmanager
def open_llm(settings: Settings) -> Iterator[LLM]:
    """The configured endpoint, or the embedded model started for this run and stopped after."""
    key = settings.api_key.get_secret_value() if settings.api_key else None
    if not settings.uses_embedded_model:
        base_url = settings.base_url or "https://api.openai.com/v1"
        yield LLM(base_url, settings.model or default_model(base_url, key), key,
                  timeout=settings.timeout)  # fmt: skip
        return
    # Started lazily, on the first request that misses the cache: a rerun with nothing new never
    # starts it. The start may happen on a worker thread, where embedded_server cannot turn
    # SIGTERM into SystemExit, so that is done here; the ExitStack stops the server.
    with contextlib.ExitStack() as stack, _sigterm_as_exit():
        yield LLM(
            None, settings.model or local.MODEL_NAME, None, timeout=settings.timeout,
            start=lambda: stack.enter_context(local.embedded_server()),
            endpoint=f"embedded:{local.GGUF_FILE}",
        )  # fmt: skip


@contextlib.contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_system_exit)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _raise_system_exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


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
