#!/usr/bin/python3
"""Independent reference implementation of DESIGN.md's analysis formulas.

It shares no code with the C++ engine on purpose: `samenspel analyze --json`
must agree with it, and two implementations written apart from the same text
catch each other's mistakes.

Usage:
  reference_analyze.py FILE                   print the analysis as JSON
  reference_analyze.py --after-events FILE    the same, for the situation when the
                                              besluit phase starts (phase and minute
                                              events applied; condition events not)
  reference_analyze.py --compare SAMENSPEL FILE...
                                              run `SAMENSPEL analyze FILE --json`
                                              and compare; exit 1 on disagreement
  reference_analyze.py --self-test            check the reference against hand-worked numbers
  reference_analyze.py --compare-random SAMENSPEL N SEED
                                              the same on N generated scenarios
                                              (every rule, reservations, votes,
                                              all expression forms); nobody in the
                                              project wrote them, so nobody tuned
                                              the engine to them

What it computes, on the scenario's starting state (no event has fired, only
options without `available: false` take part):
  E_p(v) = sum over chosen options of effects[v]
  S_r(p) = 100 * sum_v w_r(v) E_p(v) / (3 n sum_v w_r(v))   (0 without weights)
  can accept = every precondition of r holds; accepts = can accept and
  S_r >= reservation (default 0); feasible = every role can accept;
  gedragen = feasible and passes the decision rule (each council member votes
  yes exactly when its role accepts) and min_r S_r >= min_support.

maxmin is taken over ALL packages, not only feasible ones: issue #3 describes
it as "the package with the highest minimum support" right after listing all
packages, with no feasibility filter, and keeping it unfiltered means a
scenario without any feasible package still gets a meaningful maxmin. Ties are
broken by the first package in enumeration order (issue order, first issue
varying slowest, options in file order). The Pareto frontier is likewise over
all packages: p is on it when no q has S_r(q) >= S_r(p) for every role and >
for one.
"""
import itertools
import json
import math
import re
import subprocess
import sys

import yaml

EPS = 1e-9


class ExprError(Exception):
    pass


# ---------------------------------------------------------------- expressions

TOKEN_RE = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|"
    r"(?P<op><=|>=|==|!=|<|>|\+|-|\*|/|\(|\)))")
KEYWORDS = {"and", "or", "not"}


def tokenize(text):
    tokens, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN_RE.match(text, pos)
        if not m or m.end() == pos:
            raise ExprError(f"unexpected character {text[pos:].strip()[:1]!r} at column {pos + 1}")
        if m.group("num") is not None:
            tokens.append(("num", float(m.group("num"))))
        elif m.group("name") is not None:
            word = m.group("name")
            tokens.append(("kw", word) if word in KEYWORDS else ("name", word))
        else:
            tokens.append(("op", m.group("op")))
        pos = m.end()
    tokens.append(("end", None))
    return tokens


class Parser:
    """Recursive descent. Precedence, loosest first: or, and, not, comparison,
    + -, * /, unary minus, primary. Nodes are tuples; each carries a type
    ('num' or 'bool') so type errors are found at load time, as DESIGN.md asks."""

    def __init__(self, text, names):
        self.tokens = tokenize(text)
        self.i = 0
        self.names = names

    def peek(self, k=0):
        return self.tokens[self.i + k]

    def take(self):
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, kind, value=None):
        tok = self.take()
        if tok[0] != kind or (value is not None and tok[1] != value):
            raise ExprError(f"expected {value or kind}, found {tok[1]!r}")
        return tok

    def parse(self):
        node = self.parse_or()
        if self.peek()[0] != "end":
            raise ExprError(f"unexpected {self.peek()[1]!r}")
        return node

    def parse_or(self):
        left = self.parse_and()
        while self.peek() == ("kw", "or"):
            self.take()
            right = self.parse_and()
            left = ("or", need_bool(left), need_bool(right))
        return left

    def parse_and(self):
        left = self.parse_not()
        while self.peek() == ("kw", "and"):
            self.take()
            right = self.parse_not()
            left = ("and", need_bool(left), need_bool(right))
        return left

    def parse_not(self):
        if self.peek() == ("kw", "not"):
            self.take()
            return ("not", need_bool(self.parse_not()))
        return self.parse_comparison()

    def parse_comparison(self):
        # issue == option / issue != option
        tok, nxt = self.peek(), self.peek(1)
        if tok[0] == "name" and tok[1] in self.names["issues"] and nxt in (("op", "=="), ("op", "!=")):
            self.take()
            op = self.take()[1]
            opt = self.expect("name")[1]
            if opt not in self.names["issues"][tok[1]]:
                raise ExprError(f"issue {tok[1]!r} has no option {opt!r}")
            return ("choice", tok[1], opt, op == "==")
        left = self.parse_sum()
        if self.peek()[0] == "op" and self.peek()[1] in ("<", "<=", ">", ">=", "==", "!="):
            op = self.take()[1]
            right = self.parse_sum()
            if left_type(left) != left_type(right):
                raise ExprError(f"cannot compare {left_type(left)} with {left_type(right)}")
            left = ("cmp", op, left, right)
            if self.peek()[0] == "op" and self.peek()[1] in ("<", "<=", ">", ">=", "==", "!="):
                raise ExprError("comparisons cannot be chained")
        return left

    def parse_sum(self):
        left = self.parse_product()
        while self.peek()[0] == "op" and self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            right = self.parse_product()
            left = ("arith", op, need_num(left), need_num(right))
        return left

    def parse_product(self):
        left = self.parse_unary()
        while self.peek()[0] == "op" and self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            right = self.parse_unary()
            left = ("arith", op, need_num(left), need_num(right))
        return left

    def parse_unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", need_num(self.parse_unary()))
        return self.parse_primary()

    def parse_primary(self):
        tok = self.take()
        if tok[0] == "num":
            return ("num", tok[1])
        if tok == ("op", "("):
            inner = self.parse_or()
            self.expect("op", ")")
            return ("paren", inner)
        if tok[0] == "name":
            name = tok[1]
            if name in self.names["attributes"]:
                return ("attr", name)
            if name in self.names["resources"]:
                return ("res", name)
            if name in self.names["issues"]:
                raise ExprError(f"issue {name!r} can only be compared with == or != to one of its options")
            raise ExprError(f"unknown name {name!r}")
        raise ExprError(f"unexpected {tok[1]!r}")


def left_type(node):
    kind = node[0]
    if kind == "paren":
        return left_type(node[1])
    return "bool" if kind in ("or", "and", "not", "cmp", "choice") else "num"


def need_bool(node):
    if left_type(node) != "bool":
        raise ExprError("expected a condition (true/false), found a number")
    return node


def need_num(node):
    if left_type(node) != "num":
        raise ExprError("expected a number, found a condition")
    return node


def parse_expression(text, names, want_bool=True):
    node = Parser(str(text), names).parse()
    if want_bool:
        need_bool(node)
    return node


def evaluate(node, env):
    """env: attrs (name -> total), res (name -> value), choice (issue -> option id).
    Booleans evaluate to 1.0 / 0.0; division by zero gives 0."""
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "paren":
        return evaluate(node[1], env)
    if kind == "attr":
        return env["attrs"][node[1]]
    if kind == "res":
        return env["res"][node[1]]
    if kind == "choice":
        same = env["choice"][node[1]] == node[2]
        return 1.0 if same == node[3] else 0.0
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "not":
        return 0.0 if evaluate(node[1], env) != 0 else 1.0
    if kind == "and":
        return 1.0 if evaluate(node[1], env) != 0 and evaluate(node[2], env) != 0 else 0.0
    if kind == "or":
        return 1.0 if evaluate(node[1], env) != 0 or evaluate(node[2], env) != 0 else 0.0
    if kind == "arith":
        a, b = evaluate(node[2], env), evaluate(node[3], env)
        op = node[1]
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        return 0.0 if b == 0 else a / b
    if kind == "cmp":
        a, b = evaluate(node[2], env), evaluate(node[3], env)
        return 1.0 if {
            "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "==": a == b, "!=": a != b
        }[node[1]] else 0.0
    raise AssertionError(kind)


# ---------------------------------------------------------------- scenario model

class Scenario:
    def __init__(self, data):
        self.data = data
        self.values = [v["id"] for v in data.get("values", [])]
        self.attributes = list((data.get("attributes") or {}).keys())
        self.resources = dict(data.get("resources") or {})
        self.issues = []  # (issue id, [option dict] of available options)
        all_options = {}
        for issue in data.get("issues", []):
            opts = [o for o in issue.get("options", []) if o.get("available", True)]
            self.issues.append((issue["id"], opts))
            all_options[issue["id"]] = [o["id"] for o in issue.get("options", [])]
        self.names = {"attributes": set(self.attributes), "resources": set(self.resources),
                      "issues": all_options}
        self.roles = []
        for role in data.get("roles", []):
            weights = {v: int(w) for v, w in (role.get("values") or {}).items()}
            pre = [(p["id"], parse_expression(p["require"], self.names))
                   for p in role.get("preconditions") or []]
            self.roles.append({
                "id": role["id"], "kind": role["kind"], "weights": weights,
                "preconditions": pre, "votes": role.get("votes", 1),
                "reservation": float(role.get("reservation", 0)),
            })
        decision = data.get("decision") or {}
        self.rule = decision.get("rule", "council_majority")
        self.min_support = float(decision.get("min_support", 0))
        self.n = len(self.issues)

    def packages(self):
        """Every package as a tuple of option dicts, first issue varying slowest."""
        return itertools.product(*[opts for _, opts in self.issues])

    def value_totals(self, package):
        totals = {v: 0 for v in self.values}
        for opt in package:
            for v, e in (opt.get("effects") or {}).items():
                totals[v] += e
        return totals

    def env(self, package):
        attrs = {a: 0.0 for a in self.attributes}
        for opt in package:
            for a, x in (opt.get("attributes") or {}).items():
                attrs[a] += x
        choice = {issue_id: opt["id"] for (issue_id, _), opt in zip(self.issues, package)}
        return {"attrs": attrs, "res": self.resources, "choice": choice}

    def support(self, role, totals):
        wsum = sum(role["weights"].values())
        if wsum == 0 or self.n == 0:
            return 0.0
        num = sum(w * totals[v] for v, w in role["weights"].items())
        return 100.0 * num / (3 * self.n * wsum)

    def evaluate_package(self, package):
        totals = self.value_totals(package)
        env = self.env(package)
        result = []
        for role in self.roles:
            s = self.support(role, totals)
            can = all(evaluate(expr, env) != 0 for _, expr in role["preconditions"])
            result.append({"support": s, "can_accept": can,
                           "accepts": can and s >= role["reservation"] - EPS})
        return result

    def passes_rule(self, per_role):
        if self.rule == "consensus":
            return all(r["accepts"] for r in per_role)
        council = [(role, r) for role, r in zip(self.roles, per_role) if role["kind"] == "council"]
        if self.rule == "unanimous_council":
            return bool(council) and all(r["accepts"] for _, r in council)
        total = sum(role["votes"] for role, _ in council)
        yes = sum(role["votes"] for role, r in council if r["accepts"])
        return 2 * yes > total


def round1(x):
    """One decimal, halves away from zero (as C++ std::round would)."""
    r = math.floor(abs(x) * 10 + 0.5 + 1e-9) / 10
    return math.copysign(r, x) if r != 0 else 0.0


def analyze_data(data):
    sc = Scenario(data)
    count = feasible = gedragen = 0
    best = None  # (minimum, package, per_role)
    rows = []
    for package in sc.packages():
        per_role = sc.evaluate_package(package)
        supports = [r["support"] for r in per_role]
        minimum = min(supports) if supports else 0.0
        is_feasible = all(r["can_accept"] for r in per_role)
        is_gedragen = is_feasible and sc.passes_rule(per_role) and minimum >= sc.min_support - EPS
        count += 1
        feasible += is_feasible
        gedragen += is_gedragen
        if best is None or minimum > best[0] + EPS:
            best = (minimum, package, supports)
        rows.append({"package": package, "supports": supports, "min": minimum,
                     "feasible": is_feasible, "gedragen": is_gedragen})
    out = {
        "packages": count,
        "feasible": feasible,
        "gedragen": gedragen,
        "maxmin_support": round1(best[0]) if best else 0.0,
        "maxmin_package": {iid: opt["id"] for (iid, _), opt in zip(sc.issues, best[1])} if best else {},
        "maxmin_support_by_role": {role["id"]: round1(s) for role, s in zip(sc.roles, best[2])}
        if best else {},
        "pareto_count": pareto_count([r["supports"] for r in rows]),
    }
    return out, sc, rows


def pareto_count(vectors):
    # A dominating vector has a strictly larger sum, so after sorting by sum
    # only earlier frontier members can dominate a later vector.
    order = sorted(vectors, key=lambda v: -sum(v))
    frontier = []
    for v in order:
        dominated = any(all(f[i] >= v[i] - EPS for i in range(len(v))) and
                        any(f[i] > v[i] + EPS for i in range(len(v))) for f in frontier)
        if not dominated:
            frontier.append(v)
    return len(frontier)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def analyze_file(path, after_events=False):
    data = load(path)
    return analyze_data(apply_scheduled_events(data) if after_events else data)


DEFAULT_PHASES = [("kennismaken", 5), ("perspectief", 5), ("waarden", 10), ("randvoorwaarden", 10),
                  ("voorstel", 15), ("besluit", 5), ("reflectie", 10)]


def apply_scheduled_events(data):
    """The scenario as it stands when the besluit phase starts, if the clock
    runs to plan: every event triggered by a phase before besluit, or by a
    minute before besluit starts, applied in scenario order. Condition events
    depend on what is proposed, so they are left out. This is an author's aid
    (--after-events), not part of the comparison with `samenspel analyze`."""
    import copy
    data = copy.deepcopy(data)
    phases = [(p["id"], p.get("minutes", 5)) for p in data.get("phases") or []] or DEFAULT_PHASES
    ids = [pid for pid, _ in phases]
    cut = ids.index("besluit") if "besluit" in ids else len(ids)
    before = set(ids[:cut])
    besluit_minute = sum(m for _, m in phases[:cut])
    roles = {r["id"]: r for r in data.get("roles", [])}
    issues = {i["id"]: i for i in data.get("issues", [])}
    for event in data.get("events") or []:
        when = event.get("when") or {}
        fires = ("phase" in when and when["phase"] in before) or \
                ("minute" in when and when["minute"] < besluit_minute)
        if not fires:
            continue
        for effect in event.get("effects") or []:
            (kind, arg), = effect.items()
            if kind == "set_resource":
                data["resources"].update(arg)
            elif kind == "add_resource":
                for name, amount in arg.items():
                    data["resources"][name] += amount
            elif kind in ("add_value_weight", "set_value_weight"):
                weights = roles[arg["role"]].setdefault("values", {})
                old = weights.get(arg["value"], 0)
                new = old + arg["delta"] if kind == "add_value_weight" else arg["weight"]
                weights[arg["value"]] = max(0, min(3, new))
            elif kind in ("enable_option", "disable_option"):
                for opt in issues[arg["issue"]]["options"]:
                    if opt["id"] == arg["option"]:
                        opt["available"] = kind == "enable_option"
    return data


# ---------------------------------------------------------------- comparison

def compare(binary, path):
    """Problems (strings) found comparing `binary analyze path --json` to this."""
    mine, sc, rows = analyze_file(path)
    proc = subprocess.run([binary, "analyze", path, "--json"], capture_output=True, text=True,
                          timeout=120)
    if proc.returncode != 0:
        return [f"samenspel analyze exited {proc.returncode}: {proc.stderr.strip()[:300]}"]
    try:
        theirs = json.loads(proc.stdout)
    except json.JSONDecodeError as err:
        return [f"samenspel analyze --json printed no valid JSON ({err})"]
    problems = []
    for key in ("packages", "feasible", "gedragen"):
        if theirs.get(key) != mine[key]:
            problems.append(f"{key}: samenspel says {theirs.get(key)}, reference says {mine[key]}")
    exact_best = max(r["min"] for r in rows) if rows else 0.0
    if not close_to_rounding(theirs.get("maxmin_support"), exact_best):
        problems.append(f"maxmin_support: samenspel says {theirs.get('maxmin_support')}, "
                        f"reference says {mine['maxmin_support']}")
    # Equal minima may pick different packages; check theirs against the
    # formula instead of demanding our tie-break.
    their_pkg = theirs.get("maxmin_package") or {}
    row = find_row(sc, rows, their_pkg)
    if row is None:
        problems.append(f"maxmin_package {their_pkg} is not a package of this scenario")
    else:
        if abs(row["min"] - exact_best) > 1e-6:
            problems.append(f"maxmin_package {their_pkg} has minimum support {round1(row['min'])}, "
                            f"the best is {mine['maxmin_support']}")
        their_roles = theirs.get("maxmin_support_by_role") or {}
        for role, s in zip(sc.roles, row["supports"]):
            if not close_to_rounding(their_roles.get(role["id"]), s):
                problems.append(f"maxmin_support_by_role[{role['id']}]: samenspel says "
                                f"{their_roles.get(role['id'])}, reference says {round1(s)}")
        extra = set(their_roles) - {r["id"] for r in sc.roles}
        if extra:
            problems.append(f"maxmin_support_by_role has unknown roles {sorted(extra)}")
    problems += compare_feasible_maxmin(sc, rows, theirs)
    return problems


def compare_feasible_maxmin(sc, rows, theirs):
    """maxmin_feasible_*: the best lowest support over feasible packages, all
    three null when none is feasible."""
    feasible = [r for r in rows if r["feasible"]]
    keys = ("maxmin_feasible_support", "maxmin_feasible_package", "maxmin_feasible_support_by_role")
    if not feasible:
        return [f"{k}: samenspel says {theirs.get(k)!r}, reference says null (nothing is feasible)"
                for k in keys if k not in theirs or theirs[k] is not None]
    best = max(r["min"] for r in feasible)
    problems = []
    if not close_to_rounding(theirs.get(keys[0]), best):
        problems.append(f"{keys[0]}: samenspel says {theirs.get(keys[0])}, reference says {round1(best)}")
    row = find_row(sc, rows, theirs.get(keys[1]) or {})
    if row is None or not row["feasible"] or abs(row["min"] - best) > 1e-6:
        problems.append(f"{keys[1]} {theirs.get(keys[1])} is not a feasible package with the "
                        f"best lowest support {round1(best)}")
    else:
        their_roles = theirs.get(keys[2]) or {}
        for role, x in zip(sc.roles, row["supports"]):
            if not close_to_rounding(their_roles.get(role["id"]), x):
                problems.append(f"{keys[2]}[{role['id']}]: samenspel says "
                                f"{their_roles.get(role['id'])}, reference says {round1(x)}")
    return problems


def close_to_rounding(reported, exact):
    return isinstance(reported, (int, float)) and abs(reported - exact) <= 0.05 + 1e-6


def find_row(sc, rows, pkg):
    if set(pkg) != {iid for iid, _ in sc.issues}:
        return None
    for row in rows:
        if all(pkg[iid] == opt["id"] for (iid, _), opt in zip(sc.issues, row["package"])):
            return row
    return None


# ---------------------------------------------------------------- generated scenarios

def random_scenario(rng, index):
    """A small valid scenario with random numbers and every expression form."""
    n_values = rng.randint(2, 5)
    values = [f"v{i}" for i in range(n_values)]
    issues = []
    for i in range(rng.randint(2, 4)):
        options = []
        for j in range(rng.randint(2, 4)):
            effects = {v: rng.randint(-3, 3) for v in values if rng.random() < 0.7}
            attrs = {"cost": rng.choice([0, 500, 1000, 2500, 4000]), "months": rng.randint(0, 6)}
            options.append({"id": f"o{i}_{j}", "name": f"Option {i}.{j}", "attributes": attrs,
                            "effects": effects})
        issues.append({"id": f"i{i}", "name": f"Issue {i}", "options": options})

    def choice_expr():
        issue = rng.choice(issues)
        return f"{issue['id']} {rng.choice(['==', '!='])} {rng.choice(issue['options'])['id']}"

    templates = [
        lambda: "cost <= budget",
        lambda: f"months <= {rng.randint(2, 12)}",
        lambda: f"cost / months >= {rng.randint(100, 900)}",          # months may be 0
        lambda: f"not ({choice_expr()} and {choice_expr()})",
        lambda: f"{choice_expr()} or cost < {rng.randint(1000, 8000)}",
        lambda: f"-cost + 2 * budget > {rng.randint(1000, 9000)} - months * 100",
        lambda: f"(months + 1) * (cost - 100) != {rng.randint(0, 3) * 1000}",
        lambda: f"not months > {rng.randint(3, 10)} and not not ({choice_expr()} or cost >= 0)",
        lambda: "cost / (months - months) == 0",                        # always divides by zero
    ]
    roles = []
    kinds = ["council"] + [rng.choice(["resident", "official", "council"]) for _ in range(rng.randint(1, 4))]
    for r, kind in enumerate(kinds):
        weights = {v: rng.randint(0, 3) for v in values if rng.random() < 0.8}
        role = {"id": f"r{r}", "kind": kind, "name": f"Role {r}", "values": weights}
        pre = [{"id": f"p{r}_{k}", "name": f"Red line {k}", "require": rng.choice(templates)()}
               for k in range(rng.choice([0, 0, 1, 1, 2]))]
        if pre:
            role["preconditions"] = pre
        if kind == "council":
            role["votes"] = rng.randint(1, 3)
        if rng.random() < 0.4:
            role["reservation"] = rng.choice([-10, -2.5, 0, 5, 8.3, 15])
        roles.append(role)
    return {
        "samenspel": 1, "id": f"generated_{index}", "title": f"Generated scenario {index}",
        "attributes": {"cost": {"name": "Cost", "unit": "€"}, "months": {"name": "Months"}},
        "values": [{"id": v, "name": f"Value {v}"} for v in values],
        "issues": issues,
        "resources": {"budget": rng.choice([2000, 4000, 6000, 9000])},
        "roles": roles,
        "decision": {"rule": rng.choice(["consensus", "council_majority", "unanimous_council"]),
                     "min_support": rng.choice([-20, -5, 0, 5, 10])},
    }


def compare_random(binary, count, seed):
    import random
    import tempfile
    rng = random.Random(seed)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(count):
            path = f"{tmp}/generated_{index}.yaml"
            with open(path, "w", encoding="utf-8") as f:
                yaml.safe_dump(random_scenario(rng, index), f, sort_keys=False, allow_unicode=True)
            problems = compare(binary, path)
            if problems:
                failed += 1
                with open(path, encoding="utf-8") as f:
                    print(f"--- generated scenario {index} (seed {seed}):\n{f.read()}")
                for p in problems:
                    print(f"generated_{index}: {p}")
    print(f"{count - failed} of {count} generated scenarios agree")
    return 1 if failed else 0


def self_test():
    """The reference itself against numbers worked out by hand, so that a
    mistake shared by both implementations is not silently "agreed"."""
    names = {"attributes": {"cost", "months"}, "resources": {"budget"},
             "issues": {"locatie": ["hier", "daar"]}}
    env = {"attrs": {"cost": 1200.0, "months": 0.0}, "res": {"budget": 1000.0},
           "choice": {"locatie": "daar"}}
    cases = [
        ("cost <= budget", 0.0), ("cost / months == 0", 1.0), ("1 + 2 * 3 == 7", 1.0),
        ("(1 + 2) * 3 == 9", 1.0), ("-cost < -1000", 1.0), ("not cost > budget or months > 1", 0.0),
        ("locatie == daar and locatie != hier", 1.0), ("not (locatie == daar)", 0.0),
        ("cost - budget", 200.0), ("budget / 4 / 5", 50.0),
    ]
    failures = []
    for text, want in cases:
        got = evaluate(parse_expression(text, names, want_bool=False), env)
        if abs(got - want) > 1e-9:
            failures.append(f"{text!r} gave {got}, expected {want}")
    for bad in ("cost <= ", "unknown > 1", "locatie > 1", "locatie == elders", "cost < 1 < 2",
                "cost and months > 1"):
        try:
            parse_expression(bad, names)
            failures.append(f"{bad!r} parsed but should be rejected")
        except ExprError:
            pass
    # DESIGN.md's formula on skatebaan, worked out in docs/scenario-authoring.md:
    # skaters on (plan_jongeren, parkrand, gemeente, licht_tot_22) =
    # 100 * (3*2 + 3*6 + 1*5) / (3 * 4 * 7) = 34.52...
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    out, _, _ = analyze_file(os.path.join(here, "..", "..", "scenarios", "skatebaan.yaml"))
    if out["maxmin_package"] != {"ontwerp": "plan_jongeren", "locatie": "parkrand", "beheer": "gemeente",
                                 "tijden": "licht_tot_22"} or out["maxmin_support_by_role"]["skaters"] != 34.5:
        failures.append(f"skatebaan maxmin {out['maxmin_package']} {out['maxmin_support_by_role']}, "
                        "expected the worked example (skaters 34.5)")
    if round1(-12.25) != -12.3 or round1(0.05) != 0.1 or round1(-0.04) != 0.0:
        failures.append("rounding to one decimal is not half away from zero")
    for f in failures:
        print(f)
    print("reference self-test", "FAILED" if failures else "ok")
    return 1 if failures else 0


def main(argv):
    if argv == ["--self-test"]:
        return self_test()
    if len(argv) == 4 and argv[0] == "--compare-random":
        return compare_random(argv[1], int(argv[2]), int(argv[3]))
    if len(argv) >= 3 and argv[0] == "--compare":
        failed = False
        for path in argv[2:]:
            problems = compare(argv[1], path)
            for p in problems:
                print(f"{path}: {p}")
            print(f"{'DIFFERS' if problems else 'agrees'} {path}")
            failed |= bool(problems)
        return 1 if failed else 0
    after_events = "--after-events" in argv
    argv = [a for a in argv if a != "--after-events"]
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        out, _, _ = analyze_file(argv[0], after_events)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ExprError) as err:
        print(f"{argv[0]}: error: {err}", file=sys.stderr)
        return 2
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
