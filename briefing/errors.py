"""Errors a user can cause. The CLI prints them as one line; tracebacks only with --debug."""


class BriefingError(Exception):
    """A problem the user can fix; printed as one line."""


class ConfigError(BriefingError):
    """A setting is missing or invalid."""


class LocalModelError(BriefingError):
    """The embedded model could not be started."""


class LLMError(BriefingError):
    """The model endpoint failed in a way retries could not fix."""


class OutputTruncated(LLMError):
    """The model stopped at max_tokens (finish_reason=length): split the input, do not re-ask."""
