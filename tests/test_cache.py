"""The content-addressed LLM cache: keys, atomic entries, two processes sharing one folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from briefing.cache import Cache, make_key
from briefing.extract import request_for
from briefing.llm import LLM
from briefing.models import Chunk, Sentence
from tests.conftest import ROOT

CHUNK = Chunk(
    id="a1.c1",
    article_id="a1",
    sentences=[
        Sentence(id="a1.s1", article_id="a1", number=1, text="Ruritania demanded a ceasefire."),
        Sentence(id="a1.s2", article_id="a1", number=2, text="Borduria rejected the demand."),
    ],
)


def never_started() -> str:
    raise AssertionError("building a request must not start the server")


def test_key_changes_with_everything_that_changes_the_answer():
    base = dict(task="extract", endpoint="e", model="m", messages=[{"content": "x"}], seed=0)
    key = make_key(**base)
    assert make_key(**dict(reversed(base.items()))) == key  # order does not matter
    for part, other in [("endpoint", "f"), ("model", "n"), ("messages", []), ("seed", 1)]:
        assert make_key(**{**base, part: other}) != key


def test_embedded_model_keys_do_not_depend_on_the_port_of_this_run():
    first = LLM(None, "smol", start=never_started, endpoint="embedded:smol.gguf")
    second = LLM(None, "smol", start=never_started, endpoint="embedded:smol.gguf")
    assert request_for(first, CHUNK, "").key == request_for(second, CHUNK, "").key
    assert not first.started


def test_chunk_key_depends_on_its_text_and_topic_not_on_its_position():
    model = LLM("http://127.0.0.1:9/v1", "m")
    moved = CHUNK.model_copy(update={"id": "a7.c3", "article_id": "a7"})
    assert request_for(model, moved, "").key == request_for(model, CHUNK, "").key
    assert request_for(model, CHUNK, "talks").key != request_for(model, CHUNK, "").key


def test_entries_round_trip_and_hits_and_misses_are_counted(tmp_path: Path):
    cache = Cache(tmp_path)
    assert cache.get("ab" * 32) is None
    cache.put("ab" * 32, {"labels": {"items": []}})
    assert cache.get("ab" * 32) == {"labels": {"items": []}}
    assert (cache.hits, cache.misses) == (1, 1)


def test_a_corrupt_entry_is_a_miss_and_is_overwritten(tmp_path: Path):
    cache = Cache(tmp_path)
    key = "cd" * 32
    cache.path_for(key).parent.mkdir(parents=True)
    cache.path_for(key).write_text('{"labels": {"ite')  # a writer killed mid-way (pre-atomic)
    assert cache.get(key) is None
    cache.put(key, {"labels": 1})
    assert cache.get(key) == {"labels": 1}


def test_disabled_cache_reads_and_writes_nothing(tmp_path: Path):
    cache = Cache(None)
    cache.put("ef" * 32, {"x": 1})
    assert cache.get("ef" * 32) is None and not cache.peek("ef" * 32)
    assert not any(tmp_path.iterdir())


WORKER = """
import sys
from briefing.cache import Cache
cache = Cache(__import__("pathlib").Path(sys.argv[1]))
me = sys.argv[2]
for round in range(150):
    for n in range(8):
        key = f"{n:02d}" * 32
        seen = cache.get(key)
        # Never a half-written entry: absent, or complete with its checksum line.
        assert seen is None or seen["pad"] == "x" * 20000 and seen["n"] == n, seen
        cache.put(key, {"n": n, "writer": me, "round": round, "pad": "x" * 20000})
print("ok")
"""


def test_two_processes_sharing_a_cache_folder_never_see_a_partial_entry(tmp_path: Path):
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(tmp_path), name],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for name in ("one", "two")
    ]
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        assert out.strip() == "ok"
    entries = list((tmp_path / "llm").rglob("*.json"))
    assert len(entries) == 8
    for entry in entries:
        assert json.loads(entry.read_text())["writer"] in ("one", "two")
    assert not [p for p in (tmp_path / "llm").rglob("*") if p.name.endswith(".tmp")]
