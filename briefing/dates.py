from .text.dates import MONTHS, WEEKDAYS, safe_date  # noqa: F401  (ingest imports these here)
