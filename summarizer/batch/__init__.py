"""Summarize folders: discover inputs, run them concurrently, write every result, resume.

Every input found is accounted for exactly once in the output: as an ``ok``
record or as an ``error`` record with the reason. Results are written as they
complete, one whole JSON line per ``write`` call, so a killed run leaves only
whole lines; a re-run skips what the output already holds.

``discovery`` finds and reads inputs, ``writers`` chooses and writes outputs (``formats`` renders whole files),
``runner`` runs a batch, ``workers`` lends it every core (``worker_main`` runs in each, ``dispatch``
feeds them), ``plan`` is the dry run, ``stopping`` makes SIGTERM stop a run as Ctrl-C does;
``batch_api`` runs one through the provider's Batch API (``api_submit`` sends, ``api_collect``
polls and collects, ``api_report`` counts), keeping its state beside the output
(``api_state``); ``distributed`` runs one on a Ray cluster.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from .api_control import batch_status, cancel_batches
    from .batch_api import REASK_VIAS, BatchApiReport, run_batch_api
    from .discovery import Found, discover, list_inputs, looked_for, read_inputs
    from .dispatch import auto_workers, usable_cores
    from .outcome import Result, truncation_warning
    from .plan import BatchPlan, PlannedArticle, estimate_tokens, plan_batch
    from .runner import BatchReport, run_batch, summarize_folder, summarize_found
    from .stopping import Terminated
    from .workers import WorkerPool
    from .writers import FORMATS, Output, read_done, resolve_output

__getattr__, __dir__ = lazy_names(
    __name__,
    globals(),
    {
        "api_control": ["batch_status", "cancel_batches"],
        "batch_api": ["REASK_VIAS", "BatchApiReport", "run_batch_api"],
        "discovery": ["Found", "discover", "list_inputs", "looked_for", "read_inputs"],
        "outcome": ["Result", "truncation_warning"],
        "plan": ["BatchPlan", "PlannedArticle", "estimate_tokens", "plan_batch"],
        "runner": ["BatchReport", "run_batch", "summarize_folder", "summarize_found"],
        "dispatch": ["auto_workers", "usable_cores"],
        "stopping": ["Terminated"],
        "workers": ["WorkerPool"],
        "writers": ["FORMATS", "Output", "read_done", "resolve_output"],
    },
)

__all__ = [
    "FORMATS",
    "REASK_VIAS",
    "BatchApiReport",
    "BatchPlan",
    "BatchReport",
    "Found",
    "Output",
    "PlannedArticle",
    "Result",
    "Terminated",
    "WorkerPool",
    "auto_workers",
    "batch_status",
    "cancel_batches",
    "discover",
    "estimate_tokens",
    "list_inputs",
    "looked_for",
    "plan_batch",
    "read_done",
    "read_inputs",
    "resolve_output",
    "run_batch",
    "run_batch_api",
    "summarize_folder",
    "summarize_found",
    "truncation_warning",
    "usable_cores",
]
