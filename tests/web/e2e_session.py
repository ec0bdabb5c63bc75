#!/usr/bin/env python3
"""A whole session from phones: a real host, real headless Chromium.

    tests/web/e2e_session.py SAMENSPEL SCENARIO OUT_DIR [--readme-shots DIR]
                             [--host window|terminal]

Starts the facilitator's window (`samenspel play --host SCENARIO --bots-after
2`, under Xvfb at a projector's 1280x720) on loopback and reads the join
address off a screenshot of its host screen with zbarimg, as a phone's camera
would; with --host terminal it starts `samenspel host --headless` instead and
reads the QR code it prints (drawn into an image). It opens two phone-sized headless
Chromium windows (390x844 and 360x740) on the scanned address. Each types a
name, takes a free seat and plays through the page to the debrief: shares a
value, answers the begrip questions (the board hidden meanwhile, back once
they are answered), proposes, reacts with "ja, mits", votes, says done (phone 0
also asks for the floor once and withdraws); bots fill
the other seats. Screenshots of every phase go to OUT_DIR/shots.

Checked: every WebSocket frame a phone received (Chrome's performance log)
and the page's text never hold another role's secret (until the view itself
reveals it), another role's weights, or another role's red line that was not
put on the table; a reload and a dropped network (CDP offline) return the
phone to the same seat with its earlier actions still there; the session
ends (the terminal host with exit code 0, the window's log marked
finished). Exit 77 (skipped) when chromium, chromedriver, selenium or
zbarimg is missing. The host side is in e2e_host.py.
"""
import argparse
import json
import os
import re
import shutil
import sys
import threading
import time

from e2e_host import HostProcess, log

try:
    import yaml
    from selenium import webdriver
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError as e:  # pragma: no cover
    print(f"SKIP: {e} (Debian: python3-selenium python3-yaml)")
    sys.exit(77)

CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SIZES = [(390, 844), (360, 740)]
NAMES = ["Sam", "Noor"]
# Phone 0 keeps the language the session is in (the browsers are set to
# English, the host runs in Dutch); phone 1 switches its page to English.
ROLES = ["Jonge skaters", "Coalition council member"]  # phone 1 votes in besluit
PAGE_LANGS = ["nl", "en"]
DEADLINE = 200  # seconds for the whole session


# ---- the scenario's hidden information --------------------------------------

def norm(text):
    return re.sub(r"\s+", " ", str(text)).strip()


def hidden_of(scenario_path):
    """Per role id: secrets (nl, en), precondition names, value weights."""
    sc = yaml.safe_load(open(scenario_path, encoding="utf-8"))
    # Events may change a role's weights: the card may show base + delta.
    deltas = {}
    def walk(x):
        if isinstance(x, dict):
            w = x.get("add_value_weight")
            if isinstance(w, dict):
                deltas.setdefault((w.get("role"), w.get("value")), []).append(int(w.get("delta", 0)))
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(sc.get("events", []))
    roles = {}
    for r in sc["roles"]:
        secret = r.get("secret") or {}
        roles[r["id"]] = {
            "secrets": [norm(v) for v in secret.values()] if isinstance(secret, dict) else [norm(secret)],
            "preconditions": [[norm(v) for v in (p.get("name") or {}).values()] for p in r.get("preconditions", [])],
            "values": r.get("values", {}),
            "deltas": {v: deltas.get((r["id"], v), []) for v in r.get("values", {})},
        }
    return roles


# ---- a phone ----------------------------------------------------------------

class Phone:
    def __init__(self, idx, url, out, hidden, failures):
        self.idx, self.url, self.out, self.hidden, self.failures = idx, url, out, hidden, failures
        self.w, self.h = SIZES[idx]
        self.name = NAMES[idx]
        self.n = 0
        self.frames = 0
        self.view = None
        self.role_id = None
        self.done_actions = set()
        self.tries = {}  # attempts per action and phase
        self.held_shot = False  # photograph the next look (the decision held on the projector)
        self.accepted_actions = set()
        self.welcomes = []
        self.own_secret_seen = False
        self.shot_phases = set()
        # Every begrip question of a phase answered; the board seen hidden, then back.
        self.begrip_answered = self.board_hidden_seen = self.board_shown = False
        self.lock = threading.Lock()
        opts = webdriver.ChromeOptions()
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                  "--disable-dev-shm-usage", f"--window-size={self.w},{self.h}", "--lang=en-GB"):
            opts.add_argument(a)
        opts.add_experimental_option("prefs", {"intl.accept_languages": "en-GB,en"})
        opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        self.d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": self.w, "height": self.h, "deviceScaleFactor": 1, "mobile": True})
        self.d.execute_cdp_cmd("Network.enable", {})
        # Keeps the page's sockets at hand, so the test can drop one as a
        # lost Wi-Fi would (Chrome's offline emulation leaves open ones open).
        self.d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
            (() => { const W = window.WebSocket; window.__sockets = [];
              window.WebSocket = class extends W {
                constructor(...a) { super(...a); window.__sockets.push(this); } }; })();"""})

    def fail(self, what):
        if any(what in f for f in self.failures):
            return
        log(f"phone {self.idx}: FAIL {what}")
        self.failures.append(f"phone {self.idx} ({self.name}): {what}")

    # -- frames and the hidden information --
    def drain(self):
        """Reads the WebSocket frames received since the last call; checks each."""
        try:
            entries = self.d.get_log("performance")
        except WebDriverException:
            return
        for e in entries:
            try:
                msg = json.loads(e["message"])["message"]
            except (ValueError, KeyError):
                continue
            if msg.get("method") != "Network.webSocketFrameReceived":
                continue
            payload = msg["params"]["response"].get("payloadData", "")
            self.frames += 1
            try:
                obj = json.loads(payload)
            except ValueError:
                continue
            if obj.get("type") == "welcome":
                self.role_id = obj.get("role")
                self.welcomes.append(obj)
            if obj.get("type") == "view":
                self.check_view(obj, payload)
                self.view = obj

    def others(self, view):
        mine = view["you"]["role"]
        for i, r in enumerate(view.get("roles", [])):
            if i != mine:
                yield i, r

    def check_view(self, view, payload):
        strings = []
        def walk(x):
            if isinstance(x, str):
                strings.append(norm(x))
            elif isinstance(x, dict):
                for v in x.values():
                    walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)
        walk(view)
        text = "\n".join(strings)
        begrip = view.get("begrip") or {}
        hidden = bool(begrip.get("boardHidden"))
        offered = {norm(o) for item in begrip.get("items", []) for o in item.get("options", [])}
        for item in begrip.get("items", []):
            for key in ("correct", "right", "score"):
                if key in item:
                    self.fail(f"frame: a begrip question carries '{key}' (the answer key)")
        mine = view["you"]["role"]
        roles = view.get("roles", [])
        own = roles[mine]["id"] if mine < len(roles) else None
        for i, r in self.others(view):
            h = self.hidden.get(r["id"])
            if not h:
                continue
            for key in ("values", "weights", "reservation", "preconditions", "card"):
                if key in r:
                    self.fail(f"frame: role {r['id']} carries '{key}'")
            if r.get("secret") is None:
                for s in h["secrets"]:
                    if s and s[:60] in text:
                        self.fail(f"frame: the secret of {r['id']} before it was revealed")
            shared = {norm(p.get("name", "")) for p in r.get("sharedPreconditions", [])}
            for names in h["preconditions"]:
                if any(n in shared for n in names):
                    continue
                for n in names:
                    # A red-line question offers it among others, not as this role's.
                    if n and n in text and n not in offered:
                        self.fail(f"frame: red line '{n}' of {r['id']} not put on the table")
            if hidden and ("sharedValues" in r or "sharedPreconditions" in r):
                self.fail(f"frame: the hidden board carries what {r['id']} shared")
        card = view.get("card") or {}
        # The check reads the frames right: the own secret is found in them.
        if own in self.hidden and card.get("secret") and \
                any(x and x[:60] in text for x in self.hidden[own]["secrets"]):
            self.own_secret_seen = True
        if own and own in self.hidden:
            weights = self.hidden[own]["values"]
            ids = [v.get("id") for v in view.get("values", [])]
            for v in card.get("values", []):
                vid = ids[v["value"]] if v["value"] < len(ids) else None
                base = weights.get(vid, 0)
                d = self.hidden[own]["deltas"].get(vid, [])
                allowed = {base, base + sum(d)} | {base + x for x in d}
                if vid is not None and v.get("weight") not in allowed:
                    self.fail(f"frame: the card's weight of {vid} is not the own role's")

    def check_page_text(self):
        if not self.view:
            return
        try:
            text = norm(self.d.execute_script("return document.body.innerText"))
        except WebDriverException:
            return
        for i, r in self.others(self.view):
            h = self.hidden.get(r["id"])
            if h and r.get("secret") is None:
                for s in h["secrets"]:
                    if s and s[:60] in text:
                        self.fail(f"page text: the secret of {r['id']}")

    # -- the page --
    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def shot(self, name):
        self.n += 1
        path = os.path.join(self.out, f"phone{self.idx}-{self.w}-{self.n:02d}-{name}.png")
        try:
            self.d.save_screenshot(path)
        except WebDriverException:
            pass
        return path

    def visible(self, css):
        return [e for e in self.d.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]

    def click(self, css, index=0, wait=0.35):
        # A view that arrives between finding and clicking redraws the form
        # (the bots act every few seconds): look again, as a thumb would.
        end = time.time() + 3
        while True:
            try:
                els = self.visible(css)
                if len(els) > index:
                    self.js("arguments[0].scrollIntoView({block: 'center'});", els[index])
                    els[index].click()
                    break
            except StaleElementReferenceException:
                pass
            if time.time() > end:
                raise RuntimeError(f"no {css}[{index}]")
            time.sleep(0.2)
        time.sleep(wait)

    def wait_for(self, condition, seconds=15):
        end = time.time() + seconds
        while time.time() < end:
            self.drain()
            try:
                if self.js(f"return Boolean({condition});"):
                    return True
            except WebDriverException:
                pass
            time.sleep(0.2)
        return False

    def join(self):
        self.d.get(self.url)
        if not self.wait_for("document.querySelector('#join-name')"):
            raise RuntimeError("no lobby")
        # A browser in English at a Dutch session shows the session's language.
        if not self.wait_for("document.documentElement.lang === 'nl' && "
                             "document.querySelectorAll('.choice').length > 0"):
            raise RuntimeError("the lobby did not switch to the session's language (nl)")
        if PAGE_LANGS[self.idx] != "nl":
            self.click("#lang-btn", wait=0.5)
            if not self.wait_for(f"document.documentElement.lang === '{PAGE_LANGS[self.idx]}' && "
                                 f"[...document.querySelectorAll('.choice')].some(c => c.textContent.includes({ROLES[self.idx]!r}))"):
                raise RuntimeError(f"the language switch to {PAGE_LANGS[self.idx]} did not take")
        if self.idx == 0:
            # A person takes their time on the lobby (typing a name, reading
            # the roles): the connection must not be cut off meanwhile.
            time.sleep(7)
            body = self.d.find_element(By.TAG_NAME, "body").text
            for said in ("te lang stil", "silent too long"):
                if said in body:
                    self.fail(f"the lobby showed a timeout after 7 s of choosing: {body[:200]!r}")
        time.sleep(0.5)
        self.shot("lobby")
        el = self.d.find_element(By.CSS_SELECTOR, "#join-name")
        el.clear()
        el.send_keys(self.name)
        # A free seat: phone 0 the skaters, phone 1 a council member (who votes).
        choices = self.visible(".choice")
        pick = [i for i, c in enumerate(choices) if ROLES[self.idx] in c.text]
        if not pick:
            raise RuntimeError(f"no free seat for {ROLES[self.idx]}: {[c.text for c in choices]}")
        self.click(".choice", pick[0])
        self.click(".sticky-actions .btn", wait=0.5)
        if not self.wait_for("localStorage.length > 0 && Object.keys(localStorage).some(k => k.startsWith('samenspel.seat.'))"):
            raise RuntimeError("no seat token stored")
        if not self.wait_for(f"document.documentElement.lang === '{PAGE_LANGS[self.idx]}'"):
            self.fail(f"the page left its language {PAGE_LANGS[self.idx]} after taking the seat")
        self.shot("waiting")

    def seat_of_storage(self):
        return self.js("const k = Object.keys(localStorage).find(k => k.startsWith('samenspel.seat.'));"
                       "return k ? JSON.parse(localStorage.getItem(k)) : null;")

    def dismiss_moment(self):
        if self.visible(".moment-ok"):
            self.shot("moment")
            self.click(".moment-ok", wait=0.3)

    def to_act(self):
        if self.visible(".flow"):
            self.click("#tabs [data-tab=act]", wait=0.2)  # leaves the form
        self.click("#tabs [data-tab=act]", wait=0.3)

    def action_index(self, kind):
        c = self.view.get("can", {})
        order = [("shareValue", bool(c.get("shareValue"))), ("ask", bool(c.get("ask"))),
                 ("sharePrecondition", bool(c.get("sharePrecondition"))),
                 ("begrip", bool((self.view.get("begrip") or {}).get("total")) and bool(c.get("predict") or c.get("answerItem"))),
                 ("propose", bool(c.get("propose"))), ("amend", bool(c.get("amend"))), ("react", bool(c.get("react")))]
        shown = [k for k, on in order if on]
        return shown.index(kind) if kind in shown else -1

    def clear_notice(self):
        for b in self.visible(".notice-close"):
            try:
                b.click()
            except WebDriverException:
                pass
        time.sleep(0.1)

    def accepted(self, seconds=8):
        """The green confirmation (True) or the host's refusal (its text)."""
        self.wait_for("document.querySelector('.notice-ok, .notice-error')", seconds)
        ok = bool(self.visible(".notice-ok"))
        if not ok:
            err = self.visible(".notice-error")
            return err[0].text if err else "no answer"
        return True

    def do(self, kind, steps):
        i = self.action_index(kind)
        if i < 0:
            return False
        self.to_act()
        self.clear_notice()
        self.click(".action-btn", i)
        for s in steps:
            if s[0] == "choice":
                self.click(".choice", s[1])
            elif s[0] == "type":
                el = self.d.find_element(By.CSS_SELECTOR, s[1])
                el.clear()
                el.send_keys(s[2])
            elif s[0] == "primary":
                self.click(".sticky-actions .btn", wait=0.4)
            elif s[0] == "shot":
                self.shot(s[1])
            elif s[0] == "preview":
                # Before a proposal goes on the table, the host tells the
                # player what it means for their own role.
                if not self.wait_for("document.querySelector('.preview-box .preview-carry')", 5):
                    self.fail("no preview of the own support before proposing")
                else:
                    text = self.d.find_element(By.CSS_SELECTOR, ".preview-box").text
                    if not re.search(r"\d", text):
                        self.fail(f"the preview shows no support figure: {text!r}")
        ok = self.accepted()
        self.drain()
        self.done_actions.add(kind)
        log(f"phone {self.idx}: {kind} {'accepted' if ok is True else ok}")
        if ok is True:
            self.accepted_actions.add(kind)
        if self.visible(".flow"):
            self.to_act()
        return ok

    def step(self):
        """One look at the page and at most one action."""
        self.drain()
        if self.held_shot:
            self.held_shot = False
            self.shot("decision-held")
        self.dismiss_moment()
        v = self.view
        if not v or not v.get("phase"):
            return False
        ph = v["phase"]
        if ph.get("finished"):
            return True
        kind = ph.get("kind", "")
        key = f"{ph.get('index')}-{kind}"
        if key not in self.shot_phases:
            self.shot_phases.add(key)
            time.sleep(0.3)
            self.shot(f"{key}-card")
            self.click("#tabs [data-tab=board]", wait=0.3)
            self.shot(f"{key}-board")
            self.check_board()
            self.click("#tabs [data-tab=act]", wait=0.3)
            self.shot(f"{key}-act")
            self.check_page_text()
        c = v.get("can", {})
        tag = lambda k: f"{ph.get('index')}:{k}"
        if self.idx == 0 and c.get("requestTurn") and "requestTurn" not in self.accepted_actions \
                and self.tries.get("turn", 0) < 3:
            self.tries["turn"] = self.tries.get("turn", 0) + 1  # again when a new view cut it short
            self.ask_for_the_floor()
            return False
        if isinstance(c.get("vote"), int) and c["vote"] >= 0 and tag("vote") not in self.done_actions:
            self.done_actions.add(tag("vote"))
            self.to_act()
            self.clear_notice()
            urgent = self.visible(".urgent .btn")
            if urgent:
                urgent[-1].click()
                time.sleep(0.4)
                for idx in (2, 0, 0, 0, 0):
                    self.click(".choice", idx)
                self.shot("vote-condition")
                self.click(".sticky-actions .btn", wait=0.4)
                self.shot("vote-confirm")
                self.click(".sticky-actions .btn", wait=0.4)
                ok = self.accepted()
                self.done_actions.add("vote")
                log(f"phone {self.idx}: vote {'accepted' if ok is True else ok}")
                if ok is True:
                    self.accepted_actions.add("vote")
                if self.visible(".flow"):
                    self.to_act()
            return False
        if c.get("shareValue") and tag("share") not in self.done_actions:
            self.done_actions.add(tag("share"))
            self.do("shareValue", [("choice", 0), ("shot", "share-confirm"), ("primary",)])
            return False
        if self.begrip_answered and not self.board_shown and not (v.get("begrip") or {}).get("boardHidden"):
            # Everyone at the table answered (or the phase moved on): the board is back.
            self.click("#tabs [data-tab=board]", wait=0)
            if self.wait_for("document.querySelector('.board-hidden') === null && "
                             "document.querySelectorAll('.role-list .kv-shared').length > 0", 5):
                self.board_shown = True
                self.shot("board-after-questions")
            else:
                self.fail("the board stays hidden after the questions were answered")
            self.click("#tabs [data-tab=act]", wait=0)
        tries = self.tries.get(tag("begrip"), 0)
        if (v.get("begrip") or {}).get("open") and tag("begrip") not in self.done_actions \
                and not ph.get("last") and tries < 3:
            self.tries[tag("begrip")] = tries + 1  # a form pulled from under the test: again
            self.answer_questions()
            self.done_actions.add(tag("begrip"))
            return False
        # The reaction first: the proposal phase runs on a fast clock, and a
        # reaction is the one thing a resident must get done in it. A form
        # that a new view pulled from under the test is tried again (the bots
        # amend often on a clock 20 times as fast).
        tries = self.tries.get(tag("react"), 0)
        if c.get("react") and tag("react") not in self.done_actions and kind != "besluit" and tries < 4:
            self.tries[tag("react")] = tries + 1
            steps = [("choice", 0)] if len(c["react"]) > 1 else []
            # ja, mits: "this choice must be in it" for the first issue, first option
            steps += [("choice", 2), ("choice", 0), ("choice", 0), ("choice", 0), ("choice", 0),
                      ("shot", "react-condition"), ("primary",), ("shot", "react-confirm"), ("primary",)]
            if self.do("react", steps) is True or tries + 1 >= 4:
                self.done_actions.add(tag("react"))
            return False
        if c.get("propose") and tag("propose") not in self.done_actions:
            self.done_actions.add(tag("propose"))
            n = len(v.get("issues", []))
            self.do("propose", [("choice", 0)] * n + [("preview",), ("shot", "propose-confirm"), ("primary",)])
            return False
        if c.get("done") and not ph.get("done") and tag("done") not in self.done_actions:
            self.done_actions.add(tag("done"))
            self.to_act()
            if self.visible(".done-block .btn"):
                self.click(".done-block .btn", wait=0.5)
                self.shot(f"{key}-done")
        return False

    def check_board(self):
        """While people answer the begrip questions the Tafel tab says the board is hidden."""
        end = time.time() + 3
        while True:  # the page draws the newest view a moment after its frame
            hidden = bool((self.view.get("begrip") or {}).get("boardHidden"))
            if hidden == self.js("return document.querySelector('.board-hidden') !== null"):
                break
            if time.time() > end:
                self.fail(f"the board {'does not say' if hidden else 'says'} it is hidden (view: boardHidden {hidden})")
                return
            self.drain()
        if hidden:
            self.board_hidden_seen = True
            if self.js("return document.querySelectorAll('.role-list .kv-shared').length") != 0:
                self.fail("the hidden board still shows what roles shared")

    # Taps through the begrip questions in the page, as fast as the host takes
    # them (perspectief is short on the test's clock): a value, a first option;
    # stops after the first choice item when arguments[0] is true.
    ANSWER_JS = r"""
    const [stopAfterChoice, finish] = [arguments[0], arguments[arguments.length - 1]];
    const until = (cond, ms) => new Promise((res) => {
      const t0 = performance.now();
      const tick = () => (cond() ? res(true) : performance.now() - t0 > ms ? res(false) : setTimeout(tick, 25));
      tick();
    });
    const error = () => document.querySelector('.notice-error');
    (async () => {
      let n = 0;
      for (let i = 0; i < 40; i++) {
        const flow = document.querySelector('.flow');
        if (!flow || !flow.querySelector('.choice')) return finish({ n, end: true });
        const key = flow.dataset.flow;
        const multi = flow.querySelector('.choice-multi');
        if (multi && !flow.querySelector('.choice.is-selected')) {
          multi.click();
          await until(() => document.querySelector('.flow .choice.is-selected'), 2000);
        }
        (multi ? document.querySelector('.sticky-actions .btn') : document.querySelector('.flow .choice')).click();
        const moved = await until(() => error() || !document.querySelector('.flow') ||
          document.querySelector('.flow').dataset.flow !== key, 8000);
        if (!moved || error()) return finish({ n, error: error() ? error().innerText.split('\n')[0] : 'no answer' });
        n += 1;
        if (!multi && stopAfterChoice) return finish({ n, choice: true });
      }
      return finish({ n });
    })();
    """

    def answer_questions(self):
        """The begrip questions from the first open one; after the first
        choice answer the board must be hidden (the view says so)."""
        if self.action_index("begrip") < 0:
            return
        self.to_act()
        self.clear_notice()
        self.click(".action-btn", self.action_index("begrip"), wait=0)
        self.wait_for("document.querySelector('.flow .choice')", 5)
        self.d.set_script_timeout(30)
        rest = self.d.execute_async_script(self.ANSWER_JS, True)
        if rest.get("choice"):
            self.drain()
            self.accepted_actions.add("begrip")
            self.shot("begrip-answered")
            if not (self.view.get("begrip") or {}).get("boardHidden"):
                self.fail("the board is not hidden while questions are open")
            rest = self.d.execute_async_script(self.ANSWER_JS, False)
        self.wait_for("!document.querySelector('.flow')", 3)
        b = self.view.get("begrip") or {}
        log(f"phone {self.idx}: begrip {b.get('total', 0) - b.get('open', 0)} of {b.get('total', 0)} answered"
            + (f" ({rest['error']})" if rest.get("error") else ""))
        self.begrip_answered = bool(b) and not b.get("open")
        if self.visible(".flow"):
            self.to_act()

    def ask_for_the_floor(self):
        """Once: "Ik wil iets zeggen", the place in line, then "Toch niet"."""
        self.to_act()
        self.clear_notice()
        if not self.visible(".speak-waiting"):  # a new view may have cut short an earlier try
            self.click(".btn-speak", wait=0.3)
            if self.accepted() is not True or not self.wait_for("document.querySelector('.speak-waiting')", 8):
                self.fail("asking for the floor did not put the phone in line")
                return
        text = self.js("return document.querySelector('.speak-waiting .speak-title').textContent")
        if not re.search(r"(eerste|\d+e) in de rij", text):
            self.fail(f"in line, the phone does not say its place: {text!r}")
        self.shot("turn-in-line")
        self.clear_notice()
        self.click(".speak-waiting .btn", wait=0.3)
        if self.accepted() is not True or not self.wait_for("document.querySelector('.btn-speak')", 8):
            self.fail("withdrawing from the speaking queue did not take")
            return
        self.accepted_actions.add("requestTurn")
        log(f"phone {self.idx}: asked for the floor and withdrew")

    def quit(self):
        try:
            self.d.quit()
        except WebDriverException:
            pass


def own_board_marks(phone):
    """What this seat did so far, as the latest view shows it."""
    v = phone.view or {}
    me = v.get("you", {}).get("seat")
    role = v.get("you", {}).get("role")
    shared = list(v.get("roles", [{}] * (role + 1))[role].get("sharedValues", [])) if role is not None else []
    props = sorted(p["proposal"] for p in v.get("proposals", []) if p.get("author") == me)
    reacts = sorted(p["proposal"] for p in v.get("proposals", []) for r in p.get("reactions", []) if r.get("seat") == me)
    return {"seat": me, "role": role, "shared": shared, "proposals": props, "reactions": reacts}


def comeback(phone, how):
    phone.drain()
    before = own_board_marks(phone)
    stored = phone.seat_of_storage()
    welcomes = len(phone.welcomes)
    if how == "reload":
        phone.d.refresh()
    else:
        phone.d.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        phone.js("for (const s of window.__sockets) if (s.readyState <= 1) s.close();")
        time.sleep(1.0)
        phone.shot("offline")
        time.sleep(2.0)
        phone.d.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    phone.view = None
    # Back without asking: a new welcome (the hello with the stored token), a
    # view, and the page at its seat, not in the lobby.
    end = time.time() + 20
    while (len(phone.welcomes) <= welcomes or phone.view is None) and time.time() < end:
        phone.drain()
        time.sleep(0.2)
    ok = len(phone.welcomes) > welcomes and phone.view is not None and \
        phone.wait_for("!document.querySelector('#join-name') && !document.getElementById('tabs').hidden", 10)
    if len(phone.welcomes) > welcomes and phone.welcomes[-1].get("seat") != before["seat"]:
        ok = False
    after = own_board_marks(phone)
    phone.shot(f"after-{how}")
    good = ok and after["seat"] == before["seat"] and after["role"] == before["role"] \
        and set(before["shared"]) <= set(after["shared"]) \
        and set(before["proposals"]) <= set(after["proposals"]) \
        and set(before["reactions"]) <= set(after["reactions"]) \
        and phone.seat_of_storage() == stored
    log(f"phone {phone.idx}: {how}: before {before} after {after}: {'same seat, nothing lost' if good else 'LOST'}")
    if not good:
        phone.fail(f"after the {how} the seat or earlier actions were not back ({before} -> {after})")
    return good


def play(phone, deadline, comebacks):
    finished = False
    while time.time() < deadline:
        try:
            finished = phone.step()
        except (WebDriverException, RuntimeError) as e:
            log(f"phone {phone.idx}: {str(e).splitlines()[0][:120]}")
            time.sleep(0.3)
            continue
        if finished:
            break
        v = phone.view or {}
        idx = v.get("phase", {}).get("index", 0)
        for how, at in list(comebacks.items()):
            if idx >= at and phone.done_actions:
                del comebacks[how]
                comeback(phone, how)
        time.sleep(0.3)
    if not finished:
        phone.fail("the session did not reach the debrief in time")
        phone.shot("stopped-here")
        return
    phone.wait_for("document.querySelector('.moment-ok')", 3)
    phone.dismiss_moment()
    time.sleep(0.5)
    phone.dismiss_moment()
    try:
        phone.wait_for("!document.getElementById('tabs').hidden && !document.querySelector('.moment-ok')", 5)
        phone.click("#tabs [data-tab=act]", wait=0.6)  # the Afloop tab
        phone.shot("end-debrief")
        phone.click("#tabs [data-tab=board]", wait=0.4)
        phone.shot("end-board")
    except (WebDriverException, RuntimeError) as e:
        phone.shot("end")
        log(f"phone {phone.idx}: at the end: {str(e).splitlines()[0][:120]}")
    phone.drain()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("samenspel")
    ap.add_argument("scenario")
    ap.add_argument("out")
    ap.add_argument("--readme-shots", help="copy four phone screens to DIR/phone-*.png")
    ap.add_argument("--host", choices=("window", "terminal"), default="window",
                    help="the facilitator's window under Xvfb (default) or the headless host")
    args = ap.parse_args()
    for tool in ("zbarimg", "chromium") + (("Xvfb", "xdotool") if args.host == "window" else ()):
        if not shutil.which(tool):
            print(f"SKIP: {tool} is missing (scripts/setup.sh installs it)")
            return 77
    if not os.path.exists(CHROMEDRIVER):
        print("SKIP: chromedriver is missing (Debian: chromium-driver)")
        return 77
    shutil.rmtree(args.out, ignore_errors=True)
    shots = os.path.join(args.out, "shots")
    os.makedirs(shots)
    hidden = hidden_of(args.scenario)
    start = time.time()
    host = HostProcess(args, args.host, DEADLINE + 20)
    stop_facilitator = threading.Event()
    failures = []
    phones = []
    try:
        url, scanned = host.wait_for_address()
        if not url:
            print(f"FAIL: the host ({args.host}) showed no join address")
            print(host.text())
            return 1
        log(f"join address {url}; QR code reads {scanned}")
        if scanned != url:
            failures.append(f"the QR code reads {scanned!r}, not the join address {url!r}")
            scanned = url
        for i in range(2):
            phones.append(Phone(i, scanned, shots, hidden, failures))
        for p in phones:
            p.join()
            log(f"phone {p.idx}: seated {p.seat_of_storage()}")
        deadline = start + DEADLINE
        plans = [{"reload": 2}, {"offline": 3}]
        threads = [threading.Thread(target=play, args=(p, deadline, plans[p.idx])) for p in phones]
        facilitator = threading.Thread(target=host.facilitate, args=(phones, stop_facilitator))
        facilitator.start()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        stop_facilitator.set()
        facilitator.join()
        if args.host == "window" and "decision moment: shown" not in host.text():
            failures.append("the window never held the decision for the room")
        for p in phones:
            if plans[p.idx]:
                p.fail(f"never tried: {', '.join(plans[p.idx])}")
            need = {"shareValue", "begrip", "propose", "react", "vote"}
            missing = need - p.accepted_actions
            log(f"phone {p.idx}: {p.frames} frames checked; accepted {sorted(p.accepted_actions)}")
            if missing:
                log(f"phone {p.idx}: not offered or not done: {sorted(missing)}")
            if not p.own_secret_seen:
                p.fail("the own secret was never found in a frame: the frame check reads nothing")
            if p.idx == 0 and "requestTurn" not in p.accepted_actions:
                p.fail("never asked for the floor")
            if "begrip" not in p.accepted_actions:
                p.fail("never answered a begrip question")
            if not p.board_hidden_seen:
                p.fail("never saw the board hidden while questions were open")
            if p.begrip_answered and not p.board_shown:
                p.fail("answered every question but never saw the board again")
            if not p.accepted_actions & {"vote", "react"}:
                p.fail("neither reacted nor voted")
            if not p.accepted_actions & {"shareValue", "propose"}:
                p.fail("neither shared a value nor proposed")
        host.finish(failures)
    finally:
        stop_facilitator.set()
        for p in phones:
            p.quit()
        host.stop()
    if args.readme_shots and not failures:
        pick = {}
        for f in sorted(os.listdir(shots)):
            if not f.startswith("phone0-"):
                continue
            for name, pat in (("card", "-card.png"), ("propose", "propose-confirm"), ("react", "react-condition"),
                              ("debrief", "end-debrief")):
                if pat in f and name not in pick:
                    pick[name] = f
        os.makedirs(args.readme_shots, exist_ok=True)
        for name, f in pick.items():
            shutil.copy(os.path.join(shots, f), os.path.join(args.readme_shots, f"phone-{name}.png"))
    for f in failures:
        print("FAIL", f)
    print(f"{len(failures)} problems in {time.time() - start:.0f} s; screenshots in {shots}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
