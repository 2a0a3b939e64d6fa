"""Briefing quality on the development corpus and the seeds, against simple baselines.

    .venv/bin/python bench/quality.py --out /tmp/q                 # every tuned cluster + seeds
    .venv/bin/python bench/quality.py --out /tmp/q --clusters cop29-finance-deal-2024,seeds
    .venv/bin/python bench/quality.py --out /tmp/q --held-out      # also the two unseen clusters
    .venv/bin/python bench/quality.py --out /tmp/q --set finding_words=0.25   # a trial value
    .venv/bin/python bench/quality.py OUT.json --sources seeds --facts bench/facts/seeds.toml

Each devset cluster (../shared/devset: `<slug>/` articles, `<slug>.gold.json`) is briefed into
its own folder `<out>/<slug>/` on the gold's `date`; a cluster with `edition2_files` is briefed
first without them, then with them on `date2` (row `<slug>@2`). Every briefing is scored by the
corpus's own scorer (score.py) on its Markdown, as are the first-five-sentences (`lead5`) and
all-sentences (`all`) baselines of baseline.py. Per row:
- cov, comp: key facts covered; all Markdown words / source words (score.py's definitions);
- quotes: quotes found verbatim in the sources / quotes shown;
- dis: gold facts with "section": "disagreement" covered / all of them;
- false: lines of "Where sources differ" that match no gold disagreement (listed below the table);
- flags: injection flags raised on the cluster's (real, benign) news.
The held-out clusters (never tuned on) run only with --held-out and are reported apart, outside
the mean. The seeds row adds this file's older seed score (JSON lines, `seeds.toml`).

With a briefing .json as argument: that briefing's score against --sources and --facts (seeds).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.chunk import segment  # noqa: E402
from briefing.ingest import load_folder  # noqa: E402
from briefing.models import Briefing  # noqa: E402
from briefing.render import to_markdown  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# ../shared/devset beside the checkout (or beside the folder of worktrees a checkout sits in).
DEVSET = next(
    (p / "shared" / "devset" for p in ROOT.parents if (p / "shared" / "devset").is_dir()),
    ROOT.parent / "shared" / "devset",
)
HELD_OUT = ("tiangong1-reentry", "zimbabwe-election-2018")
SEEDS = "seeds"
SEEDS_DATE = "2025-12-05"
SEEDS_FACTS = ROOT / "bench" / "facts" / "seeds.toml"
CITATION = re.compile(r"\[\d+:s\d+(?:, \d+:s\d+)*\]")
DIFFERENCES = re.compile(r"^#{2,4} Where sources differ\s*$")


# --- one briefing against the seeds' facts (JSON lines; the older seed score) ---------------------


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
        for items in story.get("sections", {}).values():
            lines += [Line("section", i["text"], i["evidence"]) for i in items]
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


# --- the corpus ---------------------------------------------------------------------------------


@dataclass
class Case:
    """One briefing to make and score: a cluster's edition, or the seeds."""

    name: str
    sources: Path
    gold: Path
    date: str
    edition: int
    out: Path
    held_out: bool = False


@dataclass
class Row:
    case: Case
    result: dict[str, Any] = field(default_factory=dict)  # score.py's JSON line
    lead5: dict[str, Any] = field(default_factory=dict)
    everything: dict[str, Any] = field(default_factory=dict)
    disagreements: tuple[int, int] = (0, 0)
    false_differences: list[str] = field(default_factory=list)
    flags: int = 0
    seed_score: Score | None = None
    error: str = ""


def scorer(devset: Path) -> Any:
    """The corpus's score.py as a module (its line joining decides what one briefing line is)."""
    spec = importlib.util.spec_from_file_location("devset_score", devset / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cases(devset: Path, out: Path, names: list[str] | None, held_out: bool) -> list[Case]:
    """Every cluster edition of the devset (held-out ones only when asked), then the seeds."""
    found: list[Case] = []
    for gold_path in sorted(devset.glob("*.gold.json")):
        slug = gold_path.name.removesuffix(".gold.json")
        unseen = slug in HELD_OUT
        if (names and slug not in names) or (unseen and not held_out):
            continue
        gold = json.loads(gold_path.read_text())
        folder = out / slug
        later = gold.get("edition2_files") or []
        first = folder / "edition1-sources" if later else devset / slug
        found.append(Case(slug, first, gold_path, gold["date"], 1, folder / "briefings", unseen))
        if later:
            found.append(Case(f"{slug}@2", devset / slug, gold_path, gold["date2"], 2,
                              folder / "briefings", unseen))  # fmt: skip
    if not names or SEEDS in names:
        folder = out / SEEDS
        found.append(Case(SEEDS, ROOT / "seeds", folder / "seeds.gold.json", SEEDS_DATE, 1,
                          folder / "briefings"))  # fmt: skip
    return found


def prepare(case: Case, devset: Path) -> None:
    """A fresh output folder (a rerun must not become edition 2, which opens with what changed);
    edition-1 sources without the later files; the seeds' facts in the corpus's gold format."""
    if case.edition == 1:
        shutil.rmtree(case.out.parent, ignore_errors=True)
        case.out.parent.mkdir(parents=True)
    if case.name == SEEDS:
        facts = tomllib.loads(SEEDS_FACTS.read_text())["fact"]
        gold = {"facts": [{"id": f["id"], "all": [[rx] for rx in f["all"]]} for f in facts]}
        case.gold.write_text(json.dumps(gold, indent=1))
        return
    gold = json.loads(case.gold.read_text())
    later = set(gold.get("edition2_files") or [])
    if later and case.edition == 1:
        case.sources.mkdir()
        slug = case.gold.name.removesuffix(".gold.json")
        for path in sorted((devset / slug).iterdir()):
            if path.is_file() and path.name not in later:
                shutil.copy2(path, case.sources / path.name)


def generate(case: Case, cache_dir: Path | None, tuning: dict[str, Any] | None = None) -> str:
    """Run `briefing generate` on the case (with trial `tuning` values); '' or its error."""
    command = [sys.executable, "-m", "briefing", "generate", str(case.sources), "--date",
               case.date, "--out", str(case.out), "--format", "md,json"]  # fmt: skip
    if cache_dir:
        command += ["--cache-dir", str(cache_dir)]
    env = {**os.environ, "BRIEFING_TUNING": json.dumps(tuning)} if tuning else None
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    return "" if run.returncode == 0 else (run.stderr.strip().splitlines() or ["failed"])[-1]


def score_markdown(markdown: Path, case: Case, devset: Path) -> dict[str, Any]:
    command = [sys.executable, str(devset / "score.py"), str(markdown), str(case.gold),
               str(case.sources), str(case.edition)]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def baseline(case: Case, devset: Path, sentences: int) -> dict[str, Any]:
    path = case.out.parent / f"baseline{sentences}-edition{case.edition}.md"
    command = [sys.executable, str(devset / "baseline.py"), str(case.sources), str(sentences)]
    text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    path.write_text(text)
    return score_markdown(path, case, devset)


def difference_lines(markdown: str, module: Any) -> list[str]:
    """The lines (wrapped items joined) of every "Where sources differ" section."""
    found: list[str] = []
    inside = False
    for line in module.blocks(markdown):
        if line.startswith("#"):
            inside = bool(DIFFERENCES.match(line))
            continue
        if inside and line.startswith("- "):  # an item; not the next story's anchor
            found.append(line)
    return found


def fact_matches(fact: dict[str, Any], line: str) -> bool:
    """score.py's rule: one expression of every group matches the line."""
    return all(any(re.search(rx, line, re.I) for rx in group) for group in fact["all"])


def run_case(
    case: Case, devset: Path, cache_dir: Path | None, tuning: dict[str, Any] | None = None
) -> Row:
    module = scorer(devset)
    row = Row(case)
    prepare(case, devset)
    row.error = generate(case, cache_dir, tuning)
    if row.error:
        return row
    markdown_path = case.out / f"{case.date}.md"
    row.result = score_markdown(markdown_path, case, devset)
    row.lead5 = baseline(case, devset, 5)
    row.everything = baseline(case, devset, 0)
    gold = json.loads(case.gold.read_text())
    facts = [f for f in gold["facts"] if f.get("edition", 1) <= case.edition]
    disputed = [f for f in facts if f.get("section") == "disagreement"]
    found = [f for f in disputed if f["id"] not in row.result["missed"]]
    row.disagreements = (len(found), len(disputed))
    lines = difference_lines(markdown_path.read_text(), module)
    row.false_differences = [
        line for line in lines if not any(fact_matches(f, line) for f in disputed)
    ]
    briefing = json.loads((case.out / f"{case.date}.json").read_text())
    row.flags = sum(len(s["flags"]) for s in briefing.get("suspicious", []))
    if case.name == SEEDS:
        row.seed_score = score(case.out / f"{case.date}.json", case.sources, SEEDS_FACTS)
    return row


# --- the table ----------------------------------------------------------------------------------

HEADER = (
    f"{'cluster':30} {'cov':>5} {'comp':>5} {'quotes':>7} {'dis':>5} {'false':>5} {'flags':>5}"
    f" | {'lead5':>5} {'comp':>5} | {'all':>5} {'comp':>5}"
)


def row_line(row: Row) -> str:
    if row.error:
        return f"{row.case.name:30} error: {row.error}"
    r, lead, every = row.result, row.lead5, row.everything
    quotes = f"{r['quotes_verbatim']}/{r['quotes']}"
    found, disputed = row.disagreements
    beaten = "" if r["coverage"] > lead["coverage"] else " <= lead5"
    return (
        f"{row.case.name:30} {r['coverage']:5.2f} {r['compression']:5.2f} {quotes:>7} "
        f"{found:>2}/{disputed:<2} {len(row.false_differences):>5} {row.flags:>5}"
        f" | {lead['coverage']:5.2f} {lead['compression']:5.2f}"
        f" | {every['coverage']:5.2f} {every['compression']:5.2f}{beaten}"
    )


def mean_line(label: str, rows: list[Row]) -> str:
    done = [r for r in rows if not r.error]
    if not done:
        return f"{label:30} -"

    def mean(key: str, part: str = "result") -> float:
        return sum(getattr(r, part)[key] for r in done) / len(done)

    quotes = sum(r.result["quotes_verbatim"] for r in done), sum(r.result["quotes"] for r in done)
    found = sum(r.disagreements[0] for r in done), sum(r.disagreements[1] for r in done)
    false = sum(len(r.false_differences) for r in done)
    flags = sum(r.flags for r in done)
    return (
        f"{label:30} {mean('coverage'):5.2f} {mean('compression'):5.2f} "
        f"{f'{quotes[0]}/{quotes[1]}':>7} {found[0]:>2}/{found[1]:<2} {false:>5} {flags:>5}"
        f" | {mean('coverage', 'lead5'):5.2f} {mean('compression', 'lead5'):5.2f}"
        f" | {mean('coverage', 'everything'):5.2f} {mean('compression', 'everything'):5.2f}"
    )


def table(rows: list[Row]) -> str:
    tuned = [r for r in rows if not r.case.held_out and r.case.name != SEEDS]
    unseen = [r for r in rows if r.case.held_out]
    seeds = [r for r in rows if r.case.name == SEEDS]
    out = [HEADER, *(row_line(r) for r in tuned)]
    if tuned:
        out.append(mean_line("MEAN tuned (all editions)", tuned))
        out.append(mean_line("MEAN tuned (edition 1)", [r for r in tuned if r.case.edition == 1]))
    if unseen:
        out += ["", "held out (never tuned on):", *(row_line(r) for r in unseen)]
        out.append(mean_line("MEAN held out", unseen))
    for row in seeds:
        out += ["", row_line(row)]
        if row.seed_score:
            s = row.seed_score
            out.append(
                f"{'':30} seeds.toml on JSON lines: coverage {s.coverage:.1%}, "
                f"length {s.length:.1%}, quotes {s.quotes_verbatim:.0%}, cited "
                f"{s.items_cited:.0%}, missed {', '.join(s.missed) or '-'}"
            )
    out += ["", "missed facts:"]
    out += [f"  {r.case.name}: {', '.join(r.result['missed']) or '-'}" for r in rows if r.result]
    false = [(r.case.name, line) for r in rows for line in r.false_differences]
    out += ["", f"false disagreements ({len(false)}):"]
    out += [f"  {name}: {line[:160]}" for name, line in false]
    return "\n".join(out)


def run_corpus(args: argparse.Namespace) -> int:
    names = [n.strip() for n in args.clusters.split(",")] if args.clusters else None
    todo = cases(args.devset, args.out, names, args.held_out or bool(names))
    if names:
        unknown = set(names) - {c.name.split("@")[0] for c in todo}
        if unknown:
            sys.exit(f"unknown cluster(s): {', '.join(sorted(unknown))}")
    # The editions of one cluster share a folder and run in order; clusters run side by side.
    tuning = dict(trial(setting) for setting in args.set)
    by_folder: dict[Path, list[Case]] = {}
    for case in todo:
        by_folder.setdefault(case.out.parent, []).append(case)

    def run_cluster(group: list[Case]) -> list[Row]:
        return [run_case(c, args.devset, args.cache_dir, tuning) for c in group]

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        rows = [row for group in pool.map(run_cluster, by_folder.values()) for row in group]
    text = table(rows)
    print(text)
    (args.out / "table.txt").write_text(text + "\n")
    (args.out / "rows.json").write_text(
        json.dumps([_row_json(r) for r in rows], indent=1, default=str) + "\n"
    )
    return 1 if any(r.error for r in rows) else 0


def trial(setting: str) -> tuple[str, Any]:
    """`name=value` of --set: a settings.Tuning field and its trial value (JSON, else text)."""
    name, _, value = setting.partition("=")
    try:
        return name, json.loads(value)
    except json.JSONDecodeError:
        return name, value


def _row_json(row: Row) -> dict[str, Any]:
    data = dataclasses.asdict(row)
    data["case"] = {k: str(v) for k, v in data["case"].items()}
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("briefing", type=Path, nargs="?", help="score this briefing .json only")
    parser.add_argument("--sources", type=Path, default=ROOT / "seeds")
    parser.add_argument("--facts", type=Path, default=SEEDS_FACTS)
    parser.add_argument("--min-coverage", type=float, default=0.0)
    parser.add_argument("--max-length", type=float, default=1 / 3)
    parser.add_argument("--json", action="store_true", help="print the score as JSON")
    parser.add_argument("--out", type=Path, default=Path("/tmp/briefing-quality"))
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--clusters", help="comma-separated slugs (and/or 'seeds') to run")
    parser.add_argument("--held-out", action="store_true", help="also the two unseen clusters")
    parser.add_argument("--jobs", type=int, default=1, help="clusters briefed at once")
    parser.add_argument("--cache-dir", type=Path, help="LLM cache [briefing's default]")
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE",
        help="try another value of a briefing/settings.py constant (repeatable)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.briefing is None:
        return run_corpus(args)
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
