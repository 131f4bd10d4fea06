"""Run the CLI as python -m summarizer."""

from .cli.commands import app

app()
