"""The embedded server's lifeline: whatever ends the run, the watchdog stops the server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from tests.test_embedded import eventually, processes_with

# A stand-in run: starts a long-lived "server" through the same code path as the embedded model
# and prints its pid, then waits to be killed.
RUN = """
import sys, tempfile, time
from briefing.local import start_watched
process, lifeline = start_watched([sys.executable, "-c", "import time; time.sleep(120)"],
                                  tempfile.TemporaryFile())
print(process.pid, flush=True)
time.sleep(120)
"""


def start_run(marker: str) -> subprocess.Popen[str]:
    root = Path(__file__).resolve().parent.parent
    return subprocess.Popen(
        [sys.executable, "-c", RUN], stdout=subprocess.PIPE, text=True, cwd=root,
        env={**os.environ, "BRIEFING_TEST_RUN": marker},
    )  # fmt: skip


def test_server_started_by_a_run_stops_when_the_run_is_killed_with_sigkill():
    marker = f"lifeline-{uuid.uuid4()}"
    run = start_run(marker)
    assert run.stdout is not None
    run.stdout.readline()  # the server is started
    # The run, its watchdog and the server.
    assert eventually(5, lambda: len(processes_with(marker)) == 3), processes_with(marker)
    run.send_signal(signal.SIGKILL)
    run.wait()
    # Neither the watchdog nor the server is left (a zombie has no environment to match).
    assert eventually(15, lambda: processes_with(marker) == []), processes_with(marker)


def test_killing_the_watchdog_itself_leaves_no_server_behind():
    marker = f"lifeline-{uuid.uuid4()}"
    run = start_run(marker)
    assert run.stdout is not None
    watchdog = int(run.stdout.readline())
    time.sleep(0.5)
    os.kill(watchdog, signal.SIGKILL)
    try:
        # Only the run itself is left: the server died with its watchdog (parent-death signal).
        assert eventually(10, lambda: len(processes_with(marker)) == 1), processes_with(marker)
    finally:
        run.kill()
        run.wait()
