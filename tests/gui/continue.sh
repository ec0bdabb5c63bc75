#!/bin/bash
# Nothing is lost: a session killed mid-phase (SIGKILL) comes back with the
# same actions, the same phase and its clock within a second.
#   continue.sh SAMENSPEL SCENARIO RUN_DIR
set -u
source "$(dirname "$0")/xvfb.sh"
bin=$1 scenario=$2 dir=$3
rm -rf "$dir" && mkdir -p "$dir"
export XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
log="$dir/data/samenspel/sessions/killed.log"
mkdir -p "$(dirname "$log")"

# 1. Play with bots until 40 actions, then the game stands still; kill it hard.
# The game runs in the background inside xvfb-run and leaves its process id,
# so exactly that process is killed.
xvfb -s "-screen 0 1600x900x24" bash -c '
  "$0" play --scenario "$1" --autoplay --seed 5 --log "$2" --freeze-after-actions 40 \
    --max-seconds 120 & echo $! >"$3"; wait' "$bin" "$scenario" "$log" "$dir/game.pid" \
  >"$dir/first.out" 2>&1 &
runner=$!
for _ in $(seq 1 600); do
  grep -q '^frozen:' "$dir/first.out" && break
  sleep 0.1
done
frozen=$(grep '^frozen:' "$dir/first.out")
[ -s "$dir/game.pid" ] && kill -KILL "$(cat "$dir/game.pid")" 2>/dev/null
wait "$runner" 2>/dev/null
if [ -z "$frozen" ]; then
  echo "FAIL: the first run never reached 40 actions"; cat "$dir/first.out"; exit 1
fi
if [ -e "$log.finished" ]; then
  echo "FAIL: the session finished before it was killed"; exit 1
fi

# 2. Continue (the title screen's Continue, through the command line).
xvfb -s "-screen 0 1600x900x24" \
  "$bin" play --continue --max-seconds 2 >"$dir/second.out" 2>&1
resumed=$(grep '^resumed:' "$dir/second.out")
echo "$frozen"
echo "$resumed"
[ -n "$resumed" ] || { echo "FAIL: Continue did not restore a session"; cat "$dir/second.out"; exit 1; }
field() { echo "$1" | sed -n "s/.* $2=\([^ ]*\).*/\1/p"; }
fail=0
[ "$(field "$frozen" actions)" = "$(field "$resumed" actions)" ] || { echo "FAIL: action count differs"; fail=1; }
[ "$(field "$frozen" phase)" = "$(field "$resumed" phase)" ] || { echo "FAIL: phase differs"; fail=1; }
diff=$(( $(field "$frozen" clock) - $(field "$resumed" clock) ))
[ "${diff#-}" -le 1000 ] || { echo "FAIL: clock off by ${diff} ms"; fail=1; }
[ "$(field "$resumed" log)" = "$log" ] || { echo "FAIL: continued another log"; fail=1; }
exit $fail
