"""The digest benchmark's scikit-learn/SciPy reference grouping accepts what the digest's own grouping accepts."""

from __future__ import annotations

import pytest

from benchmarks.bench_digest import reference_groups
from summarizer.api import Summarizer
from summarizer.digest import grouping

BORDER = """Valdoria sends 4,000 troops to Kestria border

Valdoria has moved about 4,000 soldiers and 60 tanks to the border near Marlow, the Valdorian defence ministry \
said on Tuesday.

Kestria said the build-up in Valdoria was the largest since 2019.
"""

LIBRARY = """Orsenna opens a new library

The city of Port Calvin in Orsenna opened a library on Monday with 20,000 books, officials said.
"""


def test_reference_grouping_takes_similarities_above_one() -> None:
    pytest.importorskip("scipy")
    pytest.importorskip("sklearn")
    with Summarizer(engine="extractive", use_cache=False) as summarizer:
        records = [summarizer.summarize(text=BORDER, article_id=f"border-{i}") for i in range(2)]
        records.append(summarizer.summarize(text=LIBRARY, article_id="library"))
    # same words, same place and agreeing figures: above 1, so 1 - similarity is a negative distance
    assert grouping.similarity_matrix(records)[0, 1] > 1.0
    assert reference_groups(records) == grouping.group_records(records) == [[0, 1], [2]]
