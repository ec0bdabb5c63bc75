#!/usr/bin/env python3
"""A room of three tables played to the end, checked against each table's replay.

    tests/web/e2e_room.py SAMENSPEL SCENARIO OUT_DIR

Starts `samenspel host SCENARIO --headless --tables 3 --team-size 2` on
loopback. Two phone-sized headless Chromium windows open the join address,
pick a table in the room's lobby (table 1 and table 2) and a role; three
scripted clients (`samenspel join --bot`) join too, two of them on the same
role at table 3 as a team of two. Bots take the other seats, and the clock
runs fast so the three sessions end in about a minute.

Checked afterwards, from the files the room left:
 - every table's log replays (`samenspel replay --json`) to a finished
   session; the phones' people sit at tables 1 and 2 under their names, and
   table 3 has one seat with two people (person 0 and 1), each with actions
   of their own;
 - the plenary of the room (`samenspel archive compare --json` of the three
   tables the host archived, the same model the plenary screen and the room
   report use) says for each table what its replay says: decided, gedragen,
   the package, lowest and mean support, public value, begrip before and
   after, inclusie;
 - the room report links each table's own report, and those exist.
Screenshots of the phones go to OUT_DIR/shots. Exit 77 (skipped) when
chromium, chromedriver or selenium is missing.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
except ImportError as e:  # pragma: no cover
    print(f"SKIP: {e} (Debian: python3-selenium)")
    sys.exit(77)

CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DEADLINE = 150  # seconds for the whole room
PHONES = [("Sam", 0, (390, 844)), ("Noor", 1, (360, 740))]  # name, table (0-based), size
TEAM_ROLE = "omwonenden"
TEAM = ["Anna", "Bram"]


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        log("FAIL:", what)


def start_host(samenspel, scenario, out, env):
    cmd = [samenspel, "host", scenario, "--headless", "--mute", "--no-qr", "--tables", "3",
           "--team-size", "2", "--bind", "127.0.0.1", "--port", "0", "--seed", "11",
           "--clock-speed", "60", "--bots-after", "5", "--lang", "nl",
           "--log", os.path.join(out, "room.log"), "--max-seconds", str(DEADLINE)]
    out_file = open(os.path.join(out, "host.out"), "w")
    proc = subprocess.Popen(cmd, stdout=out_file, stderr=subprocess.STDOUT, env=env)
    return proc, os.path.join(out, "host.out")


def wait_for_join(host_out, proc):
    for _ in range(100):
        text = open(host_out, encoding="utf-8").read()
        m = re.search(r"phone: (\S+)", text)
        j = re.search(r"join: samenspel join (\S+) --code (\S+)", text)
        if m and j:
            return m.group(1), j.group(1), j.group(2)
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    raise RuntimeError("the host printed no join address:\n" + open(host_out).read())


def phone(url, name, table, size, shots):
    opts = webdriver.ChromeOptions()
    opts.add_argument("--headless")
    opts.add_argument("--no-sandbox")
    opts.add_argument(f"--window-size={size[0]},{size[1]}")
    opts.add_argument("--lang=nl")
    if CHROMIUM:
        opts.binary_location = CHROMIUM
    d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    d.set_window_size(*size)
    d.get(url)
    until(d, "document.querySelector('#join-table') && document.querySelectorAll('.choice').length > 0")
    d.save_screenshot(os.path.join(shots, f"{name}-lobby.png"))
    Select(d.find_element(By.CSS_SELECTOR, "#join-table")).select_by_value(str(table))
    until(d, "document.querySelectorAll('.choice').length > 0")
    field = d.find_element(By.CSS_SELECTOR, "#join-name")
    field.clear()
    field.send_keys(name)
    d.find_elements(By.CSS_SELECTOR, ".choice")[0].click()
    until(d, "document.querySelector('.choice.is-selected')")
    d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    # Seated: the lobby's form is gone and the page names the table.
    until(d, "!document.querySelector('#join-name')")
    return d


SHARE_VALUE = "Vertel wat jij belangrijk vindt"  # web.act.share_value (nl)


def try_share_value(d):
    """On the act tab: share the first value offered, through the phone's
    own flow (pick, confirm). True once the host confirmed it."""
    try:
        d.execute_script("const t = document.querySelector('#tabs [data-tab=act]'); if (t) t.click();")
        buttons = [b for b in d.find_elements(By.CSS_SELECTOR, ".action-btn") if SHARE_VALUE in b.text]
        if not buttons:
            return False
        # Clicked as a tap would, wherever the page has scrolled it.
        tap = lambda el: d.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", el)
        tap(buttons[0])
        until(d, "document.querySelectorAll('.choice').length > 0", 5)
        tap(d.find_elements(By.CSS_SELECTOR, ".choice")[0])
        until(d, "document.querySelector('.sticky-actions .btn')", 5)
        tap(d.find_element(By.CSS_SELECTOR, ".sticky-actions .btn"))
        until(d, "document.querySelector('.notice-ok, .notice-error')", 5)
        return bool(d.find_elements(By.CSS_SELECTOR, ".notice-ok"))
    except Exception:
        return False


def until(d, script, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        try:
            if d.execute_script("return !!(" + script + ")"):
                return True
        except Exception:
            pass
        time.sleep(0.2)
    raise RuntimeError("timed out waiting for " + script)


def client(samenspel, address, code, table, name, seat, out):
    cmd = [samenspel, "join", address, "--code", code, "--bot", "--name", name,
           "--table", str(table + 1), "--max-seconds", str(DEADLINE)]
    if seat:
        cmd += ["--seat", seat]
    f = open(os.path.join(out, f"client-{name}.out"), "w")
    return subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT)


def run_json(cmd, env):
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {r.stderr}")
    return json.loads(r.stdout)


def near(a, b, eps=0.051):
    return a is None and b is None or (a is not None and b is not None and abs(a - b) <= eps)


def compare_table(t, session, replay):
    """One table of the plenary against its own replay."""
    d = replay["decision"]
    check(replay["finished"], f"table {t}: the session did not finish")
    check(session["decided"] == d["taken"], f"table {t}: decided {session['decided']} vs {d['taken']}")
    if not d["taken"]:
        return
    check(session["gedragen"] == d["gedragen"], f"table {t}: gedragen differs")
    check(session["decision"] == d["package"], f"table {t}: package {session['decision']} vs {d['package']}")
    check(near(session["lowestSupport"], d["draagvlak"]["min"]), f"table {t}: lowest support differs")
    check(near(session["meanSupport"], d["draagvlak"]["mean"]), f"table {t}: mean support differs")
    check(near(session["publicValue"], d["publicValue"]), f"table {t}: public value differs")
    for k in ("before", "after"):
        check(near(session["begrip"].get(k), replay["begrip"].get(k), 0.0001),
              f"table {t}: begrip {k} {session['begrip'].get(k)} vs {replay['begrip'].get(k)}")
    check(near(session["inclusie"], replay["inclusie"], 0.0001),
          f"table {t}: inclusie {session['inclusie']} vs {replay['inclusie']}")


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    samenspel, scenario, out = sys.argv[1:]
    if not (os.path.exists(CHROMEDRIVER) and CHROMIUM):
        print("SKIP: chromium or chromedriver missing (Debian: chromium chromium-driver)")
        return 77
    shutil.rmtree(out, ignore_errors=True)
    shots = os.path.join(out, "shots")
    os.makedirs(shots)
    env = dict(os.environ, NO_COLOR="1", XDG_DATA_HOME=os.path.join(out, "data"),
               XDG_CONFIG_HOME=os.path.join(out, "config"))
    host, host_out = start_host(samenspel, scenario, out, env)
    drivers, clients = [], []
    try:
        url, address, code = wait_for_join(host_out, host)
        log("room at", url)
        for name, table, size in PHONES:
            drivers.append(phone(url, name, table, size, shots))
            log(name, "seated at table", table + 1)
        for name in TEAM:
            clients.append(client(samenspel, address, code, 2, name, TEAM_ROLE, out))
        clients.append(client(samenspel, address, code, 1, "Kees", None, out))
        # The people at the phones say what matters to them once the values
        # phase comes; the clients and the bots play on meanwhile.
        shared = [False] * len(drivers)
        end = time.time() + DEADLINE
        while host.poll() is None and time.time() < end:
            for i, d in enumerate(drivers):
                if not shared[i] and try_share_value(d):
                    shared[i] = True
                    d.save_screenshot(os.path.join(shots, f"{PHONES[i][0]}-shared.png"))
                    log(PHONES[i][0], "shared a value")
            time.sleep(0.3)
        check(all(shared), f"not every phone could share a value: {shared}")
        for i, d in enumerate(drivers):
            d.save_screenshot(os.path.join(shots, f"{PHONES[i][0]}-end.png"))
        code_ = host.wait(timeout=10)
        text = open(host_out, encoding="utf-8").read()
        if code_ != 0:
            print(text[-3000:])
            raise RuntimeError(f"the host ended with exit code {code_}")
    finally:
        for d in drivers:
            d.quit()
        for c in clients:
            try:
                c.wait(timeout=10)
            except subprocess.TimeoutExpired:
                c.kill()
        if host.poll() is None:
            host.kill()

    logs = [os.path.join(out, f"room-tafel-{t}.log") for t in (1, 2, 3)]
    ids = [int(m) for m in re.findall(r"Archived table \d+ as session (\d+)", text)]
    check(len(ids) == 3, f"the host archived {len(ids)} tables, not 3")
    plenary = run_json([samenspel, "archive", "compare", "--json"] + [str(i) for i in ids], env)
    replays = [run_json([samenspel, "replay", path, "--json"], env) for path in logs]
    for t, (session, replay) in enumerate(zip(plenary["sessions"], replays), start=1):
        check(os.path.samefile(session["log"], logs[t - 1]), f"table {t}: archived log differs")
        compare_table(t, session, replay)

    # The phones' people sit where they chose, under their names; table 3 has
    # a team of two on one seat, each member with actions of their own.
    for (name, table, _), replay in zip(PHONES, replays[:2]):
        people = [p for p in replay["people"] if p.get("name") == name]
        check(len(people) == 1, f"{name} is not one person at table {table + 1}: {replay['people']}")
        check(all(p["actions"] > 0 for p in people), f"{name}'s value is not in table {table + 1}'s log")
    team = [p for p in replays[2]["people"] if p.get("name") in TEAM]
    check(len(team) == 2 and len({p["seat"] for p in team}) == 1,
          f"table 3 has no team of two on one seat: {replays[2]['people']}")
    check(sorted(p["person"] for p in team) == [0, 1], "the team's members are not person 0 and 1")
    check(all(p["actions"] > 0 for p in team), f"a team member has no actions: {team}")
    check(all(p["role"] == TEAM_ROLE for p in team), "the team plays another role")

    report = re.search(r"Room report: (\S+)", text)
    check(report is not None, "the host wrote no room report")
    if report:
        html = open(report.group(1), encoding="utf-8").read()
        for t in (1, 2, 3):
            href = f"room-tafel-{t}.report.html"
            check(href in html, f"the room report does not link {href}")
            check(os.path.exists(os.path.join(out, href)), f"{href} was not written")

    if failures:
        log(f"{len(failures)} failure(s)")
        return 1
    log("room of 3 tables: plenary agrees with every table's replay")
    return 0


if __name__ == "__main__":
    sys.exit(main())
