"""Commands and options only; the work happens in pipeline.py."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from . import ingest, screen
from .config import load_settings
from .errors import BriefingError

EXIT_ERROR = 1
EXIT_USAGE = 2  # README: `2` bad usage


class Display:
    """Progress bars on a terminal (rich); silence when stderr is a file or a pipe."""

    LABELS = {"extract": "labelling chunks", "summary": "choosing the summary"}

    def __init__(self, enabled: bool) -> None:
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        self.progress = (
            Progress(*columns, TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            if enabled
            else None
        )
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> Display:
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress:
            self.progress.stop()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.progress is None:
            return
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(self.LABELS.get(stage, stage), total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    help="Config file (default: ./briefing.toml, then the user config dir).",
)
@click.pass_context
def cli(ctx: click.Context, debug: bool, config_file: Path | None) -> None:
    """Turn a folder of news articles into a dated briefing in which every line cites the
    article sentence it came from.

    With no endpoint configured, an embedded local model is started for the run. Set
    OPENAI_BASE_URL (and OPENAI_API_KEY if needed) or pass --base-url to use OpenAI, Ollama,
    vLLM or llama.cpp instead.
    """
    ctx.obj = {"debug": debug, "config": config_file}


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--date",
    "date",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Date of the briefing (default: today); also resolves '2 days ago'.",
)
@click.option("--out", type=click.Path(path_type=Path), help="Output folder [briefings].")
@click.option(
    "--topic", help="Keep only the stories that mention every word of it; used in the title."
)
@click.option("--stories", type=click.IntRange(min=1), help="Number of stories [found].")
@click.option(
    "--min-sources",
    type=click.IntRange(min=1),
    help="Outlets a story needs for its own section; others are 'Also reported' [2].",
)
@click.option("--model", help="Model name at the endpoint.")
@click.option("--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1.")
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),
    help="LLM result cache folder [the platform cache dir, e.g. ~/.cache/briefing].",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the LLM result cache.")
@click.option("--dry-run", is_flag=True, help="Estimate requests, tokens and cost; call no model.")
@click.option("--concurrency", type=int, help="LLM requests in flight at once [1].")
@click.option(
    "--templates",
    type=click.Path(path_type=Path),
    help="Folder whose briefing.md.j2, briefing.html.j2 or briefing.css replace the built-ins.",
)
@click.option(
    "--format",
    "formats",
    metavar="LIST",
    help="Files to write, comma-separated: md,json,html,pdf [md,json,pdf].",
)
@click.option(
    "--follow-symlinks/--no-follow-symlinks",
    default=None,
    help="Read symbolic links to files outside FOLDER (refused by default).",
)
@click.pass_obj
def generate(obj: dict[str, Any], folder: Path, date: dt.datetime | None, **flags: Any) -> None:
    """Write briefings/<date>.md, .json and .pdf (see --format) from the articles in FOLDER."""
    from .pipeline import estimate
    from .pipeline import generate as run

    no_cache, dry_run = flags.pop("no_cache"), flags.pop("dry_run")
    flags["date"] = date.date() if date else None
    settings = load_settings(flags, obj["config"])
    if no_cache:
        settings = settings.model_copy(update={"cache_dir": None})
    if dry_run:
        e = estimate(folder, settings)
        click.echo(
            f"{e.chunks} chunks ({e.cached} cached): {e.requests} requests, "
            f"~{e.prompt_tokens} prompt tokens, at most {e.completion_tokens} completion tokens, "
            f"~${e.cost_usd:.4f}"
        )
        return
    with Display(sys.stderr.isatty()) as display:
        result = run(folder, settings, progress=display)
    for path in result.paths:
        click.echo(str(path))
    s = result.briefing.stats
    if result.unchanged:
        b = result.briefing
        click.echo(
            f"{s.articles} articles, 0 LLM calls: nothing changed since edition {b.edition} "
            f"({b.generated_at:%H:%M} UTC), so no file was rewritten"
        )
    else:
        click.echo(
            f"{s.articles} articles, {s.llm_calls} LLM calls ({s.cache_hits} cached), "
            f"{s.prompt_tokens + s.completion_tokens} tokens, {s.seconds:.1f} s"
            + (f", {s.skipped_files} files skipped" if s.skipped_files else "")
        )
    for problem in result.briefing.problems:
        click.echo(f"skipped {problem.path}: {problem.reason}", err=True)
    for warning in result.briefing.warnings:
        click.echo(f"warning: {warning}", err=True)
    for line in screen.warnings(result.briefing.suspicious):
        click.echo(f"warning: {line}", err=True)


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--date", "date", type=click.DateTime(["%Y-%m-%d"]), help="Resolve relative dates.")
def inspect(folder: Path, date: dt.datetime | None) -> None:
    """Show what ingestion keeps and removes from each article in FOLDER (no LLM)."""
    today = date.date() if date else dt.date.today()
    result = ingest.load_folder(folder, today=today)
    click.echo(ingest.describe(result))


@cli.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--out", type=click.Path(path_type=Path), help="Briefings folder [briefings].")
@click.pass_obj
def diff(obj: dict[str, Any], old: str | None, new: str | None, out: Path | None) -> None:
    """What changed between two editions: OLD and NEW are files or DATE/N (DATE = its latest).

    Without arguments: the last two editions of the latest date.
    """
    from . import editions

    out = out or load_settings({}, obj["config"]).out
    if old and new:
        pair = editions.resolve(old, out), editions.resolve(new, out)
    elif old:
        raise click.UsageError("pass two editions, or none for the last two")
    else:
        pair = editions.default_pair(out)
    click.echo(editions.changes_markdown(editions.diff(*pair)), nl=False)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the briefing's .json file (schema/briefing.schema.json)."""
    from .render import json_schema

    click.echo(json_schema(), nl=False)


def main() -> None:
    debug = "--debug" in sys.argv
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except click.UsageError as err:
        # A wrong flag or value is one line too (click prints usage text); exit code as documented.
        hint = f" (see '{err.ctx.command_path} --help')" if err.ctx else ""
        click.echo(f"error: {err.format_message()}{hint}", err=True)
        sys.exit(EXIT_USAGE)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except BriefingError as err:
        if debug:
            raise
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_ERROR)
