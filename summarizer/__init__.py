"""summarizer: news articles in, structured and verifiable records out."""

from .api import Summarizer, asummarize, summarize
from .config import Settings, resolve_settings
from .errors import (
    CacheError,
    CacheWarning,
    ConfigError,
    GroundingError,
    InputError,
    OutputError,
    ProviderError,
    SummarizerError,
)
from .models import (
    SCHEMA_VERSION,
    ArticleSummary,
    Escalation,
    GroundingReport,
    Hedge,
    KeyFigure,
    SummaryRecord,
    SummaryResponse,
)
from .scales import Direction, EventType

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "ArticleSummary",
    "CacheError",
    "CacheWarning",
    "ConfigError",
    "Direction",
    "Escalation",
    "EventType",
    "GroundingError",
    "GroundingReport",
    "Hedge",
    "InputError",
    "KeyFigure",
    "OutputError",
    "ProviderError",
    "Settings",
    "Summarizer",
    "SummarizerError",
    "SummaryRecord",
    "SummaryResponse",
    "__version__",
    "asummarize",
    "resolve_settings",
    "summarize",
]
