"""The stages in order: ingest -> stories -> chunk -> screen -> extract -> ground -> assemble
(corroborate, summarize) -> render. `generate` reads top to bottom; each step below it is one
stage call."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import (
    assemble,
    chunk,
    cluster,
    decisions,
    editions,
    extract,
    ground,
    handles,
    ingest,
    local,
    lock,
    manifest,
    quotes,
    render,
    resources,
    review,
    screen,
    story_index,
    summarize,
)
from . import settings as tuning
from .cache import Cache, write_atomic
from .config import Settings
from .errors import BriefingError
from .llm import LLM, first_model
from .models import Briefing, IngestResult, Quote, RunStats, Segmented, Story, Suspicion
from .redact import redact_url

Progress = Callable[[str, int, int], None]  # stage, done, total


@dataclass
class Result:
    briefing: Briefing
    paths: list[Path]
    unchanged: bool = False  # nothing new since the latest edition: nothing was rewritten
    reviewed: int = 0  # decisions read from briefs a person edited, before this run


@dataclass
class Prepared:
    """Everything decided before the first LLM call."""

    ingested: IngestResult
    stories: cluster.Plan
    segmented: Segmented
    suspicions: list[Suspicion]


def generate(
    folder: Path,
    settings: Settings,
    progress: Progress | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Result:
    """The briefing of `folder`; waits (calling `on_wait`) while another run writes `out`."""
    started = time.perf_counter()
    ingested = load(folder, settings)
    with lock.output_folder(settings.out, on_wait):
        return generate_loaded(ingested, settings, started, progress)


def generate_loaded(
    ingested: IngestResult, settings: Settings, started: float, progress: Progress | None = None
) -> Result:
    report = progress or (lambda stage, done, total: None)
    # A person's edits of earlier briefs are read first: they change this brief (and its key).
    reviewed = review.harvest(settings.out, edited_briefs(settings.out), editions.load)
    outputs = render.output_paths(settings.out, settings.date, settings.formats)
    same = editions.unchanged(settings.out, settings.date, input_key(ingested, settings), outputs)
    if same is not None:
        return Result(briefing=same, paths=outputs, unchanged=True, reviewed=reviewed)
    run = prepare(ingested, settings)
    cache = Cache(settings.cache_dir)
    with open_llm(settings) as llm:
        labelled = extract.label_all(
            llm, run.segmented.chunks, topic=settings.topic, cache=cache,
            concurrency=settings.concurrency, progress=counter(report, run.segmented),
        )  # fmt: skip
        grounded = ground.ground(labelled.digests, labelled.chunks, run.segmented)
        stories = assemble.stories(
            grounded.items, found_quotes(run), run.stories.stories,
            run.stories.shown(run.ingested.articles), run.segmented.sentences,
        )  # fmt: skip
        summaries = summarize_stories(llm, stories, settings, cache, report)
    briefing = assemble.briefing(
        stories, run.stories, run.ingested.articles, topic=settings.topic, date=settings.date,
        problems=run.ingested.problems, suspicious=run.suspicions,
        warnings=[*labelled.failures, *summaries.warnings],
        stats=run_stats(run, llm, cache, started, dropped=grounded.dropped),
    )  # fmt: skip
    briefing.without_model = without_model(labelled, summaries)
    result = write(briefing, run, settings, llm, cache, started)
    result.reviewed = reviewed
    return result


def edited_briefs(out: Path) -> list[tuple[Path, Path]]:
    """(the date's Markdown, its latest edition) for every date in the output folder."""
    return [
        (out / f"{day.isoformat()}.md", editions.path_of(out, day, editions.numbers(out, day)[-1]))
        for day in editions.dates(out)
    ]


def load(folder: Path, settings: Settings) -> IngestResult:
    ingested = ingest.load_folder(folder, today=settings.date, max_bytes=settings.max_bytes,
                                  follow_symlinks=settings.follow_symlinks)  # fmt: skip
    if not ingested.articles:
        raise BriefingError(f"no usable article in {folder} ({describe(ingested.problems)})")
    return ingested


def input_key(ingested: IngestResult, settings: Settings) -> str:
    """Everything a briefing depends on: articles, settings, code and prompts, the story index."""
    index = settings.out / story_index.INDEX_NAME
    review_file = decisions.review_path(settings.out)
    overrides = sorted(settings.templates.rglob("*")) if settings.templates else []
    return editions.fingerprint({
        "articles": [(a.key, a.path, a.published, a.outlet, a.title) for a in ingested.articles],
        "problems": [(p.path, p.reason) for p in ingested.problems],
        "settings": settings.model_dump(
            mode="json", exclude={"api_key", "cache_dir", "concurrency", "timeout"}
        ),
        "code": resources.code_version(),
        "tuning": tuning.current().model_dump(mode="json"),
        "templates": [(p.name, p.read_bytes()) for p in overrides if p.is_file()],
        "stories": index.read_bytes() if index.is_file() else b"",
        "review": review_file.read_bytes() if review_file.is_file() else b"",
    })  # fmt: skip


def prepare(ingested: IngestResult, settings: Settings) -> Prepared:
    """Group into stories and chunk: no LLM involved."""
    # Only the articles of stories shown in full (matching the topic, with enough outlets) are
    # sent to the model.
    stories = plan_stories(ingested, settings)
    segmented = chunk.segment(stories.articles(ingested.articles), settings.chunk_tokens)
    # Untrusted text: sentences that read as instructions to a model are never sent to it.
    suspicions = screen.screen(ingested.articles)
    segmented = screen.withhold(segmented, suspicions)
    return Prepared(ingested, stories, segmented, suspicions)


def estimate(folder: Path, settings: Settings) -> manifest.Estimate:
    """What `generate` would send to the model (--dry-run): nothing is sent, no server starts."""
    run = prepare(load(folder, settings), settings)
    with open_llm(settings) as llm:
        return manifest.estimate(
            run.segmented, llm, Cache(settings.cache_dir), topic=settings.topic,
            stories=len(run.stories.stories),
            price=manifest.price_of(llm.model, settings.prices),
        )  # fmt: skip


def plan_stories(ingested: IngestResult, settings: Settings) -> cluster.Plan:
    """The stories of the run (no LLM), ids continued from the story index in the output folder."""
    plan = cluster.plan(
        ingested.articles, index=story_index.load_index(settings.out), date=settings.date,
        topic=settings.topic, stories=settings.stories, min_sources=settings.min_sources,
    )  # fmt: skip
    if not plan.stories:
        found = "; ".join(s.title for s in plan.left_out[:5])
        raise BriefingError(
            f"no story matches --topic {settings.topic!r} (stories found: {found}); "
            "use words that occur in the articles, or drop --topic"
        )
    return plan


def found_quotes(run: Prepared) -> list[Quote]:
    shown = run.stories.articles(run.ingested.articles)
    return screen.unflagged(quotes.find_quotes(shown), run.suspicions)


@dataclass
class Summaries:
    warnings: list[str]
    answered: int  # summaries the model picked (live or from the cache)


def summarize_stories(
    llm: LLM, stories: list[Story], settings: Settings, cache: Cache, report: Progress
) -> Summaries:
    """Each story gets its summary; the warnings of summaries that fell back."""
    done = Summaries(warnings=[], answered=0)
    for number, story in enumerate(stories, start=1):
        report("summary", number, len(stories))
        story.summary, story_warnings = summarize.summarize(
            llm, story, topic=settings.topic, cache=cache
        )
        stories[number - 1] = summarize.without_summary(story)
        done.warnings += story_warnings
        done.answered += bool(story.summary and not story_warnings)
    return done


def without_model(labelled: extract.ExtractResult, summaries: Summaries) -> bool:
    """True when the model was needed and nothing it answered made it into the briefing."""
    failed = labelled.failures or summaries.warnings
    return bool(failed) and not labelled.digests and not summaries.answered


def counter(report: Progress, segmented: Segmented) -> Callable[[int], None]:
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        report("extract", done[0], len(segmented.chunks))

    return tick


def run_stats(
    run: Prepared, llm: LLM, cache: Cache, started: float, *, dropped: dict[str, int]
) -> RunStats:
    return RunStats(
        articles=len(run.ingested.articles),
        skipped_files=len(run.ingested.problems),
        chunks=len(run.segmented.chunks),
        llm_calls=llm.log.calls,
        cache_hits=cache.hits,
        prompt_tokens=llm.log.usage.prompt_tokens,
        completion_tokens=llm.log.usage.completion_tokens,
        seconds=round(time.perf_counter() - started, 2),
        dropped=dropped,
        model=llm.model,
        endpoint=redact_url(llm.endpoint),
    )


def write(
    briefing: Briefing, run: Prepared, settings: Settings, llm: LLM, cache: Cache, started: float
) -> Result:
    # The edition is numbered (and compared with the last brief) before rendering: the Markdown
    # opens with what changed. Handles come first: the review and the comparison use them.
    previous = editions.previous_brief(settings.out, settings.date, settings.compare_days)
    handles.assign_handles(briefing, previous)
    decisions.apply(briefing, decisions.load_decisions(settings.out), file=decisions.REVIEW_FILE)
    edition = editions.save(briefing, settings.out, previous)
    paths = render.write(briefing, settings.out, templates=_str(settings.templates),
                         formats=settings.formats)  # fmt: skip
    if "md" in settings.formats:  # what was written, to see later what a person changed
        markdown = render.output_paths(settings.out, settings.date, ["md"])[0]
        write_atomic(review.written_copy(edition), markdown.read_text(encoding="utf-8"))
    story_index.save_index(settings.out, run.stories.index)  # only once the briefing is written
    # Keyed after the index is saved: the next run starts from this index.
    editions.remember(settings.out, settings.date, input_key(run.ingested, settings),
                      briefing.edition)  # fmt: skip
    price = manifest.price_of(llm.model, settings.prices)
    record = manifest.build(briefing, llm, cache, price, time.perf_counter() - started)
    return Result(briefing=briefing, paths=[*paths, edition, manifest.write(record, settings.out)])


@contextlib.contextmanager
def open_llm(settings: Settings) -> Iterator[LLM]:
    """The configured endpoint, or the embedded model started for this run and stopped after."""
    key = settings.api_key.get_secret_value() if settings.api_key else None
    if not settings.uses_embedded_model:
        base_url = settings.base_url or "https://api.openai.com/v1"
        yield LLM(base_url, settings.model or first_model(base_url, key), key,
                  timeout=settings.timeout)  # fmt: skip
        return
    # Started lazily, on the first request that misses the cache: a rerun with nothing new never
    # starts it. The start may happen on a worker thread, where embedded_server cannot turn
    # SIGTERM into SystemExit, so that is done here; the ExitStack stops the server.
    with contextlib.ExitStack() as stack, local.sigterm_as_exit():
        yield LLM(
            None, settings.model or local.MODEL_NAME, None, timeout=settings.timeout,
            start=lambda: stack.enter_context(local.embedded_server()),
            endpoint=f"embedded:{local.GGUF_FILE}",
        )  # fmt: skip


def describe(problems: list) -> str:
    if not problems:
        return "the folder holds no .txt, .md, .html or .json article files"
    return "; ".join(f"{p.path}: {p.reason}" for p in problems[:3])


def _str(path: Path | None) -> str | None:
    return str(path) if path else None
