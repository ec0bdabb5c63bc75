#!/bin/bash
# The projector's join screen can be scanned: a host window at a projector's
# size shows the QR code of the join address, and zbarimg (a phone's reader,
# from zbar-tools) reads exactly http://127.0.0.1:PORT/?code=... from a
# screenshot of the window.
#   join_qr.sh SAMENSPEL SCENARIO LANG WIDTHxHEIGHT RUN_DIR
set -u
source "$(dirname "$0")/xvfb.sh"
bin=$1 scenario=$2 lang=$3 size=$4 dir=$5
rm -rf "$dir" && mkdir -p "$dir/shots"
export XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
if ! command -v zbarimg >/dev/null 2>&1; then
  echo "SKIP: zbarimg is missing (Debian: zbar-tools; scripts/test installs it)"
  exit 77 # ctest reports it as skipped, not passed
fi
code=piano-zebra-tango

# Without --autoplay the window photographs every new screen once it settled;
# nobody joins, so the host screen stays. The game leaves its process id, so
# exactly that process is stopped once the picture is there.
xvfb -s "-screen 0 1920x1080x24" bash -c '
  "$0" play --host "$1" --port 0 --code "$2" --bind 127.0.0.1 --lang "$3" --size "$4" \
    --screenshots "$5" --log "$5/../session.log" --max-seconds 60 & echo $! >"$6"; wait' \
  "$bin" "$scenario" "$code" "$lang" "$size" "$dir/shots" "$dir/game.pid" >"$dir/host.out" 2>&1 &
runner=$!
shot=""
for _ in $(seq 1 300); do
  shot=$(ls "$dir"/shots/*-host.png 2>/dev/null | head -1)
  [ -n "$shot" ] && break
  sleep 0.1
done
sleep 0.5 # the PNG is complete once the next frames ran
[ -s "$dir/game.pid" ] && kill "$(cat "$dir/game.pid")" 2>/dev/null
wait "$runner" 2>/dev/null

port=$(sed -n 's/^hosting: port=\([0-9]*\).*/\1/p' "$dir/host.out")
if [ -z "$port" ] || [ -z "$shot" ]; then
  echo "FAIL: no host screen (port '$port', screenshot '$shot')"
  cat "$dir/host.out"
  exit 1
fi
expected="http://127.0.0.1:$port/?code=$code"
read=$(zbarimg --raw -q "$shot" 2>/dev/null)
echo "screenshot: $shot"
echo "expected:   $expected"
echo "read:       $read"
if [ "$read" != "$expected" ]; then
  echo "FAIL: the QR code on the host screen does not read back as the join address"
  exit 1
fi
# The picture is the size asked for: the code was read at projector scale.
png_int() { od -An -tu1 -j"$1" -N4 "$shot" | awk '{print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4}'; }
dims="$(png_int 16)x$(png_int 20)" # width and height in the PNG's header
if [ "$dims" != "$size" ]; then
  echo "FAIL: the screenshot is $dims, not $size"
  exit 1
fi
exit 0
