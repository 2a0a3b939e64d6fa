"""A run killed with SIGKILL mid-way resumes without redoing the LLM calls it had finished."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, SEEDS
from tests.fault_server import FaultServer, valid_answer

KILL_AFTER = 3  # requests received; the first two are answered and cached, the third hangs


def generate(server: FaultServer, cache: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "generate", str(SEEDS), "--date", "2025-12-05",
         "--out", str(out), "--cache-dir", str(cache), "--concurrency", "1",
         "--base-url", server.base_url, "--model", "test-model"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={"PATH": os.environ["PATH"], "HOME": str(out.parent)},
    )  # fmt: skip


def test_killed_run_resumes_from_the_cache(tmp_path: Path):
    cache = tmp_path / "cache"
    delay = [0.4]  # slow while the first run is killed, then fast
    # One server for all runs: its URL is part of the cache key, as an endpoint's should be.
    with FaultServer([], responder=lambda body: valid_answer(body, delay=delay[0])) as server:
        run = generate(server, cache, tmp_path / "killed")
        deadline = time.monotonic() + 60
        while server.count < KILL_AFTER and time.monotonic() < deadline:
            assert run.poll() is None, run.communicate()
            time.sleep(0.02)
        os.kill(run.pid, signal.SIGKILL)
        run.communicate(timeout=10)
        assert run.returncode == -signal.SIGKILL
        time.sleep(delay[0])  # let the server finish answering the dead client
        killed_run = server.count
        delay[0] = 0.0

        resumed = generate(server, cache, tmp_path / "resumed")
        _, err = resumed.communicate(timeout=120)
        assert resumed.returncode == 0, err
        resumed_run = server.count - killed_run

        fresh = generate(server, tmp_path / "fresh-cache", tmp_path / "fresh")
        _, err = fresh.communicate(timeout=120)
        assert fresh.returncode == 0, err
        whole_run = server.count - killed_run - resumed_run

    assert killed_run == KILL_AFTER
    # Exactly the answered requests are not repeated; the one in flight is.
    assert resumed_run == whole_run - (KILL_AFTER - 1)
    assert (tmp_path / "resumed" / "2025-12-05.md").read_text().count("[") > 10
