#!/usr/bin/env python3
"""Check the phone page's texts against the catalogs (no browser needed).

    tests/web/check_catalog.py [REPO]

- every key the page asks for (t('key'), tn('key', n) -> key.one/key.other,
  and the keys it builds at run time, listed below) is in nl and in en, as
  the host serves them (without the desktop-only groups of
  engine/net/web_catalog.cpp);
- the web.* keys are the same in nl and en, every plural has .one and .other;
- a text and its translation use the same placeholders ({0}, {1}, ...);
- the page's first load (index.html, style.css and every module app.js
  imports statically; not mock.js nor the forms in screens/flows.js and
  flow_steps.js, which are imported when needed) stays under 200 KB,
  catalog included.
Exit status 1 with a list of problems, 0 when all is well.
"""
import glob
import json
import os
import re
import sys

import yaml

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))
WEB = os.path.join(ROOT, "assets", "web")
PHASES = ["kennismaken", "perspectief", "waarden", "randvoorwaarden", "voorstel", "besluit", "reflectie"]

# Keys built at run time: `web.now.${kind}` and the like.
DYNAMIC = (
    [f"web.now.{k}" for k in PHASES + ["default"]]
    + [f"web.weight.{w}" for w in range(4)]
    + [f"web.react.{k}" for k in ("support", "object", "support_if")]
    + [f"web.vote.{k}" for k in ("yes", "no", "ja_mits")]
    + [f"table.status.{k}" for k in ("open", "superseded", "back", "accepted", "rejected")]
    + [f"ui.language.{k}" for k in ("nl", "en")]
)


def desktop_only():
    """The groups engine/net/web_catalog.cpp leaves out of what phones load."""
    with open(os.path.join(ROOT, "engine", "net", "web_catalog.cpp"), encoding="utf-8") as f:
        src = f.read()
    groups = re.search(r"kDesktopOnly\[\]\s*=\s*\{([^}]*)\}", src)
    also = re.search(r'kPageAlso\s*=\s*"([^"]*)"', src)
    return re.findall(r'"([^"]*)"', groups.group(1)) if groups else [], also.group(1) if also else None


def catalog(lang):
    """The catalog as the host serves it to the page (/i18n/<lang>.json)."""
    texts = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "assets", "i18n", lang, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            texts.update({str(k): str(v) for k, v in (yaml.safe_load(f) or {}).items()})
    groups, also = desktop_only()
    return {k: v for k, v in texts.items()
            if (also and k.startswith(also)) or not any(k.startswith(g) for g in groups)}


def web_yaml(lang):
    with open(os.path.join(ROOT, "assets", "i18n", lang, "web.yaml"), encoding="utf-8") as f:
        return {str(k): str(v) for k, v in (yaml.safe_load(f) or {}).items()}


def page_sources():
    files = sorted(glob.glob(os.path.join(WEB, "*.js")) + glob.glob(os.path.join(WEB, "screens", "*.js")))
    return [f for f in files if os.path.basename(f) != "mock.js"]


def asked_keys():
    keys = set(DYNAMIC)
    single = re.compile(r"""\b(t|tn|has)\(\s*'([a-z_]+(?:\.[a-z0-9_]+)+)'""")
    literal = re.compile(r"""'((?:web|table|refuse|debrief|cond)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*)'""")
    for path in page_sources():
        with open(path, encoding="utf-8") as f:
            src = f.read()
        for fn, key in single.findall(src):
            if fn == "tn":
                keys.update({key + ".one", key + ".other"})
            else:
                keys.add(key)
        # Keys chosen at run time from literals: t(kind === 'is' ? 'cond.is' : ...).
        for key in literal.findall(src):
            keys.add(key)
    # A plural's base key is not a key of its own.
    return {k for k in keys if not (k + ".one" in keys and k + ".other" in keys)}


def first_load_bytes():
    """index.html, its style sheet, every module reachable by static import from app.js, one catalog."""
    seen, todo, total = set(), ["app.js"], 0
    imp = re.compile(r"""^\s*import\s[^'"]*['"](\.[^'"]+)['"]""", re.M)
    while todo:
        rel = os.path.normpath(todo.pop())
        if rel in seen:
            continue
        seen.add(rel)
        path = os.path.join(WEB, rel)
        with open(path, encoding="utf-8") as f:
            src = f.read()
        total += len(src.encode("utf-8"))
        for m in imp.findall(src):
            todo.append(os.path.join(os.path.dirname(rel), m))
    for extra in ("index.html", "style.css", "icon.svg"):
        total += os.path.getsize(os.path.join(WEB, extra))
    sizes = {lang: len(json.dumps(catalog(lang), ensure_ascii=False).encode("utf-8")) for lang in ("nl", "en")}
    return total, max(sizes.values()), sorted(seen)


def main():
    problems = []
    nl, en = catalog("nl"), catalog("en")
    for key in sorted(asked_keys()):
        for lang, texts in (("nl", nl), ("en", en)):
            if key not in texts:
                problems.append(f"{lang}: missing {key}")
    wnl, wen = web_yaml("nl"), web_yaml("en")
    for k in sorted(set(wnl) ^ set(wen)):
        problems.append(f"only in {'nl' if k in wnl else 'en'}/web.yaml: {k}")
    for k in sorted(set(wnl) | set(wen)):
        if not k.startswith("web."):
            problems.append(f"web.yaml key outside web.*: {k}")
        for form, other in ((".one", ".other"), (".other", ".one")):
            if k.endswith(form) and k[: -len(form)] + other not in wnl:
                problems.append(f"plural {k} has no {other}")
        if k in wnl and k in wen:
            a = set(re.findall(r"\{\d+\}", wnl[k]))
            b = set(re.findall(r"\{\d+\}", wen[k]))
            if a != b:
                problems.append(f"{k}: nl uses {sorted(a)}, en uses {sorted(b)}")
    code, cat, modules = first_load_bytes()
    total = code + cat
    print(f"first load: {code} bytes of page ({len(modules)} modules) + {cat} bytes of catalog = {total} bytes")
    lazy = [f for f in page_sources() if os.path.relpath(f, WEB) not in modules]
    if lazy:
        print("loaded when needed: " + ", ".join(f"{os.path.relpath(f, WEB)} {os.path.getsize(f)} bytes" for f in lazy))
    if total > 200 * 1024:
        problems.append(f"first load {total} bytes is over 200 KB")
    for p in problems:
        print("problem:", p)
    print(f"{len(asked_keys())} keys asked, {len(wnl)} web.* keys per language, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
