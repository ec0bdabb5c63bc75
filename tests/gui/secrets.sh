#!/bin/bash
# Hidden stays hidden on a shared screen, and a time button never ends a
# phase (issue 13, findings 1 and 6). A person and five bots at one screen,
# driven with xdotool by the buttons' names (play --trace-ui):
#  - during play the banner has no debrief; the facilitator's drawer opens it
#    only after the warning, and cancelling the warning shows nothing;
#  - the coming events are closed until the facilitator opens them;
#  - "-5 min" pressed again and again with less than 5 minutes left leaves
#    the phase running; "next phase" asks, then ends it.
#   secrets.sh SAMENSPEL SCENARIO LANG WxH RUN_DIR
set -u
source "$(dirname "$0")/xvfb.sh"
source "$(dirname "$0")/drive.sh"
bin=$1 scenario=$2 lang=$3 size=$4 dir=$5
height=${size#*x}
if [ -z "${SECRETS_IN_XVFB:-}" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  SECRETS_IN_XVFB=1 xvfb -s "-screen 0 ${size}x24" "$0" "$@"
  exit $?
fi
export XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
trace="$dir/trace.out"

# A session that has not begun, with a person in the first seat: the log's
# first line, from simulate, with that seat no bot and phases that run their
# full time (bots saying "done" must not end them for the test).
"$bin" simulate "$scenario" --games 1 --seed 1 --log "$dir/simulated.log" >/dev/null ||
  fail "simulate did not write a log"
head -n 1 "$dir/simulated.log" |
  sed -e '0,/"bot":true/s//"bot":false/' -e 's/"endPhaseWhenAllDone":true/"endPhaseWhenAllDone":false/' \
    -e "s/\"language\":\"[a-z]*\"/\"language\":\"$lang\"/" >"$dir/session.log"

"$bin" play --continue "$dir/session.log" --lang "$lang" --size "$size" --trace-ui \
  --screenshots "$dir" --max-seconds 120 >"$trace" 2>&1 &
game=$!

# The whole drawer fits on the test's screen; an item below its bottom edge
# cannot be clicked (the drawer would have to scroll).
in_view() {
  local x y w h
  read -r x y w h <<<"$(rect_of "$1")"
  [ $((y + h)) -lt "$height" ] || fail "$1 is below the window (y=$y): run at a taller size"
}
# Clicks the middle of the named item. ImGui reads a click over frames:
# move, press, release, each in a frame of its own.
click() {
  local x y w h
  # A window or popup that just appeared settles over a frame or two
  # (ImGui sizes it first): take its place after that.
  sleep 0.4
  in_view "$1"
  read -r x y w h <<<"$(rect_of "$1")"
  xdotool mousemove --window "$window" $((x + w / 2)) $((y + h / 2))
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
lines() { grep -cE "$1" "$trace"; }

await '^screen: table'
await '^item: banner.facilitator '
window=$(xdotool search --sync --name "Samenspel" 2>/dev/null | head -n 1)
[ -n "$window" ] || fail "no window"
# Without a window manager the window may open partly off the screen, where
# the pointer cannot reach: put it in the corner.
xdotool windowmove --sync "$window" 0 0
await '^phase: 0'
shot

# 1. During play the banner has no debrief: no click opens the role cards.
[ "$(lines '^item: banner.debrief ')" = 0 ] || fail "the banner offers the debrief during play"

# The drawer: coming events closed, their "bring in now" buttons not drawn.
click banner.facilitator
await '^item: drawer.debrief_now '
await '^item: drawer.coming_events '
sleep 0.5
[ "$(lines '^item: drawer.inject ')" = 0 ] || fail "the coming events were open by default"
shot
click drawer.coming_events
await '^item: drawer.inject '
click drawer.coming_events
await '^gone: drawer.inject'

# The debrief through the drawer: the warning first; cancelled, nothing opens.
click drawer.debrief_now
await '^item: drawer.reveal_yes '
shot
click drawer.reveal_cancel
await '^gone: drawer.reveal_yes'
sleep 1
[ "$(lines '^screen: debrief')" = 0 ] || fail "the debrief opened without the warning's yes"

# 6. "-5 min" with less than 5 minutes left, six times: the phase goes on.
for _ in 1 2 3 4 5 6; do click drawer.minus5; done
sleep 1.5
shot
[ "$(lines '^phase: ')" = 1 ] || fail "a time button ended the phase"
# Ending it is "next phase", which asks first.
click drawer.next_phase
await '^item: drawer.confirm_advance '
[ "$(lines '^phase: ')" = 1 ] || fail "next phase ended the phase before it was confirmed"
click drawer.confirm_advance
await '^phase: 1'

# The facilitator may open the debrief mid-session, after saying yes.
click drawer.debrief_now
await '^item: drawer.reveal_yes '
click drawer.reveal_yes
await '^screen: debrief'
sleep 0.5
shot
sleep 0.5
kill "$game" 2>/dev/null
wait "$game" 2>/dev/null
echo "ok: no debrief in the banner during play, only after the warning; coming events closed;" \
  "-5 min six times left the phase running; next phase asked first"
exit 0
