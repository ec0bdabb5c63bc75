#!/usr/bin/env python3
"""Look at the phone page as a player would, against the mock host.

    tests/web/shots.py [--out shots] [--lang nl,en] [--size 390x844,360x740] [--only NAME]

Serves assets/ with tests/web/serve_mock.py, drives headless Chromium
(python3-selenium, chromium-driver) in phone emulation through every screen
(join, each phase, the step-by-step forms, an announcement, the decision,
the debrief, a refusal, a lost connection) and saves a screenshot of each as
OUT/<lang>-<width>-<nn>-<name>.png. On every screen it checks what a person
would notice: no text wider than the screen, touch targets of at least 44 px,
text contrast of at least 4.5:1 (3:1 for large text), no catalog key missing,
no JavaScript error. Exit status 1 when a check fails.
"""
import argparse
import os
import socket
import subprocess
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import JavascriptException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

# Runs in the page: what a person would notice on this screen.
CHECK_JS = r"""
const problems = [];
const vw = arguments[0]; // the phone's width (a mobile viewport widens itself to fit wide content)
if (document.documentElement.scrollWidth > vw + 1 || window.innerWidth > vw + 1) problems.push(`page is ${document.documentElement.scrollWidth}px wide, screen ${vw}px`);
function visible(el) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return false;
  const s = getComputedStyle(el);
  return s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[hidden]') && !el.closest('[inert]');
}
function label(el) { return (el.getAttribute('aria-label') || el.textContent || el.value || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 40); }
for (const el of document.querySelectorAll('button, a[href], input, textarea, select, summary, [role=radio], [role=checkbox]')) {
  if (!visible(el)) continue;
  const r = el.getBoundingClientRect();
  if (r.height < 43.5 || r.width < 43.5) problems.push(`small target ${Math.round(r.width)}x${Math.round(r.height)}: ${label(el)}`);
  if (r.right > vw + 1 || r.left < -1) problems.push(`target off screen: ${label(el)}`);
}
for (const el of document.querySelectorAll('button:not([aria-label]), [role=radio], [role=checkbox]')) {
  if (visible(el) && !label(el)) problems.push('a button without a name');
}
for (const el of document.querySelectorAll('input, textarea')) {
  if (!visible(el)) continue;
  const named = el.getAttribute('aria-label') || (el.id && document.querySelector(`label[for="${el.id}"]`));
  if (!named) problems.push(`field without a label: ${el.id || el.name}`);
}
function rgba(c) {
  const m = c.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const p = m[1].split(',').map((x) => parseFloat(x));
  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
}
function lum(c) {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function background(el) {
  for (let e = el; e; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.backgroundImage && s.backgroundImage !== 'none' && !s.backgroundImage.startsWith('linear-gradient(to bottom, rgba(242')) return null;
    const c = rgba(s.backgroundColor);
    if (c && c.a > 0.9) return c;
    if (c && c.a > 0.05) return null; // translucent layers: not measured
  }
  return { r: 255, g: 255, b: 255, a: 1 };
}
const seen = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (!node.textContent.trim()) continue;
  const el = node.parentElement;
  if (!el || seen.has(el) || !visible(el)) continue;
  seen.add(el);
  const s = getComputedStyle(el);
  const fg = rgba(s.color);
  const bg = background(el);
  if (!fg || !bg) continue;
  let opacity = 1;
  for (let e = el; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
  if (opacity < 1) continue; // disabled choices: not required by WCAG
  const a = lum(fg), b = lum(bg);
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const size = parseFloat(s.fontSize);
  const bold = parseInt(s.fontWeight, 10) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  if (el.closest('button[disabled]')) continue; // inactive controls are exempt
  if (ratio < (large ? 3 : 4.5)) problems.push(`contrast ${ratio.toFixed(2)}: ${node.textContent.trim().slice(0, 40)}`);
}
const missing = window.samenspelMissingKeys ? window.samenspelMissingKeys() : [];
for (const k of missing) problems.push(`missing catalog key ${k}`);
return problems;
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Phone:
    def __init__(self, base, lang, width, height, out, failures):
        self.base, self.lang, self.w, self.h, self.out = base, lang, width, height, out
        self.failures = failures
        self.n = 0
        opts = webdriver.ChromeOptions()
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                  f"--window-size={width},{height}", f"--lang={'nl-NL' if lang == 'nl' else 'en-GB'}"):
            opts.add_argument(a)
        opts.add_experimental_option("prefs", {"intl.accept_languages": "nl-NL,nl" if lang == "nl" else "en-GB,en"})
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
        self.d.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})

    def quit(self):
        self.d.quit()

    def open(self, query, wait=1.2):
        self.d.get(f"{self.base}/?{query}&lang={self.lang}")
        # A fresh phone for every scene: no stored seat, nothing seen yet.
        self.d.execute_script("localStorage.clear();")
        self.d.get(f"{self.base}/?{query}&lang={self.lang}")
        time.sleep(wait)

    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def click(self, css, index=0, wait=0.5):
        els = [e for e in self.d.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]
        if len(els) <= index:
            raise RuntimeError(f"no element {css}[{index}] on {self.d.current_url}")
        self.js("arguments[0].scrollIntoView({block: 'center'});", els[index])
        els[index].click()
        time.sleep(wait)

    def type(self, css, text):
        el = self.d.find_element(By.CSS_SELECTOR, css)
        el.clear()
        el.send_keys(text)

    def wait_until(self, condition, seconds=10):
        """Polls `condition` in the page: a loaded machine draws late."""
        end = time.time() + seconds
        while time.time() < end:
            try:
                if self.js(f"return Boolean({condition});"):
                    return
            except JavascriptException:
                pass
            time.sleep(0.2)

    def expect(self, condition, what):
        try:
            ok = self.js(f"return Boolean({condition});")
        except JavascriptException as e:
            ok = False
            what += f" ({e.msg})"
        if not ok:
            self.failures.append(f"{self.lang}-{self.w}: not so: {what}")
        print(f"  {'ok' if ok else 'FAILED'}: {what}", flush=True)

    def shot(self, name, scroll=None):
        if scroll == "bottom":
            self.js("window.scrollTo(0, document.documentElement.scrollHeight)")
            time.sleep(0.3)
        elif isinstance(scroll, str):
            self.js("const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView({block: 'start'}); window.scrollBy(0, -140);", scroll)
            time.sleep(0.3)
        self.n += 1
        path = os.path.join(self.out, f"{self.lang}-{self.w}-{self.n:02d}-{name}.png")
        self.d.save_screenshot(path)
        try:
            problems = self.js(CHECK_JS, self.w)
        except JavascriptException as e:
            problems = [f"check failed: {e.msg}"]
        for entry in self.d.get_log("browser"):
            if entry["level"] == "SEVERE" and "favicon" not in entry["message"]:
                problems.append(f"console: {entry['message'][:200]}")
        for p in problems:
            self.failures.append(f"{os.path.basename(path)}: {p}")
        print(f"  {os.path.basename(path)}" + (f"  ({len(problems)} problems)" if problems else ""), flush=True)
        return path


def run_phone(p):
    s = ".choice"
    act = "#tabs [data-tab=act]"
    board = "#tabs [data-tab=board]"
    card = "#tabs [data-tab=card]"
    primary = ".sticky-actions .btn"

    # Joining.
    p.open("mock=1&code=nope")
    p.shot("code")
    p.open("mock=1")
    p.type("#join-name", "Sam")
    p.click(s, 0)
    p.shot("lobby")
    p.click(".sticky-actions .btn", wait=0.4)
    p.shot("waiting")
    time.sleep(2.8)
    p.shot("kennismaken-card")
    # A reload returns to the same seat without asking (the token is kept).
    p.d.refresh()
    time.sleep(1.2)
    p.expect("document.querySelector('#join-name') === null && !document.getElementById('tabs').hidden",
             "after a reload the phone is back at its seat")
    p.expect("JSON.parse(localStorage.getItem('samenspel.seat.piano-zebra-tango')).token === 'mock-token-0001'",
             "the seat token is kept per session code")
    p.shot("kennismaken-card-bottom", scroll="bottom")
    p.click(act)
    p.shot("kennismaken-act")
    p.click(".done-block .btn", wait=0.6)
    p.shot("done-accepted")

    # A token the host no longer knows: back to the lobby, with the reason.
    p.js("localStorage.setItem('samenspel.seat.piano-zebra-tango', JSON.stringify({token: 'old-token', role: 'skaters', name: 'Sam', seat: 0}))")
    p.d.get(f"{p.base}/?mock=1&lang={p.lang}")
    time.sleep(1.2)
    p.expect("document.querySelector('#join-name') !== null && document.querySelector('.notice-error') !== null",
             "an unknown token leads back to the lobby with the host's reason")
    p.expect("localStorage.getItem('samenspel.seat.piano-zebra-tango') === null", "the unknown token is forgotten")
    p.shot("bad-token-lobby")

    # Perspectief: the begrip questions, one per screen, the board hidden meanwhile.
    p.open("mock=1&scene=perspectief")
    p.shot("perspectief-act")
    p.click(board, wait=0.3)
    p.expect("document.querySelector('.board-hidden') !== null", "the board says it is hidden while questions are open")
    p.shot("perspectief-board-hidden")
    p.click(act, wait=0.3)
    p.click(".action-btn", 0)
    # It opens at the first open question: a red line (the values of that role were predicted).
    p.expect("document.querySelector('.begrip-progress') !== null", "the questions show how many are answered")
    p.shot("begrip-red-line")
    p.click(s, 1, wait=0.8)
    p.expect("/(2 van 12|2 of 12)/.test(document.querySelector('.begrip-progress').textContent)",
             "a tapped answer is saved and the next question follows")
    p.shot("begrip-interest")
    p.click(".btn-back", wait=0.3)
    p.expect("document.querySelectorAll('.choice.is-selected').length === 1", "the own answer is marked when one goes back")
    p.shot("begrip-answer-marked")
    p.click(".btn-back", wait=0.3)
    p.shot("begrip-values")
    p.click(s, 4, wait=0.2)
    p.click(primary, wait=0.8)
    p.expect("document.querySelectorAll('.choice.is-selected').length === 1", "after the values, the red line again with its answer")

    # Reflectie: what was shared stays off the board until the questions are answered.
    p.open("mock=1&scene=reflectie")
    p.click(board, wait=0.3)
    p.click(".section-summary", 2, wait=0.3)
    p.expect("document.querySelector('.board-hidden') !== null && document.querySelectorAll('.role-list .kv-shared').length === 0",
             "in reflectie the board leaves out the shared values while questions are open")
    p.shot("reflectie-board-hidden")

    # Waarden: a question for me, asking, sharing.
    p.open("mock=1&scene=waarden")
    p.shot("waarden-act")
    p.click(".urgent .btn", 1)
    p.shot("answer-how")
    p.click(s, 1)
    p.type("#decline-reason", "")
    p.click(primary, wait=0.3)
    p.shot("decline-empty-refused")
    p.type("#decline-reason", "Dat vertellen we liever als het voorstel er ligt." if p.lang == "nl" else "We would rather tell that once there is a proposal.")
    p.shot("decline-reason")
    p.click(primary, wait=0.8)
    p.shot("decline-accepted")
    p.click(".action-btn", 1)
    p.click(s, 2)
    p.shot("ask-about")
    p.click(s, 0)
    p.shot("ask-confirm")
    # The phone's back button steps back in a form instead of leaving the page.
    for step in (2, 1):
        p.d.back()
        time.sleep(0.5)
        p.expect(f"document.querySelector('.step-count') && /^\\D*{step}\\D/.test(document.querySelector('.step-count').textContent)",
                 f"the back button goes one step back in a form (to step {step})")
    p.d.back()
    time.sleep(0.5)
    p.expect("document.querySelector('.flow') === null && location.search.includes('scene=waarden')",
             "the back button at the first step closes the form and stays on the page")
    p.click(board)
    p.shot("waarden-board")
    p.shot("waarden-board-questions", scroll="details.section:nth-of-type(4)")

    # Paused.
    p.open("mock=1&scene=paused")
    p.shot("paused")

    # The speaking queue: in line behind Ria while Johan speaks, then the floor.
    p.open("mock=1&scene=turn")
    p.wait_until("document.querySelector('.speak-waiting')")
    p.expect("/(eerste|2e) in de rij|number 2 in line/.test(document.querySelector('.speak-waiting').textContent)",
             "the phone says its place in the speaking queue")
    p.shot("turn-in-line")
    p.open("mock=1&scene=floor")
    p.wait_until("document.querySelector('.speak-floor .btn')")
    p.shot("turn-floor")
    p.click(".speak-floor .btn", wait=0.8)
    p.wait_until("document.querySelector('.btn-speak')")
    p.expect("document.querySelector('.btn-speak') !== null", "after 'Done' the phone can ask for the floor again")
    p.shot("turn-done")

    # Randvoorwaarden: the event, then a red line.
    p.open("mock=1&scene=event")
    p.shot("event-moment")
    p.click(".moment-ok")
    p.shot("randvoorwaarden-act")
    p.click(".action-btn", 2)
    p.shot("red-line-pick")
    p.click(s, 0)
    p.click(primary, wait=0.8)
    p.shot("red-line-accepted")

    # Voorstel: the board, proposing, reacting with "ja, mits".
    p.open("mock=1&scene=voorstel")
    p.click(board)
    p.shot("voorstel-board")
    p.shot("voorstel-board-support", scroll=".proposal-on-table .support-list")
    p.click(act)
    p.shot("voorstel-act")
    p.click(".action-btn", 0)
    p.shot("propose-issue")
    for i in range(4):
        p.click(s, 1 if i != 1 else 2, wait=0.3)
    p.shot("propose-confirm")
    p.click(primary, wait=0.8)
    p.shot("propose-accepted")
    p.click(".action-btn", 2)
    p.click(s, 1)  # proposal 1 (version 2)
    p.shot("react-kind")
    p.click(s, 2)
    p.shot("react-reason")
    p.click(s, 0)
    p.shot("cond-kind")
    p.click(s, 2)
    p.shot("cond-attr")
    p.click(s, 0)
    p.type("#cond-number", "35.000" if p.lang == "nl" else "35,000")
    p.shot("cond-number")
    p.click(primary)
    p.shot("cond-list")
    p.click(".cond-add")
    p.click(s, 1)
    p.click(s, 3)
    p.shot("cond-option")
    p.click(s, 0)
    p.click(primary)
    p.shot("react-confirm")
    p.js("window.samenspelMock.refuseNext('refuse.too_many_reactions', ['100'])")
    p.click(primary, wait=0.8)
    p.shot("react-refused")
    p.click(primary, wait=0.8)
    p.shot("react-accepted")

    # Besluit: voting, as a council member.
    p.open("mock=1&scene=besluit")
    p.shot("besluit-act")
    p.click(".urgent .btn")
    p.shot("vote-choice")
    p.shot("vote-choice-bottom", scroll="bottom")
    p.click(s, 2)
    p.click(s, 0)
    p.click(s, 0)
    p.click(s, 1)
    p.shot("vote-cond-issue")
    p.click(s, 0)
    p.click(primary)
    p.shot("vote-confirm")
    p.click(primary, wait=0.8)
    p.shot("vote-accepted")

    # The decision, the end.
    p.open("mock=1&scene=decision")
    p.shot("decision-moment")
    p.shot("decision-moment-bottom", scroll="bottom")
    p.open("mock=1&scene=end")
    p.shot("end-debrief")
    p.shot("end-debrief-bottom", scroll="bottom")
    p.click(board)
    p.click("details.section:nth-of-type(3) > summary", wait=0.3)
    p.shot("end-board-roles", scroll="details.section:nth-of-type(3)")
    p.click(card)
    p.shot("end-card")

    # The language switch: the other catalog, and the host is asked for a view in it.
    other = "en" if p.lang == "nl" else "nl"
    p.click("#lang-btn", wait=1.0)
    p.expect(f"document.documentElement.lang === '{other}'", "the language switch loads the other catalog")
    p.expect(f"document.querySelector('#main h1').textContent === '{'Young skaters' if other == 'en' else 'Jonge skaters'}'",
             "the host's view follows the language switch")
    p.shot("language-switched")
    p.click("#lang-btn", wait=1.0)

    # The phone's text size at 200 % (the browser's default font size, as a
    # player's own setting sets it): nothing may get wider than the screen.
    p.d.execute_cdp_cmd("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    p.open("mock=1&scene=voorstel")
    p.shot("text-200-act")
    p.click(".action-btn", 2)
    p.click(s, 1)
    p.shot("text-200-react")
    p.click(board)
    p.shot("text-200-board")
    p.d.execute_cdp_cmd("Page.setFontSizes", {"fontSizes": {"standard": 16, "fixed": 13}})

    # A dropped connection.
    p.open("mock=1&scene=voorstel")
    p.js("window.samenspelMock.drop()")
    time.sleep(0.05)
    p.shot("connection-lost")
    time.sleep(1.5)
    p.shot("reconnected")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "shots"))
    ap.add_argument("--lang", default="nl,en")
    ap.add_argument("--size", default="390x844,360x740")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "serve_mock.py"), "--port", str(port), "--root", ROOT],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    failures = []
    try:
        server.stdout.readline()
        base = f"http://127.0.0.1:{port}"
        for lang in args.lang.split(","):
            for size in args.size.split(","):
                w, h = (int(x) for x in size.split("x"))
                print(f"{lang} {w}x{h}", flush=True)
                phone = Phone(base, lang, w, h, args.out, failures)
                try:
                    run_phone(phone)
                except (WebDriverException, RuntimeError) as e:
                    failures.append(f"{lang}-{w}: stopped: {e}")
                    phone.shot("stopped-here")
                finally:
                    phone.quit()
    finally:
        server.terminate()
        server.wait()
    for f in failures:
        print("FAIL", f)
    print(f"{len(failures)} problems; screenshots in {args.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
