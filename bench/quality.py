"""Score a briefing (its JSON) against the key facts an analyst expects from its sources.

    .venv/bin/python bench/quality.py briefings/2025-12-05.json
    .venv/bin/python bench/quality.py OUT.json --sources seeds --facts bench/facts/seeds.toml

Reports:
- coverage: share of facts matched by one briefing line (every regex of the fact's `all` list);
- length: words a reader sees (Markdown above "## Sources", citations removed) / source words;
- quotes verbatim: share of key quotes whose text occurs in the cleaned sources;
- items cited: share of lines whose every citation names a real sentence and copies it exactly.
Exits 1 when a floor is missed (--min-coverage, --max-length, 100% quotes and citations).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.chunk import segment  # noqa: E402
from briefing.ingest import load_folder  # noqa: E402
from briefing.models import Briefing  # noqa: E402
from briefing.render import to_markdown  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CITATION = re.compile(r"\[\d+:s\d+(?:, \d+:s\d+)*\]")


@dataclass
class Line:
    section: str
    text: str
    evidence: list[dict[str, Any]]


@dataclass
class Score:
    coverage: float
    covered: list[str]
    missed: list[str]
    words: int
    source_words: int
    quotes_verbatim: float
    items_cited: float
    lines: int

    @property
    def length(self) -> float:
        return self.words / max(1, self.source_words)

    def report(self) -> str:
        return "\n".join(
            [
                f"coverage        {self.coverage:6.1%}  ({len(self.covered)} of "
                f"{len(self.covered) + len(self.missed)} key facts)",
                f"length          {self.length:6.1%}  ({self.words} of {self.source_words} "
                "source words)",
                f"quotes verbatim {self.quotes_verbatim:6.1%}",
                f"items cited     {self.items_cited:6.1%}  ({self.lines} lines)",
                f"missed          {', '.join(self.missed) or '-'}",
            ]
        )


def lines_of(briefing: dict[str, Any]) -> list[Line]:
    """Every line a reader sees in the story sections, with its citations."""
    lines: list[Line] = []
    for story in briefing["stories"]:
        for item in story.get("summary", []):
            lines.append(Line("summary", item["text"], item["evidence"]))
        for items in story.get("positions", {}).values():
            lines += [Line("position", i["text"], i["evidence"]) for i in items]
        for section in ("sticking_points", "next_steps", "timeline"):
            lines += [Line(section, i["text"], i["evidence"]) for i in story.get(section, [])]
        for quote in story.get("quotes", []):
            text = f"{quote['text']} — {quote.get('speaker') or ''}"
            lines.append(Line("quote", text, quote["evidence"]))
        for difference in story.get("differences", []):
            variants = difference["variants"]
            text = " | ".join([difference["about"], *(v["text"] for v in variants)])
            evidence = [e for v in variants for e in v["evidence"]]
            lines.append(Line("difference", text, evidence))
    return lines


def matches(fact: dict[str, Any], text: str) -> bool:
    return all(re.search(pattern, text, re.I | re.S) for pattern in fact["all"])


def score(briefing_json: Path, sources: Path, facts_file: Path) -> Score:
    raw = json.loads(briefing_json.read_text())
    briefing = Briefing.model_validate(raw)
    facts = tomllib.loads(facts_file.read_text())["fact"]
    articles = load_folder(sources, today=briefing.date).articles
    sentences = {s.id: s.text for s in segment(articles).sentences}
    corpus = " ".join(" ".join(a.text.split()) for a in articles)
    lines = lines_of(raw)
    covered = [f["id"] for f in facts if any(matches(f, line.text) for line in lines)]
    missed = [f["id"] for f in facts if f["id"] not in covered]
    cited = [
        bool(line.evidence)
        and all(sentences.get(e["sentence_id"]) == e["text"] for e in line.evidence)
        for line in lines
    ]
    quotes = [q["text"] for s in raw["stories"] for q in s.get("quotes", [])]
    verbatim = [" ".join(q.split()) in corpus for q in quotes]
    markdown = to_markdown(briefing).split("\n## Sources")[0]
    shown = CITATION.sub(" ", markdown)
    return Score(
        coverage=len(covered) / max(1, len(facts)),
        covered=covered,
        missed=missed,
        words=len(re.findall(r"\w[\w'’.-]*", shown)),
        source_words=sum(len(a.text.split()) for a in articles),
        quotes_verbatim=sum(verbatim) / max(1, len(verbatim)),
        items_cited=sum(cited) / max(1, len(cited)),
        lines=len(lines),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("briefing", type=Path, help="a briefing's .json")
    parser.add_argument("--sources", type=Path, default=ROOT / "seeds")
    parser.add_argument("--facts", type=Path, default=ROOT / "bench" / "facts" / "seeds.toml")
    parser.add_argument("--min-coverage", type=float, default=0.0)
    parser.add_argument("--max-length", type=float, default=1 / 3)
    parser.add_argument("--json", action="store_true", help="print the score as JSON")
    args = parser.parse_args(argv)
    result = score(args.briefing, args.sources, args.facts)
    if args.json:
        print(json.dumps({**result.__dict__, "length": result.length}, default=str))
    else:
        print(result.report())
    ok = (
        result.coverage >= args.min_coverage
        and result.length <= args.max_length
        and result.quotes_verbatim == 1.0
        and result.items_cited == 1.0
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
