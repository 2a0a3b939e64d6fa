"""The summary: the model picks the most telling findings by number; their text stays verbatim."""

from __future__ import annotations

import re

from . import corroborate, settings, similar
from .cache import Cache, make_key
from .errors import LLMError
from .llm import LLM
from .models import Item, Story, SummaryPick
from .resources import prompt_version, render_prompt
from .text.sentences import points_back

SYSTEM, USER = "summary.system.j2", "summary.user.j2"


def candidates(story: Story) -> list[Item]:
    """The most important findings of every section that read alone, each sentence once, most
    important first (corroborate.importance: carried by several sources, an article's lead, an
    office holder speaking). Ranked by sources alone, a plane crash's summary led with "Former
    President Laura Chinchilla said via Twitter that Retana was her cousin", not the crash."""
    pool = [i for i in story.items if reads_alone(i.text)]
    unique: dict[str, Item] = {}
    for item in sorted(pool, key=lambda i: -importance(i, story)):
        unique.setdefault(item.evidence[0].sentence_id, item)
    return list(unique.values())[: settings.current().summary_candidates]


def importance(item: Item, story: Story) -> float:
    return corroborate.importance(item, len(story.article_ids))


def reads_alone(text: str) -> bool:
    """A summary line is read first and alone: not one that opens on a pronoun for someone named
    before it, nor the end of a quotation opened in the sentence before ("..., in our opinion,
    will not address the challenge.” he said")."""
    return not points_back(text) and not corroborate.closes_a_quotation_begun_before(text)


def summarize(llm: LLM, story: Story, *, topic: str, cache: Cache) -> tuple[list[Item], list[str]]:
    """(summary items, warnings). Falls back, with a warning, to the most important items."""
    pool = candidates(story)
    size = settings.current().summary_size
    if not pool:
        return [], []
    messages = [
        {"role": "system", "content": render_prompt(SYSTEM)},
        {
            "role": "user",
            "content": render_prompt(
                USER,
                topic=topic,
                items=[{"text": opening(i.text), "sources": len(i.article_ids)} for i in pool],
            ),
        },
    ]
    schema = SummaryPick.model_json_schema()
    schema["properties"]["ids"]["items"]["maximum"] = len(pool)
    schema["properties"]["ids"]["items"]["minimum"] = 1
    key = make_key(
        task="summary", endpoint=llm.endpoint, model=llm.model, messages=messages, schema=schema,
        temperature=llm.temperature, seed=llm.seed,
        prompts=[prompt_version(SYSTEM), prompt_version(USER)],
    )  # fmt: skip
    hit = cache.get(key)
    try:
        if hit is not None:
            pick = SummaryPick.model_validate(hit["pick"])
        else:
            pick, usage = llm.structured(
                messages, SummaryPick, json_schema=schema,
                max_tokens=settings.current().summary_answer_tokens,
            )  # fmt: skip
            cache.put(key, {"pick": pick.model_dump(), "usage": usage.model_dump()})
    except LLMError as err:
        return pool[:size], [f"summary: {err}; showing the most important findings"]
    chosen = [pool[i - 1] for i in dict.fromkeys(pick.ids) if 1 <= i <= len(pool)]
    chosen = chosen[:size]  # bottom line up front: a few sentences, not a section
    # The model picks; the order is the news's own: the bottom line, what happened, first.
    ranked = in_news_order(chosen or pool[:size], story)
    return distinct(ranked, background=[i.text for i in story.items]), []


def in_news_order(items: list[Item], story: Story) -> list[Item]:
    """The findings the articles open on first, by how many do (where the news puts its bottom
    line: a verdict two outlets lead with before a sentencing date three mention lower down),
    then the most important."""
    return sorted(items, key=lambda i: (-leads(i), -importance(i, story)))


def leads(item: Item) -> int:
    """Articles that open on the finding, when two or more do: one article's opening may be a
    feature's hook ("A law that protects consumers' data was written before the age of
    hacking.")."""
    n = sum(e.ref.number == 1 for e in item.evidence)
    return n if n >= 2 else 0


def distinct(items: list[Item], background: list[str] = ()) -> list[Item]:
    """The summary without a line that retells one above it (it stays in its section): every
    outlet's lead says the talks ended without a breakthrough, and a reader needs it once. A
    line with a figure the one it resembles lacks says something new ("an additional 2.5
    million Americans") and stays."""
    limit = settings.current().summary_overlap
    resemblance = similar.similarity_matrix([i.text for i in items], background)
    kept: list[int] = []
    for n, item in enumerate(items):
        like = [k for k in kept if resemblance[n, k] >= limit]
        if not like or figures(item.text) - set().union(*(figures(items[k].text) for k in like)):
            kept.append(n)
    return [items[n] for n in kept]


def figures(text: str) -> set[str]:
    return set(re.findall(r"\d[\d,.]*\d|\d", text))


def without_summary(story: Story) -> Story:
    """The story with its summary's findings shown once: taken out of the other sections (not
    the timeline, which dates them), so that a reader does not read them twice; so is a finding
    that a summary line retells with all its figures ("Equifax said Monday that an additional
    2.5 million Americans may have been affected", under the summary's "..., bringing the total
    to 145.5 million people")."""
    shown = {i.evidence[0].sentence_id for i in story.summary}
    retold = retold_by(story.summary, story, background=[i.text for i in story.items])

    def rest(items: list[Item]) -> list[Item]:
        return [i for i in items if i.evidence[0].sentence_id not in shown and i.text not in retold]

    positions = {party: rest(items) for party, items in story.positions.items()}
    sections = {key: rest(items) for key, items in story.sections.items()}
    return story.model_copy(
        update={
            "positions": {party: items for party, items in positions.items() if items},
            "sections": {key: items for key, items in sections.items() if items},
            "sticking_points": rest(story.sticking_points),
            "next_steps": rest(story.next_steps),
        }
    )


def retold_by(summary: list[Item], story: Story, background: list[str]) -> set[str]:
    """Texts of the story's section findings that say what a summary line says (settings:
    summary_retold) with no figure that line lacks."""
    findings = [
        i.text
        for items in [*story.sections.values(), *story.positions.values(),
                      story.sticking_points, story.next_steps]
        for i in items
    ]  # fmt: skip
    if not summary or not findings:
        return set()
    lines = [i.text for i in summary]
    resemblance = similar.similarity_matrix([*lines, *findings], background)
    bar = settings.current().summary_retold
    return {
        text
        for n, text in enumerate(findings, start=len(lines))
        if any(
            resemblance[n, k] >= bar
            and figures(text) <= figures(lines[k])
            and not corroborate.kept_apart(text, lines[k])  # a denial retells nothing
            for k in range(len(lines))
        )
    }


def opening(text: str) -> str:
    words, size = text.split(), settings.current().candidate_words
    return " ".join(words[:size]) + (" …" if len(words) > size else "")
