#!/usr/bin/env bash
# Inside Xvfb, for scripts/readme-screenshots: the title screen, then the
# picker and setup, each pictured by `play --screenshots` when shown.
set -euo pipefail
export XDG_CONFIG_HOME="$SHOT_DIR/config" XDG_DATA_HOME="$SHOT_DIR/data"
trace="$SHOT_DIR/trace"
# shellcheck disable=SC2086 # SHOT_ARGS: more options, word by word (--plain)
"$SHOT_BIN" play --lang "$SHOT_LANG" --size "$SHOT_SIZE" --trace-ui --screenshots "$SHOT_DIR" \
  --max-seconds 40 ${SHOT_ARGS:-} >"$trace" 2>&1 &
game=$!
await() {
  for _ in $(seq 1 200); do
    grep -qE "$1" "$trace" && return 0
    sleep 0.1
  done
  echo "readme-screenshots: never saw '$1'" >&2
  kill "$game" 2>/dev/null
  exit 1
}
click() {
  local line x y w h
  sleep 0.5
  line=$(grep -E "^item: $1 " "$trace" | tail -n 1)
  read -r x y w h <<<"${line#item: $1 }"
  xdotool mousemove --window "$window" $((x + w / 2)) $((y + h / 2))
  sleep 0.3
  xdotool mousedown 1
  sleep 0.15
  xdotool mouseup 1
}
await '^item: title.new_session '
window=$(xdotool search --sync --name "Samenspel" | head -n 1)
xdotool windowmove --sync "$window" 0 0
sleep 1
click title.new_session
await '^item: picker.choose '
sleep 0.5
click picker.choose
await '^item: setup.start '
sleep 1.5
kill "$game" 2>/dev/null
wait "$game" 2>/dev/null || true
