"""Files -> Article models: clean body text in paragraphs plus metadata. No LLM here.

One driver, `load_folder` (load.py), calls small stages in order (the shape of trafilatura's
`bare_extraction`): find files and read bytes (files.py) -> decode and normalise Unicode
(decode.py) -> per-format extraction (formats.py) -> lines joined into units (units.py) and each
unit's role: chrome, caption, byline, title (lines.py, roles.py) -> metadata: title, outlet, date
(metadata.py, outlets.py, published.py) -> repairs (repairs.py) -> near-duplicates
(duplicates.py) -> ids (article.py).

Cleaning is conservative and reviewable: every source line that is not kept in `Article.text`
(other than the title) is kept in `Article.removed`, and every word changed by a repair is listed
in `Article.repairs`. `describe` (report.py) renders all of it for `briefing inspect DIR`.
"""

from .article import make_article
from .decode import normalize_for_match
from .files import MAX_BYTES, InputFolderError, UnusableFile
from .load import load_file, load_folder
from .published import infer_date
from .report import describe, describe_article

__all__ = [
    "MAX_BYTES",
    "InputFolderError",
    "UnusableFile",
    "describe",
    "describe_article",
    "infer_date",
    "load_file",
    "load_folder",
    "make_article",
    "normalize_for_match",
]
