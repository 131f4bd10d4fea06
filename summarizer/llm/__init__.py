"""Talking to an LLM: prompts, the client with its retries and breaker, grounding of answers.

Importing this package loads nothing heavy; `providers` (openai, instructor) loads
only when a client is built.
"""
