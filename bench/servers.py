"""The seeds on both servers side by side: llama-cpp-python's server and llama.cpp's llama-server.

Same SmolLM2 GGUF, same prompts, no cache shared between them: LLM calls, prompt and completion
tokens, the structured-output mode the server took, wall time of `generate` (server start
apart), and the seeds' key facts covered (bench/quality.py with bench/facts/seeds.toml) by the
briefing and by the model's labels alone (where the servers can differ: rules are the same).
Needs the [local] extra and `make llama-server`. Run: .venv/bin/python bench/servers.py
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.quality import score  # noqa: E402
from briefing import llm, local, pipeline, settings  # noqa: E402
from briefing.config import load_settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATE = dt.date(2025, 12, 5)
FACTS = ROOT / "bench" / "facts" / "seeds.toml"
SERVERS: tuple[local.Server, ...] = ("llama-cpp-python", "llama-server")


@dataclass
class Row:
    server: str
    start: float
    calls: int
    prompt_tokens: int
    completion_tokens: int
    mode: str
    seconds: float
    coverage: float
    model_coverage: float


def run_on(server: local.Server, tmp: Path) -> Row:
    started = time.perf_counter()
    with local.embedded_server(server=server) as base_url:
        up = time.perf_counter() - started
        config = load_settings({
            "date": DATE, "out": tmp / server / "combined", "cache_dir": tmp / server / "cache",
            "base_url": base_url, "model": local.MODEL_NAME, "formats": "json,md",
        })  # fmt: skip
        result = pipeline.generate(ROOT / "seeds", config)
        mode = llm.LLM(base_url, local.MODEL_NAME).accepted_mode or "-"
        # The model's labels alone: the chunk answers come from the cache, only the summary
        # of the (different) findings is asked again.
        with settings.override(labels="model"):
            alone = config.model_copy(update={"out": tmp / server / "model"})
            pipeline.generate(ROOT / "seeds", alone)
    stats = result.briefing.stats
    facts = [score(tmp / server / labels / f"{DATE}.json", ROOT / "seeds", FACTS).coverage
             for labels in ("combined", "model")]  # fmt: skip
    return Row(
        server=server,
        start=up,
        calls=stats.llm_calls,
        prompt_tokens=stats.prompt_tokens,
        completion_tokens=stats.completion_tokens,
        mode=mode,
        seconds=stats.seconds,
        coverage=facts[0],
        model_coverage=facts[1],
    )


def table(rows: list[Row]) -> str:
    lines = [
        "| server | start | LLM calls | prompt tokens | completion tokens | mode | generate "
        "| key facts (briefing) | key facts (model labels alone) |",
        "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.server} | {r.start:.1f} s | {r.calls} | {r.prompt_tokens:,} | "
            f"{r.completion_tokens:,} | {r.mode} | {r.seconds:.1f} s | {r.coverage:.1%} | "
            f"{r.model_coverage:.1%} |"
        )
    return "\n".join(lines)


def within(a: float, b: float, share: float = 0.2) -> bool:
    return abs(a - b) <= share * max(a, b, 1e-9)


def main() -> int:
    if local.llama_server_binary() is None:
        sys.exit("llama-server is not built: run `make llama-server` first")
    with tempfile.TemporaryDirectory() as tmp:
        rows = [run_on(server, Path(tmp)) for server in SERVERS]
    print(table(rows))
    a, b = rows
    tokens = within(a.completion_tokens, b.completion_tokens)
    coverage = within(a.coverage, b.coverage) and within(a.model_coverage, b.model_coverage)
    print(f"\ncompletion tokens within 20%: {tokens}; key facts within 20%: {coverage}")
    return 0 if tokens and coverage else 1


if __name__ == "__main__":
    sys.exit(main())
