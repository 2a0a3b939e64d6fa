"""The labelling request: an answer names only labelled sentences, under bounds a looping model
cannot exceed; the party of a label is read from the chunk."""

from __future__ import annotations

import json

import jsonschema
import pytest

from briefing import extract
from briefing.models import Chunk, ChunkLabels, Sentence


def chunk_of(*texts: str) -> Chunk:
    sentences = [
        Sentence(id=f"a1.s{n}", article_id="a1", number=n, text=text)
        for n, text in enumerate(texts, start=1)
    ]
    return Chunk(id="a1.c1", article_id="a1", sentences=sentences)


LONG = chunk_of(*[f"Sentence number {n} of the article." for n in range(1, 31)])


def test_answer_names_only_labelled_sentences_grouped_by_kind():
    answer = ChunkLabels.model_validate_json('{"position": [2], "event": [1, 3]}')
    assert answer.numbered() == [(2, "position"), (1, "event"), (3, "event")]


def test_schema_bounds_every_list_so_a_looping_model_stops():
    schema = extract.chunk_schema(LONG)
    cap = extract.labels_per_kind(LONG)
    assert cap < len(LONG.sentences)
    looping = {kind: [1] * (cap + 1) for kind in schema["required"]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(looping, schema)
    full = {kind: [1] * cap for kind in schema["required"]}
    jsonschema.validate(full, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**full, "event": [31]}, schema)  # no sentence 31


def test_max_tokens_covers_the_longest_answer_the_schema_allows_and_little_more():
    cap = extract.labels_per_kind(LONG)
    longest = json.dumps({k: list(range(30 - cap + 1, 31)) for k in ChunkLabels.model_fields})
    max_tokens = extract.answer_tokens(LONG)
    # A token carries at least one character of JSON like this.
    assert len(longest) / 4 < max_tokens < len(longest) * 2


def test_party_is_the_name_a_sentence_mentions_first():
    chunk = chunk_of(
        "Ruritania and Borduria met in Geneva.",
        "Borduria rejected the demand from Ruritania.",
    )
    names = extract.candidate_parties(chunk)
    assert extract.party_of(chunk, 2, names) == "Borduria"


def test_a_sentence_naming_no_one_carries_over_the_actor_of_the_one_before():
    chunk = chunk_of(
        "Borduria rejected the demand.",
        "It said the border would stay closed.",
        "The talks resume next week.",
        "But a ceasefire holds.",
        "The rest was not said.",
    )
    names = extract.candidate_parties(chunk)
    assert extract.party_of(chunk, 2, names) == "Borduria"
    assert extract.party_of(chunk, 5, names) == ""  # too far back
    assert extract.party_of(chunk, 9, names) == ""  # no such sentence: grounding drops it
