#!/bin/bash
# A hosted room in the game window (issue 12): `play --host FILE --tables 3
# --team-size 2` on loopback; two scripted clients take one role at table 1
# as a team (moving a person is tested in tests/net: the combo's click was
# unreliable on a loaded machine), a third
# waits to be seated and is dealt a place; the room starts, the window becomes the dashboard over the host's
# three tables, and once all have finished, "To the plenary" shows them side
# by side. Screenshots of each step go into the run folder.
#   hosted_room.sh SAMENSPEL SCENARIO RUN_DIR
set -u
source "$(dirname "$0")/xvfb.sh"
source "$(dirname "$0")/drive.sh"
bin=$1 scenario=$2 run=$3
if [ -z "${HOSTED_ROOM_IN_XVFB:-}" ]; then
  rm -rf "$run" && mkdir -p "$run"
  HOSTED_ROOM_IN_XVFB=1 xvfb -s "-screen 0 1280x720x24" "$0" "$@"
  exit $?
fi
export XDG_CONFIG_HOME="$run/config" XDG_DATA_HOME="$run/data"
trace="$run/trace.out"
"$bin" play --host "$scenario" --tables 3 --team-size 2 --port 0 --bind 127.0.0.1 \
  --bots-after 3 --clock-speed 40 --size 1280x720 --lang nl --trace-ui --screenshots "$run" \
  --log "$run/room.log" --max-seconds 120 >"$trace" 2>&1 &
game=$!
clients=()
cleanup() { kill "${clients[@]}" "$game" 2>/dev/null; }
trap cleanup EXIT

await '^hosting: port='
port=$(grep -o 'port=[0-9]*' "$trace" | head -n 1 | cut -d= -f2)
code=$(grep -o 'code=[a-z-]*' "$trace" | head -n 1 | cut -d= -f2)
window=$(xdotool search --sync --name "Samenspel" 2>/dev/null | head -n 1)
[ -n "$window" ] || fail "no window"
xdotool windowmove --sync "$window" 0 0
join() { "$bin" join "127.0.0.1:$port" --code "$code" --bot --max-seconds 120 "$@" >/dev/null 2>&1 & clients+=($!); }
join --name Anna --seat omwonenden --table 1
join --name Bram --seat omwonenden --table 1

# Kees waits until the
# facilitator deals; the room starts once three sit.
join --name Kees --wait
await '^item: host\.deal_together '
xdotool key --window "$window" F12
click host.deal_together
await '^screen: room'
for t in 0 1 2; do
  await "^item: tile\.$t "
done
grep -qE "^item: tile\.3 " "$trace" && fail "a tile for a table that is not there"
xdotool key --window "$window" F12
for _ in $(seq 1 60); do
  grep -qE '^item: room\.to_plenary ' "$trace" && break
  sleep 1
done
await '^item: room\.to_plenary '
for t in 0 1 2; do
  grep -qE "^item: tile\.$t\.finished " "$trace" || fail "table $((t + 1)) did not finish"
done
xdotool key --window "$window" F12
click room.to_plenary
await '^screen: plenary'
sleep 1
xdotool key --window "$window" F12
sleep 1
ls "$run"/*.png >/dev/null 2>&1 || fail "no screenshots"
echo "hosted room: dealt, dashboard over 3 tables, plenary"
