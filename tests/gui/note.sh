#!/bin/bash
# The teaching note from the scenario picker (issue 15): title -> New session
# -> the first scenario's "Lesbrief" / "Teaching note" button opens the note
# in the game's language; End scrolls to its last line, Esc goes back to the
# picker. Clicked by the items' names (play --trace-ui); F12 pictures of the
# note's top and end in RUN_DIR/shots for a person to look at. Then a case
# without a note (given with --scenario, so the picker opens on it) shows no
# button.
#   note.sh SAMENSPEL LANG WxH RUN_DIR
set -u
source "$(dirname "$0")/xvfb.sh"
source "$(dirname "$0")/drive.sh"
bin=$1 lang=$2 size=$3 dir=$4
height=${size#*x}
if [ -z "${NOTE_IN_XVFB:-}" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  NOTE_IN_XVFB=1 xvfb -s "-screen 0 ${size}x24" "$0" "$@"
  exit $?
fi
export XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
trace="$dir/trace"
"$bin" play --lang "$lang" --size "$size" --trace-ui --screenshots "$dir/shots" \
  --max-seconds 60 >"$trace" 2>&1 &
game=$!
await '^item: title.new_session '
window=$(xdotool search --sync --name "Samenspel" 2>/dev/null | head -n 1)
[ -n "$window" ] || fail "no window"
xdotool windowmove --sync "$window" 0 0
click title.new_session
await '^item: picker.note '
click picker.note
await '^screen: note'
await '^item: note.end '
# The y of the note's last line, as last drawn.
end_y() { local r; r=$(rect_of note.end); r=${r#* }; echo "${r%% *}"; }
sleep 0.5
before=$(end_y)
[ "${before%.*}" -gt "$height" ] || fail "the note fits the window without scrolling (end at y=$before)"
xdotool key --window "$window" F12
sleep 0.5
xdotool key --window "$window" End
sleep 1
after=$(end_y)
[ "${after%.*}" -lt "$height" ] || fail "End did not scroll to the note's end (y=$after of $height)"
xdotool key --window "$window" F12
sleep 0.5
xdotool key --window "$window" Escape
await '^screen: picker'
kill "$game" 2>/dev/null
wait "$game" 2>/dev/null
game=""
shots=$(ls "$dir/shots"/*.png 2>/dev/null | wc -l)
[ "$shots" -ge 2 ] || fail "no pictures of the note ($shots)"

# A copy of a shipped case under an id no note has.
sed 's/^id: skatebaan$/id: zonder_lesbrief/' "$(dirname "$0")/../../scenarios/skatebaan.yaml" \
  >"$dir/zonder_lesbrief.yaml"
trace="$dir/trace-without"
"$bin" play --lang "$lang" --size "$size" --trace-ui --scenario "$dir/zonder_lesbrief.yaml" \
  --max-seconds 60 >"$trace" 2>&1 &
game=$!
await '^item: title.new_session '
window=$(xdotool search --sync --name "Samenspel" 2>/dev/null | head -n 1)
[ -n "$window" ] || fail "no window"
xdotool windowmove --sync "$window" 0 0
click title.new_session
await '^item: picker.choose '
sleep 1
! grep -q '^item: picker.note ' "$trace" || fail "a case without a teaching note has the button"
kill "$game" 2>/dev/null
wait "$game" 2>/dev/null
game=""
echo "ok: the note opened in $lang at $size, its end went from y=$before to y=$after with End," \
  "Esc went back; a case without a note has no button; pictures in $dir/shots"
exit 0
