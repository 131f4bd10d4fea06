"""The schema: strict-mode compatible, validated, with code-computed Goldstein values."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError as PydanticValidationError

from summarizer import ArticleSummary, EventType, SummaryResponse
from summarizer.scales import goldstein
from tests.conftest import valdoria_answer

# Keywords OpenAI's strict structured outputs accept in a schema node.
ALLOWED = {
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "anyOf",
    "$ref",
    "$defs",
    "description",
    "title",
}


def walk(node: Any, path: str = "#") -> list[tuple[str, dict[str, Any]]]:
    """Every schema node (dict) with its path."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((path, node))
        for key, value in node.items():
            if key in ("properties", "$defs"):
                for name, child in value.items():
                    found += walk(child, f"{path}/{key}/{name}")
            elif key in ("items",):
                found += walk(value, f"{path}/{key}")
            elif key == "anyOf":
                for i, child in enumerate(value):
                    found += walk(child, f"{path}/anyOf/{i}")
    return found


def test_response_schema_is_strict_mode_compatible() -> None:
    schema = SummaryResponse.model_json_schema()
    assert schema["type"] == "object"
    nodes = walk(schema)
    assert len(nodes) > 30
    for path, node in nodes:
        extra = set(node) - ALLOWED
        assert not extra, f"{path} uses keywords strict mode rejects: {extra}"
        if "$ref" in node:
            assert set(node) == {"$ref"}, f"{path}: $ref must stand alone, has {set(node)}"
        if node.get("type") == "object":
            assert node.get("additionalProperties") is False, f"{path} allows extra keys"
            assert set(node["required"]) == set(node["properties"]), f"{path}: every field must be required"


def test_nullable_fields_are_unions_with_null() -> None:
    figure = SummaryResponse.model_json_schema()["$defs"]["KeyFigure"]["properties"]
    for name in ("low", "high", "unit", "source"):
        assert {"type": "null"} in figure[name]["anyOf"], name


def test_goldstein_is_not_asked_of_the_model() -> None:
    text = str(SummaryResponse.model_json_schema())
    assert "goldstein" not in text.lower()


def test_valid_answer_parses_and_gets_goldstein_from_lookup() -> None:
    response = SummaryResponse.model_validate(valdoria_answer())
    summary = ArticleSummary.from_response(response)
    assert summary.escalation.event_type is EventType.MOBILIZE
    assert summary.escalation.goldstein == -7.2
    assert summary.escalation.cameo_code == "154"


@pytest.mark.parametrize(
    ("kind", "value"),
    [(EventType.FIGHT, -10.0), (EventType.CONSULT, 1.0), (EventType.AID, 7.0), (EventType.NONE, None)],
)
def test_goldstein_lookup(kind: EventType, value: float | None) -> None:
    assert goldstein(kind) == value


def test_every_event_type_but_none_and_crime_has_a_goldstein_value() -> None:
    for kind in EventType:
        assert (goldstein(kind) is None) == (kind in (EventType.NONE, EventType.CRIME))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"key_points": ["only one"]}, "give 2 to 5 key points"),
        ({"summary": "  "}, "summary is empty"),
        ({"unexpected": 1}, "Extra inputs are not permitted"),
    ],
)
def test_invalid_answers_are_rejected(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(PydanticValidationError, match=message):
        SummaryResponse.model_validate(valdoria_answer(**changes))


def test_figure_low_above_high_is_rejected() -> None:
    answer = valdoria_answer()
    answer["key_figures"][0].update(low=5000, high=4000)
    with pytest.raises(PydanticValidationError, match="greater than high"):
        SummaryResponse.model_validate(answer)


def test_level_outside_rubric_is_rejected() -> None:
    answer = valdoria_answer()
    answer["escalation"]["level"] = 6
    with pytest.raises(PydanticValidationError):
        SummaryResponse.model_validate(answer)
