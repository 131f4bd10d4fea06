"""Run the CLI as python -m summarizer, and the ``summarizer`` console script."""

from __future__ import annotations

import sys


def main() -> None:
    """Load the CLI and run it; a Ctrl-C while it is still loading exits quietly with 130, as one later does."""
    try:
        from .cli.commands import app
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
    app()


if __name__ == "__main__":  # worker processes (batch pool, service) import it: they must not start the CLI
    main()
