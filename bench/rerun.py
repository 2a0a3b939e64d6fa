"""Benchmark reruns on the seeds with the embedded model: cold run, rerun with nothing new, one new
article, and prompt tokens per token of unique source text.

    .venv/bin/python bench/rerun.py

Token ratio = prompt tokens the server counted over the whole cold run / tokens (model tokenizer)
of the unique sentences sent (after deduplication). The 2 cores may be shared: timings are noisy.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NEW_ARTICLE = """Kremlin says Putin, Witkoff talks on Ukraine peace plan will continue

Kremlin aide Yuri Ushakov said on Friday that contacts with U.S. envoy Steve Witkoff and Jared
Kushner on the U.S. peace plan for Ukraine would continue at the level of presidential aides.
Ushakov said Russia was still awaiting Washington's reaction to Tuesday's talks between Putin and
the U.S. envoys in the Kremlin, and that no compromise on territory had been found.
Ukraine's President Volodymyr Zelenskyy said Kyiv would send a delegation to meet the American
negotiators next week.
"""


def generate(folder: Path, tmp: Path) -> tuple[float, dict, str]:
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "briefing", "generate", str(folder), "--date", "2025-12-05",
         "--out", str(tmp / "out"), "--cache-dir", str(tmp / "cache")],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    wall = time.perf_counter() - started
    if run.returncode != 0:
        sys.exit(f"generate failed: {run.stderr.strip()}")
    manifests = sorted((tmp / "out" / "2025-12-05").glob("manifest-*.json"))
    latest = max(manifests, key=lambda p: int(p.stem.split("-")[1]))
    return wall, json.loads(latest.read_text()), run.stdout


def unique_source_tokens(folder: Path) -> int:
    import datetime as dt

    from llama_cpp import Llama

    from briefing import chunk, ingest, local

    articles = ingest.load_folder(folder, today=dt.date(2025, 12, 5)).articles
    segmented = chunk.segment(articles)
    text = "\n".join(s.text for c in segmented.chunks for s in c.sentences)
    vocab = Llama(str(local.bundled_model_path()), vocab_only=True, verbose=False)
    return len(vocab.tokenize(text.encode(), add_bos=False))


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        folder = tmp / "seeds"
        shutil.copytree(ROOT / "seeds", folder)
        cold_s, cold, _ = generate(folder, tmp)
        rerun_s, _, rerun_said = generate(folder, tmp)
        (folder / "zz_new.txt").write_text(NEW_ARTICLE)
        new_s, new, _ = generate(folder, tmp)
        source = unique_source_tokens(ROOT / "seeds")
    print(
        f"cold run:        {cold_s:6.1f} s, {cold['llm_calls']} calls, "
        f"{cold['prompt_tokens']} prompt + {cold['completion_tokens']} completion tokens"
    )
    # With nothing new no edition (and no manifest) is written; the command says so.
    print(f"rerun, nothing new: {rerun_s:5.2f} s, said: {rerun_said.strip().splitlines()[-1]}")
    print(
        f"one new article: {new_s:6.1f} s, {new['llm_calls']} calls "
        f"({new['cache_misses']} cache misses, {new['cache_hits']} hits)"
    )
    print(
        f"prompt tokens / unique source tokens: {cold['prompt_tokens']} / {source} = "
        f"{cold['prompt_tokens'] / source:.2f}"
    )


if __name__ == "__main__":
    main()
