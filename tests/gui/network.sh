#!/bin/bash
# Two real game windows under Xvfb play one networked session on loopback: a
# host window (projector view, bots in the seats nobody took) and a join
# window whose seat a bot plays through the table's own link. Both must exit
# 0 after their debrief; the join window's pictures (one per phase and the
# debrief) must not be blank, and its copy of the session log must show the
# session finished, with the same number of actions as the host's log. The
# host's table must show the join QR code for late joiners, readable.
#   network.sh SAMENSPEL CHECKER SCENARIO RUN_DIR
set -u
source "$(dirname "$0")/xvfb.sh"
bin=$1 checker=$2 scenario=$3 dir=$4
rm -rf "$dir" && mkdir -p "$dir/host" "$dir/join"
export XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
code=piano-zebra-tango
window() { # NAME ARGS...: one game window on its own virtual display
  local name=$1
  shift
  xvfb -s "-screen 0 1600x900x24" "$bin" play "$@" --autoplay --size 1280x720 \
    --screenshots "$dir/$name" --log "$dir/$name/session.log" --max-seconds 60 \
    >"$dir/$name.out" 2>&1
  echo $? >"$dir/$name.rc"
}

# Port 0: the host picks a free port and prints it.
window host --host "$scenario" --port 0 --code "$code" --bind 127.0.0.1 --lang en --seed 3 &
host_job=$!
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's/^hosting: port=\([0-9]*\).*/\1/p' "$dir/host.out" 2>/dev/null)
  [ -n "$port" ] && break
  [ -f "$dir/host.rc" ] && break
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "FAIL: the host window printed no port"
  cat "$dir/host.out"
  kill "$host_job" 2>/dev/null
  exit 1
fi
window join --join "127.0.0.1:$port" --code "$code" --lang nl
wait "$host_job"
status=0
for name in host join; do
  rc=$(cat "$dir/$name.rc")
  if [ "$rc" != 0 ]; then
    echo "FAIL: the $name window exited with $rc"
    grep -v "vertical sync" "$dir/$name.out"
    status=1
  fi
done
"$checker" "$dir/join" "$scenario" || status=1
"$checker" "$dir/host" "$scenario" || status=1
# The projector's table keeps the join QR code for late joiners, readable.
if command -v zbarimg >/dev/null 2>&1; then
  first=$(ls "$dir"/host/*-phase1-*.png 2>/dev/null | head -1)
  read=$(zbarimg --raw -q "$first" 2>/dev/null)
  if [ "$read" != "http://127.0.0.1:$port/?code=$code" ]; then
    echo "FAIL: the projector's table shows no readable join QR code ($first: '$read')"
    status=1
  fi
else
  echo "note: zbarimg is missing (zbar-tools): the table's join QR code was not read"
fi
# The player's copy of the log holds the whole session, as the host's does.
host_actions=$(($(wc -l <"$dir/host/session.log") - 1))
join_actions=$(($(wc -l <"$dir/join/session.log") - 1))
if [ "$host_actions" -lt 10 ] || [ "$host_actions" != "$join_actions" ]; then
  echo "FAIL: the host logged $host_actions actions, the player's copy has $join_actions"
  status=1
fi
grep -q "^finished: .*decision=" "$dir/join.out" || {
  echo "FAIL: the join window did not report the finished session"
  status=1
}
exit $status
