"""One Settings object: flags > environment > config file > defaults."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from .cache import default_cache_dir
from .errors import ConfigError

CONFIG_NAME = "briefing.toml"
ENV = {  # environment variable -> setting
    "OPENAI_BASE_URL": "base_url",
    "OPENAI_API_KEY": "api_key",
    "BRIEFING_MODEL": "model",
    "BRIEFING_CACHE_DIR": "cache_dir",
    "BRIEFING_OUT": "out",
    "BRIEFING_CONCURRENCY": "concurrency",
}


class Price(BaseModel):
    """What a model costs, in US dollars per million tokens."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    prompt: float = Field(0.0, ge=0, description="USD per million prompt tokens")
    completion: float = Field(0.0, ge=0, description="USD per million completion tokens")


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    base_url: str | None = Field(None, description="OpenAI-compatible endpoint; none = embedded")
    api_key: SecretStr | None = Field(None, description="API key for the endpoint, if it needs one")
    model: str | None = Field(None, description="Model name; default: the endpoint's first model")
    topic: str = Field(
        "", max_length=200, description="Title and prompts; keeps only the stories that match it"
    )
    stories: int | None = Field(None, ge=1, description="Number of stories; None = found")
    min_sources: int = Field(
        2, ge=1, description="Outlets a story needs for its own section; fewer: 'Also reported'"
    )
    date: dt.date = Field(default_factory=dt.date.today, description="Date of the briefing")
    out: Path = Field(Path("briefings"), description="Folder the briefing files are written to")
    cache_dir: Path | None = Field(
        default_factory=default_cache_dir, description="LLM result cache; None disables it"
    )
    chunk_tokens: int = Field(3000, ge=100, le=6000, description="Source tokens per LLM request")
    concurrency: int = Field(1, ge=1, le=32, description="LLM requests in flight at once")
    max_bytes: int = Field(5_000_000, ge=1, description="Larger input files are skipped")
    timeout: float = Field(300.0, gt=0, description="Seconds to wait for one LLM reply")
    templates: Path | None = Field(None, description="Folder of templates overriding built-ins")
    formats: tuple[Literal["md", "json", "html", "pdf"], ...] = Field(
        ("md", "json", "pdf"), min_length=1, description="Files to write: md, json, html, pdf"
    )
    prices: dict[str, Price] = Field(
        default_factory=dict,
        description="Price per model name for the run manifest's cost estimate; unlisted = 0",
    )
    follow_symlinks: bool = Field(
        False, description="Read symbolic links that point outside the input folder"
    )
    compare_days: int = Field(
        7, ge=0, le=366,
        description="A brief is compared with the latest brief of the most recent earlier date "
        "at most this many days back (0: only with earlier editions of its own date)",
    )  # fmt: skip

    @field_validator("formats", mode="before")
    @classmethod
    def split_formats(cls, value: object) -> object:
        """'md,pdf' from a flag, the environment or the config file; a list works too."""
        if isinstance(value, str):
            return tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
        return value

    @property
    def uses_embedded_model(self) -> bool:
        return not self.base_url and self.api_key is None


def config_paths(explicit: Path | None) -> list[Path]:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"config file {explicit} does not exist; check --config")
        return [explicit]
    user = Path(platformdirs.user_config_dir("briefing")) / "config.toml"
    return [p for p in (user, Path.cwd() / CONFIG_NAME) if p.is_file()]


def read_config_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"cannot read config file {path}: {err}") from err
    return data.get("briefing", data)


def load_settings(flags: dict[str, Any], config_file: Path | None = None) -> Settings:
    """Merge the layers; a bad value names the setting and where it came from."""
    values: dict[str, Any] = {}
    for path in config_paths(config_file):
        values.update(read_config_file(path))
    for variable, name in ENV.items():
        if os.environ.get(variable):
            values[name] = os.environ[variable]
    values.update({k: v for k, v in flags.items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as err:
        first = err.errors()[0]
        name = ".".join(str(p) for p in first["loc"])
        shown = "" if name == "api_key" else f" (got {first.get('input')!r})"
        raise ConfigError(f"setting '{name}': {first['msg']}{shown}") from err
