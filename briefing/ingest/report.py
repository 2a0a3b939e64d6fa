"""The `briefing inspect` report: what ingestion kept, removed, repaired and refused."""

from __future__ import annotations

from ..models import Article, IngestResult


def describe(result: IngestResult) -> str:
    """Human-readable account of an ingest run, for `briefing inspect DIR`."""
    blocks = [describe_article(article) for article in result.articles]
    if result.problems:
        blocks.append(
            f"Problems ({len(result.problems)}):\n"
            + "\n".join(f"- {p.path}: {p.reason}" for p in result.problems)
        )
    if result.duplicates:
        lines = [f"Duplicates ({len(result.duplicates)}):"]
        for d in result.duplicates:
            where = d.path + (f" #{d.record}" if d.record else "")
            what = "left out" if d.excluded else f"kept as {d.article_id}"
            lines.append(f"- {where} repeats {d.duplicate_of} (similarity {d.similarity}, {what})")
        blocks.append("\n".join(lines))
    if not result.articles:
        blocks.insert(0, "No articles.")
    return "\n\n".join(blocks) + "\n"


def describe_article(article: Article) -> str:
    paragraphs = article.text.split("\n\n")
    date = str(article.published) if article.published else "unknown"
    where = article.path + (f" #{article.record}" if article.record else "")
    head = [
        f"== {article.id}  {where}",
        f"title:     {article.title}" + ("  (from the text)" if article.title_from_text else ""),
        f"outlet:    {article.outlet or 'unknown'}",
        f"published: {date}" + ("  (approximate)" if article.date_approximate else ""),
        f"byline:    {article.byline or 'unknown'}",
        f"kept:      {len(paragraphs)} paragraphs, {len(article.text.split())} words",
    ]
    if article.url:
        head.append(f"url:       {article.url}")
    if article.encoding not in (None, "utf-8"):
        head.append(f"encoding:  {article.encoding}")
    if article.also_carried_by:
        head.append(f"also carried by: {', '.join(article.also_carried_by)}")
    head += [f"repaired:  {change}" for change in article.repairs]
    removed = [f"removed ({len(article.removed)}):"] + [f"- {line}" for line in article.removed]
    return "\n".join(head) + "\n\n" + article.text + "\n\n" + "\n".join(removed)
