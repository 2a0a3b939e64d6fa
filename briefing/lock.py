"""One run at a time per output folder: a second run waits for the first, then reuses its work.

Two runs writing the same folder would number the same edition twice and, worse, each pay for
every LLM call (each would even start its own embedded model on the same cores). The second one
waits on an advisory lock (flock) in the output folder instead; once it has the folder, the
first run's answers are in the cache (or its edition is already written), so it makes no call
twice. The kernel releases the lock however a run ends, SIGKILL included: there is no stale lock
file to clean up.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

LOCK_NAME = ".briefing.lock"


@contextlib.contextmanager
def output_folder(out: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the output folder for this run; if another run holds it, say so and wait."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; runs are not serialised there
        yield
        return
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK_NAME, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait(f"another run (pid {holder(handle) or '?'}) is writing to {out}; waiting")
            fcntl.flock(handle, fcntl.LOCK_EX)
        # Who holds the folder, for the message of the next run that waits.
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def holder(handle) -> str:
    handle.seek(0)
    return handle.read().strip()
