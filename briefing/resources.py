"""Where prompts/ and templates/ are: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import jinja2

PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    # A wheel carries them as briefing/<name> (pyproject force-include); a checkout has them at
    # the repository root.
    for candidate in (PACKAGE_DIR / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"briefing's {name}/ folder is missing; reinstall the package")


def as_data(text: str) -> str:
    """Article text inside a prompt: it cannot close or open the tags that delimit it as data."""
    return " ".join(text.split()).replace("<", "‹").replace(">", "›")


@cache
def prompt_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_dir("prompts")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["data"] = as_data
    return env


def render_prompt(name: str, **context: object) -> str:
    return prompt_env().get_template(name).render(**context).strip()


@cache
def prompt_version(name: str) -> str:
    """Hash of a prompt template's source: part of every cache key that used it."""
    source = (resource_dir("prompts") / name).read_bytes()
    return hashlib.sha256(source).hexdigest()[:12]


@cache
def code_version() -> str:
    """Hash of the package's code, prompts and templates: a new version makes a new briefing."""
    digest = hashlib.sha256()
    folders = [PACKAGE_DIR, resource_dir("prompts"), resource_dir("templates")]
    for path in sorted(p for folder in folders for p in folder.rglob("*") if p.is_file()):
        if path.suffix in (".py", ".j2", ".css", ".json"):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]
