#!/bin/bash
# The window fits the screen it opens on, and the high-contrast theme is one
# key away (issue 13, the frame). On a 1280x720 screen, with no --size:
#  - a first start opens the window smaller than the screen, all of it on it;
#  - a size the user left it at comes back when it fits, and not when it is
#    larger than this screen;
#  - Ctrl+H switches high contrast on (saved in the settings) and off again.
#   window_fits.sh SAMENSPEL RUN_DIR
set -u
source "$(dirname "$0")/xvfb.sh"
source "$(dirname "$0")/drive.sh"
bin=$1 dir=$2
if [ -z "${WINDOW_IN_XVFB:-}" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  WINDOW_IN_XVFB=1 xvfb -s "-screen 0 1280x720x24" "$0" "$@"
  exit $?
fi
export XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
settings="$XDG_CONFIG_HOME/samenspel/settings.yaml"
trace="$dir/trace.out"
game=

# Starts the game on its title screen; sets $window and $geometry
# ("x y width height" of the window on the screen).
open_window() {
  "$bin" play --trace-ui --max-seconds 60 >"$trace" 2>&1 &
  game=$!
  for _ in $(seq 1 100); do
    grep -q "^screen: title" "$trace" && break
    kill -0 "$game" 2>/dev/null || fail "the game exited before its title screen"
    sleep 0.1
  done
  grep -q "^screen: title" "$trace" || fail "no title screen"
  window=
  for _ in $(seq 1 50); do
    window=$(xdotool search --onlyvisible --name Samenspel 2>/dev/null | head -n 1)
    [ -n "$window" ] && break
    sleep 0.1
  done
  [ -n "$window" ] || fail "no window of the game"
  geometry=$(xwininfo -id "$window" | awk '/Absolute upper-left X/ {x=$NF}
    /Absolute upper-left Y/ {y=$NF} /Width:/ {w=$NF} /Height:/ {h=$NF} END {print x, y, w, h}')
}
close_window() {
  kill "$game" 2>/dev/null
  wait "$game" 2>/dev/null
  game=
}
# The window lies wholly on the 1280x720 screen.
on_screen() {
  read -r x y w h <<<"$1"
  [ "$w" -le 1280 ] && [ "$h" -le 720 ] && [ "$x" -ge 0 ] && [ "$y" -ge 0 ] &&
    [ $((x + w)) -le 1280 ] && [ $((y + h)) -le 720 ]
}

open_window
first=$geometry
echo "first start: $first (x y width height)"
on_screen "$first" || fail "the window ($first) does not fit a 1280x720 screen"
read -r _ _ w h <<<"$first"
[ "$w" -ge 960 ] || fail "the window is only $w wide on a 1280x720 screen"

# Ctrl+H: high contrast on, and off again; the settings keep it.
xdotool key --window "$window" ctrl+h
for _ in $(seq 1 50); do
  grep -q "high_contrast: true" "$settings" 2>/dev/null && break
  sleep 0.1
done
grep -q "high_contrast: true" "$settings" 2>/dev/null || fail "Ctrl+H did not switch high contrast on"
xdotool key --window "$window" ctrl+h
for _ in $(seq 1 50); do
  grep -q "high_contrast: false" "$settings" && break
  sleep 0.1
done
grep -q "high_contrast: false" "$settings" || fail "a second Ctrl+H did not switch it off"
close_window

# A size the user left it at, and one too large for this screen.
printf 'language: nl\nwindow_width: 1000\nwindow_height: 600\n' >"$settings"
open_window
kept=$geometry
echo "remembered 1000x600: $kept"
read -r _ _ w h <<<"$kept"
[ "$w" -eq 1000 ] && [ "$h" -eq 600 ] || fail "the remembered 1000x600 came back as ${w}x$h"
close_window

printf 'language: nl\nwindow_width: 1600\nwindow_height: 900\n' >"$settings"
open_window
large=$geometry
echo "remembered 1600x900 on 1280x720: $large"
on_screen "$large" || fail "a remembered 1600x900 window ($large) does not fit a 1280x720 screen"
close_window
echo "the window fits the screen"
