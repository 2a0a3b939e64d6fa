"""Content-addressed store of LLM results, written atomically.

A result is keyed by everything that determines it (endpoint, model, messages, schema, prompt
versions, parameters), so a rerun or a resumed run after a kill repeats no finished LLM call.
Entries are written to a temporary file and renamed into place, so two runs sharing a cache
directory, or a run killed mid-write, never leave a half-written entry.

Where: ``--cache-dir`` / ``BRIEFING_CACHE_DIR`` / ``cache_dir`` in the config file, else the
platform cache folder (``~/.cache/briefing`` on Linux, ``~/Library/Caches/briefing`` on macOS,
``%LOCALAPPDATA%\\briefing\\Cache`` on Windows); entries live in ``llm/<2 hex>/<sha256>.json``.
``--no-cache`` neither reads nor writes it. Deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

import platformdirs

CACHE_FORMAT = 1


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("briefing"))


def make_key(**parts: Any) -> str:
    """sha256 over a canonical JSON of every part that can change the answer."""
    canonical = json.dumps({"format": CACHE_FORMAT, **parts}, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


class Cache:
    """LLM results by key; `directory=None` disables it. Counts hits and misses (thread-safe)."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()

    def _count(self, hit: bool) -> None:
        with self._lock:
            if hit:
                self.hits += 1
            else:
                self.misses += 1

    def path_for(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / "llm" / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        if self.directory is None:
            self._count(False)
            return None
        try:
            value = json.loads(self.path_for(key).read_text(encoding="utf-8"))
        except (FileNotFoundError, NotADirectoryError, UnicodeDecodeError, json.JSONDecodeError):
            # A corrupt entry is treated as missing and overwritten by the next put.
            value = None
        if not isinstance(value, dict):
            value = None
        self._count(value is not None)
        return value

    def peek(self, key: str) -> bool:
        """Whether an entry exists, without counting a hit or a miss (for --dry-run)."""
        return self.directory is not None and self.path_for(key).is_file()

    def put(self, key: str, value: dict[str, Any]) -> None:
        if self.directory is None:
            return
        write_atomic(self.path_for(key), json.dumps(value, ensure_ascii=False, indent=1))


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write via a temporary file in the same folder and rename it over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
