#!/usr/bin/env bash
# Start-to-first-frame and resident memory of the playground in a real terminal (tmux), release build.
# Usage: scripts/bench-playground.sh [runs]   (after `swift build -c release`)
# Runs with a fresh model cache: the first start trains the classifier (a cold start, reported on
# its own: the first frame, with "training…" rows, and the frame with every strategy), the later
# ones read its weights back (the median is over those).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
bin=$PWD/.build/release/routerlab
[ -x "$bin" ] || { echo "build first: swift build -c release" >&2; exit 1; }
report=$(mktemp)
cache=$(mktemp -d)
sock=routerlab-bench-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -f "$report"; rm -rf "$cache"' EXIT
results=()
for _ in $(seq "$runs"); do
  rm -f "$report"
  tmux -L "$sock" -f /dev/null new-session -d -s b -x 120 -y 40 \
    "env TERM=tmux-256color ROUTERLAB_CACHE_DIR=$cache ROUTERLAB_STARTUP_REPORT=$report $bin"
  for _ in $(seq 200); do [ -s "$report" ] && break; sleep 0.02; done
  # A start that trains draws first and fills in the trained strategies later.
  for _ in $(seq 200); do grep -q all_strategies_ms "$report" && break; sleep 0.02; done
  results+=("$(tr '\n' ' ' < "$report")")
  # Type a question and check memory after routing too.
  tmux -L "$sock" send-keys -t b -l "Can I take ibuprofen with my warfarin? It has been hurting all week"
  sleep 0.3
  pid=$(tmux -L "$sock" display -t b -p '#{pane_pid}')
  rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  results[-1]+="peak_rss_after_typing_mb=$(awk "BEGIN {printf \"%.1f\", $rss/1024}")"
  tmux -L "$sock" send-keys -t b C-c
  sleep 0.2
  tmux -L "$sock" kill-server 2>/dev/null || true
done
printf '%s\n' "${results[@]}"
printf '%s\n' "${results[0]}" |
  sed -E 's/.*first_frame_ms=([0-9.]+).*all_strategies_ms=([0-9.]+).*/first start (cold cache, trains the classifier on its own thread): first frame \1 ms, every strategy on screen \2 ms/'
printf '%s\n' "${results[@]:1}" | sed -E 's/.*first_frame_ms=([0-9.]+).*/\1/' | sort -n |
  awk '{a[NR]=$1} END {if (NR) printf "start to first frame, weights cached: median %.1f ms, max %.1f ms over %d runs\n", a[int((NR+1)/2)], a[NR], NR}'
