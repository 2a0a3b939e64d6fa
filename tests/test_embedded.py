"""The real embedded model: started on 127.0.0.1, used for a briefing, stopped afterwards."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.conftest import SEEDS

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
    assert run.returncode == 0, run.stderr
    markdown = (tmp_path / "out" / "2025-12-05.md").read_text()
    assert "## Sources" in markdown and "[1:s" in markdown
    # The server (which inherited the run's environment) is gone after the run.
    assert processes_with(marker) == []


def processes_with(marker: str) -> list[str]:
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker.encode() in environ.read_bytes():
                found.append(environ.parent.name)
        except OSError:
            continue
    return found
