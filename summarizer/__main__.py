"""Run the CLI as python -m summarizer."""

from .cli.commands import app

if __name__ == "__main__":  # worker processes (batch pool, service) import it: they must not start the CLI
    app()
