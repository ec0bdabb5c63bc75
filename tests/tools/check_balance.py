#!/usr/bin/python3
"""Checks that shipped scenarios play well (issue #5's balance rules).

Usage: check_balance.py [--samenspel BINARY] [--simulate BINARY] FILE...

For every scenario, on its starting state (computed by reference_analyze.py):
  1. at least one package is gedragen;
  2. at most a quarter of the feasible packages are gedragen, so there is
     tension to play (a group must search, not just pick);
  3. the maxmin package (highest minimum support over roles) is not "the first
     thing a player would propose". We call these the obvious proposals:
       a. the package of each issue's first listed option (the order the
          scenario shows them in, which is what a table starts from);
       b. the package of each issue's most expensive option on the scenario's
          first attribute (usually `cost`: "the best money can buy");
       c. any role's own favourite: a package with that role's highest
          support among the packages its preconditions allow (a player who
          only reads their own card proposes exactly this).
     A gedragen package that is none of these can only be found by listening
     to the others and trading;
  4. the package space is small enough to analyse at once (at most 5^5);
  5. a gedragen package still exists when the besluit phase starts, after the
     phase and minute events have changed the situation
     (reference_analyze.apply_scheduled_events);
  6. the library's shape (issue #5): every text in nl and en; 4 to 7 roles
     (3 to 7 for a classroom scenario of at most 30 minutes) with at least one
     resident, official and council role, each with a briefing and a secret;
     3 to 5 issues with 3 or 4 options; at least two events; a stage and
     learning goals.
With --samenspel, `samenspel analyze FILE --json` must also agree with the
reference (see reference_analyze.py --compare).

With --simulate SAMENSPEL, bots play 100 sessions of each scenario
(`samenspel simulate FILE --games 100 --seed 1 --json`) and must reach a
gedragen decision in some, but not all, of them: a case nobody can solve, or
one that solves itself, teaches nothing. Exit 1 when any rule fails.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_analyze as ra  # noqa: E402

MAX_PACKAGES = 5 ** 5


def package_key(package):
    return tuple(opt["id"] for opt in package)


def obvious_proposals(sc, rows):
    """Map from package key to the reason it counts as obvious."""
    obvious = {}
    first = tuple(opts[0]["id"] for _, opts in sc.issues)
    obvious[first] = "the package of every issue's first option"
    if sc.attributes:
        attr = sc.attributes[0]
        priciest = tuple(
            max(opts, key=lambda o: (o.get("attributes") or {}).get(attr, 0))["id"]
            for _, opts in sc.issues)
        obvious.setdefault(priciest, f"the package of every issue's highest-{attr} option")
    for index, role in enumerate(sc.roles):
        allowed = [r for r in rows if role_can_accept(sc, index, r)]
        if not allowed:
            continue
        best = max(r["supports"][index] for r in allowed)
        for r in allowed:
            if r["supports"][index] >= best - ra.EPS:
                obvious.setdefault(package_key(r["package"]), f"{role['id']}'s own favourite")
    return obvious


def role_can_accept(sc, index, row):
    env = sc.env(row["package"])
    return all(ra.evaluate(expr, env) != 0 for _, expr in sc.roles[index]["preconditions"])


TEXT_KEYS = {"title", "summary", "case", "name", "description", "briefing", "secret", "text"}


def untranslated(node, where=""):
    """Paths of text fields that lack a Dutch or an English version."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{where}.{key}" if where else key
            if key in TEXT_KEYS and not is_bilingual(value):
                found.append(path)
            elif key == "learning_goals":
                found += [f"{path}[{i}]" for i, g in enumerate(value or []) if not is_bilingual(g)]
            elif key not in TEXT_KEYS:
                found += untranslated(value, path)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            found += untranslated(item, f"{where}[{i}]")
    return found


def is_bilingual(text):
    return isinstance(text, dict) and all(isinstance(text.get(lang), str) and text[lang].strip()
                                          for lang in ("nl", "en"))


def shape_problems(data):
    problems = [f"{p} needs both nl and en" for p in untranslated(data)]
    roles = data.get("roles") or []
    classroom = (data.get("duration_minutes") or 60) <= 30
    low = 3 if classroom else 4
    if not low <= len(roles) <= 7:
        problems.append(f"{len(roles)} roles; a scenario needs {low} to 7")
    kinds = {r.get("kind") for r in roles}
    for kind in ("resident", "official", "council"):
        if kind not in kinds:
            problems.append(f"no {kind} role")
    for r in roles:
        for key in ("briefing", "secret"):
            if key not in r:
                problems.append(f"role {r.get('id')} has no {key}")
    issues = data.get("issues") or []
    if not 3 <= len(issues) <= 5:
        problems.append(f"{len(issues)} issues; a scenario needs 3 to 5")
    for issue in issues:
        count = len(issue.get("options") or [])
        if not 3 <= count <= 4:
            problems.append(f"issue {issue.get('id')} has {count} options; it needs 3 or 4")
    if len(data.get("events") or []) < 2:
        problems.append("fewer than two events")
    if not data.get("stage"):
        problems.append("no stage")
    if not data.get("learning_goals"):
        problems.append("no learning goals")
    return problems


def simulate_problems(binary, path, games=100, seed=1):
    import json
    import subprocess
    proc = subprocess.run([binary, "simulate", path, "--games", str(games), "--seed", str(seed), "--json"],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        return [f"samenspel simulate exited {proc.returncode}: {proc.stderr.strip()[:300]}"], ""
    result = json.loads(proc.stdout)
    share = result.get("gedragen_share", 0)
    note = f"; bots: {share:.0%} gedragen in {games} sessions"
    if share <= 0:
        return [f"bots never reach a gedragen decision in {games} sessions"], note
    if share >= 1:
        return [f"bots reach a gedragen decision in every one of {games} sessions"], note
    return [], note


def check(path, samenspel=None, simulate=None):
    out, sc, rows = ra.analyze_file(path)
    problems = shape_problems(sc.data)
    if out["packages"] > MAX_PACKAGES:
        problems.append(f"{out['packages']} packages; keep it at most {MAX_PACKAGES}")
    if out["gedragen"] < 1:
        problems.append("no package is gedragen")
    if out["gedragen"] * 4 > out["feasible"]:
        problems.append(f"{out['gedragen']} of {out['feasible']} feasible packages are gedragen "
                        "(more than a quarter: too little tension)")
    # Every package tied for the best minimum counts: another implementation
    # may break the tie differently, and each of them must be non-obvious.
    best = max(r["min"] for r in rows)
    obvious = obvious_proposals(sc, rows)
    for row in rows:
        reason = obvious.get(package_key(row["package"]))
        if row["min"] >= best - ra.EPS and reason:
            names = dict(zip((iid for iid, _ in sc.issues), package_key(row["package"])))
            problems.append(f"the maxmin package {names} is {reason}")
    later, _, _ = ra.analyze_data(ra.apply_scheduled_events(sc.data))
    if later["gedragen"] < 1:
        problems.append("no package is gedragen any more when the besluit phase starts "
                        "(after the phase and minute events)")
    if samenspel:
        problems += [f"samenspel analyze: {p}" for p in ra.compare(samenspel, path)]
    summary = (f"{out['packages']} packages, {out['feasible']} feasible, {out['gedragen']} gedragen, "
               f"maxmin {out['maxmin_support']}; at the vote {later['gedragen']} gedragen")
    if simulate:
        sim_problems, note = simulate_problems(simulate, path)
        problems += sim_problems
        summary += note
    return problems, summary


def main(argv):
    samenspel = simulate = None
    while len(argv) >= 2 and argv[0] in ("--samenspel", "--simulate"):
        if argv[0] == "--samenspel":
            samenspel = argv[1]
        else:
            simulate = argv[1]
        argv = argv[2:]
    if not argv:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    failed = False
    for path in argv:
        try:
            problems, summary = check(path, samenspel, simulate)
        except Exception as err:  # a broken file must fail the check, not crash it
            problems, summary = [f"cannot analyse: {err}"], "error"
        print(f"{'FAIL' if problems else 'ok  '} {path}: {summary}")
        for p in problems:
            print(f"     - {p}")
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
