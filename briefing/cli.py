"""Commands and options only; the work happens in pipeline.py."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from . import ingest, screen
from .config import load_settings
from .errors import BriefingError

EXIT_ERROR = 1


class Display:
    """Progress on a terminal; silence when stderr is a file or a pipe."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        label = "labelling chunks" if stage == "extract" else "choosing the summary"
        sys.stderr.write(f"\r{label}: {done}/{total}   ")
        sys.stderr.flush()
        if stage != "extract" or done == total:
            sys.stderr.write("\n")


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
@click.option("--topic", help="Free text used in the title and the prompts.")
@click.option("--model", help="Model name at the endpoint.")
@click.option("--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1.")
@click.option("--cache-dir", type=click.Path(path_type=Path), help="LLM result cache folder.")
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
    from .pipeline import generate as run

    flags["date"] = date.date() if date else None
    settings = load_settings(flags, obj["config"])
    result = run(folder, settings, progress=Display(sys.stderr.isatty()))
    for path in result.paths:
        click.echo(str(path))
    s = result.briefing.stats
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
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except BriefingError as err:
        if debug:
            raise
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_ERROR)
