"""Briefing -> Markdown / JSON files via templates/, written atomically."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import jinja2

from .cache import write_atomic
from .models import Briefing, Evidence
from .resources import resource_dir

MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>#|~])")


def md(text: str | None) -> str:
    """Article text shown as text: Markdown and HTML syntax in it cannot format or inject."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", " ".join((text or "").split()))


def citations(evidence: list[Evidence], briefing: Briefing) -> str:
    """'[1:s3, 2:s7]': source number and sentence number of every piece of evidence."""
    refs = []
    for item in evidence:
        sentence = item.sentence_id.split(".", 1)[1]
        refs.append(f"{briefing.source_number(item.article_id)}:{sentence}")
    return "[" + ", ".join(dict.fromkeys(refs)) + "]"


@cache
def template_env(extra_dir: str | None = None) -> jinja2.Environment:
    dirs = [Path(extra_dir)] if extra_dir else []
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*dirs, resource_dir("templates")]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown: escaping is done explicitly by the `md` filter
    )
    env.filters["md"] = md
    return env


def to_markdown(briefing: Briefing, templates: str | None = None) -> str:
    template = template_env(templates).get_template("briefing.md.j2")
    text = template.render(b=briefing, cite=lambda ev: citations(ev, briefing))
    return re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n"


def to_json(briefing: Briefing) -> str:
    return briefing.model_dump_json(indent=2) + "\n"


def write(briefing: Briefing, out_dir: Path, *, templates: str | None = None) -> list[Path]:
    stem = briefing.date.isoformat()
    outputs = {
        out_dir / f"{stem}.md": to_markdown(briefing, templates),
        out_dir / f"{stem}.json": to_json(briefing),
    }
    for path, text in outputs.items():
        write_atomic(path, text)
    return list(outputs)
