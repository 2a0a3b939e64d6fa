"""The analyst's daily loop: a brief reviewed in an editor, then regenerated with a new article.

Tests edit the Markdown file as a person does (delete a line, move a line under another heading,
add a note, change a word inside a finding), run `generate` again with one more article, and read
what the next brief shows. The model is a real local HTTP server that labels every sentence
starting with a country's name as that country's position, and every other one as an event.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from briefing import changes, decisions, handles, review, settings
from briefing.cli import cli
from briefing.models import Briefing, Decision, Evidence, Item, Source, Story
from briefing.text.match import match_key
from tests.conftest import CLEAN_ENV
from tests.fault_server import FaultServer, Step, is_summary

PARTIES = ("Canada", "Japan", "Switzerland")

TALKS = """Fishing talks resume in Geneva

Negotiators from Canada and Japan met in Geneva on Thursday to resume talks on fishing quotas.
Canada demanded a freeze on all Japanese trawler licences in the northern zone first.
Japan rejected the demand and proposed a monitored catch limit instead.
Officials said 1,200 fishermen had been killed at sea in the northern zone since the spring.
"""
AGENDA = """Geneva fishing talks turn to catch data

Canada wants a full review of the catch data before any catch limit is agreed.
Switzerland supports a neutral review of the catch data by outside scientists.
Switzerland offered to host the next round of fishing talks in Geneva next month.
"""
# Arrives the next day: one new position, and the toll stated anew with another figure.
UPDATE = """Geneva fishing talks: observers and a revised toll

Switzerland said its observers could reach the northern zone within a week of a deal.
Officials said 950 fishermen had been killed at sea, fewer than first reported.
"""


def party_answer(body: dict[str, Any]) -> Step:
    """Label a sentence that starts with a country as its position; any other as an event."""
    if is_summary(body):
        return Step(content=json.dumps({"ids": [1]}))
    answer: dict[str, list[int]] = {
        "position": [],
        "sticking_point": [],
        "next_step": [],
        "event": [],
    }
    for number, text in re.findall(r"^(\d+)\. (.*)$", body["messages"][-1]["content"], re.M):
        starts_with_party = any(text.startswith(p) for p in PARTIES)
        answer["position" if starts_with_party else "event"].append(int(number))
    # The party of a labelled sentence is read from the chunk: the name it mentions first.
    return Step(content=json.dumps(answer))


@pytest.fixture(autouse=True)
def every_finding_shown() -> Iterator[None]:
    """These briefs are a few sentences long: every finding is shown, so the tests speak of
    review, not of which findings a short story has room for (tests/test_sections.py does)."""
    with settings.override(finding_words=1.0, min_finding_words=1000):
        yield


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer([], responder=party_answer) as running:
        yield running


class Desk:
    """An analyst's folder of articles and folder of briefs, briefed day after day."""

    def __init__(self, tmp_path: Path, server: FaultServer) -> None:
        self.folder = tmp_path / "in"
        self.out = tmp_path / "out"
        self.cache = tmp_path / "cache"
        self.server = server
        self.folder.mkdir()

    def arrive(self, **texts: str) -> None:
        for name, text in texts.items():
            (self.folder / f"{name}.txt").write_text(text)

    def generate(self, date: str, *extra: str) -> Any:
        result = CliRunner().invoke(cli, [
            "generate", str(self.folder), "--date", date, "--out", str(self.out),
            "--cache-dir", str(self.cache), "--model", "test-model", "--min-sources", "1",
            "--base-url", self.server.base_url, "--format", "md,json,html", *extra,
        ], env=CLEAN_ENV)  # fmt: skip
        assert result.exit_code == 0, result.output
        return result

    def markdown(self, date: str) -> Path:
        return self.out / f"{date}.md"

    def brief(self, date: str) -> Briefing:
        return Briefing.model_validate_json((self.out / f"{date}.json").read_text())

    def cli(self, *args: str) -> Any:
        return CliRunner().invoke(cli, [*args, "--out", str(self.out)], env=CLEAN_ENV)


def item_span(lines: list[str], words: str, after: str = "## Top stories") -> tuple[int, int]:
    """First and last line (exclusive) of the first finding after heading `after` that contains
    `words`, its wrapped lines included."""
    n = lines.index(after)
    while True:
        n += 1
        if not lines[n].startswith("- "):
            continue
        end = n + 1
        while end < len(lines) and lines[end].startswith("  ") and not lines[end].startswith("  >"):
            end += 1
        if words in " ".join(lines[n:end]):
            return n, end


def line_of(markdown: str, words: str, after: str = "## Top stories") -> str:
    """The finding containing `words` (wrapped lines joined)."""
    lines = markdown.splitlines()
    start, end = item_span(lines, words, after)
    return " ".join(line.strip() for line in lines[start:end])


def handle_in(line: str) -> str:
    return review.HANDLE_MARK.findall(line)[-1]


def findings(brief: Briefing) -> dict[str, Item]:
    return {i.text: i for story in brief.stories for i in story.items}


# --- the daily loop, end to end -----------------------------------------------------------------


POSITIONS = "### Positions by party"


@pytest.fixture
def reviewed_desk(tmp_path: Path, server: FaultServer) -> Desk:
    """Day 1 briefed and reviewed: one finding deleted, one moved to another party, a note added,
    a word changed inside a finding; then a new article arrives and day 2 is briefed."""
    desk = Desk(tmp_path, server)
    desk.arrive(a_talks=TALKS, b_agenda=AGENDA)
    desk.generate("2025-12-04")
    path = desk.markdown("2025-12-04")
    lines = path.read_text().splitlines()
    # Delete a finding's lines.
    start, end = item_span(lines, "Japan rejected the demand", POSITIONS)
    del lines[start:end]
    # Move a finding from under Canada to under Switzerland.
    start, end = item_span(lines, "full review of the catch data", POSITIONS)
    moved = lines[start:end]
    del lines[start:end]
    at = lines.index("#### Switzerland") + 2
    lines[at:at] = [*moved, ""]
    # Add a note right under a finding.
    start, end = item_span(lines, "Switzerland offered to host", "### Next steps")
    lines.insert(end, "> Switzerland hosted the 2019 round too; check the venue.")
    # Change a word inside a finding's quoted evidence.
    start, end = item_span(lines, "Canada demanded a freeze", "### Summary")
    lines[start:end] = [line.replace("all Japanese", "most Japanese") for line in lines[start:end]]
    path.write_text("\n".join(lines) + "\n")

    desk.arrive(c_update=UPDATE)
    desk.result = desk.generate("2025-12-05")
    return desk


def test_deleted_finding_stays_struck_in_the_next_brief(reviewed_desk: Desk):
    brief = reviewed_desk.brief("2025-12-05")
    markdown = reviewed_desk.markdown("2025-12-05").read_text()
    assert (
        "Japan rejected the demand"
        not in markdown.split("## Sources")[0].split("## Top stories")[1]
    )
    (struck,) = brief.struck
    assert struck.text.startswith("Japan rejected the demand")
    assert struck.review is not None and struck.review.struck
    assert not any(t.startswith("Japan rejected") for t in findings(brief))


def test_moved_finding_is_relabelled_under_its_new_heading(reviewed_desk: Desk):
    brief = reviewed_desk.brief("2025-12-05")
    (story,) = brief.stories
    (moved,) = [
        i for i in story.positions["Switzerland"] if "full review of the catch data" in i.text
    ]
    assert moved.party == "Switzerland" and moved.review.moved_from == "Canada"
    assert not any(
        "full review of the catch data" in i.text for i in story.positions.get("Canada", [])
    )
    markdown = reviewed_desk.markdown("2025-12-05").read_text()
    swiss = markdown.split("#### Switzerland")[1].split("###")[0]
    assert "full review of the catch data" in swiss and "Moved in review from Canada" in swiss


def test_note_stays_under_its_finding(reviewed_desk: Desk):
    lines = reviewed_desk.markdown("2025-12-05").read_text().splitlines()
    _, end = item_span(lines, "Switzerland offered to host", "### Next steps")
    assert lines[end] == "  > Switzerland hosted the 2019 round too; check the venue."
    item = findings(reviewed_desk.brief("2025-12-05"))[
        "Switzerland offered to host the next round of fishing talks in Geneva next month."
    ]
    assert item.review.notes == ["Switzerland hosted the 2019 round too; check the venue."]


def test_word_changed_inside_evidence_is_kept_as_a_note_and_the_source_words_stay(
    reviewed_desk: Desk,
):
    markdown = reviewed_desk.markdown("2025-12-05").read_text()
    source = "Canada demanded a freeze on all Japanese trawler licences in the northern zone first."
    assert source in markdown  # the evidence is the source's, verbatim
    assert "_Reworded in review; the source's words are kept above. The analyst's version:_" in (
        markdown
    )
    item = findings(reviewed_desk.brief("2025-12-05"))[source]
    assert item.text == source and "most Japanese trawler" in item.review.edited
    assert all("most Japanese" not in e.text for e in item.evidence)


def test_review_carried_over_is_said_in_the_brief_and_on_stderr(reviewed_desk: Desk):
    said = "Review carried over: 1 struck, 1 moved, 1 note, 1 reworded"
    assert said in reviewed_desk.markdown("2025-12-05").read_text()
    assert said in reviewed_desk.result.stderr
    assert "read 4 review decision(s)" in reviewed_desk.result.stderr
    html = (reviewed_desk.out / "2025-12-05.html").read_text()
    assert "Review carried over: 1 struck, 1 moved, 1 note, 1 reworded" in html
    assert "Switzerland hosted the 2019 round too; check the venue." in html


def test_hand_edited_file_is_kept_beside_its_edition(reviewed_desk: Desk):
    kept = reviewed_desk.out / "2025-12-04" / "edition-1.reviewed.md"
    assert "> Switzerland hosted the 2019 round too" in kept.read_text()
    assert "most Japanese trawler" in kept.read_text()
    decisions = json.loads((reviewed_desk.out / "review.json").read_text())["decisions"]
    assert sorted(d["action"] for d in decisions) == ["move", "note", "reword", "strike"]
    assert all(d["made_on"] == "2025-12-04" for d in decisions)


def test_json_carries_each_finding_s_handle_and_review_state(reviewed_desk: Desk):
    data = json.loads((reviewed_desk.out / "2025-12-05.json").read_text())
    (story,) = data["stories"]
    items = [i for group in story["positions"].values() for i in group] + story["timeline"]
    assert all(re.fullmatch(r"[0-9a-z]{5}", i["handle"]) for i in items)
    reviewed = {i["text"][:20]: i["review"] for i in items if i["review"]}
    assert reviewed["Canada wants a full "]["moved_from"] == "Canada"
    assert reviewed["Canada demanded a fr"]["edited"].startswith("Canada demanded a freeze on most")
    assert data["struck"][0]["review"]["struck"] is True
    assert data["review"] == {"struck": 1, "moved": 1, "notes": 1, "edited": 1, "waiting": 0,
                              "file": "review.json"}  # fmt: skip


def test_next_day_brief_says_what_it_was_compared_with_and_what_is_new(reviewed_desk: Desk):
    markdown = reviewed_desk.markdown("2025-12-05").read_text()
    top = markdown.split("## Top stories")[0]
    assert "## What changed since the last brief" in top
    assert "Compared with the brief of 2025-12-04 (edition 1" in top
    assert "developing" in top
    assert line_of(markdown, "observers could reach the northern zone").endswith(
        " · new ^" + handle_in(line_of(markdown, "observers could reach the northern zone"))
    )
    brief = reviewed_desk.brief("2025-12-05")
    assert brief.changes is not None and brief.changes.since_date == dt.date(2025, 12, 4)


def test_changed_figure_is_shown_as_a_change_not_as_a_new_finding(reviewed_desk: Desk):
    brief = reviewed_desk.brief("2025-12-05")
    (story,) = brief.changes.stories
    (figure,) = story.figures
    assert (figure.before, figure.after) == ("1,200 dead", "950 dead")
    assert "950 fishermen" in figure.new.text and "1,200 fishermen" in figure.old.text
    assert not any("950 fishermen" in i.text for i in story.new_items)
    assert not any("fishermen" in i.text for i in story.new_sources)
    markdown = reviewed_desk.markdown("2025-12-05").read_text()
    assert "**1,200 dead → 950 dead:**" in markdown
    # The finding, in whichever section of the story it is, is marked as changed.
    assert "· changed: 1,200 dead → 950 dead ^" in line_of(markdown, "950 fishermen")


def test_handles_survive_renumbering_when_articles_are_added(reviewed_desk: Desk):
    day1 = Briefing.model_validate_json(
        (reviewed_desk.out / "2025-12-04" / "edition-1.json").read_text()
    )
    day2 = reviewed_desk.brief("2025-12-05")
    before = {i.text: i.handle for s in day1.stories for i in s.items}
    after = {i.text: i.handle for s in day2.stories for i in s.items}
    shared = before.keys() & after.keys()
    assert len(shared) >= 4 and all(before[t] == after[t] for t in shared)
    assert all(re.fullmatch(r"[0-9a-z]{5}", h) for h in after.values())


def test_review_lists_decisions_and_undo_brings_a_finding_back(reviewed_desk: Desk):
    desk = reviewed_desk
    listed = desk.cli("review", "2025-12-05")
    assert listed.exit_code == 0, listed.output
    assert "struck" in listed.output and "Japan rejected the demand" in listed.output
    assert len(listed.stdout.strip().splitlines()) == 4
    assert desk.cli("review", "2025-12-03").stdout.strip() == ""  # nothing before the review

    handle = decisions.load_decisions(desk.out)[0].handle
    struck = next(d for d in decisions.load_decisions(desk.out) if d.action == "strike")
    undone = desk.cli("review", "--undo", struck.handle)
    assert undone.exit_code == 0 and "undone" in undone.output and handle
    desk.generate("2025-12-05")
    markdown = desk.markdown("2025-12-05").read_text()
    assert "Japan rejected the demand" in line_of(markdown, "Japan rejected the demand")
    assert "Review carried over: 1 moved, 1 note, 1 reworded" in markdown


def test_decisions_apply_to_every_later_brief(reviewed_desk: Desk):
    desk = reviewed_desk
    desk.generate("2025-12-06")
    markdown = desk.markdown("2025-12-06").read_text()
    assert "Review carried over: 1 struck, 1 moved, 1 note, 1 reworded" in markdown
    assert "> Switzerland hosted the 2019 round too" in markdown
    # An earlier date regenerated is not touched by a review made after it.
    desk.generate("2025-12-03")
    assert "Review carried over" not in desk.markdown("2025-12-03").read_text()


def test_deleting_a_carried_note_removes_it(reviewed_desk: Desk):
    desk = reviewed_desk
    path = desk.markdown("2025-12-05")
    text = path.read_text()
    path.write_text(
        text.replace("  > Switzerland hosted the 2019 round too; check the venue.\n", "")
    )
    desk.generate("2025-12-05")
    assert "Switzerland hosted the 2019 round" not in desk.markdown("2025-12-05").read_text()
    assert not any(d.action == "note" for d in decisions.load_decisions(desk.out))


def test_file_edited_again_is_read_again_in_full(tmp_path: Path, server: FaultServer):
    desk = Desk(tmp_path, server)
    desk.arrive(a_talks=TALKS, b_agenda=AGENDA)
    desk.generate("2025-12-04")
    path = desk.markdown("2025-12-04")
    written = path.read_text()
    lines = written.splitlines()
    start, end = item_span(lines, "Japan rejected the demand", POSITIONS)
    path.write_text("\n".join(lines[:start] + lines[end:]) + "\n")
    desk.generate("2025-12-05")
    assert [d.action for d in decisions.load_decisions(desk.out)] == ["strike"]
    # The analyst changes their mind: the line goes back, a note goes under it instead.
    lines.insert(end, "> Japan's offer, not a refusal: check the wording.")
    path.write_text("\n".join(lines) + "\n")
    desk.generate("2025-12-05")
    assert [d.action for d in decisions.load_decisions(desk.out)] == ["note"]
    markdown = desk.markdown("2025-12-05").read_text()
    assert "Japan rejected the demand" in line_of(markdown, "Japan rejected", POSITIONS)
    assert "> Japan's offer, not a refusal" in markdown


def test_brief_written_by_an_older_version_is_kept_before_it_is_replaced(
    tmp_path: Path, server: FaultServer
):
    desk = Desk(tmp_path, server)
    desk.arrive(a_talks=TALKS, b_agenda=AGENDA)
    desk.generate("2025-12-04")
    (desk.out / "2025-12-04" / "edition-1.md").unlink()  # as an older version left it
    path = desk.markdown("2025-12-04")
    path.write_text(path.read_text() + "\nMy own closing remarks.\n")
    desk.arrive(c_update=UPDATE)
    desk.generate("2025-12-04")
    kept = desk.out / "2025-12-04" / "edition-1.reviewed.md"
    assert kept.read_text().endswith("My own closing remarks.\n")
    assert "My own closing remarks." not in path.read_text()  # edition 2 replaced it


def test_same_day_regeneration_keeps_the_review(tmp_path: Path, server: FaultServer):
    desk = Desk(tmp_path, server)
    desk.arrive(a_talks=TALKS, b_agenda=AGENDA)
    desk.generate("2025-12-04")
    path = desk.markdown("2025-12-04")
    text = path.read_text()
    path.write_text(text.replace(line_of(text, "Japan rejected the demand") + "\n", ""))
    result = desk.generate("2025-12-04")  # same articles: rebuilt from the cache, review applied
    assert "Review carried over: 1 struck" in result.stderr
    assert "Japan rejected the demand" not in path.read_text().split("## Top stories")[1]
    assert (desk.out / "2025-12-04" / "edition-1.reviewed.md").is_file()
    again = desk.generate("2025-12-04")
    assert "nothing changed since edition 2" in again.output  # the review was read once


# --- reading Markdown as people and tools leave it ----------------------------------------------


def test_rewrapped_file_with_handles_on_their_own_lines_is_no_review(
    tmp_path: Path, server: FaultServer
):
    desk = Desk(tmp_path, server)
    desk.arrive(a_talks=TALKS, b_agenda=AGENDA)
    desk.generate("2025-12-04")
    path = desk.markdown("2025-12-04")
    brief = desk.brief("2025-12-04")
    # What an mdformat-like tool does: rewrap list items at 40 columns, `*` for `-`.
    rewrapped = []
    for line in path.read_text().splitlines():
        if line.startswith("- ") and "^" in line:
            words, current = line[2:].split(), "*"
            for word in words:
                if len(current) + len(word) > 40:
                    rewrapped.append(current)
                    current = "  " + word
                else:
                    current += " " + word
            rewrapped.append(current)
        else:
            rewrapped.append(line)
    edited = "\n".join(rewrapped) + "\n"
    decisions, removed = review.decisions_from(path.read_text(), edited, brief)
    assert decisions == [] and removed == set()


def test_finding_whose_handle_was_deleted_in_an_edit_is_not_struck(
    tmp_path: Path, server: FaultServer
):
    desk = Desk(tmp_path, server)
    desk.arrive(a_talks=TALKS, b_agenda=AGENDA)
    desk.generate("2025-12-04")
    path = desk.markdown("2025-12-04")
    written = path.read_text()
    edited = re.sub(r"(Japan rejected the demand[^\n]*?) \^\w+", r"\1", written)
    assert edited != written
    decisions, _ = review.decisions_from(written, edited, desk.brief("2025-12-04"))
    assert decisions == []


def test_read_entries_joins_wrapped_items_and_takes_notes_under_them():
    markdown = """## A story

### Positions by party

#### Ruritania

- Ruritania demanded the withdrawal of all troops from the
  border region first. [1:s2] ^k3f9q
> first note
continued lazily
>
> second note

- Another finding [1:s3]
  ^abcde

A paragraph ends what notes can attach to.

> not a note
"""
    first, second = review.read_entries(markdown)
    assert first.handle == "k3f9q" and first.party == "Ruritania"
    assert first.section == "positions by party" and first.story == "A story"
    assert first.text.startswith("Ruritania demanded") and "border region first." in first.text
    assert first.notes == ["first note continued lazily", "second note"]
    assert second.handle == "abcde" and second.notes == []


def test_handle_comes_from_evidence_text_not_sentence_ids():
    def item(sentence_id: str, text: str) -> Item:
        article = sentence_id.split(".")[0]
        evidence = [Evidence(sentence_id=sentence_id, article_id=article, text=text)]
        return Item(kind="event", text=text, evidence=evidence)

    text = "Japan rejected the demand and proposed a monitored buffer zone instead."

    def brief(day: int, sentence_id: str) -> Briefing:
        story = Story(id="s1", title="t", article_ids=[sentence_id.split(".")[0]],
                      timeline=[item(sentence_id, text)])  # fmt: skip
        return Briefing(topic="", date=dt.date(2025, 12, day),
                        generated_at=dt.datetime.now(dt.UTC), stories=[story])  # fmt: skip

    one, two = brief(4, "a1.s3"), brief(5, "a4.s9")  # renumbered: another article came first
    handles.assign_handles(one, None)
    handles.assign_handles(two, None)
    assert one.stories[0].timeline[0].handle == two.stories[0].timeline[0].handle
    assert re.fullmatch(r"[0-9a-z]{5}", one.stories[0].timeline[0].handle)


# --- continuity across days ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The death toll in the coastal city has soared to 11,300 as search efforts continue",
         [("dead", "11,300 dead")]),
        ("At least 3,958 people have died due to flooding, according to the WHO",
         [("dead", "at least 3,958 dead")]),
        ("Another 10,100 people are reported missing in the city",
         [("missing", "10,100 missing")]),
        ("Officials said 1,200 fishermen had been killed at sea.", [("dead", "1,200 dead")]),
        ("Turnout was 71 percent, up from 2019.", [("turnout", "71 percent turnout")]),
        ("3,000 bodies were buried in mass graves.", []),  # another measure than the toll
        ("The talks on 12 December 2023 lasted five hours.", []),
        ("date 2023-09-15 The death toll rose at 10:30 on 09/15 when the dam broke", []),
    ],
)  # fmt: skip
def test_changes_read_figures_with_the_shared_quantity_reader(sentence: str, expected: list):
    assert [(about, changes.written(q, about)) for about, q in changes.counts_in(sentence)] == (
        expected
    )


def test_diff_without_arguments_compares_the_last_two_briefs_across_dates(
    tmp_path: Path, server: FaultServer
):
    desk = Desk(tmp_path, server)
    desk.arrive(a_talks=TALKS, b_agenda=AGENDA)
    desk.generate("2025-12-01")
    desk.arrive(c_update=UPDATE)
    desk.generate("2025-12-04")
    result = desk.cli("diff")
    assert result.exit_code == 0, result.output
    assert "Compared with the brief of 2025-12-01 (edition 1" in result.output
    assert "1,200 dead → 950 dead" in result.output


def test_brief_older_than_the_window_is_not_compared(tmp_path: Path, server: FaultServer):
    desk = Desk(tmp_path, server)
    desk.arrive(a_talks=TALKS, b_agenda=AGENDA)
    desk.generate("2025-12-01")
    desk.arrive(c_update=UPDATE)
    desk.generate("2025-12-04", "--compare-days", "2")
    assert desk.brief("2025-12-04").changes is None
    assert "What changed" not in desk.markdown("2025-12-04").read_text()


# --- applying decisions -------------------------------------------------------------------------


def finding(sentence_id: str, text: str, kind: str = "event") -> Item:
    evidence = [Evidence(sentence_id=sentence_id, article_id=sentence_id.split(".")[0], text=text)]
    return Item(kind=kind, text=text, evidence=evidence)  # type: ignore[arg-type]


def one_story_brief(day: int, *items: Item, sources: list[Source] | None = None) -> Briefing:
    story = Story(id="s1", title="Talks", article_ids=["a1"], timeline=list(items))
    brief = Briefing(topic="", date=dt.date(2025, 12, day), generated_at=dt.datetime.now(dt.UTC),
                     stories=[story], sources=sources or [])  # fmt: skip
    handles.assign_handles(brief, None)
    return brief


def decision_on(text: str, handle: str, action: str = "strike") -> Decision:
    return Decision(handle=handle, action=action, made_on=dt.date(2025, 12, 4), edition=1,  # type: ignore[arg-type]
                    finding=text, keys=[match_key(text)])  # fmt: skip


def test_regrouped_finding_is_found_again_by_its_evidence_sentence():
    kept = "Japan rejected the demand and proposed a monitored catch limit instead."
    brief = one_story_brief(5, finding("a1.s3", kept), finding("a1.s4", "Talks end on Friday."))
    # The decision's handle is no finding's any more (its evidence was grouped differently).
    carried = decisions.apply(brief, [decision_on(kept, "zzzzz")])
    assert [i.text for i in brief.struck] == [kept] and carried.struck == 1
    assert [i.text for i in brief.stories[0].timeline] == ["Talks end on Friday."]


def test_decision_on_a_finding_the_brief_lacks_waits_and_is_said():
    brief = one_story_brief(5, finding("a1.s4", "Talks end on Friday."))
    carried = decisions.apply(brief, [decision_on("A finding ranked out today.", "qqqqq", "note")])
    assert carried.waiting == 1 and carried.notes == 0
    assert carried.describe() == "1 more on findings not in this brief"
    assert brief.stories[0].timeline[0].review is None


def test_finding_whose_article_is_still_there_is_not_no_longer_supported():
    source = Source(number=1, article_id="a1", title="Talks", path="in/a.txt")
    ranked_out = finding("a1.s9", "A minor detail of the talks was noted.")
    old = one_story_brief(4, finding("a1.s1", "Talks end on Friday."), ranked_out,
                          sources=[source])  # fmt: skip
    new = one_story_brief(5, finding("a1.s1", "Talks end on Friday."), sources=[source])
    assert changes.compare(old, new).stories == []  # nothing new, nothing lost
    gone = one_story_brief(5, finding("a2.s1", "Talks end on Friday."), sources=[
        Source(number=1, article_id="a2", title="Other", path="in/b.txt")])  # fmt: skip
    (story,) = changes.compare(old, gone).stories
    assert [c.text for c in story.unsupported] == ["A minor detail of the talks was noted."]


def test_a_finding_of_articles_read_before_is_not_new_unless_its_page_changed():
    talks = Source(number=1, article_id="a1", title="Talks", path="in/a.txt", key="k1")
    follow = Source(number=2, article_id="a2", title="Follow", path="in/b.txt", key="k2")
    old = one_story_brief(4, finding("a1.s1", "Talks end on Friday."), sources=[talks])
    shifted = finding("a1.s9", "A minor detail of the talks was noted.")
    news = finding("a2.s1", "Mediators offered to send observers.")
    new = one_story_brief(5, finding("a1.s1", "Talks end on Friday."), shifted, news,
                          sources=[talks, follow])  # fmt: skip
    (story,) = changes.compare(old, new).stories
    assert [c.text for c in story.new_items] == ["Mediators offered to send observers."]
    updated = one_story_brief(5, finding("a1.s1", "Talks end on Friday."), shifted,
                              sources=[talks.model_copy(update={"key": "k1b"})])  # fmt: skip
    (story,) = changes.compare(old, updated).stories
    assert [c.text for c in story.new_items] == ["A minor detail of the talks was noted."]
    # a brief written before sources kept their text's key: the page may have been updated
    unknown = one_story_brief(4, finding("a1.s1", "Talks end on Friday."),
                              sources=[talks.model_copy(update={"key": None})])  # fmt: skip
    (story,) = changes.compare(unknown, new).stories
    assert "A minor detail of the talks was noted." in [c.text for c in story.new_items]


STRIKE = """Harbour strike enters second week

Dock workers in Port Vell stayed off the job for an eighth day on Friday.
The dockers' union wants a pay rise of nine percent and a shorter working week for its members.
"""
FLOOD = """River floods close mountain roads

Heavy rain flooded the valley roads near Alpstadt on Monday morning.
Rescue teams evacuated 300 residents from low-lying villages along the river.
"""


def test_next_day_says_which_stories_are_new_developing_or_no_longer_covered(
    tmp_path: Path, server: FaultServer
):
    desk = Desk(tmp_path, server)
    desk.arrive(a_talks=TALKS, b_agenda=AGENDA, c_strike=STRIKE)
    desk.generate("2025-12-04")
    (desk.folder / "c_strike.txt").unlink()
    desk.arrive(c_update=UPDATE, d_flood=FLOOD)
    desk.generate("2025-12-05")
    status = {s.title: s.status for s in desk.brief("2025-12-05").changes.stories}
    assert status == {
        # titled by the day's headline most about the talks (every headline names them)
        "Geneva fishing talks: observers and a revised toll": "developing",
        "Harbour strike enters second week": "no longer covered",
        "River floods close mountain roads": "new",
    }
    markdown = desk.markdown("2025-12-05").read_text()
    assert "### Harbour strike enters second week — no longer covered" in markdown
    assert "### River floods close mountain roads — new" in markdown
    flood = markdown.split("\n## River floods close mountain roads\n")[1].split("\n## ")[0]
    assert " · new " not in flood  # a new story is new as a whole: no finding is marked
