"""What is said to and read from a model around its JSON: the JSON in a chatty reply, the schema
instruction of the prompted mode, the re-ask after an invalid answer, a refusal of a mode."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

if TYPE_CHECKING:
    import openai

# What a server that does not know a response_format says about it (llama-cpp-python: a pydantic
# literal_error on response_format.type; others: "response_format"/"json_schema" in a 400).
REFUSAL_MARKERS = ("json_schema", "response_format", "literal_error")


def is_mode_refusal(err: openai.APIStatusError) -> bool:
    if err.status_code not in (400, 422, 500):
        return False
    text = f"{err.message} {err.body}".lower()
    return any(marker in text for marker in REFUSAL_MARKERS)


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
