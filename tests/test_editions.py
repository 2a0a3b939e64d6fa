"""Reruns of a date: editions kept, what changed, and only new work sent to the model.

The model is a real local HTTP server answering every request correctly (tests/fault_server.py);
the embedded-model path is exercised with its start function replaced by that server.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import local
from briefing.cli import cli
from briefing.models import Briefing
from tests.conftest import CLEAN_ENV
from tests.fault_server import FaultServer, valid_answer
from tests.test_faults import POISONED, TALKS

# A second outlet repeats one sentence of TALKS word for word and adds two of its own.
FOLLOW_UP = """Geneva talks: buffer zone on the table

Borduria rejected the demand and proposed a monitored buffer zone instead.
Mediators from Helvetia offered to send observers to any buffer zone the two sides agree on.
A senior Ruritanian official called the observer offer premature on Thursday evening.
"""


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer([], responder=valid_answer) as running:
        yield running


@pytest.fixture
def embedded(monkeypatch, server: FaultServer) -> list[int]:
    """Stand in for the embedded llama.cpp server; records every start."""
    starts: list[int] = []

    @contextlib.contextmanager
    def fake_server() -> Iterator[str]:
        starts.append(1)
        yield server.base_url

    monkeypatch.setattr(local, "embedded_server", fake_server)
    return starts


def generate(folder: Path, tmp_path: Path, *extra: str):
    result = CliRunner().invoke(cli, [
        "generate", str(folder), "--date", "2025-12-05", "--out", str(tmp_path / "out"),
        "--cache-dir", str(tmp_path / "cache"), "--model", "test-model", *extra,
    ], env=CLEAN_ENV)  # fmt: skip
    assert result.exit_code == 0, result.output
    return result


def articles(tmp_path: Path, **texts: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text)
    return folder


def edition(tmp_path: Path, number: int) -> Briefing:
    path = tmp_path / "out" / "2025-12-05" / f"edition-{number}.json"
    return Briefing.model_validate_json(path.read_text())


def manifest(tmp_path: Path, number: int) -> dict:
    return json.loads((tmp_path / "out" / "2025-12-05" / f"manifest-{number}.json").read_text())


def findings(briefing: Briefing) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted(
        (item.kind, item.text, tuple(e.sentence_id for e in item.evidence))
        for story in briefing.stories
        for item in [*story.summary, *story.items]
    )


def test_rerun_with_nothing_new_makes_no_call_starts_no_server_and_rewrites_nothing(
    tmp_path: Path, server: FaultServer, embedded: list[int]
):
    folder = articles(tmp_path, a_talks=TALKS, b_strike=POISONED)
    generate(folder, tmp_path)
    first_calls = server.count
    assert embedded == [1] and first_calls > 0
    markdown = tmp_path / "out" / "2025-12-05.md"
    before = markdown.read_bytes()

    started = time.perf_counter()
    result = generate(folder, tmp_path)
    seconds = time.perf_counter() - started

    assert server.count == first_calls and embedded == [1]  # no request, no server start
    assert seconds < 2
    assert "0 LLM calls: nothing changed since edition 1" in result.output
    assert markdown.read_bytes() == before
    assert not (tmp_path / "out" / "2025-12-05" / "edition-2.json").exists()


def test_rerun_after_an_output_was_deleted_rebuilds_it_from_the_cache(
    tmp_path: Path, server: FaultServer, embedded: list[int]
):
    folder = articles(tmp_path, a_talks=TALKS, b_strike=POISONED)
    generate(folder, tmp_path)
    first_calls = server.count
    (tmp_path / "out" / "2025-12-05.md").unlink()

    result = generate(folder, tmp_path)

    assert server.count == first_calls and embedded == [1]  # answered from the cache
    assert findings(edition(tmp_path, 2)) == findings(edition(tmp_path, 1))
    assert "0 LLM calls" in result.output
    run = manifest(tmp_path, 2)
    assert run["llm_calls"] == 0 and run["cache_misses"] == 0 and not run["server_started"]
    assert run["cache_hits"] == manifest(tmp_path, 1)["cache_misses"]
    markdown = (tmp_path / "out" / "2025-12-05.md").read_text()
    assert "## What changed since the last edition" in markdown
    assert "Edition 2 compared with edition 1" in markdown
    assert "No finding was added" in markdown


def test_one_new_article_costs_its_new_sentences_and_one_summary(
    tmp_path: Path, server: FaultServer
):
    folder = articles(tmp_path, a_talks=TALKS, b_strike=POISONED)
    generate(folder, tmp_path, "--base-url", server.base_url)
    before = server.count
    articles(tmp_path, c_follow_up=FOLLOW_UP)
    generate(folder, tmp_path, "--base-url", server.base_url)

    new = [r["body"]["messages"][-1]["content"] for r in server.requests[before:]]
    labelling = [text for text in new if "<findings>" not in text]
    assert len(labelling) == 1
    # Only the new article's unseen sentences; its copy of a TALKS sentence is not sent again.
    assert "Mediators from Helvetia" in labelling[0]
    assert "Borduria rejected the demand" not in labelling[0]
    assert "Dock workers" not in labelling[0] and "Negotiators" not in labelling[0]
    summaries = [text for text in new if "<findings>" in text]
    assert len(summaries) == 1 and "Dock workers" not in summaries[0]  # the strike is unchanged


def test_new_edition_lists_new_findings_new_sources_and_unsupported_ones(
    tmp_path: Path, server: FaultServer
):
    folder = articles(tmp_path, a_talks=TALKS, b_strike=POISONED)
    generate(folder, tmp_path, "--base-url", server.base_url)
    articles(tmp_path, c_follow_up=FOLLOW_UP)
    (folder / "b_strike.txt").unlink()
    generate(folder, tmp_path, "--base-url", server.base_url)

    changes = edition(tmp_path, 2).changes
    assert changes is not None and changes.since_edition == 1
    new = {i.text for s in changes.stories for i in s.new_items}
    assert any("Mediators from Helvetia" in text for text in new)
    resourced = {i.text: i.new_sources for s in changes.stories for i in s.new_sources}
    (sources,) = [v for k, v in resourced.items() if k.startswith("Borduria rejected")]
    # The follow-up now carries it too; with no outlet known it is named by its number, not by
    # its title (often its opening sentence: the very finding).
    assert sources == ["source 2"]
    gone = {i.text for s in changes.stories for i in s.unsupported}
    assert any("Dock workers" in text for text in gone)
    assert all(i.cites.startswith("[edition 1 ") for s in changes.stories for i in s.unsupported)
    # Positional ids shifted (the strike was a2; the follow-up is a2 now), yet nothing that
    # stayed is reported as new.
    assert not any("Negotiators from Ruritania" in text for text in new)
    markdown = (tmp_path / "out" / "2025-12-05.md").read_text()
    assert markdown.index("What changed") < markdown.index("## Top stories")
    assert "No longer supported" in markdown and "New sources" in markdown


def test_the_brief_says_a_new_finding_once_whole_and_diff_shows_it_whole(
    tmp_path: Path, server: FaultServer
):
    folder = articles(tmp_path, a_talks=TALKS)
    generate(folder, tmp_path, "--base-url", server.base_url)
    articles(tmp_path, c_follow_up=FOLLOW_UP)
    generate(folder, tmp_path, "--base-url", server.base_url)

    whole = (
        "Mediators from Helvetia offered to send observers to any buffer zone the two sides "
        "agree on."
    )
    markdown = (tmp_path / "out" / "2025-12-05.md").read_text()
    flat = " ".join(markdown.split())
    assert flat.count(whole) == 1  # in its section, marked new
    assert flat.index("Mediators from Helvetia offered") < flat.index("## Top stories")
    assert "· new" in flat[flat.index(whole) :][: len(whole) + 40]
    shown = CliRunner().invoke(cli, ["diff", "--out", str(tmp_path / "out")]).output
    assert whole in " ".join(shown.split())


def test_editions_are_kept_and_diff_compares_any_two(tmp_path: Path, server: FaultServer):
    folder = articles(tmp_path, a_talks=TALKS)
    for extra in ({}, {"b_strike": POISONED}, {"c_follow_up": FOLLOW_UP}):
        articles(tmp_path, **extra)
        generate(folder, tmp_path, "--base-url", server.base_url)
    out = tmp_path / "out"
    assert sorted(p.name for p in (out / "2025-12-05").glob("edition-*.json")) == [
        "edition-1.json", "edition-2.json", "edition-3.json",
    ]  # fmt: skip
    assert json.loads((out / "2025-12-05.json").read_text())["edition"] == 3

    runner = CliRunner()
    last_two = runner.invoke(cli, ["diff", "--out", str(out)])
    assert last_two.exit_code == 0, last_two.output
    assert "Edition 3 compared with edition 2" in last_two.output
    assert "Mediators from Helvetia" in last_two.output
    assert "Negotiators from Ruritania" not in last_two.output  # unchanged: not listed

    first_last = runner.invoke(cli, ["diff", "2025-12-05/1", "2025-12-05", "--out", str(out)])
    assert "Edition 3 compared with edition 1" in first_last.output
    assert "Mediators" in first_last.output

    by_path = runner.invoke(
        cli, ["diff", str(out / "2025-12-05" / "edition-2.json"), "2025-12-05:1", "--out", str(out)]
    )
    assert "Edition 1 compared with edition 2" in by_path.output
    assert "No longer supported" in by_path.output


def test_diff_of_a_missing_edition_is_one_clear_line(tmp_path: Path):
    result = CliRunner().invoke(
        cli, ["diff", "2025-12-05/1", "2025-12-05/2", "--out", str(tmp_path)]
    )
    assert result.exit_code != 0
    assert "no editions of 2025-12-05" in str(result.exception)


def test_dry_run_estimates_without_calling_or_starting_anything(
    tmp_path: Path, server: FaultServer, embedded: list[int]
):
    folder = articles(tmp_path, a_talks=TALKS, b_strike=POISONED)
    result = generate(folder, tmp_path, "--dry-run")
    assert server.count == 0 and embedded == []
    assert "2 chunks (0 cached): 4 requests" in result.output
    assert "$0.0000" in result.output
    assert not (tmp_path / "out").exists()
    generate(folder, tmp_path)
    again = generate(folder, tmp_path, "--dry-run")
    assert "2 chunks (2 cached)" in again.output


def test_manifest_prices_tokens_from_the_configured_table(tmp_path: Path, server: FaultServer):
    config = tmp_path / "briefing.toml"
    config.write_text('[briefing.prices."test-model"]\nprompt = 1000000\ncompletion = 2000000\n')
    folder = articles(tmp_path, a_talks=TALKS)
    result = CliRunner().invoke(cli, [
        "--config", str(config), "generate", str(folder), "--date", "2025-12-05",
        "--out", str(tmp_path / "out"), "--no-cache", "--model", "test-model",
        "--base-url", server.base_url,
    ], env=CLEAN_ENV)  # fmt: skip
    assert result.exit_code == 0, result.output
    run = manifest(tmp_path, 1)
    # The fault server reports 10 prompt and 5 completion tokens per reply.
    assert run["cost_usd"] == run["prompt_tokens"] * 1 + run["completion_tokens"] * 2
    assert run["cache_hits"] == 0 and not (tmp_path / "cache").exists()


def test_a_toll_read_only_under_where_sources_differ_still_shows_as_changed():
    import datetime as dt

    from briefing.changes import compare_story
    from briefing.models import Difference, Evidence, Item, Source, Story, Variant

    def said(article: str, sentence: str, text: str) -> Evidence:
        return Evidence(sentence_id=f"{article}.{sentence}", article_id=article, text=text)

    first = "Floods killed 12 people in the north, officials said."
    second = "Floods killed 14 people in the north, the Red Cross said."
    later = "Floods have killed 38 people in the north, the governor said on Friday."
    lead = Item(
        kind="event",
        text="Rivers burst their banks after a week of rain.",
        evidence=[said("a1", "s2", "Rivers burst their banks after a week of rain.")],
    )

    def story(*values: tuple[str, str]) -> Story:
        variants = [
            Variant(text=t.split(" in ")[0], evidence=[said(a, "s1", t)]) for a, t in values
        ]
        return Story(
            id="st-1",
            title="Floods",
            article_ids=[a for a, _ in values],
            sections={"what_happened": [lead]},
            differences=[Difference(about="Death toll", kind="number", variants=variants)],
        )

    def brief(day: int, ids: list[str]) -> Briefing:
        return Briefing(
            topic="",
            date=dt.date(2025, 12, day),
            generated_at=dt.datetime.now(dt.UTC),
            sources=[
                Source(number=n, article_id=a, title=a, path=f"{a}.txt")
                for n, a in enumerate(ids, 1)
            ],
        )

    before = story(("a1", first), ("a2", second))
    after = story(("a1", first), ("a2", second), ("a3", later))
    changes = compare_story(before, after, brief(4, ["a1", "a2"]), brief(5, ["a1", "a2", "a3"]))
    (figure,) = changes.figures
    assert figure.after == "38 dead" and figure.new.text == later
