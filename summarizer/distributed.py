"""Summarize on many machines with Ray (``pip install 'summarizer[ray]'``); see ``summarizer.batch.distributed``."""

from .batch.distributed import ClusterError, ClusterReport, listed_paths, run_distributed

__all__ = ["ClusterError", "ClusterReport", "listed_paths", "run_distributed"]
