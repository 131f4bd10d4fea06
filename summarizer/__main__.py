"""Run the CLI as python -m summarizer."""

from .cli import app

app()
