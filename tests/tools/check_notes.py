#!/usr/bin/python3
"""Every shipped scenario has a teaching note with both parts and every heading.

Usage: check_notes.py [--samenspel BINARY] SCENARIOS_DIR NOTES_DIR

For every SCENARIOS_DIR/*.yaml, NOTES_DIR/<id>.md (id: the scenario's `id`)
must exist and hold, in this order (prompts' notes format, docs/scenarios):
    # Titel NL / Title EN
    ## Nederlands   with the seven ### headings below, each with some text
    ## English      with the seven ### headings below, each with some text
The game shows the part of its language and `samenspel print` prints it, so a
missing part or heading is a hole a facilitator would meet. A note without a
scenario is reported too (a renamed or removed case).

With --samenspel, the figures a facilitator leans on must be the current
binary's: the number of feasible packages at the start
(`analyze --json`) in "De spanning" / "The tension", and the share of
gedragen decisions with balanced bots (`simulate --games 200 --seed 1 --json`,
as the tools round it: "41,5%" in Dutch, "41.5%" in English; read from the
generated NOTES_DIR/README.md, whose own test replays it) in "Wat er meestal
gebeurt" / "What usually happens". A rebalanced case whose note still
tells the old figures fails here. Exit 1 on any problem.
"""
import json
import os
import re
import subprocess
import sys

import yaml

PARTS = {
    "Nederlands": ["Waar gaat het over", "Leerdoelen", "Inleiden in twee minuten",
                   "De spanning", "Wat er meestal gebeurt", "Vragen voor de nabespreking",
                   "Varianten"],
    "English": ["What it is about", "Learning goals", "Introducing it in two minutes",
                "The tension", "What usually happens", "Debrief questions", "Variations"],
}


TENSION = {"Nederlands": "De spanning", "English": "The tension"}
OUTCOME = {"Nederlands": "Wat er meestal gebeurt", "English": "What usually happens"}


def percent(share, part):
    """A share as the tools print it, with the part's decimal mark."""
    text = f"{100.0 * share:.1f}".rstrip("0").rstrip(".") + "%"
    return text.replace(".", ",") if part == "Nederlands" else text


def mentions(text, figure):
    """`figure` as a number of its own (not 127 for 27, not 41,5 for 1,5)."""
    return re.search(r"(?<![\d.,])" + re.escape(figure) + r"(?![\d]|[.,]\d)", text) is not None


def table_share(table, sid):
    """The gedragen share with balanced bots in the scenario's section of the
    generated table (docs/scenarios/README.md: `simulate --games 200 --seed 1
    --bots balanced`). scenarios_table_up_to_date checks that table against
    the binary, so the notes need not play the 200 sessions again."""
    section = re.search(r"^## " + re.escape(sid) + r"\n(.*?)(?=^## |\Z)", table, re.S | re.M)
    row = section and re.search(r"^\| balanced \| [^|]* \| ([\d.]+)% \|", section.group(1), re.M)
    return float(row.group(1)) / 100.0 if row else None


def figures(binary, scenario, sid, table):
    done = subprocess.run([binary, "analyze", scenario, "--json"], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)["feasible"], table_share(table, sid)


def check_figures(sections, feasible, share):
    problems = []
    for part, headings in sections.items():
        tension = headings.get(TENSION[part], "")
        outcome = headings.get(OUTCOME[part], "")
        if feasible is not None and not mentions(tension, str(feasible)):
            problems.append(f"part '{part}': '### {TENSION[part]}' does not give the {feasible} "
                            "feasible packages of `analyze`")
        if share is None:
            problems.append("docs/scenarios/README.md has no 'balanced' row for this case: "
                            "run scripts/scenario-table")
        elif not mentions(outcome, percent(share, part)):
            problems.append(f"part '{part}': '### {OUTCOME[part]}' does not give the "
                            f"{percent(share, part)} gedragen with balanced bots of `simulate`")
    return problems


def check_note(path, figures_of=None):
    """The problems of one note, as sentences. `figures_of`: (feasible, share)."""
    problems = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not re.match(r"^# \S.* / \S.*$", first):
        problems.append(f"the first line must be '# Titel NL / Title EN', not {first!r}")
    parts = []  # [(name, [(heading, text lines)])]
    for line in lines:
        if line.startswith("## "):
            parts.append((line[3:].strip(), []))
        elif line.startswith("### "):
            if parts:
                parts[-1][1].append((line[4:].strip(), []))
            else:
                problems.append(f"heading {line!r} comes before '## Nederlands'")
        elif parts and parts[-1][1] and line.strip():
            parts[-1][1][-1][1].append(line)
    names = [name for name, _ in parts]
    if names != list(PARTS):
        problems.append(f"the parts must be '## Nederlands' then '## English', found {names}")
    for name, sections in parts:
        if name not in PARTS:
            continue
        headings = [h for h, _ in sections]
        if headings != PARTS[name]:
            missing = [h for h in PARTS[name] if h not in headings]
            extra = [h for h in headings if h not in PARTS[name]]
            detail = []
            if missing:
                detail.append("missing " + ", ".join(f"'### {h}'" for h in missing))
            if extra:
                detail.append("unexpected " + ", ".join(f"'### {h}'" for h in extra))
            if not detail:
                detail.append("out of order: " + ", ".join(headings))
            problems.append(f"part '{name}': " + "; ".join(detail))
        for heading, text in sections:
            if not text:
                problems.append(f"part '{name}': '### {heading}' has no text")
    if figures_of is not None:
        texts = {name: {h: " ".join(t) for h, t in sections}
                 for name, sections in parts if name in PARTS}
        problems += check_figures(texts, *figures_of)
    return problems


def main(argv):
    binary = None
    if len(argv) > 2 and argv[1] == "--samenspel":
        binary = argv[2]
        argv = argv[:1] + argv[3:]
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    scenarios, notes = argv[1], argv[2]
    failed = False
    ids = []
    with open(os.path.join(notes, "README.md"), encoding="utf-8") as f:
        table = f.read()
    for name in sorted(os.listdir(scenarios)):
        if not name.endswith((".yaml", ".yml")) or name.startswith("."):
            continue
        with open(os.path.join(scenarios, name), encoding="utf-8") as f:
            sid = (yaml.safe_load(f) or {}).get("id")
        if not sid:
            print(f"FAIL {name}: no id")
            failed = True
            continue
        ids.append(sid)
        note = os.path.join(notes, sid + ".md")
        if not os.path.isfile(note):
            print(f"FAIL {name}: no teaching note {os.path.relpath(note)} "
                  "(both parts, every heading: see docs/scenarios/README.md)")
            failed = True
            continue
        problems = check_note(note, figures(binary, os.path.join(scenarios, name), sid, table)
                              if binary else None)
        for p in problems:
            print(f"FAIL {os.path.relpath(note)}: {p}")
        failed |= bool(problems)
        if not problems:
            print(f"ok   {os.path.relpath(note)}")
    for name in sorted(os.listdir(notes)):
        if name.endswith(".md") and name != "README.md" and name[:-3] not in ids:
            print(f"FAIL {os.path.join(os.path.relpath(notes), name)}: no scenario has id "
                  f"'{name[:-3]}'")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
