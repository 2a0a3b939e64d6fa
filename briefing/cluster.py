"""Articles -> stories. Each article belongs to exactly one story.

For now every article of a run is one story; grouping by content replaces `group` (issue: a daily
brief across several stories). Story ids are stable: derived from the article that opened it.
"""

from __future__ import annotations

from .models import Article


def group(articles: list[Article]) -> list[list[Article]]:
    return [list(articles)] if articles else []


def story_id(articles: list[Article]) -> str:
    first = min(articles, key=lambda a: (a.published is None, a.published, a.key))
    return "st-" + first.key[:10]


def story_title(articles: list[Article]) -> str:
    """The headline of the earliest article: selected, never written."""
    first = min(articles, key=lambda a: (a.published is None, a.published, a.key))
    return first.title
