"""The command line: commands, shared options, the batch console. No logic of its own."""

from .commands import app

__all__ = ["app"]
