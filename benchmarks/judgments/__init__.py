"""Parts of `benchmarks/eval_judgments.py`: one module per judgment, each with `evaluate(shared) -> dict`."""
