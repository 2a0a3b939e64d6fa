"""Benchmark ingestion: generate realistic articles into a temporary folder and time `load_folder`.

    .venv/bin/python bench/ingest.py            # 1,000 articles
    .venv/bin/python bench/ingest.py -n 5000

The mix: plain text with site chrome (date line, tags, share bar, related headlines, copyright),
hard-wrapped wire copy, and HTML pages with navigation, cookie banner, scripts and footer; one
article in twenty is a syndicated copy of an earlier one. The target is 1,000 articles in under
10 seconds. Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.ingest import load_folder  # noqa: E402

TODAY = dt.date(2025, 12, 5)
PEOPLE = ["Vladimir Putin", "Yuri Ushakov", "Steve Witkoff", "Marco Rubio", "Kaja Kallas",
          "Volodymyr Zelenskyy", "Mark Rutte", "Jared Kushner", "Dmitry Peskov",
          "Andrii Sybiha"]  # fmt: skip
PLACES = ["Moscow", "Kyiv", "Washington", "Brussels", "Geneva", "Miami", "Dublin", "Paris",
          "Berlin", "Istanbul", "Warsaw", "London"]  # fmt: skip
VERBS = ["said", "told reporters", "warned", "insisted", "argued", "confirmed", "denied",
         "suggested", "announced", "stressed"]  # fmt: skip
TOPICS = ["the peace plan", "security guarantees", "a ceasefire", "the Donbas region",
          "frozen Russian assets", "sanctions relief", "prisoner exchanges", "NATO membership",
          "energy infrastructure", "reconstruction funds", "the front line near Pokrovsk",
          "grain exports"]  # fmt: skip
QUALIFIERS = ["was still under discussion", "remained unacceptable", "could be agreed within weeks",
              "had been revised again", "depended on the next round of talks",
              "was the main obstacle", "would need European support",
              "was being studied in detail"]  # fmt: skip
DAYS = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday", "early on Friday"]


def sentence(rng: random.Random) -> str:
    person, place = rng.choice(PEOPLE), rng.choice(PLACES)
    return (
        f"{person} {rng.choice(VERBS)} in {place} {rng.choice(DAYS)} that {rng.choice(TOPICS)} "
        f"{rng.choice(QUALIFIERS)}, adding that {rng.randint(2, 400)} officials "
        f"{rng.choice(['had met', 'would meet', 'were expected to meet'])} about "
        f"{rng.choice(TOPICS)}."
    )


def story(rng: random.Random) -> tuple[str, list[str]]:
    title = f"{rng.choice(PEOPLE)} says {rng.choice(TOPICS)} {rng.choice(QUALIFIERS)}"
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(12)]
    return title, paragraphs


def txt_with_chrome(rng: random.Random, title: str, paragraphs: list[str]) -> str:
    related = [f"{rng.choice(PEOPLE)} visits {rng.choice(PLACES)}\n{rng.randint(1, 59)} minutes "
               f"ago {rng.randint(1, 5)} min read WORLD" for _ in range(8)]  # fmt: skip
    return "\n".join(
        [
            f" date 2025-12-0{rng.randint(1, 5)} WATCH TV LIVE",
            "",
            "Tags: russia | u.s. | ukraine | peace plan",
            "",
            title,
            "- Last update: 2 days ago",
            "- 3 min read",
            "",
            "\n\n".join(paragraphs),
            "",
            "Author: Sophia Brooks",
            "Share",
            *related,
            "© 2025 Thomson/Reuters. All rights reserved.",
        ]
    )


def hard_wrapped(rng: random.Random, title: str, paragraphs: list[str]) -> str:
    width = rng.choice([64, 70, 72, 76])
    body = "\n".join(textwrap.fill(p, width) for p in paragraphs)
    return f"{textwrap.fill(title, width)}\n[December 0{rng.randint(1, 5)}, 2025]\n{body}\n"


def html_page(rng: random.Random, title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    links = "".join(f'<li><a href="/s/{i}">{rng.choice(PEOPLE)} in {rng.choice(PLACES)}</a></li>'
                    for i in range(10))  # fmt: skip
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Meridian</title>
<meta property="og:site_name" content="The Daily Meridian">
<meta property="article:published_time" content="2025-12-0{rng.randint(1, 5)}T09:00:00Z">
<script>window.dataLayer=[];function gtag(){{dataLayer.push(arguments)}}</script></head><body>
<div class="cookie-banner"><p>We use cookies. By clicking Accept you consent.</p></div>
<header><nav><ul>{links}</ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Maria Kovalenko</p>
<div class="story-body">{body}</div></article>
<section class="related"><h2>Related stories</h2><ul>{links}</ul></section></main>
<footer><p>© 2025 The Daily Meridian Ltd. All rights reserved.</p></footer>
<script src="/t.js"></script></body></html>"""


def generate(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    written: list[str] = []
    for n in range(count):
        if written and n % 20 == 19:  # a syndicated copy of an earlier article
            (folder / f"{n:05d}_copy.txt").write_text(rng.choice(written), encoding="utf-8")
            continue
        title, paragraphs = story(rng)
        kind = rng.choices(["chrome", "wrapped", "html"], weights=[4, 3, 3])[0]
        if kind == "html":
            (folder / f"{n:05d}.html").write_text(html_page(rng, title, paragraphs), "utf-8")
            continue
        make = txt_with_chrome if kind == "chrome" else hard_wrapped
        text = make(rng, title, paragraphs)
        (folder / f"{n:05d}.txt").write_text(text, encoding="utf-8")
        written.append(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, args.count)
        size = sum(p.stat().st_size for p in folder.iterdir())
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        result = load_folder(folder, today=TODAY)
        seconds = time.perf_counter() - start
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    excluded = sum(d.excluded for d in result.duplicates)
    print(f"files:        {args.count} ({size / 1e6:.1f} MB)")
    print(f"articles:     {len(result.articles)} kept, {excluded} copies left out, "
          f"{len(result.problems)} problems")  # fmt: skip
    print(f"time:         {seconds:.2f} s ({args.count / seconds:.0f} files/s)")
    print(f"peak memory:  {rss_after / 1024:.0f} MB resident "
          f"({(rss_after - rss_before) / 1024:.0f} MB more than before loading)")  # fmt: skip


if __name__ == "__main__":
    main()
