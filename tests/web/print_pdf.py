#!/usr/bin/env python3
"""The printout on paper: a scenario printed to PDF by Debian's chromium.

    tests/web/print_pdf.py SAMENSPEL SCENARIO OUT_DIR [LANG]

Runs `samenspel print SCENARIO --lang LANG`, prints the HTML to PDF with
headless chromium (as a browser's Print does, A4) and reads the PDF back with
poppler's pdfinfo and pdftotext. Checked, as docs/printing.md promises:
 - page r (1-based) is the card of role r: it holds that role's name, its
   secret and the card's last part (the notes), so no card splits over two
   pages, and no other role's secret;
 - then the case sheet and the facilitator's sheet, each starting on a page
   of its own and each at most two pages (one sheet printed on both sides),
   the teaching note when the scenario has one (docs/scenarios/ID.md), from a
   page of its own, with every heading of its part in LANG, and the decision
   form on the last page, alone; no role's secret on them;
 - so the PDF has between roles + 3 and roles + 5 pages, plus the note's.
The PDF stays in OUT_DIR. Exit 77 (skipped) when chromium or poppler-utils
is missing (scripts/setup.sh installs both).
"""
import os
import re
import shutil
import subprocess
import sys

import yaml

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFINFO = shutil.which("pdfinfo")
PDFTOTEXT = shutil.which("pdftotext")
LABELS = {
    "nl": {"notes": "Aantekeningen", "case": "DE CASUS", "facilitator": "VOOR DE SPELLEIDER",
           "note": "LESBRIEF VOOR DE SPELLEIDER", "form": "BESLUITFORMULIER"},
    "en": {"notes": "Notes", "case": "THE CASE", "facilitator": "FOR THE FACILITATOR",
           "note": "TEACHING NOTE FOR THE FACILITATOR", "form": "DECISION FORM"},
}
# The headings of a teaching note's part (tests/tools/check_notes.py).
NOTE_HEADINGS = {
    "nl": ["Waar gaat het over", "Leerdoelen", "Inleiden in twee minuten", "De spanning",
           "Wat er meestal gebeurt", "Vragen voor de nabespreking", "Varianten"],
    "en": ["What it is about", "Learning goals", "Introducing it in two minutes",
           "The tension", "What usually happens", "Debrief questions", "Variations"],
}

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what, flush=True)


def words(text):
    """Text with every run of white space as one space and without hyphens:
    pdftotext breaks lines where the page does (and joins "law-and-" and
    "order" as "law-andorder"), the scenario file where its author did."""
    return re.sub(r"\s+", " ", text.replace("-", "")).strip()


def localized(field, lang):
    """A scenario text in `lang` as the game picks it (core/text.hpp)."""
    if field is None:
        return ""
    if isinstance(field, str):
        return field
    for key in (lang, "en", "nl"):
        if field.get(key):
            return field[key]
    return next(iter(field.values()), "")


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    binary, scenario, out_dir = sys.argv[1:4]
    lang = sys.argv[4] if len(sys.argv) > 4 else "nl"
    missing = [name for name, path in (("chromium", CHROMIUM), ("pdfinfo", PDFINFO),
                                       ("pdftotext", PDFTOTEXT)) if not path]
    if missing:
        print(f"SKIP: {', '.join(missing)} not installed (Debian: chromium, poppler-utils)")
        return 77
    os.makedirs(out_dir, exist_ok=True)
    html = os.path.abspath(os.path.join(out_dir, f"printout-{lang}.html"))
    pdf = os.path.abspath(os.path.join(out_dir, f"printout-{lang}.pdf"))
    if os.path.exists(pdf):
        os.remove(pdf)
    subprocess.run([binary, "print", scenario, "--lang", lang, "--out", html], check=True)
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                    f"--user-data-dir={os.path.join(os.path.abspath(out_dir), 'chromium')}",
                    f"--print-to-pdf={pdf}", "--no-pdf-header-footer", "file://" + html],
                   check=True, timeout=60, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    info = subprocess.run([PDFINFO, pdf], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    check(re.search(r"^Page size:.*\(A4\)", info, re.M) is not None, f"A4 pages: {info}")

    with open(scenario, encoding="utf-8") as f:
        sc = yaml.safe_load(f)
    roles = [(words(localized(r.get("name"), lang) or r["id"]),
              words(localized(r.get("secret"), lang)))
             for r in sc["roles"]]
    # Each page as text in reading order.
    plain = [words(subprocess.run([PDFTOTEXT, "-f", str(n), "-l", str(n), pdf, "-"], check=True,
                                  capture_output=True, text=True).stdout)
             for n in range(1, pages + 1)]
    print(f"{len(roles)} roles, {pages} pages", flush=True)
    labels = LABELS[lang]
    rest = plain[len(roles):]

    def first_page(label):
        return next((i for i, t in enumerate(rest) if t.upper().startswith(label)), None)

    note_at = first_page(labels["note"])
    note_path = os.path.join(os.path.dirname(os.path.abspath(scenario)), "..", "docs",
                             "scenarios", sc["id"] + ".md")
    check((note_at is not None) == os.path.isfile(note_path),
          f"the teaching note is printed exactly when {note_path} exists")
    note_pages = 0
    form_at = first_page(labels["form"])
    if note_at is not None and form_at is not None:
        note_pages = form_at - note_at
        note_text = " ".join(rest[note_at:form_at])
        for heading in NOTE_HEADINGS[lang]:
            check(heading in note_text, f"the teaching note has its heading '{heading}'")
        print(f"the teaching note: {note_pages} page(s)", flush=True)
    check(len(roles) + 3 + note_pages <= pages <= len(roles) + 5 + note_pages,
          f"{pages} pages for {len(roles)} roles: cards, case sheet, facilitator's sheet, "
          f"{note_pages} of the teaching note, form")
    for r, (name, secret) in enumerate(roles):
        if r >= pages:
            break
        text = plain[r]
        check(name in text, f"page {r + 1}: the card of {name}")
        check(secret in text, f"page {r + 1}: the secret of {name}")
        check(labels["notes"] in text, f"page {r + 1}: the card of {name} ends on its page")
        for other, (other_name, other_secret) in enumerate(roles):
            if other != r and other_secret:
                check(other_secret not in text, f"page {r + 1}: {other_name}'s secret")
    # Each sheet begins with its label (the line above its title).
    case_at = first_page(labels["case"])
    fac_at = first_page(labels["facilitator"])
    check(case_at == 0, "the case sheet starts right after the cards")
    check(fac_at is not None and 1 <= fac_at <= 2, "the case sheet takes one or two pages")
    check(form_at == len(rest) - 1, "the decision form is the last page, on one page")
    fac_end = note_at if note_at is not None else form_at
    if fac_at is not None and fac_end is not None:
        check(1 <= fac_end - fac_at <= 2, "the facilitator's sheet takes one or two pages")
    for i, text in enumerate(rest):
        for name, secret in roles:
            if secret:
                check(secret not in text, f"page {len(roles) + i + 1}: {name}'s secret")
    if failures:
        print(f"{len(failures)} problem(s); the PDF: {pdf}")
        return 1
    print(f"ok: {pdf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
