"""Which labels make the better briefing: the model's, cue-phrase rules, or both combined?

Runs `generate` on the seeds three times with the embedded model (the chunk labels are cached
after the first run, so only the per-story summary is asked again) and scores each briefing with
bench/quality.py. Run: .venv/bin/python bench/labels.py
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.quality import score  # noqa: E402
from briefing import pipeline, settings  # noqa: E402
from briefing.config import load_settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATE = dt.date(2025, 12, 5)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'labels':10} {'coverage':>9} {'length':>7} {'quotes':>7} {'cited':>6} lines")
        for labels in ("model", "rules", "combined"):
            out = Path(tmp) / labels
            config = load_settings(
                {"date": DATE, "out": out, "cache_dir": Path(tmp) / "cache", "formats": "json,md"}
            )
            with settings.override(labels=labels):
                pipeline.generate(ROOT / "seeds", config)
            result = score(out / f"{DATE}.json", ROOT / "seeds", ROOT / "bench/facts/seeds.toml")
            print(
                f"{labels:10} {result.coverage:9.1%} {result.length:7.1%} "
                f"{result.quotes_verbatim:7.1%} {result.items_cited:6.1%} {result.lines}"
            )


if __name__ == "__main__":
    main()
