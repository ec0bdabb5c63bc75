# Sourced by the GUI tests that drive the real window by the names of its
# items (`play --trace-ui` prints "item: NAME x y w h" for each). The caller
# sets `trace` (the file the game's stdout goes to) and `game` (its pid).

# Stops the test with a reason, the trace so far, and the game killed.
fail() {
  echo "FAIL: $*"
  [ -n "${trace:-}" ] && [ -f "$trace" ] && grep -v "vertical sync" "$trace"
  [ -n "${game:-}" ] && kill "$game" 2>/dev/null
  exit 1
}

# Waits until the trace has a line matching the pattern (grep -E), at most
# 15 s, and fails when the game exits first.
await() {
  for _ in $(seq 1 150); do
    grep -qE "$1" "$trace" && return 0
    kill -0 "$game" 2>/dev/null || fail "the game exited while waiting for '$1'"
    sleep 0.1
  done
  fail "never saw '$1'"
}

# Where the named item was drawn last: "x y w h".
rect_of() {
  local line
  line=$(grep -E "^item: $1 " "$trace" | tail -n 1)
  [ -n "$line" ] || fail "no item $1 to click"
  echo "${line#item: $1 }"
}

# Clicks the middle of the named item, where it was drawn last, in the
# caller's `window` (xdotool), with the pauses a person's hand would leave.
click() {
  local x y w h
  sleep 0.4
  read -r x y w h <<<"$(rect_of "$1")"
  xdotool mousemove --window "$window" $((${x%.*} + ${w%.*} / 2)) $((${y%.*} + ${h%.*} / 2))
  sleep 0.3
  xdotool mousedown 1
  sleep 0.2
  xdotool mouseup 1
}
