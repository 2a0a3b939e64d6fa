"""Benchmark PDF rendering: the seeds briefing and a hand-built 100-item briefing.

    .venv/bin/python bench/render.py            # 3 runs each, best and median
    .venv/bin/python bench/render.py -n 5

The seeds briefing comes from the cassette-backed run of tests (cassettes/generate_seeds.yaml, no
model is started). The goal is under 3 seconds for 100 items. The first PDF of a process also
pays for importing WeasyPrint and loading fonts; it is reported on its own.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from click.testing import CliRunner  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from briefing import render  # noqa: E402
from briefing.cli import cli  # noqa: E402
from briefing.models import Briefing  # noqa: E402
from tests.conftest import CLEAN_ENV, MODEL, SEEDS, replaying  # noqa: E402
from tests.test_render import hand_built  # noqa: E402


def seeds_briefing(tmp: Path) -> Briefing:
    with replaying("generate_seeds", None) as base_url:
        result = CliRunner().invoke(cli, [
            "generate", str(SEEDS), "--date", "2025-12-05", "--out", str(tmp),
            "--base-url", base_url, "--model", MODEL, "--cache-dir", str(tmp / "cache"),
            "--format", "json",
        ], env=CLEAN_ENV)  # fmt: skip
    if result.exit_code != 0:
        sys.exit(f"seeds run failed: {result.output or result.exception}")
    return Briefing.model_validate_json((tmp / "2025-12-05.json").read_text())


def timed(briefing: Briefing, runs: int) -> tuple[list[float], int, int]:
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        data = render.to_pdf(briefing)
        times.append(time.perf_counter() - started)
        size = len(data)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    return times, size, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seeds = seeds_briefing(Path(tmp))
    big = hand_built(items=100 - 10)  # the hand-built briefing has 10 findings of its own
    count = sum(len(s.items) + len(s.summary) for s in big.stories)
    started = time.perf_counter()
    render.to_pdf(hand_built())
    print(f"first PDF of the process (import, fonts): {time.perf_counter() - started:.2f} s")
    for name, briefing in [("seeds", seeds), (f"hand-built, {count} items", big)]:
        times, size, pages = timed(briefing, args.runs)
        print(f"{name}: best {min(times):.2f} s, median {statistics.median(times):.2f} s "
              f"({args.runs} runs, {pages} pages, {size / 1024:.0f} KiB)")  # fmt: skip


if __name__ == "__main__":
    main()
