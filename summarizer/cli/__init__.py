"""The command line: commands, shared options, the batch console. No logic of its own."""

from . import serve as _serve  # noqa: F401  (registers the command)
from .commands import app

__all__ = ["app"]
