"""One article: plain text -> Draft (cleaning, metadata, repairs) -> Article with an id."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from ..models import Article
from ..text.datelines import without_dateline
from ..text.sentences import opening_sentences
from .draft import Draft, Known
from .files import UnusableFile
from .lines import split_label_prefix
from .metadata import (
    first_byline,
    outlet_in,
    page_footer,
    page_header,
    set_date,
    site_in,
    title_and_site,
    url_in,
)
from .outlets import without_tracking
from .published import split_date_prefix
from .repairs import curl_quotes, restore_apostrophes, strip_markup, without_list_markers
from .roles import (
    mark_captions,
    mark_fragment,
    mark_headings,
    mark_repeats,
    mark_tail,
    mark_title,
)
from .units import build_units


def clean_article(text: str, *, today: dt.date, known: Known | None = None) -> Draft:
    """Plain article text -> paragraphs and metadata, every dropped line kept in `removed`."""
    known = known or Known()
    repairs: list[str] = []
    lines = [
        part
        for line in text.split("\n")
        for dated in split_date_prefix(line.strip())
        for part in split_label_prefix(dated)
    ]
    units = build_units(strip_markup(lines, repairs))
    mark_captions(units)  # first: a photo caption above the story is not its headline
    title = mark_title(units, known.title)
    mark_repeats(units)
    title, titled_site = (title, None) if known.title else title_and_site(title)
    mark_tail(units)
    mark_headings(units)
    mark_fragment(units)
    body = without_list_markers([u.text for u in units if u.role == "body"], repairs)
    title = without_list_markers([title], repairs)[0] if title else title
    removed = [u.text for u in units if u.role not in ("body", "title")]
    body, title = restore_apostrophes(body, title, repairs)
    body, title = curl_quotes(body, title, repairs)
    header = page_header(units) or page_footer(units)
    url = without_tracking(known.url or url_in(header))
    draft = Draft(
        title=title,
        paragraphs=body,
        removed=removed,
        byline=known.byline or first_byline(units),
        outlet=known.outlet
        or outlet_in(units)
        or known.site
        or site_in(header, url)
        or titled_site,
        url=url,
        repairs=repairs,
    )
    set_date(draft, units, known, today)
    return draft


def require_text(path: Path | str, draft: Draft) -> Draft:
    if not draft.paragraphs:
        raise UnusableFile(
            path,
            "no article text left after removing page chrome; check that the file "
            "holds an article (see `briefing inspect`)",
        )
    return draft


TITLE_WORDS = 12


def make_article(number: int, path: Path, body: str) -> Article:
    """An article from text that is already clean; the title is its first paragraph."""
    return Article(
        id=f"a{number}",
        key=text_key(body),
        path=str(path),
        title=body.split("\n\n", 1)[0][:200],
        text=body,
    )


def title_from(text: str) -> str:
    """A title for an article without a headline: its opening sentence when that is short enough
    to read as one, else its first words, cut ("…"); without the wire's tag or place that
    opens it ("(RTTNews) - ", "WASHINGTON — ")."""
    text = without_dateline(text)
    first = opening_sentences(text, 1)
    if first and len(first[0].split()) <= TITLE_WORDS + 2:
        return first[0]
    words = text.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def article_from_draft(draft: Draft, *, path: Path, number: int, encoding: str) -> Article:
    text = "\n\n".join(draft.paragraphs)
    title, guessed = draft.title, False
    if not title:
        title, guessed = title_from(text), True
    return Article(
        id=f"a{number}",
        key=text_key(text),
        path=str(path),
        record=draft.record,
        title=" ".join(title.split()),
        title_from_text=guessed,
        text=text,
        outlet=draft.outlet,
        published=draft.published,
        date_approximate=draft.date_approximate,
        byline=draft.byline,
        url=draft.url,
        removed=draft.removed,
        repairs=draft.repairs,
        encoding=encoding,
    )
