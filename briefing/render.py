"""Briefing -> Markdown / JSON / HTML / PDF files via templates/, written atomically.

Article text is data everywhere: the Markdown template escapes it with the `md` filters, the HTML
template is autoescaped, and the PDF is made from that HTML by WeasyPrint with a URL fetcher that
refuses everything but local files, so rendering never touches the network.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from . import sections, settings
from .cache import write_atomic
from .models import Briefing, Evidence
from .resources import resource_dir
from .text.sentences import quotation_marks

log = logging.getLogger(__name__)

DEFAULT_FORMATS = ("md", "json", "pdf")

# --- Markdown escaping --------------------------------------------------------------------------

MARKDOWN_SPECIALS = re.compile(r"([\\`*\[\]<>#|~$])")
# `_` only emphasises at a word edge: "snake_case" stays readable, "_x_" is escaped.
EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
ENTITY = re.compile(r"&(?=#?\w+;)")
# At the start of a line these open a list, a heading underline or a rule; a list marker only
# when a space or the line end follows ("2025. A year", not "50.8 percent" or "-5%"), a rule
# when "---" opens it.
BLOCK_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([-+])(?=\s|$|--)|^(=)")


def md(text: str | None) -> str:
    """Article text shown as text: Markdown and HTML syntax in it cannot format or inject."""
    text = " ".join((text or "").split())
    text = MARKDOWN_SPECIALS.sub(r"\\\1", text)
    text = EDGE_UNDERSCORE.sub(r"\\_", text)
    text = ENTITY.sub(r"\\&", text)
    return BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3] or m[4]}", text)


def md_code(text: str | None) -> str:
    """A code span that holds any text, backticks included (CommonMark: a longer fence)."""
    text = " ".join((text or "").split()) or " "
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


WEB_URL = re.compile(r"https?://[^\s<>`\\]+\Z", re.IGNORECASE)


# A continuation line must not start with one of these, or it would open a new block.
RISKY_LINE_START = re.compile(r"^(?:[-+*]|[-=]{2,}|\d{1,9}[.)]|`{3,}|~{3,})$|^`{3,}")
LIST_ITEM = re.compile(r"^(- |\d{1,9}\. )")
QUOTE_LINE = re.compile(r"^(\s{0,4}> )")
# A finding's handle (`^k3f9q`, see handles.py) stays on the line of the words before it.
HANDLE_WORD = re.compile(r"^\^[0-9a-z]{5,8}$")


def wrap_markdown(text: str, width: int | None = None) -> str:
    """Wrap paragraphs and list items at `width` for a plain editor; Markdown renders the same.

    Headings, HTML lines and rules are left alone; continuation lines of a list item are indented
    under its text, and a break never puts a block marker (`-`, `1.`, `===`) at a line start.
    """
    width = width or settings.current().markdown_width
    out = []
    for line in text.split("\n"):
        if len(line) <= width or line.startswith(("#", "<", "|", "    ", "---")):
            out.append(line)
            continue
        marker = LIST_ITEM.match(line)
        quote = QUOTE_LINE.match(line)  # a note under a finding goes on as a quote
        indent = " " * len(marker[1]) if marker else quote[1] if quote else ""
        out.extend(_wrap_words(line, width, indent))
    return "\n".join(out)


def _wrap_words(line: str, width: int, indent: str) -> list[str]:
    words = line.split(" ")
    lines = [words[0]]
    for word in words[1:]:
        if not word:
            lines[-1] += " "
            continue
        fits = len(lines[-1]) + 1 + len(word) <= width
        if fits or RISKY_LINE_START.match(word) or HANDLE_WORD.match(word):
            lines[-1] += " " + word
        else:
            lines.append(indent + word)
    return lines


# --- citations ----------------------------------------------------------------------------------


def refs(
    evidence: Iterable[Evidence], briefing: Briefing, whole: bool = False
) -> list[tuple[int, str]]:
    """(source number, sentence) of the evidence, in order: the first sentence of each source,
    which states what the line shows (a source's later sentences saying it again add no
    source; the JSON keeps them all), or with `whole` every sentence of the first source (a
    quote's words as shown, which may run over several sentences) and the first of the others
    (where they quote it: a tweet quoted in four pieces by one outlet had cited all four)."""
    found = [(briefing.source_number(e.article_id), e.ref.local) for e in evidence]
    own = found[0][0] if found else None
    cited: dict[tuple[int, str], None] = {}  # ordered, each once
    sources: set[int] = set()
    for number, sentence in found:
        if number not in sources or (whole and number == own):
            cited.setdefault((number, sentence))
            sources.add(number)
    return list(cited)


def citations(evidence: list[Evidence], briefing: Briefing, whole: bool = False) -> str:
    """'[1:s3, 2:s7]': source number and sentence number of the evidence (see refs)."""
    return "[" + ", ".join(f"{n}:{s}" for n, s in refs(evidence, briefing, whole)) + "]"


def outlets(evidence: list[Evidence], briefing: Briefing) -> str:
    """'Reuters, AP': the named outlets of the sources, each once. A source with no outlet is
    left to the citation beside it, which numbers it already ("source 3 [3:s1]" said it twice)."""
    by_id = {s.article_id: s for s in briefing.sources}
    names = [by_id[e.article_id].outlet for e in evidence if e.article_id in by_id]
    return ", ".join(dict.fromkeys(n for n in names if n))


def opening(text: str, words: int = 12) -> str:
    """The first words of a sentence the reader has already read in full (verbatim, cut with
    an ellipsis): the timeline dates a summary finding without repeating it. A cut never falls
    inside a quotation: it goes before the quotation mark ('told AFP, "To be…' would read as a
    quote that the source never ended), or the sentence stays whole."""
    parts = text.split(" ")
    if len(parts) <= words + 3:
        return text
    cut = " ".join(parts[:words])
    if quotation_marks(cut)[1]:
        cut = cut[: max(cut.rfind(m) for m in '“"')]
        if len(cut.split()) < 4:
            return text
    return cut.rstrip(" ,;:") + "…"


def file_name(path: str | None) -> str:
    """A source file by its name: the briefing is of one folder, and a full path is noise."""
    return Path(path or "").name or (path or "")


# --- templates ----------------------------------------------------------------------------------


def _environment(
    extra_dir: str | None, *, autoescape: bool, keep_trailing_newline: bool
) -> jinja2.Environment:
    # A user's --templates folder comes first, so any template (or the stylesheet) is overridable.
    dirs = [Path(extra_dir)] if extra_dir else []
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([*dirs, resource_dir("templates")]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=keep_trailing_newline,
        autoescape=autoescape,
    )


@cache
def template_env(extra_dir: str | None = None) -> jinja2.Environment:
    """Markdown templates: no autoescape, article text goes through the `md` filters."""
    env = _environment(extra_dir, autoescape=False, keep_trailing_newline=True)
    env.filters.update(md=md, md_code=md_code, file_name=file_name, opening=opening)
    return env


@cache
def html_env(extra_dir: str | None = None) -> jinja2.Environment:
    """HTML templates (and the stylesheet they include): every value is autoescaped."""
    env = _environment(extra_dir, autoescape=True, keep_trailing_newline=False)
    env.filters.update(file_name=file_name, opening=opening)
    env.tests["web_url"] = lambda url: bool(url and WEB_URL.match(url.strip()))
    return env


def _context(briefing: Briefing) -> dict[str, Any]:
    return {
        "b": briefing,
        "cite": lambda evidence, whole=False: citations(evidence, briefing, whole),
        "refs": lambda evidence, whole=False: refs(evidence, briefing, whole),
        "outlets_of": lambda evidence: outlets(evidence, briefing),
        "layout": sections.layout,
    }


def to_markdown(briefing: Briefing, templates: str | None = None, width: int | None = None) -> str:
    """Stable text: the same briefing gives the same bytes (no wall-clock time, no run counts)."""
    template = template_env(templates).get_template("briefing.md.j2")
    text = template.render(**_context(briefing))
    text = re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n"
    return wrap_markdown(text, width)


def to_html(briefing: Briefing, templates: str | None = None) -> str:
    """One self-contained page (stylesheet inline, no external resources)."""
    return html_env(templates).get_template("briefing.html.j2").render(**_context(briefing))


def to_pdf(briefing: Briefing, templates: str | None = None) -> bytes:
    """The HTML page laid out for print by WeasyPrint, fetching nothing from the network."""
    import weasyprint  # heavy (pango via cffi): only runs that write a PDF pay for it

    dirs = [Path(templates).resolve()] if templates else []
    fetcher = local_fetcher([*dirs, resource_dir("templates").resolve()])
    base_url = (dirs[0] if dirs else resource_dir("templates")).as_uri() + "/"
    html = weasyprint.HTML(string=to_html(briefing, templates), base_url=base_url,
                           url_fetcher=fetcher)  # fmt: skip
    return html.write_pdf()


def local_fetcher(allowed: list[Path]) -> Any:
    """A WeasyPrint URL fetcher for data: URLs and files inside `allowed`; nothing else."""
    from weasyprint.urls import URLFetcher

    class LocalOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:") or (url.startswith("file:") and _inside(url, allowed)):
                return super().fetch(url, headers)
            log.warning("refused to fetch %s while rendering the PDF", url)
            # WeasyPrint catches this, leaves the resource out and goes on.
            raise ValueError(f"rendering fetches no remote resource: {url}")

    return LocalOnly(allowed_protocols=("data", "file"), allow_redirects=False)


def _inside(url: str, allowed: list[Path]) -> bool:
    from urllib.parse import unquote, urlsplit

    path = Path(unquote(urlsplit(url).path)).resolve()
    return any(path.is_relative_to(folder) for folder in allowed)


def to_json(briefing: Briefing) -> str:
    return briefing.model_dump_json(indent=2) + "\n"


def json_schema() -> str:
    """The JSON Schema that every `<date>.json` validates against (schema/briefing.schema.json)."""
    schema = Briefing.model_json_schema(mode="serialization")
    head = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    return json.dumps({**head, **schema}, indent=2, ensure_ascii=False) + "\n"


RENDERERS = {
    "md": lambda b, templates: to_markdown(b, templates),
    "json": lambda b, _: to_json(b),
    "html": to_html,
    "pdf": to_pdf,
}


def write(
    briefing: Briefing,
    out_dir: Path,
    *,
    templates: str | None = None,
    formats: Iterable[str] = DEFAULT_FORMATS,
) -> list[Path]:
    """Write `<out>/<date>.<format>` for each format; every file appears whole or not at all."""
    formats = list(formats)
    paths = output_paths(out_dir, briefing.date, formats)
    for path, fmt in zip(paths, formats, strict=True):
        write_atomic(path, RENDERERS[fmt](briefing, templates))
    return paths


def output_paths(out_dir: Path, date: dt.date, formats: Iterable[str]) -> list[Path]:
    """Names come from the date alone: nothing from an article can steer where a file goes."""
    return [out_dir / f"{date.isoformat()}.{fmt}" for fmt in formats]
