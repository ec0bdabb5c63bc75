#!/bin/bash
# The facilitator's room dashboard over a local room of bot tables
# (play --room-demo): a tile (or, when they do not fit, a line) per table,
# and "pause" for every table pauses every one still playing, each tile
# saying so (a table that finished says that instead); a table opens on its
# own and the room is one click away from it.
# Screenshots of the paused room go into the run folder (the README shows
# the 12-table one). Clicked by the items' names (play --trace-ui).
#   room.sh SAMENSPEL SCENARIO RUN_DIR
# runs the room twice: 3 tables in Dutch at 1280x720, 12 in English at 1920x1080.
set -u
source "$(dirname "$0")/xvfb.sh"
source "$(dirname "$0")/drive.sh"
bin=$1 scenario=$2 dir=$3
if [ -z "${ROOM_IN_XVFB:-}" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  # The second room runs fast, so that some tables have decided by the
  # time of the picture and others have not.
  for run in "nl 1280x720 3 30" "en 1920x1080 12 130"; do
    read -r _ size _ <<<"$run"
    ROOM_IN_XVFB="$run" xvfb -s "-screen 0 ${size}x24" "$0" "$@" || exit 1
  done
  exit 0
fi
read -r lang size tables speed <<<"$ROOM_IN_XVFB"
run="$dir/${lang}_${size}_${tables}"
mkdir -p "$run"
export XDG_CONFIG_HOME="$run/config" XDG_DATA_HOME="$run/data"
trace="$run/trace.out"

"$bin" play --room-demo "$scenario" --tables "$tables" --lang "$lang" --size "$size" \
  --clock-speed "$speed" --seed 7 --trace-ui --screenshots "$run" --max-seconds 60 >"$trace" 2>&1 &
game=$!

await '^screen: room'
for t in $(seq 0 $((tables - 1))); do
  await "^item: tile\.$t "
done
grep -qE "^item: tile\.$tables " "$trace" && fail "a tile for a table that is not there"
window=$(xdotool search --sync --name "Samenspel" 2>/dev/null | head -n 1)
[ -n "$window" ] || fail "no window"
xdotool windowmove --sync "$window" 0 0

# Let the tables get under way, then stop them all at once.
await '^item: room\.pause_all '
sleep 4
click room.pause_all
for t in $(seq 0 $((tables - 1))); do
  await "^item: tile\.$t\.(paused|finished) "
done
grep -qE "^item: tile\.[0-9]+\.paused " "$trace" || fail "no table was paused"
await '^item: room\.resume_all '
xdotool key --window "$window" F12
sleep 1
ls "$run"/*.png >/dev/null 2>&1 || fail "no screenshot of the room"
if [ "$tables" -le 3 ]; then
  # One table opened on its own, and back to the room.
  click tile.1.open
  await '^screen: room_table'
  await '^item: room\.back '
  click room.back
  for _ in $(seq 1 150); do
    [ "$(grep -c '^screen: room$' "$trace")" -ge 2 ] && break
    sleep 0.1
  done
  [ "$(grep -c '^screen: room$' "$trace")" -ge 2 ] || fail "not back in the room"
fi
kill "$game" 2>/dev/null
wait "$game" 2>/dev/null
echo "ok: $tables tables ($lang, $size), every one paused by one click"
exit 0
