#!/bin/bash
# Plain language and read-aloud in the window (issue 15): the same bot
# session of a scenario with plain texts, played with and without --plain.
# With it the case and the role card are the plain texts and, with the
# read-aloud setting on, the card has its read-aloud button; without it the
# usual texts show and no button (read-aloud is off by default). The words
# come from what the window drew (play --screenshots writes it beside each
# picture).
#   plain_language.sh SAMENSPEL SCENARIO LANG WxH RUN_DIR USUAL PLAIN BUTTON
# USUAL and PLAIN: the first words of the scenario's case, usual and plain;
# BUTTON: the read-aloud button's label in LANG.
set -u
source "$(dirname "$0")/xvfb.sh"
bin=$1 scenario=$2 lang=$3 size=$4 dir=$5 usual=$6 plain=$7 button=$8
fail() {
  echo "plain_language: $*" >&2
  exit 1
}
rm -rf "$dir" && mkdir -p "$dir"

run() { # run NAME [OPTIONS...]: a bot session with its pictures in $dir/NAME
  local name=$1
  shift
  mkdir -p "$dir/$name/config/samenspel"
  [ "$name" = plain ] && printf 'read_aloud: true\n' >"$dir/$name/config/samenspel/settings.yaml"
  XDG_CONFIG_HOME="$dir/$name/config" XDG_DATA_HOME="$dir/$name/data" \
    xvfb -s "-screen 0 ${size}x24" "$bin" play --scenario "$scenario" --autoplay --seed 1 \
    --lang "$lang" --size "$size" --screenshots "$dir/$name" --log "$dir/$name/session.log" \
    --max-seconds 120 "$@" >"$dir/$name/play.out" 2>&1 || fail "$name: the game exited $?"
}
run usual
run plain --plain

first() { # the words drawn in the first phase
  local file
  file=$(ls "$dir/$1"/*-phase1-*.txt 2>/dev/null | head -n 1)
  [ -n "$file" ] || fail "$1: no picture of the first phase"
  cat "$file"
}
first usual | grep -qF "$usual" || fail "the usual case text ('$usual') is not shown"
first usual | grep -qF "$plain" && fail "the plain text shows although plain language is off"
first usual | grep -qxF "$button" && fail "a read-aloud button shows although read-aloud is off"
first plain | grep -qF "$plain" || fail "with --plain the plain case text ('$plain') is not shown"
first plain | grep -qF "$usual" && fail "with --plain the usual case text still shows"
first plain | grep -qxF "$button" || fail "with read-aloud on the card has no '$button' button"
echo "plain_language: $lang ok"
