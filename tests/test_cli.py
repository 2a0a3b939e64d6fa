"""`briefing generate` end to end on the seed articles, replaying the embedded model's answers."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli, main
from briefing.ingest import load_folder
from briefing.models import Briefing
from tests.conftest import CLEAN_ENV, MODEL, SEEDS, SERVERS, cassette, replaying

CITATION = re.compile(r"\[(\d+:s\d+(?:, \d+:s\d+)*)\]")
SECTIONS = [
    "## Top stories",
    "### Summary",
    "### Positions",
    "### Sticking points",
    "### Next steps",
    "### Timeline",
    "### Key quotes",
    "## Sources",
]


@pytest.fixture(scope="module", params=SERVERS)
def generated(request, tmp_path_factory, live_servers):
    """One run on the seeds per server, shared by the tests of this module
    (cassettes/generate_seeds.yaml, cassettes/llama-server/generate_seeds.yaml)."""
    tmp_path = tmp_path_factory.mktemp("generate")
    out = tmp_path / "briefings"
    live = live_servers(request.param) if live_servers else None
    with replaying(cassette("generate_seeds", request.param), live) as base_url:
        result = CliRunner().invoke(cli, [
            "generate", str(SEEDS), "--date", "2025-12-05", "--out", str(out),
            "--base-url", base_url, "--model", MODEL, "--cache-dir", str(tmp_path / "cache"),
        ], env=CLEAN_ENV)  # fmt: skip
    assert result.exit_code == 0, result.output
    return result, out


def test_generate_writes_markdown_and_json_named_by_date(generated):
    result, out = generated
    assert (out / "2025-12-05.md").is_file()
    assert (out / "2025-12-05.json").is_file()
    assert str(out / "2025-12-05.md") in result.output
    assert re.search(r"5 articles, \d+ LLM calls .* tokens, [\d.]+ s", result.output)


def test_markdown_has_every_section_and_every_bullet_cites_a_listed_source(generated):
    _, out = generated
    markdown = (out / "2025-12-05.md").read_text()
    for section in SECTIONS:
        assert section in markdown
    body = markdown.split("## Sources")[0]
    story = body.split("## Top stories")[1]
    # A long bullet wraps onto indented continuation lines: join them back.
    bullets = [line for line in re.sub(r"\n  +", " ", story).splitlines() if line.startswith("- ")]
    assert len(bullets) >= 10
    for line in bullets:
        refs = CITATION.findall(line)
        assert refs, f"uncited line: {line}"
        for ref in refs[-1].split(", "):
            assert 1 <= int(ref.split(":")[0]) <= 5


def test_every_evidence_and_quote_is_verbatim_seed_text(generated):
    _, out = generated
    briefing = Briefing.model_validate_json((out / "2025-12-05.json").read_text())
    # The source is the cleaned article text (see `briefing inspect`): the raw files minus
    # removed chrome, with hard wraps joined.
    cleaned = load_folder(SEEDS, today=dt.date(2025, 12, 5)).articles
    corpus = " ".join(" ".join(a.text.split()) for a in cleaned)
    (story,) = briefing.stories
    items = [*story.summary, *story.items]
    assert items
    for item in items:
        for evidence in item.evidence:
            assert evidence.text in corpus
    assert story.quotes
    for quote in story.quotes:
        assert quote.text in corpus


def test_json_records_the_run_accounting(generated):
    _, out = generated
    stats = json.loads((out / "2025-12-05.json").read_text())["stats"]
    assert stats["articles"] == 5
    assert stats["llm_calls"] >= stats["chunks"]
    assert stats["prompt_tokens"] > 0
    # Answers cost what they carry, on both servers: a few ids per chunk, no padding.
    assert stats["completion_tokens"] <= 30 * stats["llm_calls"]


def test_missing_folder_is_one_clear_line(tmp_path: Path):
    result = CliRunner().invoke(
        cli,
        ["generate", str(tmp_path / "nope"), "--base-url", "http://127.0.0.1:9/v1", "--model", "m"],
    )
    assert result.exit_code != 0
    message = str(result.exception) if result.exception else result.output
    assert "nope" in message


def test_help_lists_the_commands():
    result = CliRunner().invoke(cli, ["--help"])
    assert "generate" in result.output and "inspect" in result.output


def test_inspect_shows_kept_text_and_removed_lines_without_a_model():
    result = CliRunner().invoke(cli, ["inspect", str(SEEDS), "--date", "2025-12-05"])
    assert result.exit_code == 0, result.output
    assert "WATCH TV LIVE" in result.output  # listed as removed, not lost
    assert "The Kremlin said on Friday" in result.output


# --- user errors through the real entry point: one line on stderr, exit code 1 -------------------


def run_main(args: list[str], monkeypatch, capsys) -> tuple[int, list[str]]:
    """(exit code, stderr lines) of `briefing ARGS` run through cli.main, as the console script."""
    for name in CLEAN_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.argv", ["briefing", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    return exited.value.code, capsys.readouterr().err.splitlines()


def test_missing_folder_exits_1_with_one_line_naming_it(tmp_path, monkeypatch, capsys):
    code, err = run_main(
        ["generate", str(tmp_path / "nope"), "--out", str(tmp_path / "out")], monkeypatch, capsys
    )
    assert code == 1
    assert len(err) == 1 and err[0].startswith("error: ") and "nope" in err[0]


def test_folder_without_a_usable_article_exits_1_with_one_line(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.csv").write_text("a,b\n")
    code, err = run_main(["generate", str(folder), "--out", str(tmp_path / "out")], monkeypatch,
                         capsys)  # fmt: skip
    assert code == 1
    assert len(err) == 1 and "no usable article" in err[0] and "notes.csv" in err[0]


def test_bad_date_is_bad_usage_in_one_line_naming_the_option(tmp_path, monkeypatch, capsys):
    code, err = run_main(["generate", str(SEEDS), "--date", "2025-13-45"], monkeypatch, capsys)
    assert code == 2  # README: `2` bad usage
    assert len(err) == 1 and err[0].startswith("error: ") and "--date" in err[0]


def test_unknown_option_is_bad_usage_in_one_line(tmp_path, monkeypatch, capsys):
    code, err = run_main(["generate", str(SEEDS), "--colour"], monkeypatch, capsys)
    assert code == 2
    assert len(err) == 1 and "--colour" in err[0] and "--help" in err[0]


def test_unreadable_config_file_exits_1_with_one_line_naming_it(tmp_path, monkeypatch, capsys):
    config = tmp_path / "briefing.toml"
    config.write_text("out = [unclosed\n")
    code, err = run_main(["--config", str(config), "generate", str(SEEDS)], monkeypatch, capsys)
    assert code == 1
    assert len(err) == 1 and str(config) in err[0]


def test_unreachable_endpoint_exits_1_with_one_line(tmp_path, monkeypatch, capsys):
    code, err = run_main([
        "generate", str(SEEDS), "--date", "2025-12-05", "--out", str(tmp_path / "out"),
        "--base-url", "http://127.0.0.1:9/v1", "--cache-dir", str(tmp_path / "cache"),
    ], monkeypatch, capsys)  # fmt: skip
    assert code == 1
    assert len(err) == 1 and "127.0.0.1:9" in err[0] and "--model" in err[0]
