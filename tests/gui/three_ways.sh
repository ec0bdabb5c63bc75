#!/bin/bash
# Same inputs, same log: one scenario and seed played three ways, through the
# one session loop (LiveSession) each of them runs on:
#   1. `simulate --games 1` (no window, no network),
#   2. a headless host whose every seat is one of its bots,
#   3. the game window's autoplay (the real table screens under Xvfb).
# The three logs must hold the same actions, byte for byte (times included;
# only the hash chain differs, since each chains from its own header: the
# window names its seats), and replay to the same decision and measurements.
#   three_ways.sh SAMENSPEL SCENARIO RUN_DIR
set -u
source "$(dirname "$0")/xvfb.sh"
bin=$1 scenario=$2 dir=$3
rm -rf "$dir" && mkdir -p "$dir"
export XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
fail() { echo "FAIL: $*"; exit 1; }

"$bin" simulate "$scenario" --games 1 --seed 11 --log "$dir/simulate.log" >/dev/null ||
  fail "simulate exited with $?"
# simulate plays game 0 of the run with a seed derived from --seed; the
# others get that session seed itself.
seed=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["setup"]["seed"])' \
  "$dir/simulate.log") || fail "no seed in the simulate log"
echo "session seed: $seed"

"$bin" host "$scenario" --headless --bots-fill --seed "$seed" --bind 127.0.0.1 --port 0 \
  --log "$dir/host.log" --max-seconds 60 >"$dir/host.out" 2>&1 || fail "host exited with $? ($(tail -1 "$dir/host.out"))"
[ -f "$dir/host.log.finished" ] || fail "the headless host left no .finished marker"

xvfb -s "-screen 0 1280x720x24" \
  "$bin" play --scenario "$scenario" --autoplay --seed "$seed" --lang en --size 1280x720 \
  --screenshots "$dir/shots" --log "$dir/autoplay.log" --max-seconds 240 >"$dir/autoplay.out" 2>&1 ||
  fail "autoplay exited with $? ($(grep -v 'vertical sync' "$dir/autoplay.out" | tail -1))"

actions() { tail -n +2 "$1" | sed 's/^{"seq":[0-9]*,"prev":"[0-9a-f]*",/{/'; }
for way in host autoplay; do
  if ! cmp -s <(actions "$dir/simulate.log") <(actions "$dir/$way.log"); then
    diff <(actions "$dir/simulate.log") <(actions "$dir/$way.log") | head -5
    fail "the $way log differs from the simulate log"
  fi
done
echo "same actions: $(actions "$dir/simulate.log" | wc -l) in each log"

# What a trainer reads: decision, draagvlak, begrip, inclusie. Only the
# log's own path may differ.
outcome() { "$bin" replay "$1" --json | sed 's/^{"log":"[^"]*",//'; }
expected=$(outcome "$dir/simulate.log") || fail "replay of the simulate log failed"
for way in host autoplay; do
  got=$(outcome "$dir/$way.log") || fail "replay of the $way log failed"
  [ "$got" = "$expected" ] || fail "the $way log replays to another outcome: $got"
done
echo "same decision and measurements: $(echo "$expected" | head -c 200)..."
echo "PASS"
