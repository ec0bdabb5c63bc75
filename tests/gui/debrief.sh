#!/bin/bash
# The debrief always opens on the decision (issue 13, finding 8): opened from
# a finished session's table it shows the decision; after the room looked at
# the role cards and went back to the table, opening it again shows the
# decision, not the role cards. Driven with xdotool by the items' names
# (play --trace-ui).
#   debrief.sh SAMENSPEL SCENARIO LANG WxH RUN_DIR
set -u
source "$(dirname "$0")/xvfb.sh"
source "$(dirname "$0")/drive.sh"
bin=$1 scenario=$2 lang=$3 size=$4 dir=$5
if [ -z "${DEBRIEF_IN_XVFB:-}" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  DEBRIEF_IN_XVFB=1 xvfb -s "-screen 0 ${size}x24" "$0" "$@"
  exit $?
fi
export XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
trace="$dir/trace.out"

# A finished session: bots played it to the end.
"$bin" simulate "$scenario" --games 1 --seed 1 --log "$dir/session.log" >/dev/null ||
  fail "simulate did not write a log"
"$bin" play --continue "$dir/session.log" --lang "$lang" --size "$size" --trace-ui \
  --screenshots "$dir" --max-seconds 90 >"$trace" 2>&1 &
game=$!

lines() { grep -cE "$1" "$trace"; }
await_count() { # until the pattern has matched at least N lines
  for _ in $(seq 1 150); do
    [ "$(lines "$1")" -ge "$2" ] && return 0
    sleep 0.1
  done
  fail "saw '$1' fewer than $2 times"
}
click() { # the middle of the named item, where it was drawn last
  local line x y w h
  sleep 0.4
  line=$(grep -E "^item: $1 " "$trace" | tail -n 1)
  [ -n "$line" ] || fail "no item $1 to click"
  read -r x y w h <<<"${line#item: $1 }"
  xdotool mousemove --window "$window" $((${x%.*} + ${w%.*} / 2)) $((${y%.*} + ${h%.*} / 2))
  sleep 0.3
  xdotool mousedown 1
  sleep 0.2
  xdotool mouseup 1
  sleep 0.5
}
shot() { # F12: a screenshot into $dir
  xdotool key --window "$window" F12
  sleep 0.5
}

await '^item: banner.debrief '
window=$(xdotool search --sync --name "Samenspel" 2>/dev/null | head -n 1)
[ -n "$window" ] || fail "no window"
xdotool windowmove --sync "$window" 0 0

click banner.debrief
await '^screen: debrief'
await '^item: page.decision '
shot
# The room looks at the role cards, then goes back to the table.
click page.tab.roles
await '^gone: page.decision'
shot
click page.back_to_table
await_count '^screen: table' 2
# Opened again: the decision, not the role cards.
click banner.debrief
await_count '^screen: debrief' 2
await_count '^item: page.decision ' 2
shot
kill "$game" 2>/dev/null
wait "$game" 2>/dev/null
echo "ok: the debrief opened on the decision, and again on the decision after the role cards"
exit 0
