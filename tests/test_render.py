"""Rendering: Markdown, HTML, PDF and JSON of a briefing; article text is data in every format.

Golden files in tests/golden/render/ pin the Markdown and HTML of a hand-built briefing. After an
intended change, rewrite them and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py

The PDF is read back with pypdf; one page is turned into a PNG with pdftoppm (poppler-utils,
installed by `make`). Set BRIEFING_REVIEW_DIR to keep the PDF and the PNG for a look.
"""

from __future__ import annotations

import datetime as dt
import http.server
import json
import logging
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt
from pypdf import PdfReader

from briefing import render, settings
from briefing.cli import cli
from briefing.models import (
    Briefing,
    Difference,
    Evidence,
    Item,
    KeyFigure,
    Quote,
    RunStats,
    Source,
    Story,
    Variant,
)
from tests.conftest import CLEAN_ENV, MODEL, ROOT, SEEDS, replaying

GOLDEN = ROOT / "tests" / "golden" / "render"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
SCHEMA_FILE = ROOT / "schema" / "briefing.schema.json"
HOSTILE = (
    "Officials wrote <script>alert('x')</script> **bold** [link](http://x.example/) "
    "and {{ 7*7 }} then {% for x in y %} | a | b | and `code` ~~gone~~ $x$ and $y$ &amp; done"
)
SECTIONS = [
    "Top stories",
    "Summary",
    "Positions by party",
    "Sticking points",
    "Next steps",
    "Timeline",
    "Key quotes",
    "Sources",
    "Not included",
]


def ev(article: int, sentence: int, text: str) -> list[Evidence]:
    return [Evidence(sentence_id=f"a{article}.s{sentence}", article_id=f"a{article}", text=text)]


def item(kind: str, text: str, article: int, sentence: int, party: str | None = None, **kw) -> Item:
    return Item(kind=kind, party=party, text=text, evidence=ev(article, sentence, text), **kw)


def hand_built(generated_at: str = "2025-12-05T07:30:00Z", items: int = 0) -> Briefing:
    """Two stories, accented and Cyrillic names, and article text full of markup and syntax."""
    müller = "Friedrich Müller said Berlin would back the plan if Kyiv agreed."
    zelensky = "Зеленський заявив, що Україна не визнає окупацію."
    heading = "# Breaking: talks collapse"
    listy = "1. The first point of the plan is a ceasefire."
    img = 'The page embedded <img src="http://127.0.0.1:9/pixel.png"> in the text.'
    extra = [
        item(
            "position",
            f"Finding number {n} about the talks in Geneva and Kyiv, which "
            "went on late into the night.",
            1 + n % 3,
            100 + n,
            "Ukraine",
        )
        for n in range(items)
    ]
    stories = [
        Story(
            id="st-aaaaaaaaaa",
            title="Peace talks in Geneva: Müller and Зеленський",
            article_ids=["a1", "a2", "a3"],
            summary=[
                item("position", müller, 1, 4, "Germany"),
                item("position", zelensky, 2, 7, "Ukraine"),
            ],
            positions={
                "Germany": [item("position", müller, 1, 4, "Germany")],
                "Ukraine": [item("position", zelensky, 2, 7, "Ukraine"), *extra],
                "<b>Russia</b>": [item("position", HOSTILE, 3, 2, "<b>Russia</b>")],
            },
            sticking_points=[
                item("sticking_point", heading, 3, 5, "Russia"),
                item("sticking_point", listy, 1, 9),
            ],
            next_steps=[item("next_step", img, 2, 11, "United States")],
            timeline=[
                item(
                    "event",
                    "Envoys met in Moscow on Tuesday.",
                    1,
                    2,
                    date=dt.date(2025, 12, 2),
                    date_approximate=True,
                ),
                item("event", "- a line that looks like a list item", 2, 3),
            ],
            quotes=[
                Quote(
                    text="Ми готові до миру, але не до капітуляції.",
                    speaker="Зеленський",
                    evidence=ev(2, 8, "…"),
                ),
                Quote(
                    text="Wir sind bereit.", speaker=None, evidence=ev(1, 5, "…") + ev(3, 6, "…")
                ),
            ],
        ),
        Story(id="st-bbbbbbbbbb", title="Grain corridor", article_ids=["a3"]),
    ]
    return Briefing(
        topic="Ukraine peace talks",
        date=dt.date(2025, 12, 5),
        generated_at=dt.datetime.fromisoformat(generated_at),
        stories=stories,
        sources=[
            Source(
                number=1,
                article_id="a1",
                title="Müller backs plan",
                outlet="Der Spiegel",
                published=dt.date(2025, 12, 4),
                path="in/müller.txt",
                url="https://example.org/a?b=1&c=2",
            ),
            Source(
                number=2,
                article_id="a2",
                title="Зеленський: no capitulation",
                outlet="Українська правда",
                published=dt.date(2025, 12, 5),
                path="in/weird `name`.txt",
                url="javascript:alert(1)",
            ),
            Source(
                number=3,
                article_id="a3",
                title="[Wire] <i>Talks</i>",
                outlet=None,
                published=None,
                path="in/wire.html",
                url="http://127.0.0.1:9/article>x",
            ),
        ],
        warnings=["chunk a3.c2: the model returned invalid JSON twice **twice**"],
        stats=RunStats(
            articles=3,
            llm_calls=7,
            prompt_tokens=1000,
            completion_tokens=50,
            dropped={"no such sentence": 2},
            model="smollm2-135m-instruct",
        ),
    )


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "briefing.pdf"
    path.write_bytes(data)
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())


def check_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"UPDATE_GOLDEN=1 rewrites {golden}"


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_matches_its_reviewed_golden_file():
    check_golden("briefing.md", render.to_markdown(hand_built()))


def test_markdown_sources_give_title_outlet_date_and_file_and_the_html_keeps_the_address():
    briefing = hand_built()
    sources = render.to_markdown(briefing).split("## Sources")[1]
    assert "1. Müller backs plan — Der Spiegel, 2025-12-04 — `müller.txt`" in sources
    assert "example.org" not in sources  # an address costs a dozen words a source
    assert 'href="https://example.org/a?b=1&amp;c=2"' in render.to_html(briefing)


def test_a_title_made_from_the_text_is_listed_by_its_opening_and_a_headline_whole():
    briefing = hand_built()
    lead = "The envoys of both sides met again in Geneva on Tuesday to discuss the plan in detail."
    made = briefing.sources[1].model_copy(update={"title": lead, "title_from_text": True})
    whole = briefing.sources[0].model_copy(update={"title": lead})
    briefing.sources = [whole, made, *briefing.sources[2:]]
    sources = render.to_markdown(briefing).split("## Sources")[1]
    assert "2. The envoys of both sides met again in… —" in sources
    assert f"1. {lead} —" in " ".join(sources.split())


def test_a_line_cites_each_source_once_and_a_quote_every_sentence_it_spans_in_its_own():
    briefing = hand_built()
    story = briefing.stories[0]
    said = "Friedrich Müller said Berlin would back the plan if Kyiv agreed."
    again = [*ev(1, 4, said), *ev(1, 19, said), *ev(2, 3, said)]
    story.summary = [story.summary[0].model_copy(update={"evidence": again})]
    quote = story.quotes[0]
    spans = [*ev(1, 4, quote.text), *ev(1, 5, ""), *ev(2, 8, ""), *ev(2, 2, ""), *ev(2, 9, "")]
    story.quotes = [quote.model_copy(update={"evidence": spans})]
    markdown = render.to_markdown(briefing)
    assert "[1:s4, 2:s3]" in markdown and "1:s19" not in markdown
    # the quote's own source every sentence it spans, another source where it quotes it
    assert "[1:s4, 1:s5, 2:s8]" in markdown and "2:s2" not in markdown


def test_a_key_quote_cut_after_its_first_sentences_ends_on_an_ellipsis_inside_its_marks():
    briefing = hand_built()
    story = briefing.stories[0]
    story.quotes = [story.quotes[0].model_copy(update={"goes_on": True})]
    markdown = render.to_markdown(briefing)
    assert "“Ми готові до миру, але не до капітуляції. …” — Зеленський" in markdown
    assert "капітуляції. …”</p>" in render.to_html(briefing)


def test_markdown_is_the_same_bytes_for_the_same_input_at_another_time():
    later = hand_built(generated_at="2025-12-06T23:59:59Z")
    later.stats.llm_calls, later.stats.cache_hits = 0, 7  # a rerun answered from the cache
    assert render.to_markdown(later) == render.to_markdown(hand_built())


def test_article_markup_in_markdown_renders_as_text():
    html = MarkdownIt("commonmark").enable("table").render(render.to_markdown(hand_built()))
    html = " ".join(html.split())
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<strong>bold</strong>" not in html and "**bold**" in html
    assert 'href="http://x.example/"' not in html and "[link](http://x.example/)" in html
    assert "<h1>Breaking" not in html and "# Breaking: talks collapse" in html
    assert "{{ 7*7 }}" in html and "{% for x in y %}" in html
    assert "<code>code</code>" not in html and "<table>" not in html
    assert "<img" not in html and "&amp;amp;" in html
    assert "<ol> <li>The first point" not in html  # "1." at the start of a finding
    assert 'href="javascript:' not in html


def test_markdown_lines_wrap_without_changing_what_renders():
    briefing = hand_built(items=5)
    wrapped = render.to_markdown(briefing)
    long_lines = [
        line
        for line in wrapped.splitlines()
        if len(line) > settings.current().markdown_width and not line.startswith("#")
    ]
    assert not long_lines
    md = MarkdownIt("commonmark")
    unwrapped = render.to_markdown(briefing, width=1_000_000)
    assert unwrapped != wrapped
    assert " ".join(md.render(wrapped).split()) == " ".join(md.render(unwrapped).split())


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain words, snake_case and 3.5%", "plain words, snake_case and 3.5%"),
        ("_emphasis_ and __init__", r"\_emphasis\_ and \_\_init\_\_"),
        ("# not a heading", r"\# not a heading"),
        ("2025. A year", r"2025\. A year"),
        ("- not a list", r"\- not a list"),
        ("50.8 percent and -5%", "50.8 percent and -5%"),
        ("=== not an underline", r"\=== not an underline"),
        ("--- not a rule", r"\--- not a rule"),
        ("AT&T &amp; co", r"AT&T \&amp; co"),
    ],
)
def test_md_filter_escapes_only_what_markdown_would_interpret(text: str, shown: str):
    assert render.md(text) == shown


def test_code_spans_hold_any_text():
    assert render.md_code("in/weird `name`.txt") == "``in/weird `name`.txt``"
    assert render.md_code("`x`") == "`` `x` ``"


# --- HTML ---------------------------------------------------------------------------------------


def test_html_matches_its_reviewed_golden_file():
    check_golden("briefing.html", render.to_html(hand_built()))


def test_article_markup_in_html_is_escaped_and_citations_link_to_sources():
    html = render.to_html(hand_built())
    assert "<script>" not in html and "&lt;script&gt;alert(" in html
    assert "<img" not in html and "&lt;img src=" in html
    assert "<b>Russia</b>" not in html and "<i>Talks</i>" not in html
    assert "{{ 7*7 }}" in html
    assert '<a href="#source-2">2:s7</a>' in html and 'id="source-2"' in html
    assert 'href="javascript:' not in html
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html


def test_templates_folder_overrides_the_html_template_and_stylesheet(tmp_path: Path):
    css_only, layout = tmp_path / "css", tmp_path / "layout"
    css_only.mkdir(), layout.mkdir()
    (css_only / "briefing.css").write_text("/* house style of the desk */ h1 { color: #900; }")
    html = render.to_html(hand_built(), templates=str(css_only))
    assert "house style of the desk" in html and "Positions by party" in html
    (layout / "briefing.html.j2").write_text(
        "<html><body><h1>Desk edition {{ b.date }}</h1>"
        "{% for s in b.sources %}<p>{{ s.title }}</p>{% endfor %}</body></html>"
    )
    html = render.to_html(hand_built(), templates=str(layout))
    assert "Desk edition 2025-12-05" in html and "&lt;i&gt;Talks&lt;/i&gt;" in html
    text = pdf_text(render.to_pdf(hand_built(), templates=str(layout)), tmp_path)
    assert "Desk edition 2025-12-05" in text and "Positions by party" not in text


# --- PDF ----------------------------------------------------------------------------------------


def test_pdf_has_every_section_citations_and_names(tmp_path: Path):
    data = render.to_pdf(hand_built())
    text = pdf_text(data, tmp_path)
    for section in SECTIONS:
        assert section.lower() in text.lower(), section
    for expected in [
        "Müller",
        "Зеленський",
        "Українська правда",
        "[2:s7]",
        "[1:s5, 3:s6]",
        "Page 1 of",
        "Edition 1",
        "<script>alert('x')</script>",
        "{{ 7*7 }}",
        "**bold**",
        "# Breaking: talks collapse",
        "Der Spiegel",
        "müller.txt",
    ]:
        assert expected in text, expected
    reader = PdfReader(tmp_path / "briefing.pdf")
    assert reader.metadata.title == "Briefing: Ukraine peace talks — 2025-12-05"
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    internal = [a for a in links if "/Dest" in a or a.get("/A", {}).get("/S") == "/GoTo"]
    assert len(internal) >= 10  # citations and the story list jump inside the document


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        RecordingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    RecordingHandler.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_pdf_rendering_fetches_nothing_from_the_network(tmp_path, local_server, caplog):
    briefing = hand_built()
    briefing.sources[0] = briefing.sources[0].model_copy(update={"url": f"{local_server}/a"})
    briefing.warnings.append(f'<img src="{local_server}/in-text.png">')
    # A user stylesheet (or template) that asks for remote resources gets none of them.
    (tmp_path / "briefing.css").write_text(
        f'@import url("{local_server}/remote.css");\n'
        f'body {{ background: url("{local_server}/bg.png"); }}\n'
    )
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    )
    (tmp_path / "briefing.html.j2").write_text(
        f'<html><body><img src="{local_server}/remote.png"><img src="logo.svg">'
        "{% include 'briefing.css' %}<p>{{ b.sources[0].url }}</p></body></html>"
    )
    with caplog.at_level(logging.WARNING):
        data = render.to_pdf(briefing, templates=str(tmp_path))
        render.to_pdf(briefing)
    assert data.startswith(b"%PDF")
    assert RecordingHandler.requests == []
    refused = " ".join(r.getMessage() for r in caplog.records)
    assert f"{local_server}/remote.png" in refused and "logo.svg" not in refused


def test_first_page_renders_to_a_png_for_review(tmp_path: Path):
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm is missing: `make` installs poppler-utils")
    pdf = tmp_path / "2025-12-05.pdf"
    pdf.write_bytes(render.to_pdf(hand_built(items=30)))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    assert all(p.read_bytes().startswith(b"\x89PNG") and p.stat().st_size > 20_000 for p in pages)
    if review := os.environ.get("BRIEFING_REVIEW_DIR"):
        for path in [pdf, *pages]:
            shutil.copy(path, Path(review) / path.name)


# --- files, formats and the JSON schema ---------------------------------------------------------


def test_write_produces_one_file_per_format_named_by_date(tmp_path: Path):
    paths = render.write(hand_built(), tmp_path, formats=("html", "pdf"))
    assert paths == [tmp_path / "2025-12-05.html", tmp_path / "2025-12-05.pdf"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025-12-05.html", "2025-12-05.pdf"]


def test_committed_schema_is_the_generated_one():
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert result.output == SCHEMA_FILE.read_text(encoding="utf-8"), (
        "models changed: run `briefing schema > schema/briefing.schema.json` and review the diff"
    )


def test_hand_built_json_validates_against_the_schema():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(render.to_json(hand_built())), schema)
    broken = json.loads(render.to_json(hand_built()))
    broken["stories"][0]["summary"][0]["evidence"] = []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory, live_base_url) -> Path:
    """The seeds with every format (cassettes/generate_seeds.yaml: formats change no request)."""
    tmp = tmp_path_factory.mktemp("render")
    with replaying("generate_seeds", live_base_url) as base_url:
        result = CliRunner().invoke(
            cli,
            [
                "generate",
                str(SEEDS),
                "--date",
                "2025-12-05",
                "--out",
                str(tmp / "out"),
                "--base-url",
                base_url,
                "--model",
                MODEL,
                "--cache-dir",
                str(tmp / "cache"),
                "--format",
                "md,json,html,pdf",
            ],
            env=CLEAN_ENV,
        )
    assert result.exit_code == 0, result.output
    return tmp / "out"


def test_seeds_json_validates_against_the_published_schema(seeds_run: Path):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads((seeds_run / "2025-12-05.json").read_text()), schema)


def test_seeds_pdf_and_html_carry_the_sections_and_citations(seeds_run: Path, tmp_path: Path):
    text = pdf_text((seeds_run / "2025-12-05.pdf").read_bytes(), tmp_path)
    for section in SECTIONS[:-1]:
        assert section.lower() in text.lower(), section
    assert re.search(r"\[\d:s\d+\]", text) and "Ushakov" in text and "Reuters" in text
    html = (seeds_run / "2025-12-05.html").read_text()
    assert 'id="source-5"' in html and re.search(r'<a href="#source-\d">\d:s\d+</a>', html)


def test_unknown_format_is_one_clear_line(tmp_path: Path):
    result = CliRunner().invoke(
        cli,
        [
            "generate",
            str(SEEDS),
            "--format",
            "md,docx",
            "--base-url",
            "http://127.0.0.1:9/v1",
            "--model",
            "m",
        ],
    )
    message = str(result.exception) if result.exception else result.output
    assert result.exit_code != 0 and "formats" in message and "docx" in message


# --- key figures and differences -----------------------------------------------------------------


def with_figures() -> Briefing:
    briefing = hand_built()
    toll = "The death toll rose to 11,300, the Red Crescent said."
    lower = "The death toll reached more than 5,200, the minister said."
    story = briefing.stories[0].model_copy(
        update={
            "key_figures": [
                KeyFigure(about="Death toll", value="11,300", text=toll, evidence=ev(2, 3, toll))
            ],
            "differences": [
                Difference(
                    about="Death toll",
                    kind="number",
                    variants=[
                        Variant(text="more than 5,200", evidence=ev(1, 4, lower)),
                        Variant(text="11,300", evidence=ev(2, 3, toll) + ev(3, 1, toll)),
                    ],
                )
            ],
        }
    )
    return briefing.model_copy(update={"stories": [story, *briefing.stories[1:]]})


def test_every_value_of_a_difference_is_on_one_markdown_line_with_its_outlets_and_citations():
    # A source with no outlet is named once, by its citation: "(source 3) [3:s1]" said it twice.
    lines = render.to_markdown(with_figures(), width=10_000).splitlines()
    (line,) = [ln for ln in lines if ln.startswith("- **Death toll:** “")]
    assert "“more than 5,200” (Der Spiegel) [1:s4] · " in line
    assert "“11,300” (Українська правда) [2:s3, 3:s1]" in line
    assert "- **Death toll:** The death toll rose to 11,300, the Red Crescent said. [2:s3]" in lines


def test_who_put_each_value_forward_stands_before_its_outlet_in_markdown_and_html():
    briefing = with_figures()
    (toll,) = briefing.stories[0].differences
    lower, higher = toll.variants
    said = toll.model_copy(
        update={
            "variants": [
                lower.model_copy(update={"said_by": ["the minister"]}),
                higher.model_copy(update={"said_by": ["Red Crescent"]}),
            ]
        }
    )
    story = briefing.stories[0].model_copy(update={"differences": [said]})
    brief = briefing.model_copy(update={"stories": [story, *briefing.stories[1:]]})
    markdown = render.to_markdown(brief, width=10_000)
    assert "“more than 5,200” (the minister; Der Spiegel) [1:s4] · " in markdown
    assert "“11,300” (Red Crescent; Українська правда) [2:s3, 3:s1]" in markdown
    assert "(the minister; Der Spiegel)" in render.to_html(brief)


def test_a_rounding_line_over_several_holders_names_each_holder_once():
    won = "Mnangagwa won 50.8 percent and Chamisa 44.3 percent, the commission said."
    rounded = "Mnangagwa won 51% of the vote and Chamisa 44%, the paper said."
    shares = Difference(
        about="Vote share, rounded differently",
        kind="number",
        variants=[
            Variant(text="50.8 percent", evidence=ev(2, 3, won), holder="Mnangagwa"),
            Variant(text="51%", evidence=ev(1, 4, rounded), holder="Mnangagwa"),
            Variant(text="44.3 percent", evidence=ev(2, 3, won), holder="Chamisa"),
        ],
    )
    briefing = with_figures()
    story = briefing.stories[0].model_copy(update={"differences": [shares]})
    brief = briefing.model_copy(update={"stories": [story, *briefing.stories[1:]]})
    (line,) = [
        ln
        for ln in render.to_markdown(brief, width=10_000).splitlines()
        if ln.startswith("- **Vote share")
    ]
    assert line.startswith("- **Vote share, rounded differently:** Mnangagwa: “50.8 percent”")
    assert "[2:s3] · “51%” (Der Spiegel) [1:s4]; Chamisa: “44.3 percent”" in line


def test_html_shows_key_figures_and_where_sources_differ():
    page = render.to_html(with_figures())
    assert "<h3>Key figures</h3>" in page and "<h3>Where sources differ</h3>" in page
    assert "“more than 5,200”" in page


def test_a_summary_finding_on_the_timeline_is_dated_by_its_opening_words_not_repeated():
    said = (
        "The ministers agreed on Tuesday to extend the ceasefire by thirty days and to open "
        "two corridors for aid convoys."
    )
    finding = item("event", said, 1, 6, handle="abcde", date=dt.date(2025, 12, 2))
    brief = hand_built()
    story = brief.stories[0].model_copy(update={"summary": [finding], "timeline": [finding]})
    markdown = render.to_markdown(brief.model_copy(update={"stories": [story]}))
    timeline = " ".join(markdown.split("### Timeline")[1].split("###")[0].split())
    # Eight words date it: the summary above reads it whole.
    assert (
        "**2025-12-02** — The ministers agreed on Tuesday to extend the… (in the summary) "
        "[1:s6] ^abcde"
    ) in timeline
    assert said not in timeline


def test_an_opening_cut_never_leaves_a_quotation_open():
    told = (
        'The spokesperson, Tawfiq Shukri, told the French news agency AFP, "To be honest, we are '
        'surprised that our name is being associated with such statistics."'
    )
    cut = "The spokesperson, Tawfiq Shukri, told the French news agency AFP…"
    assert render.opening(told) == cut
    quoted = (
        "“We are going with figures just verified by the WHO and many others in the field,” "
        "Farhan Haq said on Sunday evening to reporters."
    )
    assert render.opening(quoted) == quoted  # nothing before the quotation: shown whole
