"""Secrets never reach error messages, logs, stats or manifests: keys cut out, URLs without
credentials."""

from __future__ import annotations

import re
import urllib.parse

# Key-shaped tokens a server may echo in an error ("Incorrect API key provided: sk-..."): an
# error line is printed and logged, so the key is cut out before it becomes one.
SECRET = re.compile(r"\b(?:sk|pk|rk|gsk|key)[-_][A-Za-z0-9_-]{6,}|\bBearer\s+\S+", re.IGNORECASE)


def short(text: str, limit: int = 200) -> str:
    """One line of at most `limit` characters, with anything shaped like an API key redacted."""
    text = SECRET.sub("[redacted]", " ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def redact_url(url: str) -> str:
    """The URL without credentials or query (keys sometimes travel there); safe to print."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))
