"""The real embedded model: started on 127.0.0.1, used for a briefing, stopped afterwards."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.embedded


def test_generate_with_nothing_configured_uses_and_stops_the_embedded_model(tmp_path: Path):
    pytest.importorskip("llama_cpp", reason="the [local] extra is not installed")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_4a7dfddbf9b37532.txt", folder)
    run = subprocess.run(
        [sys.executable, "-m", "briefing", "generate", str(folder), "--date", "2025-12-05",
         "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")],
        capture_output=True, text=True, timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    markdown = (tmp_path / "out" / "2025-12-05.md").read_text()
    assert "## Sources" in markdown and "[1:s" in markdown
    # The server is gone after the run: nothing listens for llama_cpp.server any more.
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert "llama_cpp.server" not in ps
