#!/usr/bin/env bash
# Record the cassettes of tests/test_recorded_native.py (cassettes/recorded_native/) from
# llama.cpp's native server embedded by xllamacpp (the 'local' extra, in '.[dev]'), running
# SmolLM2-135M-Instruct and Gemma 3 270M through Summarizer(provider="local"), on 127.0.0.1 only:
#
#   scripts/record-cassettes.sh          # fetches the models first (scripts/fetch-models.py); a few minutes
#
# No compiler is needed. The llamacpp profile's cassettes (llama-cpp-python's server) are
# recorded by scripts/record-cassettes-llama-cpp-python.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python}
"$PYTHON" scripts/fetch-models.py >/dev/null
"$PYTHON" -m pytest tests/test_recorded_native.py -q -p no:cacheprovider \
    --record-mode=rewrite --allowed-hosts=127.0.0.1 "$@"
