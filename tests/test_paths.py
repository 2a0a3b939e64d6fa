"""Files: output names come from the date (never from metadata or --topic), writes stay inside the
output folder, and symbolic links out of the input folder are refused unless asked for."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.ingest import load_folder
from tests.conftest import CLEAN_ENV, MODEL, replaying
from tests.fault_server import NO_LABELS, FaultServer, Step

DATE = "2025-12-05"
SAFE_NAME = re.compile(r"^\.?\w[\w.-]*$")
ARTICLE = """Envoys Agree to Meet Again

KYIV, Dec 4 (Wire) - Ukrainian and U.S. envoys agreed on Thursday to meet again, officials said.

Ukraine said it wanted a ceasefire before any talks on territory.
"""


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def test_hostile_topic_and_metadata_do_not_choose_where_files_go(tmp_path, live_base_url):
    work = tmp_path / "work"
    folder = work / "in"
    folder.mkdir(parents=True)
    record = {
        "title": "../../../escaped/title",
        "source": "../../outlet",
        "url": "file:///etc/passwd",
        "date": "2025-12-04",
        "text": ARTICLE.split("\n\n", 1)[1],
    }
    (folder / "hostile.json").write_text(json.dumps(record))
    out = work / "out"
    before = files_under(tmp_path)
    with replaying("paths_hostile_topic", live_base_url) as base_url:
        result = CliRunner().invoke(cli, [
            "generate", str(folder), "--date", DATE, "--topic", "../../etc/x", "--out", str(out),
            "--base-url", base_url, "--model", MODEL, "--cache-dir", str(work / "cache"),
        ], env=CLEAN_ENV)  # fmt: skip
    assert result.exit_code == 0, result.output
    written = files_under(tmp_path) - before
    outputs = {p for p in written if not p.is_relative_to(work / "cache")}
    assert outputs, "the briefing was written"
    for path in outputs:
        assert path.is_relative_to(out), f"written outside the output folder: {path}"
        for part in path.relative_to(out).parts:
            assert SAFE_NAME.match(part) and ".." not in part, path
        assert DATE in str(path.relative_to(out)) or path.name.startswith(".")
    assert not (tmp_path / "etc").exists() and not (work / "escaped").exists()


def folder_linking_outside(tmp_path):
    """An input folder whose only article is a link to a file outside it."""
    outside = tmp_path / "private.txt"
    outside.write_text(ARTICLE)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    return folder


def test_symlink_to_a_file_outside_the_input_folder_is_refused(tmp_path):
    folder = folder_linking_outside(tmp_path)
    result = load_folder(folder, today=dt.date(2025, 12, 5))
    assert result.articles == []
    assert any("outside the input folder" in p.reason for p in result.problems)


def test_symlink_inside_the_input_folder_is_read(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "article.txt").write_text(ARTICLE)
    (folder / "link.txt").symlink_to(folder / "sub" / "article.txt")
    result = load_folder(folder, today=dt.date(2025, 12, 5))
    assert result.articles and not result.problems


def test_generate_refuses_an_outside_symlink_without_calling_the_model(tmp_path):
    folder = folder_linking_outside(tmp_path)
    with FaultServer([]) as server:
        result = CliRunner().invoke(cli, [
            "generate", str(folder), "--date", DATE, "--out", str(tmp_path / "out"),
            "--base-url", server.base_url, "--model", "test-model",
            "--cache-dir", str(tmp_path / "cache"),
        ], env=CLEAN_ENV)  # fmt: skip
        assert server.requests == []
    assert result.exit_code != 0
    message = str(result.exception) if result.exception else result.output
    assert "outside the input folder" in message and "follow_symlinks" in message
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("flag", ["--follow-symlinks"])
def test_follow_symlinks_flag_reads_an_outside_link(tmp_path, flag):
    outside = tmp_path / "elsewhere" / "article.txt"
    outside.parent.mkdir()
    outside.write_text(ARTICLE)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    with FaultServer([Step(content=NO_LABELS)] * 4) as server:
        result = CliRunner().invoke(cli, [
            "generate", str(folder), "--date", DATE, "--out", str(tmp_path / "out"),
            "--base-url", server.base_url, "--model", "test-model",
            "--cache-dir", str(tmp_path / "cache"), flag,
        ], env=CLEAN_ENV)  # fmt: skip
    assert result.exit_code == 0, result.output
    briefing = json.loads((tmp_path / "out" / f"{DATE}.json").read_text())
    assert [s["path"] for s in briefing["sources"]] == [str(folder / "link.txt")]
