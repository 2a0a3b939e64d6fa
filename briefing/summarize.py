"""The summary: the model picks the most telling findings by number; their text stays verbatim."""

from __future__ import annotations

import re

from .cache import Cache, make_key
from .errors import LLMError
from .llm import LLM
from .models import Item, Story, SummaryPick
from .resources import prompt_version, render_prompt

SYSTEM, USER = "summary.system.j2", "summary.user.j2"
MAX_CANDIDATES = 10
SUMMARY_SIZE = 4
# Enough of a finding to judge it; the whole sentence was already sent once for labelling.
CANDIDATE_WORDS = 20


def candidates(story: Story) -> list[Item]:
    """The most corroborated findings of every section, each sentence once."""
    pool = story.items
    unique: dict[str, Item] = {}
    for item in sorted(pool, key=lambda i: -len(i.article_ids)):
        unique.setdefault(item.evidence[0].sentence_id, item)
    return list(unique.values())[:MAX_CANDIDATES]


def summarize(llm: LLM, story: Story, *, topic: str, cache: Cache) -> tuple[list[Item], list[str]]:
    """(summary items, warnings). Falls back, with a warning, to the most corroborated items."""
    pool = candidates(story)
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
            pick, usage = llm.structured(messages, SummaryPick, json_schema=schema, max_tokens=40)
            cache.put(key, {"pick": pick.model_dump(), "usage": usage.model_dump()})
    except LLMError as err:
        return pool[:SUMMARY_SIZE], [f"summary: {err}; showing the most corroborated findings"]
    chosen = [pool[i - 1] for i in dict.fromkeys(pick.ids) if 1 <= i <= len(pool)]
    chosen = chosen[:SUMMARY_SIZE]  # bottom line up front: a few sentences, not a section
    return chosen or pool[:SUMMARY_SIZE], []


def without_summary(story: Story) -> Story:
    """The story with its summary's findings shown once: taken out of the other sections (not
    the timeline, which dates them), so that a reader does not read them twice."""
    shown = {i.evidence[0].sentence_id for i in story.summary}

    def rest(items: list[Item]) -> list[Item]:
        return [i for i in items if i.evidence[0].sentence_id not in shown]

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


# --- the check on sentences a model writes --------------------------------------------------------

NUMBER = re.compile(
    r"\d[\d,.]*\d|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half)\b",
    re.I,
)
NAME = re.compile(r"\b[A-Z][\w’'.-]*[\w]")


def unsupported(sentence: str, evidence: list[str]) -> list[str]:
    """Numbers and names in a sentence the model wrote that none of its evidence contains.
    The sentence's first word counts as a name only when it is capitalised in the evidence too."""
    source = " ".join(evidence)
    lowered = source.lower()
    missing = [n for n in NUMBER.findall(sentence) if n.lower() not in lowered]
    for match in NAME.finditer(sentence):
        word = match.group().removesuffix("’s").removesuffix("'s")
        if match.start() == 0 and word.lower() in lowered and word not in source:
            continue  # an ordinary word that starts the sentence
        if word not in source:
            missing.append(word)
    return missing


def check(written: list[tuple[str, list[Item]]]) -> tuple[list[Item], int]:
    """(summary, failures): each (sentence, cited items) the model wrote is kept when every
    number and name in it occurs in the cited evidence; otherwise it is replaced by its first
    cited finding not yet shown, or dropped. Failures counts replaced and dropped sentences."""
    summary: list[Item] = []
    failures = 0
    shown: set[str] = set()
    for sentence, cited in written:
        evidence = [e for item in cited for e in item.evidence]
        if cited and sentence.strip() and not unsupported(sentence, [e.text for e in evidence]):
            summary.append(
                cited[0].model_copy(
                    update={"text": sentence.strip(), "evidence": evidence, "origin": "model"}
                )
            )
            shown |= {item.text for item in cited}
            continue
        failures += 1
        fresh = [item for item in cited if item.text not in shown]
        if fresh:
            summary.append(fresh[0])
            shown.add(fresh[0].text)
    return summary, failures


def opening(text: str) -> str:
    words = text.split()
    return " ".join(words[:CANDIDATE_WORDS]) + (" …" if len(words) > CANDIDATE_WORDS else "")
