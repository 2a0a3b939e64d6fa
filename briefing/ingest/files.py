"""Finding article files in the input folder and reading their bytes; what a file can fail with."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import BriefingError
from ..models import Problem

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
SUPPORTED = "supported: .txt .md .html .json .jsonl"
MAX_BYTES = 5_000_000


class InputFolderError(BriefingError):
    """The input folder does not exist or is not a folder."""


class UnusableFile(BriefingError):
    """One file (or one record of a JSON file) cannot be used; `load_folder` makes it a Problem."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.problem = Problem(path=str(path), reason=reason)


def find_article_files(folder: Path, *, follow_symlinks: bool) -> tuple[list[Path], list[Problem]]:
    """Article files under `folder` in sorted-path order, and Problems for entries refused.

    Hidden entries (dotfiles) are skipped silently. Sub-folders are searched too.
    """
    root = folder.resolve()
    found: list[Path] = []
    problems: list[Problem] = []
    seen_dirs = {root}
    pending = [folder]
    while pending:
        directory = pending.pop()
        try:
            entries = sorted(directory.iterdir())
        except OSError as err:
            problems.append(Problem(path=str(directory), reason=f"cannot list folder: {err}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            problem = refused_link(entry, root, follow_symlinks)
            if problem:
                problems.append(problem)
            elif entry.is_dir() and entry.suffix.lower() not in SUPPORTED_SUFFIXES:
                target = entry.resolve()
                if target not in seen_dirs:
                    seen_dirs.add(target)
                    pending.append(entry)
            elif entry.suffix.lower() not in SUPPORTED_SUFFIXES:
                reason = f"not an article file ({SUPPORTED}); remove or rename it"
                problems.append(Problem(path=str(entry), reason=reason))
            else:
                found.append(entry)
    return sorted(found, key=lambda p: p.relative_to(folder).parts), problems


def refused_link(entry: Path, root: Path, follow_symlinks: bool) -> Problem | None:
    if not entry.is_symlink():
        return None
    target = Path(os.path.realpath(entry))
    if not entry.exists():
        reason = f"broken symbolic link (target {target} does not exist); fix or remove the link"
        return Problem(path=str(entry), reason=reason)
    if not follow_symlinks and not target.is_relative_to(root):
        reason = (
            f"symbolic link to {target}, outside the input folder; copy the file in "
            "or allow links (follow_symlinks)"
        )
        return Problem(path=str(entry), reason=reason)
    return None


def no_articles_reason(paths: list[Path]) -> str:
    if not paths:
        return f"no article files found ({SUPPORTED}); add articles to the folder"
    return f"none of the {len(paths)} article files could be used; see the problems listed"


def read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise UnusableFile(path, "is a folder, not a file; rename it or move its contents out")
        size = path.stat().st_size
        if size > max_bytes:
            raise UnusableFile(
                path,
                f"file is {megabytes(size)}, over the {megabytes(max_bytes)} limit "
                "(max_bytes); split it or raise the limit",
            )
        raw = path.read_bytes()
    except FileNotFoundError as err:
        raise UnusableFile(path, "file not found (broken link?); fix or remove it") from err
    except PermissionError as err:
        raise UnusableFile(path, "permission denied; make the file readable") from err
    except OSError as err:
        raise UnusableFile(path, f"cannot read file ({err.strerror or err}); check it") from err
    if not raw.strip():
        raise UnusableFile(path, "empty file; add the article text or remove the file")
    return raw


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
