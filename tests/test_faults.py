"""Faults of a real local HTTP server (tests/fault_server.py), from one request to a whole run.

Every test is bounded: small retry budgets, short timeouts, scripted servers that stop answering
well after a few requests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.errors import LLMError
from briefing.llm import LLM
from briefing.models import Briefing, ChunkLabels
from tests.conftest import CLEAN_ENV, ROOT
from tests.fault_server import FaultServer, Step, is_summary, numbered_lines, valid_answer

GOOD = json.dumps({"position": [1], "sticking_point": [], "next_step": [], "event": []})
MESSAGES = [{"role": "user", "content": "label"}]
TALKS = """Ceasefire talks resume in Geneva

Negotiators from Ruritania and Borduria met in Geneva on Thursday to resume ceasefire talks.
Ruritania demanded the withdrawal of all Bordurian troops from the border region first.
Borduria rejected the demand and proposed a monitored buffer zone instead.
Both delegations said they would meet again next week to discuss prisoner exchanges.
"""
POISONED = """Harbour strike enters second week

Dock workers in Port Vell stayed off the job for an eighth day on Friday, POISON said.
The union wants a pay rise of nine percent and a shorter working week for all members.
"""


def client(server: FaultServer, **kwargs) -> LLM:
    return LLM(server.base_url, "test-model", **{"max_retries": 2, "timeout": 5, **kwargs})


def confirmed(server: FaultServer, **kwargs) -> LLM:
    """A client whose first request (which confirms json_schema) has been answered."""
    model = client(server, **kwargs)
    model.structured(MESSAGES, ChunkLabels)
    return model


def gaps(server: FaultServer) -> list[float]:
    times = [r["time"] for r in server.requests]
    return [b - a for a, b in zip(times, times[1:], strict=False)]


# --- one request ------------------------------------------------------------------------------


def test_429_is_retried_after_the_wait_the_server_asks_for():
    steps = [Step(content=GOOD), Step(status=429, headers={"Retry-After": "1"}, body={}),
             Step(content=GOOD)]  # fmt: skip
    with FaultServer(steps) as server:
        labels, _ = confirmed(server).structured(MESSAGES, ChunkLabels)
    assert labels.position == [1]
    assert len(server.requests) == 3
    assert gaps(server)[1] >= 0.95


def test_429_on_the_first_request_is_retried_too_although_probes_skip_sdk_retries():
    steps = [Step(status=429, headers={"retry-after-ms": "700"}, body={}), Step(content=GOOD)]
    with FaultServer(steps) as server:
        labels, _ = client(server).structured(MESSAGES, ChunkLabels)
    assert labels.position == [1] and len(server.requests) == 2
    assert gaps(server)[0] >= 0.65
    # The 429 did not make us step down from json_schema.
    assert all(r["body"]["response_format"]["type"] == "json_schema" for r in server.requests)


def test_retry_after_beyond_two_minutes_is_not_waited_for():
    steps = [Step(status=429, headers={"Retry-After": "3600"}, body={"error": "quota"})]
    started = time.monotonic()
    with FaultServer(steps) as server:
        with pytest.raises(LLMError, match="HTTP 429"):
            client(server).structured(MESSAGES, ChunkLabels)
        assert len(server.requests) == 1
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_retried_within_the_budget(status: int):
    steps = [Step(content=GOOD), Step(status=status, body={"error": "busy"}), Step(content=GOOD)]
    with FaultServer(steps) as server:
        labels, _ = confirmed(server).structured(MESSAGES, ChunkLabels)
    assert labels.position == [1] and len(server.requests) == 3


@pytest.mark.parametrize("probe", [True, False])
def test_persistent_503_fails_with_one_clear_error_after_a_bounded_number_of_tries(probe: bool):
    # max_retries=2: three tries in all, whether the SDK (confirmed mode) or we (probe) retry.
    steps = [] if probe else [Step(content=GOOD)]
    steps += [Step(status=503, body={"error": "overloaded"})] * 5
    with FaultServer(steps) as server:
        model = client(server) if probe else confirmed(server)
        before = len(server.requests)
        with pytest.raises(LLMError, match=r"HTTP 503 \(after 3 tries\)"):
            model.structured(MESSAGES, ChunkLabels)
        assert len(server.requests) - before == 3


def test_reasks_never_multiply_transport_retries():
    # Invalid JSON is re-asked (tenacity); the 503 in between is retried by the SDK alone.
    steps = [Step(content=GOOD), Step(content="{nope"), Step(status=503, body={}),
             Step(content=GOOD)]  # fmt: skip
    with FaultServer(steps) as server:
        labels, usage = confirmed(server).structured(MESSAGES, ChunkLabels)
    assert labels.position == [1] and len(server.requests) == 4
    assert usage.completion_tokens == 10  # the two replies of this call


def test_connection_refused_is_one_clear_error():
    with FaultServer([]) as server:
        url = server.base_url
    with pytest.raises(LLMError, match="cannot reach the model"):
        LLM(url, "m", max_retries=1, timeout=2).structured(MESSAGES, ChunkLabels)


def test_timeout_is_retried_then_reported_with_the_limit():
    steps = [Step(content=GOOD, delay=1.5)] * 2
    started = time.monotonic()
    with FaultServer(steps) as server:
        with pytest.raises(LLMError, match=r"no answer within 0.4 s \(after 2 tries\)"):
            client(server, max_retries=1, timeout=0.4).structured(MESSAGES, ChunkLabels)
        assert len(server.requests) == 2
    assert time.monotonic() - started < 6


@pytest.mark.parametrize("raw", [b'{"id": "x", "choices": [{"mess', b"<html>502</html>"])
def test_a_body_that_is_not_a_completion_is_retried(raw: bytes):
    with FaultServer([Step(raw=raw), Step(content=GOOD)]) as server:
        labels, _ = client(server).structured(MESSAGES, ChunkLabels)
    assert labels.position == [1] and len(server.requests) == 2


def test_a_body_that_stays_broken_fails_within_the_budget():
    with FaultServer([Step(raw=b'{"choices": [')] * 3) as server:
        with pytest.raises(LLMError, match="not a chat completion"):
            client(server).structured(MESSAGES, ChunkLabels)
        assert len(server.requests) == 3


def test_truncated_json_content_is_reasked():
    with FaultServer([Step(content='{"position": [1, "sti'), Step(content=GOOD)]) as server:
        labels, _ = client(server).structured(MESSAGES, ChunkLabels)
    assert labels.position == [1]
    assert "invalid" in server.requests[1]["body"]["messages"][-1]["content"]


@pytest.mark.parametrize("empty", [Step(content=""), Step(body={"id": "x", "choices": []})])
def test_an_empty_reply_is_reasked(empty: Step):
    with FaultServer([empty, Step(content=GOOD)]) as server:
        labels, _ = client(server).structured(MESSAGES, ChunkLabels)
    assert labels.position == [1] and len(server.requests) == 2


def test_concurrent_workers_probe_an_unknown_endpoint_once():
    refusal = {"detail": [{"type": "literal_error", "loc": ["body", "response_format", "type"]}]}
    steps = [Step(status=500, body=refusal, delay=0.3)]
    with FaultServer(steps, responder=lambda body: Step(content=GOOD)) as server:
        model = client(server)
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda _: model.structured(MESSAGES, ChunkLabels), range(4)))
    formats = [r["body"]["response_format"]["type"] for r in server.requests]
    assert formats.count("json_schema") == 1 and len(formats) == 5


# --- a whole run ------------------------------------------------------------------------------


def run(folder: Path, server: FaultServer, tmp_path: Path, *extra: str):
    return CliRunner().invoke(cli, [
        "generate", str(folder), "--date", "2025-12-05", "--out", str(tmp_path / "out"),
        "--base-url", server.base_url, "--model", "test-model",
        "--cache-dir", str(tmp_path / "cache"), *extra,
    ], env=CLEAN_ENV)  # fmt: skip


def test_answer_cut_at_max_tokens_splits_the_chunk_end_to_end(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks.txt").write_text(TALKS)

    def cut_long_chunks(body: dict) -> Step:
        if not is_summary(body) and numbered_lines(body) > 2:
            return Step(content='{"position": [1], "ev', finish_reason="length")
        return valid_answer(body)

    with FaultServer([], responder=cut_long_chunks) as server:
        result = run(folder, server, tmp_path)
    assert result.exit_code == 0, result.output
    sizes = [numbered_lines(r["body"]) for r in server.requests if not is_summary(r["body"])]
    assert sizes == [4, 2, 2]  # the whole chunk, then its halves
    assert sum(is_summary(r["body"]) for r in server.requests) == 1
    briefing = Briefing.model_validate_json((tmp_path / "out" / "2025-12-05.json").read_text())
    (story,) = briefing.stories
    cited = {e.sentence_id for item in story.items for e in item.evidence}
    assert cited & {"a1.s1", "a1.s2"} and cited & {"a1.s3", "a1.s4"}  # both halves labelled
    assert not briefing.warnings


def test_a_chunk_that_keeps_failing_is_listed_and_the_rest_is_kept(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_talks.txt").write_text(TALKS)
    (folder / "b_strike.txt").write_text(POISONED)

    def poisoned(body: dict) -> Step:
        if "POISON" in body["messages"][-1]["content"]:
            return Step(status=503, body={"error": "model crashed on this input"})
        return valid_answer(body)

    with FaultServer([], responder=poisoned) as server:
        result = run(folder, server, tmp_path)
    assert result.exit_code == 0, result.output
    assert "warning: chunk a2.c1:" in result.output and "HTTP 503 (after 3 tries)" in result.output
    markdown = (tmp_path / "out" / "2025-12-05.md").read_text()
    not_included = markdown.split("## Not included")[1]
    assert "chunk a2.c1" in not_included and "HTTP 503" in not_included
    assert "Borduria rejected the demand" in markdown  # the other article is all there
    labelling = [r["body"] for r in server.requests if not is_summary(r["body"])]
    assert sum("POISON" in json.dumps(body) for body in labelling) == 3  # 1 try + 2 retries


def test_a_run_in_which_every_llm_request_fails_exits_3_and_says_so_at_the_top(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks.txt").write_text(TALKS)
    down = Step(status=503, body={"error": "model is down"})
    with FaultServer([], responder=lambda body: down) as server:
        result = run(folder, server, tmp_path)
        assert server.count > 0
    assert result.exit_code == 3, result.output
    assert "built without the model (exit code 3)" in result.output
    markdown = (tmp_path / "out" / "2025-12-05.md").read_text()
    assert markdown.split("\n## ")[0].count("**Built without the model:**") == 1
    assert "Borduria rejected the demand" in markdown  # the rules-only briefing is still written
    briefing = Briefing.model_validate_json((tmp_path / "out" / "2025-12-05.json").read_text())
    assert briefing.without_model


def test_a_run_whose_summary_alone_fails_is_not_built_without_the_model(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks.txt").write_text(TALKS)

    def summary_down(body: dict) -> Step:
        if is_summary(body):
            return Step(status=503, body={"error": "model is down"})
        return valid_answer(body)

    with FaultServer([], responder=summary_down) as server:
        result = run(folder, server, tmp_path)
    assert result.exit_code == 0, result.output
    assert "Built without the model" not in (tmp_path / "out" / "2025-12-05.md").read_text()


def test_two_runs_of_one_output_folder_at_once_make_the_llm_calls_of_one(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_talks.txt").write_text(TALKS)
    (folder / "b_strike.txt").write_text(POISONED.replace("POISON", "a spokesman"))
    slow = lambda body: valid_answer(body, delay=0.5)  # noqa: E731  the runs overlap
    with FaultServer([], responder=slow) as server:
        alone = run(folder, server, tmp_path / "alone")
        assert alone.exit_code == 0, alone.output
        one_run = server.count
        both = [generate_process(folder, server, tmp_path) for _ in range(2)]
        outcomes = [process.communicate(timeout=120) for process in both]
        assert [p.returncode for p in both] == [0, 0], outcomes
        assert server.count - one_run == one_run
    waited = [err for _, err in outcomes if "is writing to" in err]
    assert len(waited) == 1 and "waiting" in waited[0]
    # The second run found the first one's briefing of the same articles: nothing to redo.
    assert any("nothing changed since edition 1" in out for out, _ in outcomes), outcomes


def generate_process(folder: Path, server: FaultServer, tmp_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "generate", str(folder), "--date", "2025-12-05",
         "--out", str(tmp_path / "out"), "--base-url", server.base_url, "--model", "test-model",
         "--cache-dir", str(tmp_path / "cache")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path)},
    )  # fmt: skip


def test_backoff_doubles_from_half_a_second_and_stops_at_eight():
    from briefing.llm import backoff

    waits = [backoff(attempt) for attempt in range(1, 8)]
    assert 0.5 <= waits[0] <= 0.75
    assert all(later > earlier for earlier, later in zip(waits[:4], waits[1:5], strict=True))
    assert 8.0 <= waits[-1] <= 8.25
