"""summarizer: news articles in, structured and verifiable records out.

The names below load on first use (PEP 562): ``import summarizer.errors`` or the
CLI's first instant do not pay for the engine, the batch runner and pydantic's
models, so a Ctrl-C while the CLI is still loading can exit quietly.
"""

from importlib import import_module as _import_module
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

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

_LAZY = {
    **dict.fromkeys(["Summarizer", "asummarize", "summarize"], "api"),
    **dict.fromkeys(["BatchApiReport", "BatchReport", "run_batch", "run_batch_api", "summarize_folder"], "batch"),
    **dict.fromkeys(["Settings", "resolve_settings"], "config"),
    **dict.fromkeys(
        [
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
        "models",
    ),
    **dict.fromkeys(["Direction", "EventType"], "scales"),
}


def __getattr__(name: str) -> _Any:
    """Load a public name from its module on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(_import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, loaded or not."""
    return sorted(set(globals()) | set(__all__))


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
