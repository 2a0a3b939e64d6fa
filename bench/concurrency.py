"""Benchmark --concurrency 1 vs 4 against the embedded model, cold (--no-cache), on the seeds.

    .venv/bin/python bench/concurrency.py

The server is started once and shared, so the times compare LLM work only. Peak memory: the
largest resident set of a generate run (children of this process) and of this process, which
hosts the model server's parent. The 2 cores may be shared with other work: timings are noisy.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing import local  # noqa: E402


def run(base_url: str, concurrency: int, tmp: Path) -> tuple[float, dict]:
    out = tmp / f"out-{concurrency}"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "generate", str(ROOT / "seeds"), "--date", "2025-12-05",
         "--out", str(out), "--no-cache", "--base-url", base_url, "--model", local.MODEL_NAME,
         "--concurrency", str(concurrency)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"generate failed: {done.stderr.strip()}")
    return wall, json.loads((out / "2025-12-05" / "manifest-1.json").read_text())


def main() -> None:
    with tempfile.TemporaryDirectory() as name, local.embedded_server() as base_url:
        run(base_url, 1, Path(name) / "warm")  # load the model pages; not timed
        for concurrency in (1, 4):
            wall, manifest = run(base_url, concurrency, Path(name))
            print(f"concurrency {concurrency}: {wall:6.1f} s wall, {manifest['llm_calls']} calls")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: largest child (model server or a run) {children:.0f} MB")


if __name__ == "__main__":
    main()
