"""Put in a pool's fork-server preload by ``tests.hanging_workers`` (HANGING_HOW=preload): it hangs while it loads.

As an import stuck on a disk that does not answer would, it sleeps HANG_SECONDS when
HANGING_IMPORT is set (only the CLI process of that test and its fork server have it).
"""

from __future__ import annotations

import os
import time

HANG_SECONDS = 600.0

if os.environ.get("HANGING_IMPORT"):
    time.sleep(HANG_SECONDS)
