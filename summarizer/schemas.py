"""The JSON Schema files in `schemas/`, generated from the record and digest models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .digest import Digest
from .models import ErrorRecord, SummaryRecord, SummaryResponse

__all__ = ["json_schemas", "stale_schemas", "write_schemas"]


def json_schemas() -> dict[str, str]:
    """Return the JSON Schema files generated from the models, by file name."""
    models: tuple[tuple[str, type[BaseModel]], ...] = (
        ("summary-response", SummaryResponse),
        ("summary-record", SummaryRecord),
        ("error-record", ErrorRecord),
        ("digest", Digest),
    )
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"
        for name, model in models
    }


def write_schemas(directory: Path) -> list[Path]:
    """Write the generated schema files into a folder; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in json_schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(directory: Path) -> list[str]:
    """Return the schema files in a folder that are missing or differ from the models."""
    stale = []
    for name, text in json_schemas().items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale
