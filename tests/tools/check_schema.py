#!/usr/bin/python3
"""Keeps scenarios/schema.json and the scenario loader from drifting apart.

Usage: check_schema.py [--samenspel BINARY]

  * every scenarios/*.yaml must validate against scenarios/schema.json (and,
    with --samenspel, pass `samenspel validate`);
  * every tests/data/broken/*.yaml must be rejected by the schema at the
    place its `# expect-schema: PATH` header names, and (with --samenspel) by
    `samenspel validate` with exit code 2 and an error at one of the lines in
    its `# expect-line: N [N...]` header, in the FILE:LINE:COL: error: form.
Exit 1 when any check fails.
"""
import glob
import json
import os
import re
import subprocess
import sys

import jsonschema
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_schema():
    with open(os.path.join(ROOT, "scenarios", "schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def schema_errors(validator, path):
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return list(validator.iter_errors(data))


def header(path, key):
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(rf"#\s*{key}:\s*(.*)$", line.strip())
            if m:
                return m.group(1).strip()
    return None


def run_validate(binary, path):
    proc = subprocess.run([binary, "validate", path], capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout + proc.stderr


def check_shipped(validator, binary):
    problems = []
    files = sorted(glob.glob(os.path.join(ROOT, "scenarios", "*.yaml")))
    if not files:
        problems.append("no scenarios/*.yaml found")
    for path in files:
        rel = os.path.relpath(path, ROOT)
        for err in schema_errors(validator, path):
            problems.append(f"{rel}: schema: {err.json_path}: {err.message[:200]}")
        if binary:
            code, output = run_validate(binary, path)
            if code != 0:
                problems.append(f"{rel}: samenspel validate exited {code}: {output.strip()[:400]}")
    return problems, len(files)


def check_broken(validator, binary):
    problems = []
    files = sorted(glob.glob(os.path.join(ROOT, "tests", "data", "broken", "*.yaml")))
    if len(files) < 10:
        problems.append(f"only {len(files)} broken scenarios; the suite needs at least 10")
    for path in files:
        rel = os.path.relpath(path, ROOT)
        expected_path = header(path, "expect-schema")
        errors = schema_errors(validator, path)
        if not errors:
            problems.append(f"{rel}: the schema accepts it")
        elif expected_path and not any(path.startswith(expected_path) for path in error_paths(errors)):
            found = ", ".join(sorted({err.json_path for err in errors}))
            problems.append(f"{rel}: the schema rejects it at {found}, expected at {expected_path}")
        if binary:
            problems += check_broken_with_loader(binary, path, rel)
    return problems, len(files)


def error_paths(errors):
    """Where the errors are, including the reasons inside anyOf/oneOf (an
    `effects:` map may also be null, so its errors sit one level down)."""
    for err in errors:
        yield err.json_path
        yield from error_paths(err.context or [])


def check_broken_with_loader(binary, path, rel):
    code, output = run_validate(binary, path)
    if code != 2:
        return [f"{rel}: samenspel validate exited {code}, expected 2: {output.strip()[:300]}"]
    lines = (header(path, "expect-line") or "").split()
    pattern = re.compile(rf"{re.escape(path)}:({'|'.join(lines) or '[0-9]+'}):[0-9]+: error: ")
    if not pattern.search(output):
        return [f"{rel}: samenspel validate reported no error at line {' or '.join(lines)}: "
                f"{output.strip()[:400]}"]
    return []


def main(argv):
    binary = None
    if len(argv) == 2 and argv[0] == "--samenspel":
        binary = argv[1]
    elif argv:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    validator = load_schema()
    shipped_problems, shipped = check_shipped(validator, binary)
    broken_problems, broken = check_broken(validator, binary)
    problems = shipped_problems + broken_problems
    for p in problems:
        print(p)
    who = "schema and samenspel validate" if binary else "schema"
    print(f"{'FAILED' if problems else 'ok'}: {shipped} shipped scenarios and {broken} broken ones "
          f"checked against the {who}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
