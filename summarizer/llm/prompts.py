"""Load the versioned prompt templates and build the chat messages for one article."""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError

__all__ = ["Prompt", "build_messages", "load_prompt", "prompt_dir"]

_PACKAGE = Path(__file__).resolve().parent.parent


def prompt_dir() -> Path:
    """Return the folder holding the templates: inside the wheel, or the checkout's."""
    for candidate in (_PACKAGE / "prompts", _PACKAGE.parent / "prompts"):
        if (candidate / "summarize.toml").is_file():
            return candidate
    raise ConfigError(
        "summarizer's prompt templates are missing; reinstall the package (pip install --force-reinstall summarizer)"
    )


@dataclass(frozen=True)
class Prompt:
    """A rendered system prompt and user template, with the version they hash to."""

    name: str
    version: str
    system: str
    user_template: str

    def messages(
        self, article: str, *, article_language: str | None = None, summary_language: str | None = None
    ) -> list[dict[str, str]]:
        """Return the chat messages for one article, static text first.

        Languages are ISO 639-1 codes: the detected one (None if unknown) and the one to
        write in (None: the article's own).
        """
        # An article must not be able to close its own fence.
        fenced = article.replace("</article>", "</ article>").replace("</records>", "</ records>")
        user = (
            self.user_template.replace("{{article_language}}", _describe_language(article_language, "not detected"))
            .replace("{{summary_language}}", _describe_language(summary_language, "the article's own language"))
            .replace("{{article}}", fenced)
            .replace("{{records}}", fenced)
        )
        return [
            {"role": "system", "content": self.system},
            {"role": "user", "content": user},
        ]


@lru_cache(maxsize=4)
def load_prompt(name: str = "summarize") -> Prompt:
    """Read a template, fill in the rubric and schema, and fingerprint the result."""
    from ..models import SummaryResponse

    folder = prompt_dir()
    try:
        spec = tomllib.loads((folder / f"{name}.toml").read_text(encoding="utf-8"))
        rubric = (folder / "escalation-rubric.md").read_text(encoding="utf-8").strip()
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read prompt {name!r} in {folder}: {exc}; reinstall summarizer") from exc
    schema = json.dumps(SummaryResponse.model_json_schema(), separators=(",", ":"))
    system = spec["system"].strip().replace("{{rubric}}", rubric).replace("{{schema}}", schema)
    if name != "summarize" and "{{" in spec["user"].replace("{{records}}", ""):
        raise ConfigError(f"prompt {name!r} has an unknown placeholder; reinstall summarizer")
    user = spec["user"].strip()
    digest = hashlib.sha256(f"{system}\x00{user}".encode()).hexdigest()[:12]
    return Prompt(
        name=spec["name"],
        version=f"{spec['name']}-v{spec['version']}+{digest}",
        system=system,
        user_template=user,
    )


def _describe_language(code: str | None, otherwise: str) -> str:
    from ..ingest.language import language_name

    if not code:
        return otherwise
    name = language_name(code)
    return name if name == code else f"{name} ({code})"


def build_messages(
    article: str,
    name: str = "summarize",
    *,
    article_language: str | None = None,
    summary_language: str | None = None,
) -> tuple[list[dict[str, str]], str]:
    """Return the messages for an article and the prompt version that made them."""
    prompt = load_prompt(name)
    messages = prompt.messages(article, article_language=article_language, summary_language=summary_language)
    return messages, prompt.version
