"""summarizer: news articles in, structured and verifiable records out."""

from .api import Summarizer, asummarize, summarize
from .batch import BatchApiReport, BatchReport, run_batch, run_batch_api, summarize_folder
from .config import Settings, resolve_settings
from .errors import (
    AccessDenied,
    BatchIncomplete,
    CacheError,
    CacheWarning,
    ConfigError,
    ContextTooSmall,
    GroundingError,
    InputError,
    MissingExtra,
    ModelFileError,
    OutputError,
    ProviderError,
    RunStopped,
    ServiceUnreachable,
    SummarizerError,
    WriteError,
)
from .models import (
    SCHEMA_VERSION,
    ArticleSummary,
    ErrorRecord,
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
    "AccessDenied",
    "ArticleSummary",
    "BatchApiReport",
    "BatchIncomplete",
    "BatchReport",
    "CacheError",
    "CacheWarning",
    "ConfigError",
    "ContextTooSmall",
    "Direction",
    "ErrorRecord",
    "Escalation",
    "EventType",
    "GroundingError",
    "GroundingReport",
    "Hedge",
    "InputError",
    "KeyFigure",
    "MissingExtra",
    "ModelFileError",
    "OutputError",
    "ProviderError",
    "RunStopped",
    "ServiceUnreachable",
    "Settings",
    "Summarizer",
    "SummarizerError",
    "SummaryRecord",
    "SummaryResponse",
    "WriteError",
    "__version__",
    "asummarize",
    "resolve_settings",
    "run_batch",
    "run_batch_api",
    "summarize",
    "summarize_folder",
]
