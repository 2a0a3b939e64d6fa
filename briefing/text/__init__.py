"""What every stage reads text with: sentences and their ids (one splitter, one numbering, one
`SentenceRef`), the match key, names and titles, number words, dates,
amounts and the quantities they count.

Import the modules themselves (``from .text import sentences``): this package imports nothing
eagerly, so that `models` can use `text.ids` without a cycle.
"""
