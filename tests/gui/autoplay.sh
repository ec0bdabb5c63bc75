#!/bin/bash
# One autoplay run of the real game window under Xvfb, then its check.
#   autoplay.sh SAMENSPEL CHECKER SCENARIO LANG RUN_DIR
set -u
source "$(dirname "$0")/xvfb.sh"
bin=$1 checker=$2 scenario=$3 lang=$4 dir=$5
rm -rf "$dir" && mkdir -p "$dir"
# Keep the user's settings and sessions out of it.
export XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
xvfb -s "-screen 0 1600x900x24" \
  "$bin" play --scenario "$scenario" --autoplay --seed 1 --lang "$lang" \
  --size 1280x720 --screenshots "$dir" --log "$dir/session.log" --max-seconds 240 2>&1 |
  grep -v "vertical sync" | tee "$dir/play.out"
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
  echo "FAIL: samenspel play --autoplay exited with $status"
  exit 1
fi
# The decision moment appeared when besluit ended and held the table until
# it was moved on: the same actions and session clock when it went as when
# it came (autoplay moves on by itself after a few frames).
shown=$(grep '^decision moment: shown' "$dir/play.out")
moved=$(grep '^decision moment: moved on' "$dir/play.out")
field() { echo "$1" | sed -n "s/.* $2=\([^ ]*\).*/\1/p"; }
if [ -z "$shown" ] || [ -z "$moved" ]; then
  echo "FAIL: the decision moment did not appear and move on"
  exit 1
fi
if [ "$(field "$shown" actions)" != "$(field "$moved" actions)" ] ||
  [ "$(field "$shown" clock)" != "$(field "$moved" clock)" ]; then
  echo "FAIL: the session went on while the decision moment showed"
  exit 1
fi
exec "$checker" "$dir" "$scenario"
