"""briefing: a folder of news articles -> a dated briefing whose every line cites its source."""

__version__ = "0.1.0"
