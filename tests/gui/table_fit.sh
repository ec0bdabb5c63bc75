#!/bin/bash
# The table's labels fit at a projector's size (issue 13, findings 7 and 10):
# bots play a whole session in the real window with --trace-ui, and every
# frame's rectangles are checked as they come:
#  - every seat's name lies inside the seat list (names wrap between words or
#    are cut with "…", and never run out of the column);
#  - every board tab lies inside the board: the tab bar never needs its
#    scroll arrows, whatever the counts on the tabs;
#  - with ICONS=none the icon font is missing: the game says so once on
#    stderr, draws the tokens as shapes, and the labels fit without icons.
#  - with a SCALE above 1 on a small screen, the seats are a strip of tokens
#    inside the list and the board keeps at least 40% of the window's width.
#   table_fit.sh SAMENSPEL SCENARIO LANG WxH ICONS(font|none) RUN_DIR [SCALE]
set -u
source "$(dirname "$0")/xvfb.sh"
bin=$1 scenario=$2 lang=$3 size=$4 icons=$5 dir=$6 scale=${7:-1}
width=${size%x*}
rm -rf "$dir" && mkdir -p "$dir"
export XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
if [ "$icons" = none ]; then
  export SAMENSPEL_ICON_FONT=""
else
  unset SAMENSPEL_ICON_FONT
fi
xvfb -s "-screen 0 ${size}x24" \
  "$bin" play --scenario "$scenario" --autoplay --seed 1 --lang "$lang" --size "$size" \
  --scale "$scale" --trace-ui --screenshots "$dir" --log "$dir/session.log" --max-seconds 240 \
  >"$dir/trace.out" 2>"$dir/stderr.out"
status=$?
if [ "$status" -ne 0 ]; then
  echo "FAIL: samenspel play --autoplay exited with $status"
  cat "$dir/stderr.out"
  exit 1
fi
notices=$(grep -c "Font Awesome was not found" "$dir/stderr.out")
if [ "$icons" = none ] && [ "$notices" != 1 ]; then
  echo "FAIL: without the icon font, stderr said so $notices times (want once)"
  cat "$dir/stderr.out"
  exit 1
fi
if [ "$icons" = font ] && [ "$notices" != 0 ]; then
  echo "FAIL: the icon font is installed, yet stderr says it was not found"
  exit 1
fi
# A rectangle is "x y w h" in window pixels; an item must end (x + w) at or
# before the right edge of its area. The trace prints a frame's items in the
# order of their names, so an area ("seats.area") comes before its items.
awk -v scale="$scale" -v width="$width" '
  function right(r,   f) { split(r, f, " "); return f[1] + f[3] }
  $1 == "item:" && $2 == "seats.area" { seats = $3 " " $4 " " $5 " " $6; next }
  $1 == "item:" && $2 == "board.area" {
    tabs = $3 " " $4 " " $5 " " $6
    if (scale > 1 && $5 < 0.4 * width && !narrow++)
      print "FAIL: the board is " $5 " px wide, under 40% of the window at scale " scale
    if (scale > 1 && $5 < 0.4 * width) bad = 1
    next
  }
  $1 == "item:" && $2 ~ /^seats\.token\.[0-9]+$/ {
    names++
    if ($3 + $5 > right(seats) + 1) {
      print "FAIL: " $2 " ends at x=" $3 + $5 ", past the seat list at x=" right(seats); bad = 1
    }
    next
  }
  $1 == "item:" && $2 ~ /^seats\.name\.[0-9]+$/ {
    names++
    if (seats == "") { print "FAIL: " $2 " drawn before the seat list was traced"; bad = 1; next }
    if ($3 + $5 > right(seats) + 1) {
      print "FAIL: " $2 " ends at x=" $3 + $5 ", past the seat list at x=" right(seats); bad = 1
    }
  }
  $1 == "item:" && $2 ~ /^board\.tab\.[0-9]+$/ {
    tabsSeen++
    if (tabs == "") { print "FAIL: " $2 " drawn before the tab bar was traced"; bad = 1; next }
    if ($3 + $5 > right(tabs) + 1) {
      print "FAIL: " $2 " ends at x=" $3 + $5 ", past the board at x=" right(tabs) " (scroll arrows)"
      bad = 1
    }
  }
  END {
    if (names < 2 || tabsSeen < 4) { print "FAIL: too few seats or tabs traced"; bad = 1 }
    if (!bad) print "ok: " names " seat labels and " tabsSeen " tab positions fit"
    exit bad
  }' "$dir/trace.out"
