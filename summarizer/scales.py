"""Escalation scales: PLOVER event types, their CAMEO roots and Goldstein values.

The model picks a PLOVER type; the Goldstein value is looked up here, never asked
of the model. Values are those of the CAMEO root code each PLOVER category maps
to (Open Event Data Alliance's PLOVER mapping, GDELT's CAMEO-to-Goldstein table),
except MOBILIZE, which uses code 154 "mobilize or increase armed forces".
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Direction", "EventType", "cameo_code", "goldstein"]


class EventType(StrEnum):
    """PLOVER event category of the article's main development, or NONE."""

    NONE = "NONE"
    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    COOPERATE = "COOPERATE"
    AID = "AID"
    CONCEDE = "CONCEDE"
    RETREAT = "RETREAT"
    INVESTIGATE = "INVESTIGATE"
    DEMAND = "DEMAND"
    DISAPPROVE = "DISAPPROVE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    MOBILIZE = "MOBILIZE"
    SANCTION = "SANCTION"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"
    FIGHT = "FIGHT"
    CRIME = "CRIME"


class Direction(StrEnum):
    """Which way the situation is moving, as the article tells it."""

    ESCALATING = "escalating"
    STEADY = "steady"
    DE_ESCALATING = "de-escalating"
    UNCLEAR = "unclear"


# PLOVER type -> (CAMEO code, Goldstein value). NONE and CRIME have no CAMEO code.
_CAMEO: dict[EventType, tuple[str, float]] = {
    EventType.AGREE: ("03", 4.0),
    EventType.CONSULT: ("04", 1.0),
    EventType.SUPPORT: ("05", 3.5),
    EventType.COOPERATE: ("06", 6.0),
    EventType.AID: ("07", 7.0),
    EventType.CONCEDE: ("08", 5.0),
    EventType.RETREAT: ("08", 5.0),
    EventType.INVESTIGATE: ("09", -2.0),
    EventType.DEMAND: ("10", -5.0),
    EventType.DISAPPROVE: ("11", -2.0),
    EventType.REJECT: ("12", -4.0),
    EventType.THREATEN: ("13", -6.0),
    EventType.PROTEST: ("14", -6.5),
    EventType.MOBILIZE: ("154", -7.2),
    EventType.SANCTION: ("16", -4.0),
    EventType.COERCE: ("17", -7.0),
    EventType.ASSAULT: ("18", -9.0),
    EventType.FIGHT: ("19", -10.0),
}


def cameo_code(event_type: EventType) -> str | None:
    """Return the CAMEO code a PLOVER type is scored with, or None."""
    entry = _CAMEO.get(event_type)
    return entry[0] if entry else None


def goldstein(event_type: EventType) -> float | None:
    """Return the Goldstein value (-10..+10) of a PLOVER type, or None."""
    entry = _CAMEO.get(event_type)
    return entry[1] if entry else None
