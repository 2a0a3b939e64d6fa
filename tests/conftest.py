"""Shared fixtures: recorded LLM exchanges (vcrpy), isolated user dirs, a real misbehaving server.

LLM calls replay from cassettes/ with record mode "none": an unrecorded request fails loudly.
Re-record against the real embedded model with `make cassettes` (BRIEFING_RECORD=1).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import vcr

from briefing import llm as llm_module

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CASSETTES = ROOT / "cassettes"
RECORDING = os.environ.get("BRIEFING_RECORD") == "1"
# Cassettes store this address whatever port the recording server had.
REPLAY_BASE_URL = "http://127.0.0.1:8765/v1"
MODEL = "smollm2-135m-instruct"
SECRET_HEADERS = ["host", "authorization", "api-key", "x-api-key", "openai-organization", "cookie"]


def json_body(r1, r2) -> None:
    """Requests match when their JSON bodies are equal (key order and spacing do not matter)."""
    assert parse(r1.body) == parse(r2.body)


def parse(body: bytes | str | None) -> object:
    if not body:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return body


def to_replay_address(request):
    request.uri = request.uri.replace(request.host + ":" + str(request.port), "127.0.0.1:8765")
    return request


def scrub_response(response):
    headers = response["headers"]
    for name in list(headers):
        if name.lower() in ("set-cookie", "date", "x-request-id", "openai-organization"):
            del headers[name]
    return response


def make_vcr() -> vcr.VCR:
    recorder = vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode="all" if RECORDING else "none",
        match_on=["method", "path", "json_body"],
        filter_headers=SECRET_HEADERS,
        before_record_request=to_replay_address,
        before_record_response=scrub_response,
        decode_compressed_response=True,
    )
    recorder.register_matcher("json_body", json_body)
    return recorder


@pytest.fixture(scope="session")
def live_base_url() -> Iterator[str | None]:
    """When recording, the real embedded server; otherwise nothing is started."""
    if not RECORDING:
        yield None
        return
    from briefing.local import embedded_server

    with embedded_server() as base_url:
        yield base_url


@contextlib.contextmanager
def replaying(name: str, live_base_url: str | None) -> Iterator[str]:
    """Base URL of the model; the exchanges replay from (or record to) cassettes/<name>.yaml."""
    llm_module.forget_modes()
    with make_vcr().use_cassette(f"{name}.yaml"):
        yield live_base_url or REPLAY_BASE_URL
    llm_module.forget_modes()


@pytest.fixture
def llm_endpoint(request, live_base_url) -> Iterator[str]:
    with replaying(request.node.name, live_base_url) as base_url:
        yield base_url


@pytest.fixture(autouse=True)
def fresh_modes() -> Iterator[None]:
    """Every test starts without knowing which structured-output mode an endpoint accepts."""
    llm_module.forget_modes()
    yield
    llm_module.forget_modes()


# Everything a developer's environment could set that changes a run.
USER_ENV = (
    "OPENAI_API_KEY", "OPENAI_BASE_URL", "BRIEFING_MODEL", "BRIEFING_CACHE_DIR", "BRIEFING_OUT",
    "BRIEFING_CONCURRENCY",
)  # fmt: skip


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch) -> None:
    """No test reads the user's config, cache or endpoint settings."""
    for name in USER_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


# Run the CLI with no endpoint, key or model from the developer's environment.
CLEAN_ENV = {name: None for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "BRIEFING_MODEL")}
