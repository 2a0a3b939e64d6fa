"""Run a command that must not outlive the run that started it.

``python -m briefing.watchdog FD -- COMMAND...`` starts COMMAND and stops it as soon as the pipe
whose read end is FD reaches end of file. The run holds the only write end, and the kernel closes
it however the run ends: a normal exit, an exception, Ctrl-C, SIGTERM, or SIGKILL, which no
handler inside the run can catch. A parent-death signal alone would not do: on Linux it fires
when the *thread* that started the child ends, and the embedded server is started lazily from a
worker thread of the labelling pool, which ends long before the run.

A SIGTERM to the watchdog is passed on to COMMAND. On Linux COMMAND also gets a parent-death
signal from the watchdog (whose main thread started it), so killing the watchdog itself leaves
nothing behind either. Only the standard library is imported: the watchdog starts in ~30 ms.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import threading

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
GRACE = 10.0  # seconds COMMAND gets to stop after SIGTERM before it is killed


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("usage: python -m briefing.watchdog FD -- COMMAND...", file=sys.stderr)
        return 2
    watched = int(argv[0])
    watchdog = os.getpid()
    child = subprocess.Popen(argv[2:], preexec_fn=lambda: die_with(watchdog))
    signal.signal(signal.SIGTERM, lambda signum, frame: child.terminate())
    threading.Thread(target=stop_on_eof, args=(watched, child), daemon=True).start()
    code = child.wait()
    return code if code >= 0 else 128 - code


def stop_on_eof(fd: int, child: subprocess.Popen[bytes]) -> None:
    """Block until the run is gone (every write end of the pipe closed), then stop the child."""
    while os.read(fd, 1):
        pass  # nothing is ever written; data would only mean someone else holds the pipe
    child.terminate()
    try:
        child.wait(timeout=GRACE)
    except subprocess.TimeoutExpired:
        child.kill()


def die_with(parent: int) -> None:
    """In the child before exec: be killed when the watchdog dies (Linux only)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the watchdog died before the signal was armed
        os._exit(1)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
