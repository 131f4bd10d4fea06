"""Talking to an LLM: prompts, the client with its retries and breaker, grounding of answers.

Importing this package loads nothing heavy; `providers` (openai, instructor) loads
only when a client is built.
"""

import logging

# A library prints nothing unless asked: without these, a record of ours or of the
# libraries under us (instructor logs each give-up at ERROR) finds no handler when the
# application has not configured logging, and Python's last-resort handler writes it
# to stderr. A NullHandler changes nothing else: records still propagate to whatever
# handlers the application sets up, at the levels it chooses.
for _name in ("summarizer", "instructor", "openai", "httpx2"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
