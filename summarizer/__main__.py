"""Run the CLI as python -m summarizer."""

from .cli.commands import app

if __name__ == "__main__":  # not when a worker process started by the service imports it
    app()
