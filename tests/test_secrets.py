"""API keys never reach cassettes, output files, caches, logs or error messages."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.config import load_settings
from briefing.errors import BriefingError, ConfigError
from briefing.llm import LLM
from briefing.models import ChunkLabels
from tests.conftest import CASSETTES, ROOT
from tests.fault_server import NO_LABELS, FaultServer, Step

KEY = "sk-test-SECRET-0123456789abcdefXYZ"
ARTICLE = """Envoys Agree to Meet Again

KYIV, Dec 4 (Wire) - Ukrainian and U.S. envoys agreed on Thursday to meet again, officials said.
"""
# What a leaked credential looks like in a stored file.
CREDENTIAL = re.compile(
    r"authorization|bearer\s+\S|api[-_]key\s*[:=]\s*\S|\bsk-[A-Za-z0-9_-]{8,}", re.IGNORECASE
)
# A real-looking key or token in any other committed file (test fakes like KEY are short).
LIVE_KEY = re.compile(r"\bsk-(?!test-)[A-Za-z0-9_-]{20,}|bearer\s+[A-Za-z0-9._-]{20,}", re.I)
# The server echoes the key, as OpenAI's "Incorrect API key provided: sk-..." does.
REJECTION = {"error": {"message": f"Incorrect API key provided: {KEY}", "type": "auth"}}


def run_generate(tmp_path: Path, server: FaultServer, *extra: str):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "article.txt").write_text(ARTICLE)
    return CliRunner().invoke(
        cli,
        [
            "generate", str(folder), "--date", "2025-12-05", "--out", str(tmp_path / "out"),
            "--base-url", server.base_url, "--model", "test-model",
            "--cache-dir", str(tmp_path / "cache"), *extra,
        ],
        env={"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": None, "BRIEFING_MODEL": None},
    )  # fmt: skip


def text_of_files(folder: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in folder.rglob("*") if p.is_file())


def test_key_is_in_no_output_cache_or_message_of_a_successful_run(tmp_path):
    with FaultServer([Step(content=NO_LABELS)] * 4) as server:
        result = run_generate(tmp_path, server)
    assert result.exit_code == 0, result.output
    assert KEY not in result.stdout + result.stderr
    assert (tmp_path / "out").is_dir()
    assert KEY not in text_of_files(tmp_path / "out")
    assert KEY not in text_of_files(tmp_path / "cache")
    assert KEY not in text_of_files(tmp_path / "in")


def test_key_echoed_by_a_rejecting_server_is_not_in_the_error_line(tmp_path):
    with FaultServer([Step(status=401, body=REJECTION)] * 8) as server:
        result = run_generate(tmp_path, server)
    assert KEY not in result.stdout + result.stderr
    assert KEY not in str(result.exception or "")
    if (tmp_path / "out").exists():
        assert KEY not in text_of_files(tmp_path / "out")


def test_llm_error_does_not_carry_the_key():
    with FaultServer([Step(status=401, body=REJECTION)] * 8) as server:
        llm = LLM(server.base_url, "test-model", KEY, max_retries=0)
        with pytest.raises(BriefingError) as caught:
            llm.structured([{"role": "user", "content": "hi"}], ChunkLabels)
    assert KEY not in str(caught.value)
    assert "401" in str(caught.value)


def test_unreachable_endpoint_error_does_not_carry_the_key():
    llm = LLM("http://127.0.0.1:9/v1", "test-model", KEY, max_retries=0, timeout=2)
    with pytest.raises(BriefingError) as caught:
        llm.structured([{"role": "user", "content": "hi"}], ChunkLabels)
    assert KEY not in str(caught.value)


def test_settings_never_show_the_key():
    settings = load_settings({"api_key": KEY, "base_url": "http://127.0.0.1:9/v1"})
    assert KEY not in repr(settings) and KEY not in str(settings.model_dump())
    with pytest.raises(ConfigError) as caught:
        load_settings({"api_key": ["not", "a", "string", KEY]})
    assert KEY not in str(caught.value)


def committed_files(*patterns: str) -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", *patterns], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.split()
    return [ROOT / name for name in listed if (ROOT / name).is_file()]


def test_no_cassette_holds_a_credential():
    cassettes = sorted(CASSETTES.glob("*.yaml"))
    assert cassettes
    for cassette in cassettes:
        match = CREDENTIAL.search(cassette.read_text())
        assert match is None, f"{cassette.name}: {match.group()!r}"


def test_no_committed_manifest_or_briefing_holds_a_credential():
    for path in committed_files("*manifest*", "*.json", "*.jsonl", "*.toml", "*.yaml", "*.yml"):
        if path.is_relative_to(CASSETTES):
            continue
        match = LIVE_KEY.search(path.read_text(errors="replace"))
        assert match is None, f"{path.relative_to(ROOT)}: {match.group()[:12]}..."
