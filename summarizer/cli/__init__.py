"""The command line: commands, shared options, the batch console. No logic of its own."""

from . import (
    batch_api,  # noqa: F401  (registers batch-status and batch-cancel)
    review,  # noqa: F401  (registers the command)
    serve,  # noqa: F401  (registers the command)
)
from .commands import app

__all__ = ["app"]
