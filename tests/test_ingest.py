"""Ingestion: files -> clean articles with metadata, and a Problem for every file that is unusable.

Golden files in tests/golden/ingest/ pin what `briefing inspect` shows for each seed article.
After an intended change, regenerate them and review the diff by eye:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_ingest.py
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from briefing import settings
from briefing.errors import BriefingError
from briefing.ingest import (
    InputFolderError,
    UnusableFile,
    describe,
    describe_article,
    infer_date,
    load_file,
    load_folder,
)
from briefing.models import Article, IngestResult
from briefing.text.match import normalize_for_match

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
GOLDEN = ROOT / "tests" / "golden" / "ingest"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
# The seed pages were saved on Friday 5 December 2025 (000 is dated that day; 004 lists
# "The Week in Photos: November 28 - December 5" as posted minutes earlier).
TODAY = dt.date(2025, 12, 5)

STORY = (
    "Putin met U.S. envoys in the Kremlin on Tuesday night, the Kremlin said. "
    "The talks lasted five hours and ended without a breakthrough on territory. "
    "Ushakov said contacts would continue, both in Washington and in Moscow."
)


@pytest.fixture(scope="module")
def seeds() -> IngestResult:
    cwd = Path.cwd()
    os.chdir(ROOT)  # relative paths in goldens, whoever runs the tests from where
    try:
        return load_folder(Path("seeds"), today=TODAY)
    finally:
        os.chdir(cwd)


def seed(result: IngestResult, number: str) -> Article:
    (article,) = [a for a in result.articles if Path(a.path).name.startswith(number)]
    return article


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def reasons(result: IngestResult) -> dict[str, str]:
    return {Path(p.path).name: p.reason for p in result.problems}


def squash(text: str) -> str:
    """Letters and digits only: compare text across re-joined lines and restored apostrophes."""
    return re.sub(r"\W+", "", normalize_for_match(text))


# --- the seed articles --------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_seed_article_matches_its_reviewed_golden_file(seeds: IngestResult, number: str) -> None:
    shown = describe_article(seed(seeds, number)) + "\n"
    golden = GOLDEN / f"{Path(seed(seeds, number).path).stem}.txt"
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(shown, encoding="utf-8")
    assert golden.exists(), f"no golden file; run UPDATE_GOLDEN=1 pytest {__file__}"
    assert shown == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("number", "published", "approximate"),
    [
        ("000", dt.date(2025, 12, 5), False),  # "date 2025-12-05", "Friday, 05 December 2025"
        ("001", dt.date(2025, 12, 5), True),  # "Speaking on Friday" after "Dec. 2, 2025"
        ("002", dt.date(2025, 12, 3), False),  # "[December 03, 2025]"
        ("003", dt.date(2025, 12, 3), True),  # "late yesterday" after "Tuesday, December 2, 2025"
        ("004", dt.date(2025, 12, 3), True),  # "Last update: 2 days ago" on 5 December
    ],
)
def test_every_seed_is_dated(
    seeds: IngestResult, number: str, published: dt.date, approximate: bool
) -> None:
    article = seed(seeds, number)
    assert (article.published, article.date_approximate) == (published, approximate)


def test_relative_date_is_resolved_against_the_run_date() -> None:
    (article,) = load_file(SEEDS / "004_949428f844ad5004.txt", today=dt.date(2026, 1, 10))
    assert article.published == dt.date(2026, 1, 8)
    assert article.date_approximate


def test_seed_metadata_comes_from_credit_lines(seeds: IngestResult) -> None:
    assert seed(seeds, "000").outlet == "Reuters"  # © 2025 Thomson/Reuters
    assert seed(seeds, "001").outlet == "Reuters"  # a standalone "Reuters" credit line
    assert seed(seeds, "002").outlet == "Associated Press"  # © copyright 2025 Associated Press
    assert seed(seeds, "003").outlet is None
    assert seed(seeds, "004").outlet is None
    assert seed(seeds, "004").byline == "Sophia Brooks"
    assert seed(seeds, "000").title == "Kremlin Reports Progress in US–Russia Peace Talks"
    assert seed(seeds, "002").title == (
        "US-Russia talks on Ukraine were 'constructive' but work remains, Putin adviser says"
    )


def test_article_without_a_headline_gets_the_start_of_its_text_as_title(
    seeds: IngestResult,
) -> None:
    article = seed(seeds, "003")
    assert article.title_from_text
    assert article.title.startswith("The high-stakes, five-hour meeting between Russian President")
    assert article.title.endswith("…")


@pytest.mark.parametrize(
    ("number", "chrome"),
    [
        ("000", ["WATCH TV LIVE", "Tags:", "Newsfront", "All rights reserved", "06:42 AM EST"]),
        ("001", ["Joined by Kirill Dmitriev", "The Tuesday Summit", "Anxiety in Kyiv", "Tags"]),
        ("002", ["[to top of second column]", "Kremlin Pool Photo", "|", "All contents ©"]),
        ("004", ["Last update", "737 Views", "min read", "Share", "Author:", "Supermoon"]),
    ],
)
def test_seed_boilerplate_is_removed(seeds: IngestResult, number: str, chrome: list[str]) -> None:
    text = seed(seeds, number).text
    for phrase in chrome:
        assert phrase not in text


@pytest.mark.parametrize(
    ("number", "sentences"),
    [
        ("000", ["The Kremlin said on Friday that Russia", "through diplomacy."]),
        ("001", ["Moscow has expressed cautious optimism", "if negotiations fail."]),
        (
            "002",
            [
                "More than 100,000 Ukrainians have moved to Ireland since Russia launched its war "
                "on Feb. 24, 2022.",
                "Coinciding with Witkoff’s trip, Ukrainian President Volodymyr Zelenskyy went to",
                "the Facebook post said.",
            ],
        ),
        ("003", ["concluded late yesterday", "to accept a compromise."]),
        ("004", ["Five hours of negotiations", "the restaurant director told Russian media."]),
    ],
)
def test_seed_story_sentences_are_kept(
    seeds: IngestResult, number: str, sentences: list[str]
) -> None:
    text = seed(seeds, number).text
    for sentence in sentences:
        assert sentence in text


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_no_source_line_is_silently_lost(seeds: IngestResult, number: str) -> None:
    article = seed(seeds, number)
    kept = squash("\n".join([article.title, article.text, *article.removed]))
    for line in Path(SEEDS / Path(article.path).name).read_text(encoding="utf-8").splitlines():
        assert squash(line) in kept, line


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_text_is_paragraphs_of_single_lines(seeds: IngestResult, number: str) -> None:
    paragraphs = seed(seeds, number).text.split("\n\n")
    assert all(p and "\n" not in p and p == p.strip() and "  " not in p for p in paragraphs)


def test_hard_wrapped_lines_are_rejoined_into_paragraphs(seeds: IngestResult) -> None:
    paragraphs = seed(seeds, "002").text.split("\n\n")
    assert paragraphs[0] == (
        "Talks between Russia and the U.S. on ending the nearly four-year war in Ukraine were "
        "constructive, but much work remains, Yuri Ushakov, a senior adviser to President "
        "Vladimir Putin, told reporters on Wednesday."
    )
    assert (
        "On Tuesday, Putin accused Kyiv’s European allies of sabotaging the U.S.-led efforts "
        "to end the war."
    ) in paragraphs


def test_quotes_stay_verbatim(seeds: IngestResult) -> None:
    text = seed(seeds, "002").text
    assert "Ushakov said: “Not further, that’s for sure.”" in text
    # A straight pair is curled, so that where a quotation opens and closes is never in doubt.
    assert "“But there’s still a lot of work to be done" in text and '"' not in text
    assert "curled straight quotation mark (3x)" in seed(seeds, "002").repairs


def test_lost_apostrophes_of_names_are_restored_and_listed(seeds: IngestResult) -> None:
    article = seed(seeds, "004")
    assert "According to Yuri Ushakov, Putin's foreign policy adviser" in article.text
    assert "Russia's demand" in article.text and "Kyiv's concerns" in article.text
    assert "Putins" not in article.text and "Ukraines" not in article.text
    assert "senior United States representatives" in article.text  # a name, not a possessive
    assert "Putins -> Putin's" in article.repairs
    assert "Ukraines -> Ukraine's (2x)" in article.repairs


def test_stray_space_before_possessive_is_closed(seeds: IngestResult) -> None:
    article = seed(seeds, "002")
    assert "Putin's accusations appeared" in article.text
    assert article.repairs[0] == "Putin 's -> Putin's"


def test_apostrophes_are_left_alone_in_text_that_has_them(tmp_path: Path) -> None:
    text = "Putins bar opened on Friday. Putin's aide said. Putin spoke."
    (article,) = load_file(write(tmp_path, "story.txt", text), today=TODAY)
    assert article.text == text and article.repairs == []


def test_plural_names_are_not_made_possessive(tmp_path: Path) -> None:
    text = (
        "The Kennedys arrived. Republicans control the House, a Republican said. "
        "Trumps plan was new, said Trump. Donald Trumps aide left."
    )
    (article,) = load_file(write(tmp_path, "story.txt", text), today=TODAY)
    assert article.text == text.replace("Trumps plan", "Trump's plan")


def test_ids_follow_sorted_paths_and_key_is_hash_of_text(seeds: IngestResult) -> None:
    assert [a.id for a in seeds.articles] == ["a1", "a2", "a3", "a4", "a5"]
    assert [Path(a.path).name[:3] for a in seeds.articles] == ["000", "001", "002", "003", "004"]
    for article in seeds.articles:
        assert article.key == hashlib.sha256(article.text.encode()).hexdigest()[:16]


def test_seeds_have_no_problems_and_no_duplicates(seeds: IngestResult) -> None:
    assert seeds.problems == []
    assert seeds.duplicates == []


# --- formats ------------------------------------------------------------------------------------


def test_news_page_html_is_reduced_to_its_story() -> None:
    (article,) = load_file(FIXTURES / "news_page.html", today=TODAY)
    must = [
        "DUBLIN — Ukrainian President Volodymyr Zelenskyy said on Thursday",
        "“There is a lot of dialogue, but we need results,” Zelenskyy told reporters.",
        "would depend on progress in the negotiations.",
    ]
    must_not = [
        "cookies", "Accept all", "Subscribe", "Search the Meridian", "Advertisement",
        "Share on Facebook", "Kremlin says talks with U.S. envoys were constructive",
        "Related stories", "Pokrovsk", "Great article", "Privacy policy", "All rights reserved",
        "Sign up", "gtag", "dataLayer", "Photo: Meridian Pictures",
    ]  # fmt: skip
    for phrase in must:
        assert phrase in article.text
    for phrase in must_not:
        assert phrase not in article.text
    assert article.title == "Zelenskyy says revised peace framework is “finalized”"
    assert article.outlet == "The Daily Meridian"
    assert article.byline == "Maria Kovalenko"
    assert (article.published, article.date_approximate) == (dt.date(2025, 12, 4), False)
    assert (
        article.url
        == "https://www.dailymeridian.example/world/2025/12/04/zelenskyy-peace-framework"
    )


def test_html_page_without_an_article_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path, "menu.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    write(tmp_path, "story.txt", STORY)
    result = load_folder(tmp_path, today=TODAY)
    assert "no article text" in reasons(result)["menu.html"]
    assert [Path(a.path).name for a in result.articles] == ["story.txt"]


def test_a_date_guessed_from_history_the_story_recalls_is_dropped(tmp_path: Path) -> None:
    write(tmp_path, "dated.txt", f"Talks end\n\nDecember 3, 2025\n\n{STORY}")
    recalled = "The truce took effect late Tuesday. The accord, signed on Aug. 11, 2006, held."
    write(tmp_path, "undated.txt", f"Truce holds\n\n{recalled}")
    dated, undated = load_folder(tmp_path, today=TODAY).articles
    assert dated.published == dt.date(2025, 12, 3)
    assert undated.published is None  # not Tuesday 15 August 2006
    assert "guessed date 2006-08-15 dropped" in undated.repairs[-1]


def test_markdown_front_matter_and_heading_become_metadata(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "wire.md",
        "---\ntitle: Talks end without breakthrough\ndate: 2025-12-03\nsource: Reuters\n"
        "author: Jane Doe\nurl: https://example.com/a\n---\n"
        "# Talks end without breakthrough\n\n"
        "Putin met **U.S. envoys** in the [Kremlin](https://example.com/kremlin) on Tuesday.\n\n"
        "## What next\n\nUshakov said contacts would continue in the coming weeks.\n",
    )
    (article,) = load_file(path, today=TODAY)
    assert article.title == "Talks end without breakthrough"
    assert (article.outlet, article.byline, article.url) == (
        "Reuters",
        "Jane Doe",
        "https://example.com/a",
    )
    assert article.published == dt.date(2025, 12, 3)
    assert article.text == (
        "Putin met U.S. envoys in the Kremlin on Tuesday.\n\n"
        "Ushakov said contacts would continue in the coming weeks."
    )
    assert "What next" in article.removed


def test_json_records_carry_their_metadata(tmp_path: Path) -> None:
    records = [
        {"title": "One", "text": STORY, "date": "2025-12-03T10:00:00Z", "url": "https://x/1",
         "source": {"name": "Reuters"}, "author": ["A. Writer", "B. Writer"]},
        {"title": "Two", "text": "Ukraine wants a ceasefire now, its foreign minister said.",
         "date": "December 4, 2025", "outlet": "AP"},
    ]  # fmt: skip
    path = write(tmp_path, "feed.json", json.dumps(records))
    first, second = load_file(path, today=TODAY)
    assert (first.title, first.outlet, first.byline) == ("One", "Reuters", "A. Writer, B. Writer")
    assert (first.published, first.url, first.record) == (dt.date(2025, 12, 3), "https://x/1", 1)
    assert (second.id, second.published, second.record) == ("a2", dt.date(2025, 12, 4), 2)


def test_each_jsonl_line_is_an_article_and_a_bad_line_is_a_problem(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "First", "text": STORY, "date": "2025-12-03"}),
        "{not json",
        json.dumps({"title": "No text"}),
        "",
        json.dumps({"title": "Fourth", "text": "Ukraine wants a ceasefire now, Kyiv said."}),
    ]
    write(tmp_path, "feed.jsonl", "\n".join(lines))
    result = load_folder(tmp_path, today=TODAY)
    assert [(a.id, a.title, a.record) for a in result.articles] == [
        ("a1", "First", 1),
        ("a2", "Fourth", 5),
    ]
    assert [(Path(p.path).name, p.reason.split(";")[0]) for p in result.problems] == [
        (
            "feed.jsonl",
            "line 2 is not valid JSON (Expecting property name enclosed in double quotes)",
        ),
        ("feed.jsonl", "line 3 has no text"),
    ]


def test_bad_jsonl_line_raises_when_the_file_is_loaded_alone(tmp_path: Path) -> None:
    path = write(tmp_path, "feed.jsonl", "{oops\n")
    with pytest.raises(UnusableFile, match="feed.jsonl: line 1 is not valid JSON"):
        load_file(path, today=TODAY)


# --- encodings and Unicode ----------------------------------------------------------------------

ENCODED = "Le ministre a déclaré à Genève : « c’est naïf » — “quoted” text, Zürich."


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (ENCODED.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ENCODED.encode("utf-8"), "utf-8"),
        (ENCODED.encode("utf-16"), "utf-16"),  # with BOM, native byte order
        (b"\xfe\xff" + ENCODED.encode("utf-16-be"), "utf-16"),
        (ENCODED.replace("« c’est naïf » ", "").encode("cp1252") * 3, "cp1252"),
        ("Zürich café naïve façade. Le ministre a déclaré à Genève.".encode("latin-1"), "cp1252"),
    ],
)
def test_text_encodings_are_detected(tmp_path: Path, raw: bytes, encoding: str) -> None:
    (article,) = load_file(write(tmp_path, "story.txt", raw), today=TODAY)
    assert article.encoding == encoding
    assert "Zürich" in article.text and "\ufeff" not in article.text
    assert "déclaré à Genève" in article.text


def test_unicode_is_nfc_with_plain_spaces_and_curly_quotes_kept(tmp_path: Path) -> None:
    text = "Ushakov\u00a0said: “Not fur\u200bther, that’s for sure.” The cafe\u0301 was closed."
    (article,) = load_file(write(tmp_path, "story.txt", text), today=TODAY)
    assert article.text == "Ushakov said: “Not further, that’s for sure.” The café was closed."


def test_normalize_for_match_unifies_case_quotes_dashes_and_spacing() -> None:
    assert normalize_for_match("  “Not further,”  that’s — for\nsure. ") == (
        "not further,\" that's - for sure"
    )
    assert normalize_for_match("Putin’s aide said.") == normalize_for_match("putin's  aide said")


# --- bad input ----------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02" + bytes(64)


def test_bad_files_are_problems_and_the_run_continues(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", STORY)
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "blank.md", "  \n\n\u00a0\n")
    write(tmp_path, "picture.txt", PNG)
    write(tmp_path, "nul.txt", b"Putin met envoys.\x00\x00\x01\x02")
    write(tmp_path, "garbled.txt", bytes(range(128, 256)) * 4 + b"\x01\x02\x03\x04\x05")
    write(tmp_path, "report.pdf", b"%PDF-1.7\n")
    write(tmp_path, "huge.txt", STORY * 20)
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    result = load_folder(tmp_path, today=TODAY, max_bytes=2000)
    assert [Path(a.path).name for a in result.articles] == ["good.txt"]
    found = reasons(result)
    assert found["empty.txt"].startswith("empty file")
    assert found["blank.md"].startswith("empty file")
    assert found["picture.txt"].startswith("binary file (a PNG image)")
    assert found["nul.txt"].startswith("binary file (contains NUL bytes)")
    assert found["garbled.txt"].startswith(("undecodable bytes", "binary file"))
    assert found["report.pdf"].startswith("not an article file (supported: .txt .md .html .json")
    assert found["huge.txt"].startswith("file is 0.0 MB, over the 0.0 MB limit (max_bytes)")
    assert found["folder.txt"].startswith("is a folder, not a file")
    assert found["dangling.txt"].startswith("broken symbolic link")
    assert len(result.problems) == 9


def test_every_problem_reason_is_one_line_saying_what_to_do(tmp_path: Path) -> None:
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "picture.txt", PNG)
    (tmp_path / "folder.txt").mkdir()
    for problem in load_folder(tmp_path, today=TODAY).problems:
        assert "\n" not in problem.reason
        assert ";" in problem.reason  # "what happened; what to do"


def test_mixed_utf8_and_latin1_bytes_are_undecodable(tmp_path: Path) -> None:
    raw = "Zürich café “quoted” text is here. ".encode() * 20 + "naïve".encode("latin-1")
    with pytest.raises(UnusableFile, match="undecodable bytes"):
        load_file(write(tmp_path, "mixed.txt", raw), today=TODAY)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", STORY)
    path.chmod(0)
    assert reasons(load_folder(tmp_path, today=TODAY))["secret.txt"].startswith("permission denied")


def test_hidden_files_are_ignored_silently(tmp_path: Path) -> None:
    write(tmp_path, ".DS_Store", PNG)
    write(tmp_path, ".notes.txt", "draft")
    write(tmp_path, "story.txt", STORY)
    result = load_folder(tmp_path, today=TODAY)
    assert result.problems == [] and len(result.articles) == 1


def test_articles_in_sub_folders_are_read(tmp_path: Path) -> None:
    write(tmp_path, "reuters/story.txt", STORY)
    write(tmp_path, "ap/other.txt", "Ukraine wants a ceasefire now, its foreign minister said.")
    result = load_folder(tmp_path, today=TODAY)
    assert [Path(a.path).parent.name for a in result.articles] == ["ap", "reuters"]


def test_symlink_outside_the_folder_is_refused_unless_allowed(tmp_path: Path) -> None:
    inside = tmp_path / "in"
    outside = write(tmp_path, "elsewhere/story.txt", STORY)
    inside.mkdir()
    (inside / "linked.txt").symlink_to(outside)
    write(inside, "own.txt", "Ukraine wants a ceasefire now, its foreign minister said.")
    (inside / "alias.txt").symlink_to(inside / "own.txt")
    refused = load_folder(inside, today=TODAY)
    assert reasons(refused)["linked.txt"].startswith("symbolic link to ")
    assert "outside the input folder" in reasons(refused)["linked.txt"]
    assert "alias.txt" not in reasons(refused)  # a link within the folder is fine
    allowed = load_folder(inside, today=TODAY, follow_symlinks=True)
    assert "linked.txt" in [Path(a.path).name for a in allowed.articles]


def test_folder_without_articles_is_a_problem(tmp_path: Path) -> None:
    result = load_folder(tmp_path, today=TODAY)
    assert result.articles == []
    (problem,) = result.problems
    assert problem.path == str(tmp_path)
    assert problem.reason.startswith("no article files found (supported: .txt .md")


def test_missing_folder_raises_a_one_line_briefing_error(tmp_path: Path) -> None:
    with pytest.raises(InputFolderError) as caught:
        load_folder(tmp_path / "nope", today=TODAY)
    assert isinstance(caught.value, BriefingError)
    assert str(caught.value) == f"input folder not found: {tmp_path / 'nope'}; check the path"
    with pytest.raises(InputFolderError, match="input is not a folder"):
        load_folder(write(tmp_path, "story.txt", STORY), today=TODAY)


# --- cleaning rules -----------------------------------------------------------------------------


def test_relative_date_lines_are_resolved_and_flagged_approximate(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", f"Talks end\nPublished: 3 hours ago\n\n{STORY}")
    (article,) = load_file(path, today=TODAY)
    assert (article.published, article.date_approximate) == (TODAY, True)
    assert article.removed == ["Published: 3 hours ago"]


def test_date_is_inferred_from_a_weekday_after_an_explicit_date() -> None:
    body = "Speaking on Friday, the Kremlin said talks held on Tuesday were useful."
    context = body + "\nPutin meets envoys in Moscow on Dec. 2, 2025"
    assert infer_date(body, context, TODAY) == dt.date(2025, 12, 5)
    assert infer_date("Talks ended late yesterday. They met on Tuesday, December 2, 2025.",
                      "Tuesday, December 2, 2025", TODAY) == dt.date(2025, 12, 3)  # fmt: skip
    assert infer_date("Talks ended.", "December 2, 2025", TODAY) is None  # no cue: no guess
    assert infer_date("Talks ended on Friday.", "no date here", TODAY) is None
    # Thursday 4 December, then "Monday": the 8th is after the day briefed, so no guess.
    assert infer_date("Talks ended on Monday.", "December 4, 2025", TODAY) is None


def test_an_archive_photos_date_does_not_date_the_page(tmp_path: Path) -> None:
    caption = (
        "FILE PHOTO: Putin speaks at a forum in Moscow, Russia October 21, 2019. REUTERS/Ann Foto"
    )
    text = f"Talks end\n\n{caption}\n\nSpeaking on Friday, the Kremlin said talks were useful."
    (article,) = load_file(write(tmp_path, "story.txt", text), today=TODAY)
    assert article.published is None or article.published.year == TODAY.year


def test_dateline_names_the_agency(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", f"MOSCOW (Reuters) - {STORY}")
    assert load_file(path, today=TODAY)[0].outlet == "Reuters"


@pytest.mark.parametrize(
    ("opening", "outlet"),
    [
        ("(RTTNews) - ", "RTTNews"),
        ("04:27 PM EDT, 12/03/2025 (MT Newswires) -- ", "MT Newswires"),
        ("MANTA, Ecuador, Dec. 3 (UPI) -- ", "UPI"),
        ("MEXICO CITY (CBSNewYork/CBS News) -- ", "CBS News"),
        ("Dec. 3 (UPI) -- ", "UPI"),
        ("GAZA/JERUSALEM (Reuters) - ", "Reuters"),
    ],
)
def test_any_wire_tag_opening_the_lead_names_the_outlet_and_leaves_the_title(
    tmp_path: Path, opening: str, outlet: str
) -> None:
    (article,) = load_file(write(tmp_path, "story.txt", opening + STORY), today=TODAY)
    assert article.outlet == outlet
    assert article.title.startswith(STORY.split()[0])  # the tag is no part of the title


def test_a_place_opening_the_lead_is_no_part_of_a_title_taken_from_it(tmp_path: Path) -> None:
    for place in ("WASHINGTON — ", "COLOMBO: ", "Dhaka, Dec 30: ", "Islam Times - "):
        (article,) = load_file(write(tmp_path, "story.txt", place + STORY), today=TODAY)
        assert article.title.startswith(STORY.split()[0])
    aside = "Elon Musk - Tesla's chief executive - said the talks would resume on Monday."
    (article,) = load_file(write(tmp_path, "story.txt", aside), today=TODAY)
    assert article.title.startswith("Elon Musk")
    for place in ():
        (article,) = load_file(write(tmp_path, "story.txt", place + STORY), today=TODAY)
        assert article.title.startswith(STORY.split()[0])


def test_a_masthead_or_desk_above_the_headline_is_not_the_title(tmp_path: Path) -> None:
    for above in ("The Daily Telegraph", "null: nullpx\n\nLatin America"):
        text = f"{above}\n\nRace against time to rescue trapped quake victims\n\n{STORY}"
        (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
        assert article.title == "Race against time to rescue trapped quake victims"
        assert article.text == STORY


def test_a_headline_keeps_its_place_above_a_source_line_and_loses_its_list_marker(
    tmp_path: Path,
) -> None:
    # "Source: Wafa" credits the article, not a photo: the line above it is no caption
    text = f"Qatar announces four-day humanitarian pause in Gaza\n\nSource: Wafa\n\n{STORY}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.title == "Qatar announces four-day humanitarian pause in Gaza"
    text = f"- Israel, Hamas agree to four-day truce\n\n{STORY}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.title == "Israel, Hamas agree to four-day truce"


def test_a_stamp_with_a_two_digit_year_and_a_time_dates_the_page(tmp_path: Path) -> None:
    text = f"Originally Published: 22 NOV 23 01:05 GMT\n{STORY}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.published == dt.date(2023, 11, 22)
    assert article.removed == ["Originally Published: 22 NOV 23 01:05 GMT"]
    assert article.title.startswith(STORY.split()[0])


def test_a_headline_in_title_case_is_no_masthead_and_a_desk_news_is_no_outlet(
    tmp_path: Path,
) -> None:
    text = f"Rubio Accepts Cabinet Post\n\nFlorida senator will become top diplomat\n\n{STORY}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.title == "Rubio Accepts Cabinet Post"
    text = f"Israel and Hamas agree to ceasefire – Breaking News\n\n{STORY}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.outlet is None


def test_a_subject_label_in_a_list_and_a_wrapped_published_stay(tmp_path: Path) -> None:
    text = (
        f"{STORY}\n\nHealth: An extra £22.6bn over two years, the largest rise in a decade.\n\n"
        "The ministry said a full list of the victims would be\npublished.\n"
    )
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert "Health: An extra £22.6bn" in article.text
    assert article.text.endswith("would be published.")


def test_the_closing_mark_of_an_interrupted_quotation_stays_a_closing_mark(tmp_path: Path) -> None:
    said = '"We are not going to—" Trump began, before the microphone was cut.'
    (article,) = load_file(write(tmp_path, "page.txt", f"{STORY}\n\n{said}"), today=TODAY)
    assert "“We are not going to—” Trump began" in article.text


def test_the_day_a_wire_tag_names_dates_an_undated_page(tmp_path: Path) -> None:
    (article,) = load_file(write(tmp_path, "page.txt", f"Dec. 3 (UPI) -- {STORY}"), today=TODAY)
    assert (article.published, article.date_approximate) == (dt.date(2025, 12, 3), True)


def test_a_source_line_names_the_outlet(tmp_path: Path) -> None:
    (article,) = load_file(
        write(tmp_path, "page.txt", f"{STORY}\n\nSource: Aljazeera\n"), today=TODAY
    )
    assert article.outlet == "Al Jazeera"


def test_a_papers_name_after_the_headline_is_its_outlet(tmp_path: Path) -> None:
    text = f"Mexico awaits the fate of a schoolgirl – Washington Post\n\n{STORY}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert (article.title, article.outlet) == (
        "Mexico awaits the fate of a schoolgirl",
        "Washington Post",
    )


def test_a_video_title_and_the_first_copy_of_a_credited_caption_are_not_text(
    tmp_path: Path,
) -> None:
    caption = "Intel shares have fallen more than 40% so far this year."
    text = (
        f"Funerals begin for victims\n\n01:01 - Source: CNN\n\n{caption}\n\n{STORY}\n\n"
        f"{caption} (Photo: REUTERS)"
    )
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.text == STORY


@pytest.mark.parametrize(
    "caption",
    [
        "Prime Minister Boris Johnson leaves Downing Street on his way to Brussels (Picture: PA)",
        "Prime Minister Boris Johnson faces a key moment in the Commons (Stefan Rousseau/PA)",
        "Boris Johnson and Jean-Claude Juncker ahead of the summit. (Stefan Rousseau/PA Wire)",
        "Volodymyr Zelenskyy has expressed his sadness at the news.(AP: Presidential Press Office)",
        "Updated, Dec. 29: Changed headline, added CEO's apology.",
        "More: WGA and studios will thaw out talks that went stale for 3 months",
        "clock menu more-arrow no yes mobile",
        "Terms of Use and Privacy Policy",
        "To activate the text-to-speech service, please first agree to the privacy policy below.",
        "© Reuters. FILE PHOTO: Supporters celebrate in Buenos Aires, Argentina November 19, 2023."
        " REUTERS/Adriano Machado/File Photo",
        "People gather by the gate of the National Assembly, in Seoul, South Korea, December 4, "
        "2024. — Reuters",
    ],
)
def test_a_credited_caption_an_editors_note_and_a_link_to_more_are_not_text(
    tmp_path: Path, caption: str
) -> None:
    (article,) = load_file(write(tmp_path, "page.txt", f"{STORY}\n\n{caption}"), today=TODAY)
    assert article.text == STORY


@pytest.mark.parametrize(
    "news",
    [
        "Update: Corrected figures from the ministry show 52 people died in the strike.",
        "🔴 Russian missiles struck Kyiv overnight, killing at least 12 people, the mayor said.",
        "Unlock codes for 40 million phones leaked",
        "The film swept the awards on Sunday night (including best picture)",
    ],
)
def test_news_that_looks_like_an_editors_note_an_offer_or_a_caption_is_kept(
    tmp_path: Path, news: str
) -> None:
    (article,) = load_file(write(tmp_path, "page.txt", f"{STORY}\n\n{news}"), today=TODAY)
    assert article.text == f"{STORY}\n\n{news}"


def test_a_headline_over_a_standfirst_byline_and_date_stays_the_title(tmp_path: Path) -> None:
    text = (
        "Rishi Sunak resigns as Conservative leader\n\nThe outgoing PM says he will stay on "
        "until a successor is chosen\n\nPeter Walker Deputy political editor\n\n"
        f"Fri 5 Jul 2024 14.12 BST\n\n{STORY}"
    )
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.title == "Rishi Sunak resigns as Conservative leader"


def test_the_headline_is_the_line_over_the_date_not_an_offer_above_it(tmp_path: Path) -> None:
    text = (
        "Get 40% Off\nWhich stocks will surge next?\nUnlock AI-picked Stocks\n\n"
        "Argentina's black market peso slides with eyes on Milei\n\n"
        f"Published 11/21/2023, 06:24 AM\nUpdated 11/21/2023, 05:01 PM\n\n{STORY}"
    )
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.title == "Argentina's black market peso slides with eyes on Milei"
    assert (article.text, article.published) == (STORY, dt.date(2023, 11, 21))


def test_a_teaser_cut_mid_word_above_the_headline_is_not_the_title(tmp_path: Path) -> None:
    teaser = STORY[:60].rsplit(" ", 1)[0] + " Wit"
    text = f"{teaser}\n\nPutin meets US envoys in Moscow\n\nsubmitted by\n\n{STORY}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.title == "Putin meets US envoys in Moscow"
    assert teaser in article.removed


def test_the_title_again_with_the_pages_stamp_is_not_a_sentence(tmp_path: Path) -> None:
    data = {
        "title": "Scores killed as truck rams crowd in France",
        "text": "Scores killed as truck rams crowd in France Updated: 2016-07-15 13:14 By "
        f"Agencies(China Daily USA)\n{STORY}",
    }
    path = tmp_path / "page.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    (article,) = load_file(path, today=TODAY)
    assert article.text == STORY


def test_a_call_to_follow_run_into_a_paragraph_and_a_share_footer_are_removed(
    tmp_path: Path,
) -> None:
    first, rest = STORY.split(". ", 1)
    text = (
        f"Talks end\n\n{first}. Click here to connect with us on WhatsApp {rest}\n\n"
        "Read or Share this story: http://example.com/2016/11/story/"
    )
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.text == STORY
    assert "removed a call to follow the site" in article.repairs


def test_a_link_to_another_article_run_into_a_paragraph_is_removed_and_listed(
    tmp_path: Path,
) -> None:
    link = "(RELATED: MSNBC Analyst Is Absolutely Outraged That He Got The Verdict He Wanted)"
    text = f"Talks end\n\n{STORY} {link}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.text == STORY
    assert "removed a link to another article" in article.repairs


def test_a_live_pages_update_note_and_a_bare_submitted_by_are_chrome(tmp_path: Path) -> None:
    text = f"This post will be updated as new information is available.\n\nsubmited by\n\n{STORY}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.text == STORY
    assert "This post will be updated" not in article.title


@pytest.mark.parametrize(
    "headline",
    [
        "Việt Nam mourns Party chief Nguyễn Phú Trọng, who died aged 80",
        "Hawaiʻi Officials Warn Of Extreme Fire Danger On Oʻahu And Molokaʻi",
    ],
)
def test_a_headline_in_accented_latin_letters_is_no_menu(tmp_path: Path, headline: str) -> None:
    (article,) = load_file(write(tmp_path, "page.txt", f"{headline}\n\n{STORY}"), today=TODAY)
    assert article.title == headline


def test_a_headline_printed_again_below_stays_the_title(tmp_path: Path) -> None:
    headline = "Fed holds rates steady, signals three cuts later this year"
    text = (
        f"{headline}\n\nPowell says inflation is easing but remains high\n\n{headline}\n\n{STORY}"
    )
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.title == headline


def test_a_menu_of_editions_in_another_script_is_chrome(tmp_path: Path) -> None:
    menu = "Europe Россия Внешние малые острова США Китай Корея Индия"
    text = f"{menu}\n\nPutin meets US envoys in Moscow\n\n{STORY}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert (article.title, article.text) == ("Putin meets US envoys in Moscow", STORY)
    assert menu in article.removed


def test_a_desk_name_run_into_the_lead_is_kept_aside_and_is_no_title(tmp_path: Path) -> None:
    (article,) = load_file(write(tmp_path, "page.txt", f"World News: {STORY}"), today=TODAY)
    assert article.text == STORY
    assert "World News" not in article.title


def test_sentence_continuing_after_a_copyright_line_at_the_top_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", f"© 2025 Example News. All rights reserved.\n\n{STORY}")
    (article,) = load_file(path, today=TODAY)
    assert article.text == STORY
    assert article.outlet == "Example News"


def test_related_headlines_after_share_bar_are_removed_but_prose_is_kept(tmp_path: Path) -> None:
    text = (
        f"Talks end\n\n{STORY}\nShare\nMore stories like this one\n"
        "Kremlin aide says more talks are planned for next week.\n"
    )
    (article,) = load_file(write(tmp_path, "story.txt", text), today=TODAY)
    assert article.text.endswith("Kremlin aide says more talks are planned for next week.")
    assert "More stories like this one" in article.removed


def test_a_wires_credits_and_the_next_stories_headlines_are_not_the_story(tmp_path: Path) -> None:
    text = (
        f"Talks end\n\n{STORY}\n\n(Reporting by Ann Writer; Editing by Ed Itor)\n\n"
        "Next In Tech News\n\nRegulator warns about crypto firms misleading customers\n\n"
        "Samsung plans to unveil its first trifold smartphone in 2025\n"
    )
    (article,) = load_file(write(tmp_path, "story.txt", text), today=TODAY)
    assert article.text == STORY
    assert "(Reporting by Ann Writer; Editing by Ed Itor)" in article.removed
    assert "Samsung plans to unveil its first trifold smartphone in 2025" in article.removed


# --- duplicates ---------------------------------------------------------------------------------


def test_syndicated_copy_is_left_out_and_its_outlet_credited(tmp_path: Path) -> None:
    long_story = " ".join([STORY] * 3)
    write(tmp_path, "a_reuters.txt", f"Talks end\n\n{long_story}\n\n© 2025 Thomson/Reuters.")
    write(tmp_path, "b_ap.txt", "Putin met envoys, Ukraine wants a ceasefire now, Kyiv said.")
    write(tmp_path, "c_copy.txt", f"WORLD\nTalks end\n\n{long_story}\n\nAll contents © 2025 AFP.")
    result = load_folder(tmp_path, today=TODAY)
    assert [(a.id, Path(a.path).name) for a in result.articles] == [
        ("a1", "a_reuters.txt"),
        ("a2", "b_ap.txt"),
    ]
    assert result.articles[0].also_carried_by == ["AFP"]
    (duplicate,) = result.duplicates
    assert (Path(duplicate.path).name, duplicate.article_id, duplicate.duplicate_of) == (
        "c_copy.txt",
        None,
        "a1",
    )
    assert duplicate.excluded and duplicate.similarity == 1.0


def test_rewrite_sharing_most_text_is_reported_but_kept(tmp_path: Path) -> None:
    paragraphs = [
        f"Paragraph {n} says the envoys met Putin for talk number {n} today." for n in range(10)
    ]
    write(tmp_path, "one.txt", "\n\n".join(paragraphs))
    rewrite = paragraphs[:7] + ["An entirely new ending was written by a second outlet here."]
    write(tmp_path, "two.txt", "\n\n".join(rewrite))
    result = load_folder(tmp_path, today=TODAY)
    assert [a.id for a in result.articles] == ["a1", "a2"]
    (duplicate,) = result.duplicates
    assert (duplicate.article_id, duplicate.duplicate_of, duplicate.excluded) == ("a2", "a1", False)
    assert 0.5 <= duplicate.similarity < 0.9


# --- describe (briefing inspect) ----------------------------------------------------------------


def test_describe_shows_metadata_text_removed_lines_problems_and_duplicates(
    tmp_path: Path,
) -> None:
    write(tmp_path, "a.txt", f"Talks end\n- Last update: 2 days ago\nAuthor: Jane Doe\n\n{STORY}")
    write(tmp_path, "b.txt", f"Talks end\n\n{STORY}")
    write(tmp_path, "c.png", PNG)
    shown = describe(load_folder(tmp_path, today=TODAY))
    assert f"== a1  {tmp_path / 'a.txt'}\ntitle:     Talks end\n" in shown
    assert "published: 2025-12-03  (approximate)\nbyline:    Jane Doe\n" in shown
    assert f"kept:      1 paragraphs, {len(STORY.split())} words\n" in shown
    assert f"\n\n{STORY}\n\nremoved (2):\n- - Last update: 2 days ago\n- Author: Jane Doe" in shown
    assert f"Problems (1):\n- {tmp_path / 'c.png'}: not an article file" in shown
    assert f"Duplicates (1):\n- {tmp_path / 'b.txt'} repeats a1 (similarity 1.0, left out)" in shown


# --- real formats: crawler exports, saved-page headers, comment forms --------------------------


def test_news_please_record_gives_outlet_from_source_domain_and_date_from_date_publish(
    tmp_path: Path,
) -> None:
    record = {
        "title": "Ceasefire talks resume", "maintext": STORY, "description": "Talks resume.",
        "date_publish": "2025-12-02 18:34:06", "date_modify": "None",
        "date_download": "2025-12-04 16:14:45", "source_domain": "edition.example-news.com",
        "url": "https://edition.example-news.com/2025/12/02/world/talks.html",
        "authors": "['Ann Writer', 'Bob Writer']", "language": "en",
    }  # fmt: skip
    (article,) = load_file(write(tmp_path, "a.json", json.dumps(record)), today=TODAY)
    assert (article.title, article.outlet) == ("Ceasefire talks resume", "example-news.com")
    assert (article.published, article.date_approximate) == (dt.date(2025, 12, 2), False)
    assert article.byline == "Ann Writer, Bob Writer"
    assert article.text == STORY


def test_a_records_standfirst_opens_the_text_unless_the_lead_tells_it_already(tmp_path: Path):
    standfirst = (
        "Envoys from Canada and Japan resumed talks on fishing quotas in Geneva on Thursday."
    )
    record = {"title": "Fishing talks resume", "text": STORY, "description": standfirst}
    (article,) = load_file(write(tmp_path, "a.json", json.dumps(record)), today=TODAY)
    assert article.text == f"{standfirst}\n\n{STORY}"
    told = {**record, "description": STORY.split(". ")[0] + "."}  # the lead's own words
    (article,) = load_file(write(tmp_path, "b.json", json.dumps(told)), today=TODAY)
    assert article.text == STORY
    teaser = {**record, "description": "So much shock. So much joy."}
    (article,) = load_file(write(tmp_path, "c.json", json.dumps(teaser)), today=TODAY)
    assert article.text == STORY


def test_a_record_whose_body_is_only_chrome_is_read_from_its_standfirst(tmp_path: Path):
    record = {
        "title": "59 dead, 527 injured in Las Vegas shooting",
        "description": "At least 59 people were killed and over 500 others wounded in a mass "
        "shooting at a concert Sunday night outside of the Mandalay Bay Hotel in Las Vegas.",
        "text": "Copyright 1995 - . All rights reserved. The content (including but not limited "
        "to text, photo, multimedia information, etc) published in this site belongs to China "
        "Daily Information Co (CDIC). Without written authorization from CDIC, such content shall "
        "not be republished or used in any form.\nRegistration Number: 130349",
    }
    (article,) = load_file(write(tmp_path, "a.json", json.dumps(record)), today=TODAY)
    assert article.text == record["description"]


def test_crawl_time_publish_date_gives_way_to_the_date_in_the_url(tmp_path: Path) -> None:
    record = {
        "title": "Talks resume", "text": STORY, "date_publish": "2025-12-04T23:10:00",
        "date_download": "2025-12-05T00:05:00", "source_domain": "www.example.org",
        "url": "https://www.example.org/news/2025/12/02/talks-resume",
    }  # fmt: skip
    (article,) = load_file(write(tmp_path, "a.json", json.dumps(record)), today=TODAY)
    assert (article.published, article.date_approximate) == (dt.date(2025, 12, 2), False)


def test_crawl_time_publish_date_without_url_date_is_approximate_or_inferred(
    tmp_path: Path,
) -> None:
    record = {
        "title": "Talks", "text": STORY, "date_publish": "2025-12-04T23:10:00",
        "date_download": "2025-12-05T00:05:00", "url": "https://example.org/talks",
    }  # fmt: skip
    (plain,) = load_file(write(tmp_path, "a.json", json.dumps(record)), today=TODAY)
    assert (plain.published, plain.date_approximate) == (dt.date(2025, 12, 4), True)
    record["text"] = "On Monday, Dec. 1, 2025, envoys arrived. " + STORY  # Tuesday: Dec. 2
    (dated,) = load_file(write(tmp_path, "b.json", json.dumps(record)), today=TODAY)
    assert (dated.published, dated.date_approximate) == (dt.date(2025, 12, 2), True)


def test_a_page_crawled_after_the_briefing_day_is_dated_no_later_than_that_day(
    tmp_path: Path,
) -> None:
    record = {
        "title": "Talks", "text": STORY, "date_publish": "2025-12-09T22:25:00",
        "date_download": "2025-12-09T23:25:32", "url": "https://example.org/talks",
    }  # fmt: skip
    (article,) = load_file(write(tmp_path, "a.json", json.dumps(record)), today=TODAY)
    assert article.published is not None and article.published <= TODAY
    assert article.date_approximate
    del record["date_download"]  # weeks later, with no crawl time to tell it by
    record["date_publish"] = "2026-01-27T12:15:00"
    (article,) = load_file(write(tmp_path, "b.json", json.dumps(record)), today=TODAY)
    assert article.published is not None and article.published <= TODAY
    assert article.date_approximate


def test_newsapi_article_reads_source_name_published_at_and_cut_content(tmp_path: Path) -> None:
    data = {"status": "ok", "articles": [{
        "source": {"id": None, "name": "Example Times"}, "author": "Ann Writer",
        "title": "Talks resume in Geneva", "description": "Envoys met again.",
        "url": "https://example.com/story", "publishedAt": "2025-12-03T08:00:00Z",
        "content": "Putin met U.S. envoys in the Kremlin on Tuesday night, the Kremlin said… "
                   "[+2104 chars]",
    }]}  # fmt: skip
    (article,) = load_file(write(tmp_path, "feed.json", json.dumps(data)), today=TODAY)
    assert (article.outlet, article.published) == ("Example Times", dt.date(2025, 12, 3))
    assert article.text == "Putin met U.S. envoys in the Kremlin on Tuesday night, the Kremlin said"
    assert article.url == "https://example.com/story"


def test_trafilatura_json_reads_sitename_date_and_source_url(tmp_path: Path) -> None:
    record = {
        "title": "Talks resume", "raw_text": STORY, "date": "2025-12-03",
        "hostname": "example.net", "sitename": "Example Net News",
        "source": "https://example.net/talks", "author": "Ann Writer", "filedate": "2025-12-05",
    }  # fmt: skip
    (article,) = load_file(write(tmp_path, "a.json", json.dumps(record)), today=TODAY)
    assert (article.outlet, article.url) == ("Example Net News", "https://example.net/talks")
    assert (article.published, article.text) == (dt.date(2025, 12, 3), STORY)


def test_record_without_a_date_is_dated_by_its_url(tmp_path: Path) -> None:
    record = {"title": "Talks", "text": STORY, "url": "https://x.com/2025/11/28/talks/"}
    (article,) = load_file(write(tmp_path, "a.json", json.dumps(record)), today=TODAY)
    assert (article.published, article.date_approximate) == (dt.date(2025, 11, 28), False)


SAVED_PAGE = """Kremlin talks end without a deal
example-news.com | 2025-12-03 10:31
https://www.example-news.com/world/2025/12/03/kremlin-talks

{story}
"""


def test_saved_page_header_gives_title_outlet_date_and_url_and_leaves_sentence_one(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "page.txt", SAVED_PAGE.format(story=STORY))
    (article,) = load_file(path, today=TODAY)
    assert (article.title, article.title_from_text) == ("Kremlin talks end without a deal", False)
    assert (article.outlet, article.published) == ("example-news.com", dt.date(2025, 12, 3))
    assert article.url == "https://www.example-news.com/world/2025/12/03/kremlin-talks"
    assert article.text == STORY
    assert article.removed[:2] == ["example-news.com | 2025-12-03 10:31", article.url]


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("example-news.com | 2025-12-03T10:31:00+01:00", dt.date(2025, 12, 3)),
        ("www.example-news.com | Dec 3, 2025, 10:31 AM", dt.date(2025, 12, 3)),
        ("example-news.com | 03.12.2025 10:31", dt.date(2025, 12, 3)),  # from the URL
    ],
)
def test_saved_page_header_takes_timestamps_in_several_spellings(
    tmp_path: Path, header: str, published: dt.date
) -> None:
    page = SAVED_PAGE.replace("example-news.com | 2025-12-03 10:31", header)
    (article,) = load_file(write(tmp_path, "page.txt", page.format(story=STORY)), today=TODAY)
    assert (article.title, article.text) == ("Kremlin talks end without a deal", STORY)
    assert (article.outlet, article.published) == ("example-news.com", published)


def test_domain_appended_to_a_headline_is_the_outlet_not_part_of_the_title(
    tmp_path: Path,
) -> None:
    text = f"Kremlin talks end without a deal | www.example-news.com\n\n{STORY}\n"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert (article.title, article.outlet) == (
        "Kremlin talks end without a deal",
        "example-news.com",
    )
    assert article.text == STORY


def test_aggregator_header_does_not_date_a_story_later_than_its_url(tmp_path: Path) -> None:
    page = SAVED_PAGE.replace("example-news.com | 2025-12-03", "aggregator.example | 2026-11-30")
    (article,) = load_file(write(tmp_path, "page.txt", page.format(story=STORY)), today=TODAY)
    assert article.published == dt.date(2025, 12, 3)


def test_date_label_run_into_a_paragraph_is_split_off_and_dates_the_article(
    tmp_path: Path,
) -> None:
    text = f" date 2025-12-03 12/03/2025 December 3, 2025 Talks end without a deal\n\n{STORY}\n"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert (article.title, article.published) == ("Talks end without a deal", dt.date(2025, 12, 3))
    assert article.text == STORY
    assert article.removed == ["date 2025-12-03 12/03/2025 December 3, 2025"]


@pytest.mark.parametrize(
    "chrome",
    [
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Follow us @ https://twitter.com/examplenews",
        "Check us out on Facebook:",
        "Like Example News World on Facebook and stay updated on foreign news",
        "Facebook Twitter WhatsApp Email",
        "Click here to upload yours.",
        "To read the original story by Reuters, click here.",
        "https://www.facebook.com/examplenews",
        "![A crowd outside the Kremlin](https://img.example.com/a.jpg)",
        "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by "
        "clicking the box. Invalid email address. Please re-enter.",
        "MOST READ IN NEWS 'STAR SHOCK' Singer cancels tour CHAOS Trains halted after storm",
        "Example News's Ann Writer contributed to this report.",
        "(SOUNDBITE OF ARCHIVED RECORDING)",
        "GERMAN INTERIOR MINISTER: (Speaking German).",
        "Logo",
        "keyboard_arrow_down",
        "Read more on foxbusiness.com",
        "Read more: Fed predictions for 2024: What experts say",
        "Our live coverage has ended. Read the takeaways here.",
        "LIVE COVERAGE IS OVER20 updates",
        "Hear Chair Powell explain decision to slash interest rates",
        "01:24 - Source: CNN",
        "In this article:",
        "Now Reading :",
        "pic.twitter.com/ZAxApKpJIT",
        "— Keir Starmer (@Keir_Starmer) November 26, 2024",
        "Also Read | AI chipmaker startup Cerebras to launch IPO in October. All you need to know",
        "Our live coverage of the bombings has moved here.",
        "You are here",
        "Play Live Radio",
        "0:00 0:00",
        "1 of 2 | On Sunday, people recover goods from a shopping plaza hit by the hurricane.",
        "Annex Wealth Management chief economist Brian Jacobson discusses the impact of "
        "immigration on the U.S. economy on Making Money.",
        # a graphic's labels and its numbered notes
        "LAS VEGAS LAS VEGAS FREEWAY EXCALIBUR HOTEL LUXOR HOTEL Mandalay Bay Resort and Casino "
        "The gunman shot from the 32nd floor. BROKEN WINDOWS VISIBLE MAIN ENTRANCE",
        "1Videos showed chaos unfolding among the crowd. 2People took cover under the bleachers.",
        # an embedded post's signature, CNN's Messenger lines, a site's registration footer
        "Shooting at Route 91 A post shared by Randy Kindred (@randy_kindred) on Oct 1, 2017",
        # a live page's post heading and the note on a post it could not show
        "Attack will call for 'deep reflection', says ex-PMpublished at 13:29 Greenwich Mean "
        "Time 15 March 2019",
        "This Twitter post cannot be displayed in your browser. Please enable Javascript or try a "
        "different browser.View original content on TwitterSkip twitter post",
        "This article contains content provided by Twitter. We ask for your permission before "
        "anything is loaded, as they may be using cookies and other technologies.",
        "Memorial Day Sale - $1 for 3 months - Expires 5/29",
        "Advertisement -",
        "By allowing ads to appear on this site, you support the local businesses who, in turn, "
        "support local journalism.",
        "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.",
        "Registration Number: 130349 Registration Number: 130349",
        # an opinion piece's note on its author, a related link in brackets
        "Ann Writer is a world affairs columnist for Example Review. Follow her @annwriter . The "
        "opinions expressed in this commentary are hers.",
        "Ann Writer is an American writer and journalist. He is author of the book, 'Empire,' "
        "released in 2013. ann@example.com",
        "[Is the Kremlin's leader losing his grip?]",
        # a video module, a programme's promotion
        "JUST WATCHED The weapon that makes it dangerous Replay More Videos ... MUST WATCH The "
        "weapon that makes it dangerous 01:12",
        "CNN Special -- Secret State CNN takes you inside. Watch the documentary on CNN and CNN "
        "International: 10 p.m. ET, Friday September 15",
        # notes on the page's own versions
        "Editor’s note: This story was updated at 1 p.m. on March 27 to reflect new information.",
        "This article has been updated with comment from the ministry.",
        # a feed's footer on a syndicated copy
        "The post Envoys meet in Moscow as talks resume appeared first on Example News.",
        "Envoys meet in Moscow as talks resume originally appeared on example.com on Mon, 1 Jan "
        "2018 at 10:05:01 EDT. Please see our terms for use of feeds.",
    ],
)
def test_comment_forms_share_bars_and_click_here_lines_are_chrome(
    tmp_path: Path, chrome: str
) -> None:
    (article,) = load_file(write(tmp_path, "a.txt", f"{STORY}\n\n{chrome}\n"), today=TODAY)
    assert article.text == STORY
    assert article.removed == [chrome]


@pytest.mark.parametrize(
    "news",
    [
        "Most viewed the ruling as a victory for the opposition, polls showed on Monday.",
        "Smith, a journalist who contributed reporting to the Panama Papers, was arrested.",
        "Watch officials said they would review the footage of the raid on Monday.",
        "Hear, hear, the minister said as the bill passed its final reading in parliament.",
        "Vali Nasr is a professor at Johns Hopkins University and the author of a book on Iran. "
        "He said the strike would push Tehran to retaliate.",
        "This report was changed after objections from the White House, two officials said.",
        "The post of envoy appeared first on a list of jobs the ministry cut on Monday.",
        "The essay originally appeared in a Moscow weekly before the ministry banned it.",
        "The video, which originally appeared on TikTok.com, has been viewed 2 million times.",
        "The post calling for the rally appeared first on Telegram.",
        "The post showing the envoy's son appeared first on Facebook on Tuesday.",
    ],
)
def test_news_that_starts_like_chrome_is_kept(tmp_path: Path, news: str) -> None:
    (article,) = load_file(write(tmp_path, "a.txt", f"{STORY}\n\n{news}\n"), today=TODAY)
    assert article.text.endswith(news)
    assert article.removed == []


@pytest.mark.parametrize(
    "caption",
    [
        "This photo shows the Kremlin on Tuesday. (Kremlin press office via AP) (Associated Press)",
        "Envoys arrive at the Kremlin in Moscow, Russia, December 2, 2025. [Photo/Agencies]",
        "Screengrab of the Kremlin statement on the talks (PA)",
        "Envoys arrive at the Kremlin on Tuesday.Ann Photographer / Agence Francepresse",
        "Enlarge this image toggle caption Ann Photographer/AP Ann Photographer/AP",
        "This combination of satellite images from Example Imaging shows the Kremlin on July 2, "
        "2025, top, and the same square on December 2, 2025. (",
        "In this image from video, envoys arrive at the Kremlin in Moscow",
        "The sun shines on the Kremlin in Moscow, Saturday, May 27, 2023. Envoys left without a "
        "deal. (AP Photo/Ann Photographer)AP",
        "The square is under a 12-month state of emergency (AP Photo/Ann Photographer) Credit: "
        "AP/Press Association Images",
    ],
)
def test_photo_captions_and_credits_are_kept_aside(tmp_path: Path, caption: str) -> None:
    (article,) = load_file(write(tmp_path, "a.txt", f"{caption}\n{STORY}\n"), today=TODAY)
    assert article.text == STORY
    assert article.removed == [caption]


def test_place_and_agency_line_is_a_credit_not_a_headline(tmp_path: Path) -> None:
    (article,) = load_file(
        write(tmp_path, "a.txt", f"Moscow, Russia | AFP\n\n{STORY}"), today=TODAY
    )
    assert (article.outlet, article.title_from_text) == ("AFP", True)
    assert article.removed == ["Moscow, Russia | AFP"]


def test_section_label_above_the_headline_is_passed_over(tmp_path: Path) -> None:
    text = f"WORLD2\nKremlin talks end without a deal\n{STORY}\n"
    (article,) = load_file(write(tmp_path, "a.txt", text), today=TODAY)
    assert article.title == "Kremlin talks end without a deal"
    assert article.removed == ["WORLD2"]


@pytest.mark.parametrize("label", ["Story highlights", "STORY:"])
def test_page_label_run_into_the_first_paragraph_is_split_off(tmp_path: Path, label: str) -> None:
    (article,) = load_file(write(tmp_path, "a.txt", f"{label} {STORY}\n"), today=TODAY)
    assert article.text == STORY and article.removed == [label]


def test_a_live_pages_post_time_run_into_the_post_is_split_off(tmp_path: Path) -> None:
    page = f"Talks resume in Geneva\n13:29 GMT 15 March 2019{STORY}\n"
    (article,) = load_file(write(tmp_path, "a.txt", page), today=TODAY)
    assert article.text == STORY and article.removed == ["13:29 GMT 15 March 2019"]


def test_lowercase_topic_tag_is_not_a_headline(tmp_path: Path) -> None:
    (article,) = load_file(write(tmp_path, "a.txt", f"debt ceiling\n\n{STORY}\n"), today=TODAY)
    assert article.title_from_text and article.text == STORY
    assert article.removed == ["debt ceiling"]


def test_apostrophes_are_not_added_to_text_that_is_not_english(tmp_path: Path) -> None:
    text = (
        "Las opciones del gobierno son pocas, dijo el ministro. Estados Unidos y la Unión "
        "Europea piden una tregua. La ministra habló con Estados vecinos en la cumbre."
    )
    (article,) = load_file(write(tmp_path, "a.txt", text), today=TODAY)
    assert article.text == text and article.repairs == []


def test_two_letter_words_are_never_made_possessive(tmp_path: Path) -> None:
    text = "Les plans were new, said Le. Les aide left the room. Putins adviser spoke."
    (article,) = load_file(write(tmp_path, "a.txt", text), today=TODAY)
    assert "Les aide" in article.text


def test_copy_threshold_is_read_from_the_settings(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", STORY)
    write(tmp_path, "b.txt", STORY + " Officials gave no date for the next round.")
    (reported,) = load_folder(tmp_path, today=TODAY).duplicates
    assert not reported.excluded and reported.similarity < 0.9
    with settings.override(duplicate_copy=reported.similarity - 0.01):
        (left_out,) = load_folder(tmp_path, today=TODAY).duplicates
    assert left_out.excluded


def test_a_source_address_is_kept_without_its_tracking_parameters(tmp_path):
    page = {
        "title": "Plane crashes in Costa Rica",
        "text": "A small plane crashed in Costa Rica on Sunday, killing all 12 people on board.",
        "url": "https://example.com/world/2017/12/31/crash.html?id=7&utm_term=.e52f&fbclid=Ab1",
    }
    (tmp_path / "crash.json").write_text(json.dumps(page))
    [article] = load_folder(tmp_path, today=dt.date(2018, 1, 1)).articles
    assert article.url == "https://example.com/world/2017/12/31/crash.html?id=7"


def test_a_page_header_of_logos_icon_names_and_an_updated_line_gives_the_headline_and_date(
    tmp_path: Path,
) -> None:
    page = (
        "Logo\n\nLast Updated on December 3, 2025 8:00 am by EXAMPLE DESK\n"
        "Envoys meet again in Geneva\n"
        "text_fieldsGeneva: Envoys met again on Wednesday, the mediator said.\n\n" + STORY
    )
    (article,) = load_file(write(tmp_path, "a.txt", page), today=TODAY)
    assert article.title == "Envoys meet again in Geneva"
    assert (article.published, article.date_approximate) == (dt.date(2025, 12, 3), False)
    assert article.text.startswith("Geneva: Envoys met again on Wednesday")
    assert "text_fields" in article.removed and "Logo" in article.removed


def test_a_paragraph_the_page_prints_twice_is_read_once(tmp_path: Path) -> None:
    standfirst = "The opposition leader on Friday refused to recognise the result."
    page = f"{standfirst}\n\n{standfirst}\n\n{STORY}"
    (article,) = load_file(write(tmp_path, "a.txt", page), today=TODAY)
    assert article.text.count(standfirst) == 1
    assert article.removed == [standfirst]


def test_a_run_in_subheading_in_capitals_comes_off_its_paragraph(tmp_path: Path) -> None:
    page = f"{STORY}\n\nSET UP FRAUD ALERTS Equifax is offering a free service to those affected.\n"
    (article,) = load_file(write(tmp_path, "a.txt", page), today=TODAY)
    assert article.text.endswith("\n\nEquifax is offering a free service to those affected.")
    assert "SET UP FRAUD ALERTS" in article.removed
    tabloid = "HACKERS are feared to have stolen the data of 44 million Britons."
    (article,) = load_file(write(tmp_path, "b.txt", f"{STORY}\n\n{tabloid}\n"), today=TODAY)
    assert article.text.endswith(tabloid)


def test_a_capitalised_party_and_title_before_a_name_stay_in_the_sentence(tmp_path: Path) -> None:
    said = "ZANU PF MP Terrence Mukupe said the party would win every seat in the province."
    (article,) = load_file(write(tmp_path, "a.txt", f"{STORY}\n\n{said}\n"), today=TODAY)
    assert article.text.endswith(said)


def test_a_sentence_with_a_date_and_by_is_not_a_date_line(tmp_path: Path) -> None:
    said = "Killed by Hamas on October 7, 2023."
    (article,) = load_file(write(tmp_path, "a.txt", f"{STORY}\n\n{said}\n"), today=TODAY)
    assert said not in article.removed


def test_an_address_without_tracking_parameters_is_kept_as_written() -> None:
    from briefing.ingest.outlets import without_tracking

    assert without_tracking("https://x.example/a?ids=1,2&amp") == "https://x.example/a?ids=1,2&amp"
    assert (
        without_tracking("https://x.example/a?ids=1,2&utm_source=tw")
        == "https://x.example/a?ids=1,2"
    )


def test_a_pages_address_on_its_last_line_names_its_outlet_and_dates_it(tmp_path: Path) -> None:
    text = (
        f"Talks end without a deal\n\n{STORY}\n\nhttps://www.newser.com/story/2025/12/02/talks.html"
    )
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert (article.outlet, article.published) == ("newser.com", dt.date(2025, 12, 2))
    assert article.text == STORY


def test_a_social_link_on_the_last_line_is_no_address(tmp_path: Path) -> None:
    text = f"Talks end without a deal\n\n{STORY}\n\nhttps://twitter.com/someone/status/123"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert (article.outlet, article.url) == (None, None)


@pytest.mark.parametrize(
    "chrome",
    [
        "Share this @internewscast.com",
        "ArrowArtboardCreated with Sketch.Title ChevronTitle ChevronIcon FacebookIcon LinkedinIcon "
        "Mail ContactPath LayerIcon MailPositive ArrowIcon Print",  # an icon sprite's titles
    ],
)
def test_a_share_line_or_an_icon_sprites_titles_is_no_headline(tmp_path: Path, chrome: str):
    text = f"{chrome}\n\nTalks end without a deal\n\n{STORY}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert (article.title, article.text) == ("Talks end without a deal", STORY)


@pytest.mark.parametrize(
    "caption",
    [
        "Supporters of affirmative action protest near the U.S. Supreme Court Building on Capitol "
        "Hill on June 29, 2023 in Washington, DC. In a 6-3 vote, the justices ruled that "
        "race-conscious admissions programs are unconstitutional. Anna Moneymaker/Getty Images",
        "Demonstrators gathered in Washington after the Supreme Court ruled on affirmative action."
        " — Photo courtesy of The New York Times",
        "People walk outside Paramount Studios after the Writers Guild of America (WGA) said it "
        "reached a preliminary labor agreement with major studios in Los Angeles, California, "
        "U.S., September 24, 2023. Photo by REUTERS/David Swanson.",
    ],
)
def test_a_caption_ending_on_its_pictures_credit_is_not_text(tmp_path: Path, caption: str):
    text = f"Talks end without a deal\n\n{caption}\n\n{STORY}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.text == STORY


def test_a_news_readers_redirect_on_the_last_line_names_the_page_it_leads_to(tmp_path: Path):
    link = (
        "http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&url=https%3A%2F%2Fasia.nikkei.com"
        "%2FBusiness%2FMarkets%2FJapanese-yen-slides&c=9262457143085339690&mkt=en-us"
    )
    text = f"Talks end without a deal\n\n{STORY}\n\n{link}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert (article.outlet, article.url) == (
        "asia.nikkei.com",
        "https://asia.nikkei.com/Business/Markets/Japanese-yen-slides",
    )


@pytest.mark.parametrize(
    "chrome", ["Sponsored Content", "About Sponsored Content This content was commissioned by X."]
)
def test_an_advertisers_box_is_not_text(tmp_path: Path, chrome: str):
    text = f"Talks end without a deal\n\n{STORY}\n\n{chrome}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert article.text == STORY


@pytest.mark.parametrize(
    "news",
    [
        "The FTC said influencers must clearly label sponsored content or face fines of $50,000.",
        "YouTube, TikTok, WhatsApp and LinkedIn were each fined by the regulator on Monday.",
        "Sen. Bob Menendez, who was convicted of bribery, waits to be sentenced on October 29, "
        "2024.",
    ],
)
def test_news_naming_sponsored_content_brands_or_a_senator_on_a_date_is_text(
    tmp_path: Path, news: str
):
    (article,) = load_file(write(tmp_path, "page.txt", f"{STORY}\n\n{news}"), today=TODAY)
    assert article.text == f"{STORY}\n\n{news}"


@pytest.mark.parametrize(
    "link",
    [
        "https://news.google.com/rss/articles/CBMiWmh0dHBzOi8v?oc=5",  # a news reader
        "https://youtu.be/dQw4w9WgXcQ",
        "https://www.kremlin.ru/events/president/news/78123",  # a source the story cites
        "https://www.facebook.com/sharer/sharer.php?u=https://www.cnn.com/2024/01/01/other-story",
    ],
)
def test_a_last_line_link_that_is_no_news_page_is_no_address(tmp_path: Path, link: str):
    text = f"Talks end without a deal\n\n{STORY}\n\n{link}"
    (article,) = load_file(write(tmp_path, "page.txt", text), today=TODAY)
    assert (article.outlet, article.url) == (None, None)


def test_a_name_or_a_sign_in_capitals_stays_in_the_text(tmp_path: Path):
    story = (
        "ZANU PF MP Terrence Mukupe said the party had won. Protesters held a sign reading "
        "RESPECT OUR VOTE outside the commission."
    )
    (article,) = load_file(write(tmp_path, "page.txt", f"Vote\n\n{story}"), today=TODAY)
    assert article.text == story
