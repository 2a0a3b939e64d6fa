"""The words every comparison of this package reads a sentence with."""

import re

WORDS = re.compile(r"[\w’'-]+")
