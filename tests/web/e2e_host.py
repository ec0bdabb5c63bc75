"""The host side of the browser test (e2e_session.py): the facilitator's
window under its own Xvfb, or the headless host in a terminal; the join
address read off the window's QR code (or the terminal's); the facilitator
pressing Enter on the decision moment; and stopping it all."""
import os
import random
import re
import signal
import subprocess
import time


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)



# ---- the QR code ------------------------------------------------------------

def decode_terminal_qr(stdout_text, out_dir):
    """The half-block QR code the host printed, drawn as a PGM and read by zbarimg."""
    lines = [l for l in stdout_text.split("\n") if l and set(l.strip()) <= set("\u2580\u2584\u2588 ") and l.strip()]
    if not lines:
        return None
    width = max(len(l) for l in lines)
    rows = []
    for l in lines:
        l = l.ljust(width)
        top = [c in "\u2580\u2588" for c in l]
        bottom = [c in "\u2584\u2588" for c in l]
        rows += [top, bottom]
    scale, margin = 8, 4
    for ink in (True, False):  # characters may draw the dark or the light modules
        h = (len(rows) + 2 * margin) * scale
        w = (width + 2 * margin) * scale
        pix = bytearray([255]) * (w * h)
        for y, row in enumerate(rows):
            for x, on in enumerate(row):
                if on == ink:
                    for dy in range(scale):
                        start = ((y + margin) * scale + dy) * w + (x + margin) * scale
                        pix[start:start + scale] = bytes(scale)
        path = os.path.join(out_dir, f"terminal-qr-{'dark' if ink else 'light'}.pgm")
        with open(path, "wb") as f:
            f.write(b"P5 %d %d 255\n" % (w, h) + bytes(pix))
        r = subprocess.run(["zbarimg", "--raw", "-q", path], capture_output=True, text=True)
        if r.returncode == 0 and r.stdout.strip():
            return r.stdout.strip()
    return None


XVFB = []  # the X server of the window host, stopped at the end


def start_xvfb(out_dir):
    """A display of its own for the host window (a number away from the GUI
    tests' ones, tests/gui/xvfb.sh), so the test can press keys in it."""
    for _ in range(20):
        n = 5200 + random.randrange(2000)
        if os.path.exists(f"/tmp/.X{n}-lock"):
            continue
        log_file = open(os.path.join(out_dir, "xvfb.out"), "w")
        proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                                stdout=log_file, stderr=subprocess.STDOUT)
        for _ in range(50):
            if os.path.exists(f"/tmp/.X11-unix/X{n}") or proc.poll() is not None:
                break
            time.sleep(0.1)
        if proc.poll() is None:
            XVFB.append(proc)
            return f":{n}"
    raise RuntimeError("no free display for Xvfb")


class HostProcess:
    """The host the phones join: its process, the join address it announced
    and the address its QR code reads."""

    def __init__(self, args, kind, max_seconds):
        self.args, self.kind = args, kind
        self.out_path = os.path.join(args.out, "host.out")
        self.log_path = os.path.join(args.out, "session.log")
        self.out = open(self.out_path, "w")
        self.url = self.scanned = None
        seconds = str(max_seconds)
        common = ["--port", "0", "--bind", "127.0.0.1", "--bots-after", "2", "--clock-speed", "20",
                  "--seed", "11", "--lang", "nl", "--log", self.log_path, "--max-seconds", seconds]
        if kind == "terminal":
            cmd = [args.samenspel, "host", args.scenario, "--headless", "--mute"] + common
        else:
            self.shots = os.path.join(args.out, "window")
            os.makedirs(self.shots)
            self.display = start_xvfb(args.out)
            cmd = [args.samenspel, "play", "--host", args.scenario, "--size", "1280x720",
                   "--screenshots", self.shots] + common
        env = dict(os.environ, NO_COLOR="1", XDG_CONFIG_HOME=os.path.join(args.out, "config"),
                   XDG_DATA_HOME=os.path.join(args.out, "data"))
        if kind == "window":
            env["DISPLAY"] = self.display
        # A session of its own, so the window, Xvfb and xvfb-run stop together.
        self.proc = subprocess.Popen(cmd, stdout=self.out, stderr=subprocess.STDOUT, env=env,
                                     start_new_session=True)

    def text(self):
        with open(self.out_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def wait_for_address(self):
        """The join address and what its QR code reads; (None, None) when none came."""
        for _ in range(300):
            if self.proc.poll() is not None:
                break
            text = self.text()
            if self.kind == "terminal":
                m = re.search(r"phone: (http://\S+)", text)
                if m and "Scan the code" in text:
                    self.url = m.group(1)
                    self.scanned = decode_terminal_qr(text, self.args.out)
                    break
            else:
                m = re.search(r"hosting: port=(\d+) code=(\S+)", text)
                shot = [f for f in sorted(os.listdir(self.shots)) if f.endswith("-host.png")]
                if m and shot:
                    time.sleep(0.5)  # the PNG is complete once the next frames ran
                    self.url = f"http://127.0.0.1:{m.group(1)}/?code={m.group(2)}"
                    # What a phone held up to the projector reads.
                    r = subprocess.run(["zbarimg", "--raw", "-q", os.path.join(self.shots, shot[0])],
                                       capture_output=True, text=True)
                    self.scanned = r.stdout.strip() or None
                    break
            time.sleep(0.1)
        return self.url, self.scanned

    def facilitate(self, phones, stop):
        """The facilitator at the window: when the decision moment holds the
        session, let the room look at it (the phones photograph it), then
        press Enter to go on, as a facilitator does."""
        pressed = 0
        while not stop.is_set() and self.kind == "window":
            shown = self.text().count("decision moment: shown")
            if shown > pressed and "paused=1" in self.text().split("decision moment: shown")[-1].split("\n")[0]:
                time.sleep(2.0)
                for p in phones:
                    p.held_shot = True  # the next step photographs the held decision
                time.sleep(2.0)
                env = dict(os.environ, DISPLAY=self.display)
                win = subprocess.run(["xdotool", "search", "--name", "Samenspel"], env=env,
                                     capture_output=True, text=True).stdout.split()
                if win:
                    subprocess.run(["xdotool", "key", "--window", win[0], "Return"], env=env)
                    log("facilitator: Enter on the decision moment")
                pressed = shown
            time.sleep(0.3)

    def finish(self, failures):
        """The session ended as it should; then the host is stopped."""
        if self.kind == "terminal":
            try:
                code = self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                code = None
            if code != 0:
                failures.append(f"the host exited with {code}")
        else:
            # The window stays on the debrief for the room; the log says the
            # session reached its end.
            marker = self.log_path + ".finished"
            for _ in range(100):
                if os.path.exists(marker):
                    break
                time.sleep(0.1)
            else:
                failures.append("the window's session log was not marked finished")
            if self.proc.poll() is not None:
                failures.append(f"the host window exited early with {self.proc.returncode}")

    def stop(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        for x in XVFB:
            if x.poll() is None:
                x.terminate()
                x.wait()
        self.out.close()
