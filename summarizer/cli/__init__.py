"""The command line: commands, shared options, the batch console. No logic of its own."""

from . import batch_api  # noqa: F401  (registers batch-status and batch-cancel)
from .commands import app

__all__ = ["app"]
