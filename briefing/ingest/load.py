"""The driver: a folder or one file -> articles, problems and duplicates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import settings
from ..models import Article, IngestResult, Problem
from .article import article_from_draft, clean_article, require_text
from .decode import decode, normalize_unicode
from .duplicates import drop_duplicates
from .files import (
    MAX_BYTES,
    SUPPORTED,
    SUPPORTED_SUFFIXES,
    InputFolderError,
    UnusableFile,
    find_article_files,
    no_articles_reason,
    read_bytes,
)
from .formats import clean_html, clean_markdown, clean_record, json_records


def load_folder(
    folder: Path,
    *,
    today: dt.date,
    max_bytes: int = MAX_BYTES,
    follow_symlinks: bool = False,
) -> IngestResult:
    """Read every article file under `folder`; unusable files become Problems, never exceptions.

    Raises InputFolderError only when `folder` itself is missing or not a folder.
    """
    folder = Path(folder)
    if not folder.exists():
        raise InputFolderError(f"input folder not found: {folder}; check the path")
    if not folder.is_dir():
        raise InputFolderError(f"input is not a folder: {folder}; pass the folder of articles")
    paths, problems = find_article_files(folder, follow_symlinks=follow_symlinks)
    loaded: list[Article] = []
    for path in paths:
        try:
            loaded += load_file(
                path, today=today, max_bytes=max_bytes, number=len(loaded) + 1, problems=problems
            )
        except UnusableFile as err:
            problems.append(err.problem)
    articles, duplicates = drop_duplicates(loaded)
    articles = without_stray_guesses(articles)
    if not articles:
        problems.append(Problem(path=str(folder), reason=no_articles_reason(paths)))
    return IngestResult(articles=articles, problems=problems, duplicates=duplicates)


def without_stray_guesses(articles: list[Article]) -> list[Article]:
    """A guessed (approximate) date more than a month outside every date the folder's articles
    state is a date the story recalls, not its own ("Resolution 1701, adopted on Aug. 11, 2006
    ... late Tuesday" in a 2024 article): the article is left undated, and inspect says so."""
    stated = [a.published for a in articles if a.published and not a.date_approximate]
    if not stated:
        return articles
    margin = dt.timedelta(days=settings.current().stray_guess_days)
    earliest, latest = min(stated) - margin, max(stated) + margin
    return [
        a.model_copy(
            update={
                "published": None,
                "date_approximate": False,
                "repairs": [
                    *a.repairs,
                    f"guessed date {a.published.isoformat()} dropped: more than a month "
                    "outside the dates the other articles state",
                ],
            }
        )
        if a.published and a.date_approximate and not earliest <= a.published <= latest
        else a
        for a in articles
    ]


def load_file(
    path: Path,
    *,
    today: dt.date,
    max_bytes: int = MAX_BYTES,
    number: int = 1,
    problems: list[Problem] | None = None,
) -> list[Article]:
    """Read one file into articles with ids a{number}, a{number+1}, ...

    Raises UnusableFile when the file as a whole cannot be used. A bad record inside a JSON or
    JSONL file is appended to `problems` when a list is given, and raised otherwise.
    """
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnusableFile(path, f"not an article file ({SUPPORTED}); remove or rename it")
    text, encoding = decode(read_bytes(path, max_bytes), path)
    text = normalize_unicode(text)
    if not text.strip():
        raise UnusableFile(path, "empty file (only whitespace); add the article text or remove it")
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl"):
        drafts = []
        for item in json_records(path, text):
            if isinstance(item, Problem):
                if problems is None:
                    raise UnusableFile(item.path, item.reason)
                problems.append(item)
                continue
            record, metadata = item
            drafts.append(clean_record(path, record, metadata, today))
        if not drafts and problems is None:
            raise UnusableFile(path, "no usable records; each needs at least a text field")
    elif suffix in (".html", ".htm"):
        drafts = [clean_html(path, text, today)]
    elif suffix == ".md":
        drafts = [clean_markdown(path, text, today)]
    else:
        drafts = [require_text(path, clean_article(text, today=today))]
    return [
        article_from_draft(draft, path=path, number=number + i, encoding=encoding)
        for i, draft in enumerate(drafts)
    ]
