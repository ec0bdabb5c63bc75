#!/bin/bash
# Setup moves a number one step per click, never to where the pointer landed
# (issue 13, finding 10: one click on a slider set a phase to 30 minutes).
# Title -> picker -> setup, driven with xdotool by the buttons' names
# (play --trace-ui), twice: once started untouched, once after
#  - "+" on the first phase and "-" on the second: one step each
#    (a minute below 10 minutes, five from 10 to 60, a quarter hour above);
#  - a click in the middle of the third phase's value: no change;
#  - "All bots", then "+" on the first bot's cooperation and "-" on its
#    openness: a quarter each way.
# The session logs' first lines (setup) say what was started.
#   setup_steps.sh SAMENSPEL LANG WxH RUN_DIR
set -u
source "$(dirname "$0")/xvfb.sh"
source "$(dirname "$0")/drive.sh"
bin=$1 lang=$2 size=$3 dir=$4
height=${size#*x}
if [ -z "${SETUP_IN_XVFB:-}" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  SETUP_IN_XVFB=1 xvfb -s "-screen 0 ${size}x24" "$0" "$@"
  exit $?
fi
export XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
trace=""
# Clicks the middle of the named item: move, press, release, each in a frame
# of its own (ImGui reads a click over frames), pressed briefly as a person
# taps.
click() {
  local x y w h
  sleep 0.4
  read -r x y w h <<<"$(rect_of "$1")"
  [ $((y + h)) -lt "$height" ] || fail "$1 is below the window (y=$y)"
  xdotool mousemove --window "$window" $((x + w / 2)) $((y + h / 2))
  sleep 0.3
  xdotool mousedown 1
  sleep 0.15
  xdotool mouseup 1
  sleep 0.4
}

# Title -> picker -> setup, the named clicks there, then Start; the log's
# first line on stdout.
run_setup() {
  local name=$1
  shift
  trace="$dir/$name.trace"
  "$bin" play --lang "$lang" --size "$size" --trace-ui --log "$dir/$name.log" \
    --screenshots "$dir/$name" --max-seconds 60 >"$trace" 2>&1 &
  game=$!
  await '^item: title.new_session '
  window=$(xdotool search --sync --name "Samenspel" 2>/dev/null | head -n 1)
  [ -n "$window" ] || fail "no window"
  xdotool windowmove --sync "$window" 0 0
  click title.new_session
  await '^item: picker.choose '
  click picker.choose
  await '^item: setup.start '
  local step
  for step in "$@"; do
    await "^item: $step "
    click "$step"
  done
  xdotool key --window "$window" F12
  sleep 0.5
  click setup.start
  await '^screen: table'
  kill "$game" 2>/dev/null
  wait "$game" 2>/dev/null
  game=""
  [ -s "$dir/$name.log" ] || fail "$name: no session log"
}
minutes_of() { # the log's phase times, space-separated
  head -n 1 "$1" | grep -oE '"phaseMinutes":\[[0-9,]*\]' | grep -oE '[0-9]+' | tr '\n' ' '
}
first_seat() { # "cooperation openness" of the first seat
  head -n 1 "$1" | grep -oE '"cooperation":[0-9.]+,"openness":[0-9.]+' | head -n 1 |
    sed -E 's/"cooperation":([0-9.]+),"openness":([0-9.]+)/\1 \2/'
}
# The steps of a phase time, as the setup screen promises them.
next_minutes() {
  local m=$1
  if ((m < 10)); then echo $((m + 1)); elif ((m < 60)); then echo $(((m / 5 + 1) * 5)); else
    local n=$(((m / 15 + 1) * 15))
    echo $((n > 120 ? 120 : n))
  fi
}
previous_minutes() {
  local m=$1
  if ((m <= 10)); then echo $((m > 1 ? m - 1 : 1)); elif ((m <= 60)); then echo $(((m - 1) / 5 * 5)); else
    echo $(((m - 1) / 15 * 15))
  fi
}

run_setup untouched
run_setup stepped setup.phase0.more setup.phase1.less setup.phase2.value setup.all_bots \
  setup.seat0.0.cooperation.more setup.seat0.0.openness.less

read -r -a before <<<"$(minutes_of "$dir/untouched.log")"
read -r -a after <<<"$(minutes_of "$dir/stepped.log")"
[ "${#before[@]}" -ge 3 ] || fail "the untouched session has no phase times"
[ "${#after[@]}" = "${#before[@]}" ] || fail "phase counts differ: ${before[*]} / ${after[*]}"
want0=$(next_minutes "${before[0]}")
want1=$(previous_minutes "${before[1]}")
[ "${after[0]}" = "$want0" ] ||
  fail "one + on the first phase: ${before[0]} -> ${after[0]} min, expected $want0"
[ "${after[1]}" = "$want1" ] ||
  fail "one - on the second phase: ${before[1]} -> ${after[1]} min, expected $want1"
for i in $(seq 2 $((${#before[@]} - 1))); do
  [ "${after[$i]}" = "${before[$i]}" ] ||
    fail "phase $i changed without a +/- click: ${before[$i]} -> ${after[$i]} min"
done
[ "$(first_seat "$dir/untouched.log")" = "0.5 0.5" ] ||
  fail "an untouched seat is not middling: $(first_seat "$dir/untouched.log")"
grep -q '"bot":true' <(head -n 1 "$dir/stepped.log") || fail "All bots made no bots"
[ "$(first_seat "$dir/stepped.log")" = "0.75 0.25" ] ||
  fail "one + on cooperation and one - on openness gave $(first_seat "$dir/stepped.log")"
echo "ok: phase times ${before[*]} -> ${after[*]} (one step per click, a click on the value" \
  "changed nothing); the first bot's cooperation 0.5 -> 0.75, openness 0.5 -> 0.25"
exit 0
