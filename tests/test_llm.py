"""The LLM client against a real local HTTP server that misbehaves on purpose."""

from __future__ import annotations

import json

import pytest

from briefing.errors import LLMError, OutputTruncated
from briefing.llm import LLM
from briefing.models import ChunkLabels
from tests.fault_server import FaultServer, Step

GOOD = json.dumps({"position": [1], "sticking_point": [], "next_step": [], "event": []})
# What llama-cpp-python's server answers to response_format json_schema.
REFUSAL = {
    "detail": [
        {
            "type": "literal_error",
            "loc": ["body", "response_format", "type"],
            "msg": "Input should be 'text' or 'json_object'",
        }
    ]
}
MESSAGES = [{"role": "user", "content": "label"}]


def client(server: FaultServer, **kwargs) -> LLM:
    return LLM(server.base_url, "test-model", max_retries=kwargs.pop("max_retries", 0), **kwargs)


def test_server_accepting_json_schema_gets_it():
    with FaultServer([Step(content=GOOD)]) as server:
        labels, usage = client(server).structured(MESSAGES, ChunkLabels)
    assert labels.position == [1]
    assert server.requests[0]["body"]["response_format"]["type"] == "json_schema"
    assert usage.prompt_tokens == 10


def test_json_schema_refusal_steps_down_once_and_is_remembered():
    steps = [Step(status=500, body=REFUSAL), Step(content=GOOD), Step(content=GOOD)]
    with FaultServer(steps) as server:
        model = client(server, max_retries=2)
        model.structured(MESSAGES, ChunkLabels)
        model.structured(MESSAGES, ChunkLabels)
    formats = [r["body"]["response_format"]["type"] for r in server.requests]
    # One refused request (no SDK retries of the refusal), then json_object with the schema.
    assert formats == ["json_schema", "json_object", "json_object"]
    assert "schema" in server.requests[1]["body"]["response_format"]


LLAMA_CPP = {"Server": "llama.cpp"}


def test_llama_cpp_server_gets_a_compact_grammar_from_its_second_request():
    """llama-server's own schema grammar lets the model pad answers with whitespace; once it
    names itself, it gets the compact grammar llama-cpp-python decodes with, ids bounded."""
    pytest.importorskip("llama_cpp", reason="the converter comes with the [local] extra")
    steps = [Step(content=GOOD, headers=LLAMA_CPP), Step(content=GOOD, headers=LLAMA_CPP)]
    schema = ChunkLabels.model_json_schema()
    schema["properties"]["position"]["items"] |= {"minimum": 1, "maximum": 3}
    with FaultServer(steps) as server:
        model = client(server)
        model.structured(MESSAGES, ChunkLabels, json_schema=schema)
        model.structured(MESSAGES, ChunkLabels, json_schema=schema)
    first, second = (r["body"] for r in server.requests)
    assert first["response_format"]["type"] == "json_schema"
    assert "response_format" not in second
    grammar = second["grammar"]
    assert 'space ::= " "?' in grammar  # at most one space between tokens
    assert '"1" | "2" | "3"' in grammar and '"4"' not in grammar  # ids within the chunk
    assert second["repeat_penalty"] > 1
    assert model.accepted_mode == "grammar"


def test_llama_cpp_server_refusing_the_grammar_goes_back_to_json_schema_for_good():
    pytest.importorskip("llama_cpp", reason="the converter comes with the [local] extra")
    steps = [
        Step(content=GOOD, headers=LLAMA_CPP),
        Step(status=400, body={"error": "failed to parse grammar"}, headers=LLAMA_CPP),
        Step(content=GOOD, headers=LLAMA_CPP),
        Step(content=GOOD, headers=LLAMA_CPP),
    ]
    with FaultServer(steps) as server:
        model = client(server)
        for _ in range(3):
            model.structured(MESSAGES, ChunkLabels)
    kinds = [
        "grammar" if "grammar" in r["body"] else r["body"]["response_format"]["type"]
        for r in server.requests
    ]
    assert kinds == ["json_schema", "grammar", "json_schema", "json_schema"]


def test_server_refusing_every_format_gets_a_prompted_json_request():
    steps = [
        Step(status=400, body={"error": "unknown response_format"}),
        Step(status=400, body={"error": "response_format json_object unsupported"}),
        Step(content="Here you go:\n```json\n" + GOOD + "\n```"),
    ]
    with FaultServer(steps) as server:
        labels, _ = client(server).structured(MESSAGES, ChunkLabels)
    assert labels.position == [1]
    last = server.requests[-1]["body"]
    assert "response_format" not in last
    assert "JSON Schema" in last["messages"][-1]["content"]


def test_invalid_reply_is_reasked_with_the_validation_error():
    bad = json.dumps({"position": [0], "opinion": [1]})
    with FaultServer([Step(content=bad), Step(content=GOOD)]) as server:
        labels, usage = client(server).structured(MESSAGES, ChunkLabels)
    assert labels.position == [1]
    reask = server.requests[1]["body"]["messages"]
    assert reask[-2] == {"role": "assistant", "content": bad}
    assert "invalid" in reask[-1]["content"]
    assert usage.completion_tokens == 10  # summed over both attempts


def test_reasks_are_bounded_and_fail_with_a_clear_error():
    with FaultServer([Step(content="not json")] * 3) as server:
        with pytest.raises(LLMError, match="no valid answer after 3 attempts"):
            client(server, reasks=2).structured(MESSAGES, ChunkLabels)
        assert len(server.requests) == 3


def test_the_error_says_what_was_wrong_without_the_replys_quotation_marks():
    # The briefing lists the error under "Not included": a reply's JSON keys in double quotes
    # read there as quotations that no source holds.
    bad = json.dumps({"position": [0], "opinion": [1]})
    with FaultServer([Step(content=bad)] * 3) as server, pytest.raises(LLMError) as failed:
        client(server, reasks=2).structured(MESSAGES, ChunkLabels)
    assert '"' not in str(failed.value)
    assert "position" in str(failed.value)  # where the reply went wrong


def test_answer_cut_at_max_tokens_is_not_reasked():
    with FaultServer([Step(content='{"position": [1, ', finish_reason="length")]) as server:
        with pytest.raises(OutputTruncated):
            client(server).structured(MESSAGES, ChunkLabels)
        assert len(server.requests) == 1


def test_unreachable_endpoint_is_one_clear_error():
    with FaultServer([]) as server:
        url = server.base_url
    with pytest.raises(LLMError, match="cannot reach the model"):
        LLM(url, "m", max_retries=0, timeout=2).structured(MESSAGES, ChunkLabels)


def test_credentials_in_an_endpoint_url_never_reach_an_error_message():
    url = "http://user:sk-test-SECRET123456789@127.0.0.1:9/v1?api-key=sk-test-SECRET987654321"
    with pytest.raises(LLMError) as caught:
        LLM(url, "m", max_retries=0, timeout=2).structured(MESSAGES, ChunkLabels)
    assert "SECRET" not in str(caught.value)
    assert "127.0.0.1:9/v1" in str(caught.value)
