"""The one place that talks to an OpenAI-compatible server.

Structured output works on every kind of server through a ladder of modes:
``json_schema`` (OpenAI, vLLM, Ollama, llama.cpp's llama-server) -> ``json_object`` with a
``schema`` (llama-cpp-python's server, which refuses json_schema) -> a prompted JSON reply that
we validate ourselves. We step down only when the server *rejects* a mode, never because of a
validation error, and remember the mode per endpoint so the refusal costs one request per run.
One step up: a server that names itself llama.cpp (its `Server` header) is sent a compact
``grammar`` instead of the json_schema from its second request on, because its own schema
grammar lets the model pad every answer with whitespace (replies.compact_grammar).

Retry budget, per request: transport failures (connection refused, timeout, 408/409/429/5xx,
a body that is not JSON) are retried by the OpenAI SDK, at most ``max_retries`` times, waiting
as the server's Retry-After says (up to 120 s; a longer wait is not retried) or backing off
0.5 s, 1 s, 2 s... Validation failures are re-asked by tenacity, at most ``reasks`` times, and
tenacity retries nothing else, so the two never multiply: one ``structured`` call makes at most
``reasks + 1`` replies, each after at most ``max_retries`` transport retries.

The server may be started lazily (``start``): a run whose every request is a cache hit never
starts the embedded model.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError
from tenacity import (
    RetryCallState,
    RetryError,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)

from . import settings
from .errors import LLMError, OutputTruncated
from .models import Usage
from .redact import redact_url, short
from .replies import (
    compact_grammar,
    extract_json,
    is_mode_refusal,
    reask_text,
    with_schema_instruction,
)

if TYPE_CHECKING:
    import openai

T = TypeVar("T", bound=BaseModel)

MODES = ("grammar", "json_schema", "json_object", "prompted")
FIRST_MODE = "json_schema"  # "grammar" only once a server has named itself llama.cpp

# HTTP statuses worth another try (what the SDK retries too).
RETRYABLE = {408, 409, 429, 500, 502, 503, 504}

_mode_by_endpoint: dict[str, str] = {}
_mode_lock = threading.Lock()
# Concurrent workers wait while one of them probes an unconfirmed mode, so a refusal costs one
# request per run, not one per worker.
_probe_lock = threading.Lock()


class GarbledResponse(Exception):
    """The server answered 200 with a body that is not a chat completion (cut off, not JSON)."""


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
    retries: int = 0  # our own transport retries (probes, garbled bodies); not the SDK's
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, usage: Usage, seconds: float) -> None:
        with self._lock:
            self.calls += 1
            self.usage = self.usage + usage
            self.seconds += seconds

    def retried(self) -> None:
        with self._lock:
            self.retries += 1


class LLM:
    """A chat model behind an OpenAI-compatible endpoint, returning validated pydantic models."""

    def __init__(
        self,
        base_url: str | None,
        model: str,
        api_key: str | None = None,
        *,
        start: Callable[[], str] | None = None,
        endpoint: str | None = None,
        timeout: float = 300.0,
        max_retries: int = 2,
        reasks: int = 2,
        temperature: float = 0.0,
        seed: int = 0,
    ) -> None:
        """`base_url`, or `start`: called once, on the first real request, to get the URL.

        `endpoint` names the server in cache keys; it must not change between runs (the
        embedded server gets a new port every run), so it defaults to `base_url`.
        """
        if base_url is None and start is None:
            raise ValueError("LLM needs a base_url or a start function")
        self.base_url = base_url.rstrip("/") if base_url else ""
        self.endpoint = endpoint or self.base_url
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.max_retries = max_retries
        self._start = start
        self._start_lock = threading.Lock()
        self._start_error: BaseException | None = None
        self._client: openai.OpenAI | None = None
        self.reasks = reasks
        self.temperature = temperature
        self.seed = seed
        self.log = CallLog()

    @property
    def started(self) -> bool:
        """True once a request needed the server (always true for a given base_url)."""
        return self._client is not None or not self._start

    @property
    def client(self) -> openai.OpenAI:
        """The SDK client; starts the server on first use when it is started lazily."""
        import openai

        if self._client is None:
            with self._start_lock:
                if self._start_error is not None:
                    raise self._start_error
                if self._client is None:
                    if self._start is not None:
                        try:
                            self.base_url = self._start().rstrip("/")
                        except BaseException as err:
                            self._start_error = err
                            raise
                    # Local servers need no key, but the SDK insists on one; the placeholder is
                    # not a secret.
                    self._client = openai.OpenAI(
                        base_url=self.base_url,
                        api_key=self.api_key or "no-key",
                        timeout=self.timeout,
                        max_retries=self.max_retries,
                    )
        return self._client

    @property
    def endpoint_key(self) -> str:
        return f"{self.endpoint}|{self.model}"

    @property
    def mode(self) -> str:
        with _mode_lock:
            return _mode_by_endpoint.get(self.endpoint_key, FIRST_MODE)

    @property
    def accepted_mode(self) -> str | None:
        """The mode the endpoint answered a request in during this run; None before any."""
        with _mode_lock:
            return _mode_by_endpoint.get(self.endpoint_key + "|ok")

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
            # What was wrong, not the reply itself: the reply's JSON quotes would read as
            # quotations in the briefing's list of what was left out.
            raise LLMError(
                f"the model gave no valid answer after {self.reasks + 1} attempts "
                f"(last reply, {len(last_reply)} characters: {what_was_wrong(err)})"
            ) from err
        raise AssertionError("unreachable")  # pragma: no cover

    def complete(
        self, messages: list[dict[str, str]], json_schema: dict[str, Any], max_tokens: int
    ) -> Reply:
        """One chat completion in the best mode the endpoint accepts, within the retry budget."""
        import openai  # about a second to import; a rerun answered from the cache never needs it

        client = self.client
        failed = 0  # transport failures we retried ourselves; they use up the SDK's budget
        while True:
            mode = self.mode
            probing = mode != MODES[-1] and not self._confirmed(mode)
            # A refusal comes back as HTTP 500 from llama-cpp-python; the SDK would retry it
            # twice. Probe unconfirmed modes without SDK retries so a refusal costs one request;
            # any other failure of the probe is retried here, as the SDK would have.
            retries = 0 if probing else self.max_retries - failed
            try:
                with _probe_lock if probing else contextlib.nullcontext():
                    if probing and (self.mode != mode or self._confirmed(mode)):
                        continue  # another worker finished probing while we waited
                    return self._request(
                        client.with_options(max_retries=retries), messages, json_schema,
                        max_tokens, mode,
                    )  # fmt: skip
            except openai.APIStatusError as err:
                if mode != MODES[-1] and is_mode_refusal(err):
                    self._step_down(mode)
                    continue
                if probing and err.status_code in RETRYABLE and failed < self.max_retries:
                    delay = retry_delay(err.response.headers, failed)
                    if delay is not None:
                        failed += 1
                        self._pause(delay)
                        continue
                tried = tries(retries + failed) if err.status_code in RETRYABLE else ""
                raise LLMError(
                    f"{redact_url(self.base_url)} answered HTTP {err.status_code}{tried}: "
                    f"{short(err.message)}"
                ) from err
            except openai.APIConnectionError as err:
                if probing and failed < self.max_retries:
                    failed += 1
                    self._pause(backoff(failed))
                    continue
                if isinstance(err, openai.APITimeoutError):
                    raise LLMError(
                        f"the model at {redact_url(self.base_url)} gave no answer within "
                        f"{self.timeout:g} s{tries(retries + failed)}; raise the timeout setting "
                        "or send smaller chunks (chunk_tokens)"
                    ) from err
                raise LLMError(
                    f"cannot reach the model at {redact_url(self.base_url)} ({short(str(err))}); "
                    "check --base-url / OPENAI_BASE_URL or unset it to use the embedded model"
                ) from err
            except GarbledResponse as err:
                if failed < self.max_retries:
                    failed += 1
                    self._pause(backoff(failed))
                    continue
                raise LLMError(
                    f"{redact_url(self.base_url)} answered with a body that is not a chat "
                    "completion"
                    f"{tries(failed)}: {err}"
                ) from err

    def _pause(self, seconds: float) -> None:
        self.log.retried()
        time.sleep(seconds)

    def _request(
        self,
        client: openai.OpenAI,
        messages: list[dict[str, str]],
        json_schema: dict[str, Any],
        max_tokens: int,
        mode: str,
    ) -> Reply:
        kwargs: dict[str, Any] = {}
        if mode == "grammar":
            kwargs["extra_body"] = {
                "grammar": compact_grammar(json_schema),
                "repeat_penalty": settings.current().llama_cpp_repeat_penalty,
            }
        elif mode == "json_schema":
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": json_schema.get("title", "answer"), "schema": json_schema},
            }
        elif mode == "json_object":
            kwargs["response_format"] = {"type": "json_object", "schema": json_schema}
        else:
            messages = with_schema_instruction(messages, json_schema)
        started = time.perf_counter()
        try:
            raw = client.chat.completions.with_raw_response.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]
                temperature=self.temperature,
                seed=self.seed,
                max_tokens=max_tokens,
                **kwargs,
            )
            response = raw.parse()
        except ValueError as err:  # json.JSONDecodeError: a cut-off or non-JSON body
            raise GarbledResponse(short(str(err), 120)) from err
        self._confirm(mode)
        if mode == "json_schema" and is_llama_cpp(raw.headers) and compact_grammar(json_schema):
            self._step_up()
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
            if mode == "grammar":
                _mode_by_endpoint[self.endpoint_key + "|no grammar"] = mode

    def _step_up(self) -> None:
        """To the compact grammar, unless this endpoint refused it once."""
        with _mode_lock:
            if self.endpoint_key + "|no grammar" not in _mode_by_endpoint:
                _mode_by_endpoint[self.endpoint_key] = "grammar"
                _mode_by_endpoint[self.endpoint_key + "|ok"] = "grammar"


def is_llama_cpp(headers: Any) -> bool:
    """Whether the answer came from llama.cpp's own server (it sends `Server: llama.cpp`)."""
    return (headers.get("server") or "").lower().startswith("llama.cpp")


def retry_delay(headers: Any, failed: int) -> float | None:
    """Seconds to wait before the next try: the server's Retry-After, else backoff.

    None when the server asks for a longer wait than we are willing to block a run for.
    """
    for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(name) if headers is not None else None
        if value is None:
            continue
        try:
            seconds = float(value) / divisor
        except ValueError:
            continue
        return seconds if 0 <= seconds <= settings.current().max_retry_after else None
    return backoff(failed + 1)


# tenacity's exponential back-off: 0.5 s, 1 s, 2 s ... at most 8 s, plus up to 0.25 s of jitter so
# that concurrent workers do not retry in step.
BACKOFF = wait_exponential(multiplier=0.5, max=8.0) + wait_random(0, 0.25)


def backoff(attempt: int) -> float:
    """Seconds to wait after the `attempt`-th failed try (1 for the first)."""
    state = RetryCallState(retry_object=None, fn=None, args=(), kwargs={})
    state.attempt_number = attempt
    return BACKOFF(state)


def tries(retries: int) -> str:
    return f" (after {retries + 1} tries)" if retries else ""


def first_model(base_url: str, api_key: str | None) -> str:
    """OpenAI's small model, or the first model a self-hosted server lists."""
    if "api.openai.com" in base_url:
        return "gpt-4o-mini"
    import openai

    probe = LLM(base_url, "", api_key, max_retries=0, timeout=10)
    try:
        names = [m.id for m in probe.client.models.list().data]
    except openai.OpenAIError as err:
        raise LLMError(
            f"cannot list the models at {redact_url(base_url)} ({short(str(err))}); "
            "pass --model NAME"
        ) from err
    if not names:
        raise LLMError(f"{redact_url(base_url)} lists no models; pass --model NAME")
    return names[0]


def forget_modes() -> None:
    """Forget which structured-output mode each endpoint accepts (tests start from scratch)."""
    with _mode_lock:
        _mode_by_endpoint.clear()


def what_was_wrong(err: RetryError) -> str:
    """The first problem of the last invalid reply, in words: "next_step.6: Input should be
    less than or equal to 15"."""
    cause = err.last_attempt.exception()
    if isinstance(cause, ValidationError) and cause.errors():
        first = cause.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where}: {first['msg']}" if where else str(first["msg"])
    return "not valid"
