#!/usr/bin/env python3
"""Serve the phone page the way the host does, without the host.

    tests/web/serve_mock.py [--port 8765] [--root REPO]

  /                      assets/web/index.html
  /<file>                assets/web/<file> (only files in that folder)
  /i18n/<lang>.json      assets/i18n/<lang>/*.yaml merged into one flat JSON
                         object, read again on every request, without the
                         desktop-only groups (engine/net/web_catalog.cpp)

Open http://127.0.0.1:8765/?mock=1 to play against the built-in mock host
(assets/web/mock.js); there is no WebSocket here. The headers are the ones the
page must live with: a content security policy that allows only its own
scripts, and no caching of the page.
"""
import argparse
import glob
import http.server
import json
import os
import re
import socketserver
import sys

import yaml

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def catalog(root, lang):
    texts = {}
    for path in sorted(glob.glob(os.path.join(root, "assets", "i18n", lang, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
        for key, text in data.items():
            texts[str(key)] = str(text)
    # As the host: without the groups the page never shows (web_catalog.cpp).
    with open(os.path.join(root, "engine", "net", "web_catalog.cpp"), encoding="utf-8") as f:
        src = f.read()
    groups = re.search(r"kDesktopOnly\[\]\s*=\s*\{([^}]*)\}", src)
    also = re.search(r'kPageAlso\s*=\s*"([^"]*)"', src)
    drop = re.findall(r'"([^"]*)"', groups.group(1)) if groups else []
    keep = also.group(1) if also else None
    return {k: v for k, v in texts.items() if (keep and k.startswith(keep)) or not any(k.startswith(g) for g in drop)}


def make_handler(root):
    web = os.path.realpath(os.path.join(root, "assets", "web"))

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, fmt, *args):
            if os.environ.get("SERVE_MOCK_VERBOSE"):
                sys.stderr.write(fmt % args + "\n")

        def send_body(self, code, ctype, body):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy", CSP)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self):
            self.do_GET()

        def do_GET(self):
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            if path.startswith("/i18n/") and path.endswith(".json"):
                lang = path[len("/i18n/"):-len(".json")]
                if lang in ("nl", "en"):
                    body = json.dumps(catalog(root, lang), ensure_ascii=False).encode("utf-8")
                    return self.send_body(200, TYPES[".json"], body)
                return self.send_body(404, "text/plain", b"not found")
            if path in ("", "/"):
                path = "/index.html"
            name = os.path.realpath(os.path.join(web, path.lstrip("/")))
            if not name.startswith(web + os.sep) or not os.path.isfile(name):
                return self.send_body(404, "text/plain", b"not found")
            ext = os.path.splitext(name)[1]
            with open(name, "rb") as f:
                body = f.read()
            self.send_body(200, TYPES.get(ext, "application/octet-stream"), body)

    return Handler


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--root", default=os.path.normpath(os.path.join(here, "..", "..")))
    args = ap.parse_args()

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True
        allow_reuse_address = True

    with Server(("127.0.0.1", args.port), make_handler(args.root)) as srv:
        print(f"serving {args.root}/assets/web on http://127.0.0.1:{args.port}/?mock=1", flush=True)
        srv.serve_forever()


if __name__ == "__main__":
    main()
