"""The one place that talks to an OpenAI-compatible server.

Structured output works on every kind of server through a ladder of modes:
``json_schema`` (OpenAI, vLLM, Ollama, llama.cpp's llama-server) -> ``json_object`` with a
``schema`` (llama-cpp-python's server, which refuses json_schema) -> a prompted JSON reply that
we validate ourselves. We step down only when the server *rejects* a mode, never because of a
validation error, and remember the mode per endpoint so the refusal costs one request per run.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any, TypeVar

import openai
from pydantic import BaseModel, ValidationError
from tenacity import RetryError, Retrying, retry_if_exception_type, stop_after_attempt

from .errors import LLMError, OutputTruncated
from .models import Usage

T = TypeVar("T", bound=BaseModel)

MODES = ("json_schema", "json_object", "prompted")
# What a server that does not know a response_format says about it (llama-cpp-python: a pydantic
# literal_error on response_format.type; others: "response_format"/"json_schema" in a 400).
REFUSAL_MARKERS = ("json_schema", "response_format", "literal_error")

_mode_by_endpoint: dict[str, str] = {}
_mode_lock = threading.Lock()


@dataclass
class Reply:
    content: str
    finish_reason: str | None
    usage: Usage


@dataclass
class CallLog:
    """Counters for the run summary and manifest; thread-safe."""

    calls: int = 0
    usage: Usage = field(default_factory=Usage)
    seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, usage: Usage, seconds: float) -> None:
        with self._lock:
            self.calls += 1
            self.usage = self.usage + usage
            self.seconds += seconds


class LLM:
    """A chat model behind an OpenAI-compatible endpoint, returning validated pydantic models."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        *,
        timeout: float = 300.0,
        max_retries: int = 2,
        reasks: int = 2,
        temperature: float = 0.0,
        seed: int = 0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        # Local servers need no key, but the SDK insists on one; the placeholder is not a secret.
        self.client = openai.OpenAI(
            base_url=self.base_url,
            api_key=api_key or "no-key",
            timeout=timeout,
            max_retries=max_retries,
        )
        self.reasks = reasks
        self.temperature = temperature
        self.seed = seed
        self.log = CallLog()

    @property
    def endpoint_key(self) -> str:
        return f"{self.base_url}|{self.model}"

    @property
    def mode(self) -> str:
        with _mode_lock:
            return _mode_by_endpoint.get(self.endpoint_key, MODES[0])

    def structured(
        self,
        messages: list[dict[str, str]],
        schema: type[T],
        *,
        json_schema: dict[str, Any] | None = None,
        max_tokens: int = 1024,
    ) -> tuple[T, Usage]:
        """Ask until the reply validates against `schema` (bounded re-asks with the error)."""
        json_schema = json_schema or schema.model_json_schema()
        messages = list(messages)
        total = Usage()
        last_reply = ""
        try:
            for attempt in Retrying(
                stop=stop_after_attempt(self.reasks + 1),
                retry=retry_if_exception_type(ValidationError),
                reraise=False,
            ):
                with attempt:
                    reply = self.complete(messages, json_schema, max_tokens)
                    total = total + reply.usage
                    last_reply = reply.content
                    if reply.finish_reason == "length":
                        raise OutputTruncated(
                            f"the model's answer hit max_tokens={max_tokens}; "
                            "the input will be split"
                        )
                    try:
                        return schema.model_validate_json(extract_json(reply.content)), total
                    except ValidationError as err:
                        # instructor-style re-ask: the failed reply and the error go back.
                        messages += [
                            {"role": "assistant", "content": reply.content},
                            {"role": "user", "content": reask_text(err)},
                        ]
                        raise
        except RetryError as err:
            raise LLMError(
                f"the model gave no valid answer after {self.reasks + 1} attempts "
                f"(last reply: {last_reply[:120]!r})"
            ) from err
        raise AssertionError("unreachable")  # pragma: no cover

    def complete(
        self, messages: list[dict[str, str]], json_schema: dict[str, Any], max_tokens: int
    ) -> Reply:
        """One chat completion in the best mode the endpoint accepts."""
        while True:
            mode = self.mode
            try:
                return self._request(messages, json_schema, max_tokens, mode)
            except openai.APIStatusError as err:
                if mode != MODES[-1] and is_mode_refusal(err):
                    self._step_down(mode)
                    continue
                raise LLMError(
                    f"{self.base_url} answered HTTP {err.status_code}: {short(err.message)}"
                ) from err
            except openai.APIConnectionError as err:
                raise LLMError(
                    f"cannot reach the model at {self.base_url} ({short(str(err))}); "
                    "check --base-url / OPENAI_BASE_URL or unset it to use the embedded model"
                ) from err

    def _request(
        self,
        messages: list[dict[str, str]],
        json_schema: dict[str, Any],
        max_tokens: int,
        mode: str,
    ) -> Reply:
        kwargs: dict[str, Any] = {}
        if mode == "json_schema":
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": json_schema.get("title", "answer"), "schema": json_schema},
            }
        elif mode == "json_object":
            kwargs["response_format"] = {"type": "json_object", "schema": json_schema}
        else:
            messages = with_schema_instruction(messages, json_schema)
        client = self.client
        if mode != MODES[-1] and not self._confirmed(mode):
            # A refusal comes back as HTTP 500 from llama-cpp-python; the SDK would retry it
            # twice. Probe unconfirmed modes without SDK retries so a refusal costs one request.
            client = client.with_options(max_retries=0)
        started = time.perf_counter()
        response = client.chat.completions.create(
            model=self.model,
            messages=messages,  # type: ignore[arg-type]
            temperature=self.temperature,
            seed=self.seed,
            max_tokens=max_tokens,
            **kwargs,
        )
        self._confirm(mode)
        choice = response.choices[0] if response.choices else None
        usage = Usage(
            prompt_tokens=getattr(response.usage, "prompt_tokens", 0) or 0,
            completion_tokens=getattr(response.usage, "completion_tokens", 0) or 0,
        )
        self.log.add(usage, time.perf_counter() - started)
        content = (choice.message.content or "") if choice else ""
        return Reply(
            content=content, finish_reason=choice.finish_reason if choice else None, usage=usage
        )

    def _confirmed(self, mode: str) -> bool:
        with _mode_lock:
            return _mode_by_endpoint.get(self.endpoint_key + "|ok") == mode

    def _confirm(self, mode: str) -> None:
        with _mode_lock:
            _mode_by_endpoint[self.endpoint_key] = mode
            _mode_by_endpoint[self.endpoint_key + "|ok"] = mode

    def _step_down(self, mode: str) -> None:
        with _mode_lock:
            _mode_by_endpoint[self.endpoint_key] = MODES[MODES.index(mode) + 1]


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


def short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def forget_modes() -> None:
    """Forget which structured-output mode each endpoint accepts (tests start from scratch)."""
    with _mode_lock:
        _mode_by_endpoint.clear()
