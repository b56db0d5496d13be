#!/usr/bin/env bash
# Measures `routerlab route --jsonl` through a real pipe: N lines built from the clinic dev split.
# Usage: scripts/bench-jsonl.sh [N]   (after `swift build -c release`)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200000}
bin=.build/release/routerlab
[ -x "$bin" ] || { echo "build first: swift build -c release" >&2; exit 1; }
input=$(mktemp)
trap 'rm -f "$input"' EXIT
src=Sources/RouterCore/Resources/Scenarios/clinic/dev.jsonl
# Repeat the dev split up to n lines (no `cat | head` pipe: head closing it early is a SIGPIPE,
# which pipefail turns into a silent exit).
awk -v n="$n" '{ line[NR] = $0 } END { for (i = 0; i < n; i++) print line[i % NR + 1] }' "$src" > "$input"
start=$(date +%s.%N)
"$bin" route --jsonl < "$input" > /dev/null
end=$(date +%s.%N)
python3 -c "import sys; n=$n; s=$end-$start; print(f'route --jsonl: {n} lines in {s:.2f} s = {n/s:,.0f} messages/s')"
