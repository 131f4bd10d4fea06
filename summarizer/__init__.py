"""summarizer: news articles in, structured and verifiable records out.

The names below load on first use (PEP 562): ``import summarizer.errors`` or the
CLI's first instant do not pay for the engine, the batch runner and pydantic's
models, so a Ctrl-C while the CLI is still loading can exit quietly.
"""

from typing import TYPE_CHECKING as _TYPE_CHECKING

from ._lazy import lazy_names as _lazy_names
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

if _TYPE_CHECKING:
    from .api import Summarizer, asummarize, summarize
    from .batch import BatchApiReport, BatchReport, run_batch, run_batch_api, summarize_folder
    from .config import Settings, resolve_settings
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

__getattr__, __dir__ = _lazy_names(
    __name__,
    globals(),
    {
        "api": ["Summarizer", "asummarize", "summarize"],
        "batch": ["BatchApiReport", "BatchReport", "run_batch", "run_batch_api", "summarize_folder"],
        "config": ["Settings", "resolve_settings"],
        "models": [
            "SCHEMA_VERSION",
            "ArticleSummary",
            "ErrorRecord",
            "Escalation",
            "GroundingReport",
            "Hedge",
            "KeyFigure",
            "SummaryRecord",
            "SummaryResponse",
        ],
        "scales": ["Direction", "EventType"],
    },
)


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
