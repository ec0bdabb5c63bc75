#!/bin/bash
# Past sessions and the plenary (docs/room.md): an archive of three recorded
# sessions (carried, decided but not carried, no decision), listed from the
# title screen; all three picked and compared side by side; the room report
# written from the plenary. At a projector's 1280x720 and at 1920x1080, in
# Dutch and in English, with a screenshot of both screens each time
# (RUN_DIR/shots/<lang>_<size>/). Driven with xdotool by the items' names.
#   plenary.sh SAMENSPEL SCENARIO RUN_DIR
set -u
source "$(dirname "$0")/xvfb.sh"
source "$(dirname "$0")/drive.sh"
bin=$1 scenario=$2 dir=$3
export XDG_DATA_HOME="$dir/data"

if [ -z "${PLENARY_SIZE:-}" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  # Seeds 1, 10 and 11 of the skating park: carried, not carried, none.
  for run in "1|Raad Vianen, 12 maart" "10|Klas 4B" "11|Nieuwe ambtenaren"; do
    seed=${run%%|*} group=${run#*|}
    "$bin" host "$scenario" --headless --bots-fill --mute --no-qr --bind 127.0.0.1 --port 0 \
      --max-seconds 60 --seed "$seed" --log "$dir/logs/seed$seed.log" --group "$group" \
      >>"$dir/host.out" 2>&1 || fail "host of seed $seed did not finish"
  done
  [ "$("$bin" archive list | wc -l)" -eq 4 ] || fail "the archive does not hold three sessions"
  # Dutch at a projector's 1280x720 and English at 1920x1080 (the README's
  # two pictures); each size in one language keeps CI inside its budget.
  for run in "1280x720 nl" "1920x1080 en"; do
    read -r size lang <<<"$run"
    PLENARY_SIZE=$size PLENARY_LANG=$lang xvfb -s "-screen 0 ${size}x24" "$0" "$@" || exit 1
  done
  echo "ok: past sessions listed, three compared in the plenary, the room report written"
  exit 0
fi

size=$PLENARY_SIZE
click() { # the middle of the named item, where it was drawn last
  local x y w h
  sleep 0.3
  read -r x y w h <<<"$(rect_of "$1")"
  xdotool mousemove --window "$window" $((${x%.*} + ${w%.*} / 2)) $((${y%.*} + ${h%.*} / 2))
  sleep 0.2
  xdotool mousedown 1
  sleep 0.1
  xdotool mouseup 1
  sleep 0.3
}
shot() { # F12: a screenshot into the run's folder
  xdotool key --window "$window" F12
  sleep 0.6
}

for lang in $PLENARY_LANG; do
  shots="$dir/shots/${lang}_$size"
  trace="$dir/trace_${lang}_$size.out"
  mkdir -p "$shots"
  rm -f "$dir"/logs/room-report-sessions-*.html
  # No file manager in the test: the button says where the report is instead.
  XDG_CONFIG_HOME="$dir/config_${lang}_$size" PATH="$dir/no-programs" \
    "$bin" play --lang "$lang" --size "$size" --trace-ui --screenshots "$shots" \
    --max-seconds 60 >"$trace" 2>&1 &
  game=$!
  await '^item: title.past_sessions '
  window=$(xdotool search --sync --name "Samenspel" 2>/dev/null | head -n 1)
  [ -n "$window" ] || fail "no window"
  xdotool windowmove --sync "$window" 0 0
  click title.past_sessions
  await '^screen: past_sessions'
  await '^item: past.pick.3 '
  shot
  for n in 1 2 3; do click "past.pick.$n"; done
  click past.compare
  await '^screen: plenary'
  await '^item: plenary.write_report '
  shot
  click plenary.write_report
  # It replays three logs and writes four pages: on a busy machine, seconds.
  for _ in $(seq 1 300); do
    ls "$dir"/logs/room-report-sessions-1-2-3.html >/dev/null 2>&1 && break
    sleep 0.1
  done
  [ -f "$dir/logs/room-report-sessions-1-2-3.html" ] || fail "no room report after the button"
  grep -q "seed1.report.html" "$dir/logs/room-report-sessions-1-2-3.html" ||
    fail "the room report does not link the first session's report"
  shot
  kill "$game" 2>/dev/null
  wait "$game" 2>/dev/null
  ls "$shots"/*-past_sessions.png "$shots"/*-plenary.png >/dev/null 2>&1 ||
    fail "no screenshot of past sessions and the plenary in $shots"
done
exit 0
