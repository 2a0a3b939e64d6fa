"""Benchmark: a cold `briefing generate seeds/` on the embedded model.

Reports wall time (server start included), LLM calls, tokens, items dropped by grounding and the
peak memory of the run and of the model server. Run: .venv/bin/python bench/generate.py
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


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "briefing", "generate", str(ROOT / "seeds"),
             "--date", "2025-12-05", "--out", f"{tmp}/out", "--cache-dir", f"{tmp}/cache"],
            capture_output=True, text=True, cwd=ROOT,
        )  # fmt: skip
        wall = time.perf_counter() - started
        if run.returncode != 0:
            sys.exit(f"generate failed: {run.stderr.strip()}")
        stats = json.loads(Path(f"{tmp}/out/2025-12-05.json").read_text())["stats"]
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"wall time          {wall:.1f} s (goal < 180 s)")
    print(f"LLM calls          {stats['llm_calls']}")
    print(f"prompt tokens      {stats['prompt_tokens']}")
    print(f"completion tokens  {stats['completion_tokens']}")
    print(f"dropped labels     {sum(stats['dropped'].values())} {stats['dropped']}")
    print(f"peak RSS (largest child process) {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
