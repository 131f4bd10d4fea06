"""Run the CLI as python -m summarizer."""

from .cli.commands import app

if __name__ == "__main__":  # worker processes import the main module; they must not start the CLI again
    app()
