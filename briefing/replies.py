"""What is said to and read from a model around its JSON: the JSON in a chatty reply, the schema
instruction of the prompted mode, the re-ask after an invalid answer, a refusal of a mode."""

from __future__ import annotations

import functools
import json
import re
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

if TYPE_CHECKING:
    import openai

# What a server that does not know a response_format says about it (llama-cpp-python: a pydantic
# literal_error on response_format.type; others: "response_format"/"json_schema" in a 400), or
# one that cannot take our grammar.
REFUSAL_MARKERS = ("json_schema", "response_format", "literal_error", "grammar")


def is_mode_refusal(err: openai.APIStatusError) -> bool:
    if err.status_code not in (400, 422, 500):
        return False
    text = f"{err.message} {err.body}".lower()
    return any(marker in text for marker in REFUSAL_MARKERS)


def compact_grammar(json_schema: dict[str, Any]) -> str | None:
    """The schema as a GBNF grammar that allows at most one space between tokens, or None when
    llama-cpp-python (the [local] extra, whose converter this is) is not installed.

    llama.cpp's llama-server turns a json_schema into a grammar that allows a newline and up to
    20 spaces or tabs between any two tokens, and the small model fills them: the same labels
    cost about twice the completion tokens of llama-cpp-python's server, which decodes with this
    compact grammar. Sent as llama-server's `grammar`, it makes both servers answer alike.
    The converter ignores an integer's minimum and maximum, so a bounded integer becomes the
    enum of its values: a looping model cannot write ids the schema forbids."""
    return _compact_grammar(json.dumps(with_ranges_as_enums(json_schema)))  # keys keep order


def with_ranges_as_enums(node: Any) -> Any:
    if isinstance(node, list):
        return [with_ranges_as_enums(n) for n in node]
    if not isinstance(node, dict):
        return node
    low, high = node.get("minimum"), node.get("maximum")
    if node.get("type") == "integer" and isinstance(low, int) and isinstance(high, int):
        return {"enum": list(range(low, high + 1))}
    return {key: with_ranges_as_enums(value) for key, value in node.items()}


@functools.lru_cache(maxsize=64)
def _compact_grammar(schema_text: str) -> str | None:
    try:
        from llama_cpp.llama_grammar import json_schema_to_gbnf
    except ImportError:
        return None
    return json_schema_to_gbnf(schema_text)


def extract_json(content: str) -> str:
    """The JSON object in a reply, tolerating code fences and chatter around it."""
    fenced = re.search(r"```(?:json)?\s*(.*?)```", content, re.DOTALL)
    if fenced:
        content = fenced.group(1)
    start, end = content.find("{"), content.rfind("}")
    return content[start : end + 1] if start != -1 and end > start else content


def with_schema_instruction(
    messages: list[dict[str, str]], json_schema: dict[str, Any]
) -> list[dict[str, str]]:
    instruction = (
        "\n\nReply with one JSON object only, valid against this JSON Schema:\n"
        + json.dumps(json_schema, separators=(",", ":"))
    )
    last = dict(messages[-1])
    last["content"] = last["content"] + instruction
    return [*messages[:-1], last]


def reask_text(err: ValidationError) -> str:
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors()[:5]
    )
    return f"That JSON was invalid ({problems}). Reply again with corrected JSON only."
