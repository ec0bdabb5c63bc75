// The WebSocket to the host (docs/web_client.md): JSON messages, one object
// per text frame. Before taking a seat the socket is opened on demand (the
// lobby); once the page holds a seat, a dropped connection is reopened by
// itself, waiting a little longer each time (0.5 s up to 10 s), at once when
// the phone wakes up or the network comes back, and the seat is reclaimed with
// the stored token (the page's `onOpen` sends the hello).

export const PROTOCOL_VERSION = 2;
const MIN_DELAY = 500;
const MAX_DELAY = 10000;
const OPEN_TIMEOUT = 8000;
const STALE_AFTER_HIDDEN_MS = 20000;

export function socketUrl(loc = window.location) {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}/ws`;
}

// The token of this phone's seat in a session, per session code.
const TOKEN_PREFIX = 'samenspel.seat.';

export function loadSeat(code) {
  try {
    const raw = window.localStorage.getItem(TOKEN_PREFIX + code);
    const seat = raw ? JSON.parse(raw) : null;
    return seat && typeof seat.token === 'string' && seat.token ? seat : null;
  } catch (e) {
    return null;
  }
}

export function saveSeat(code, seat) {
  try {
    window.localStorage.setItem(TOKEN_PREFIX + code, JSON.stringify(seat));
  } catch (e) {
    /* private mode: the seat is kept for this page only */
  }
}

export function forgetSeat(code) {
  try {
    window.localStorage.removeItem(TOKEN_PREFIX + code);
  } catch (e) {
    /* nothing stored */
  }
}

// handlers: onMessage(obj), onOpen(), onState(state) with state one of
// 'idle' | 'connecting' | 'open' | 'lost' | 'stopped'.
// makeSocket(url) builds the socket (a real WebSocket, or the mock's).
export class Connection {
  constructor(handlers, makeSocket) {
    this.h = handlers;
    this.makeSocket = makeSocket || ((url) => new WebSocket(url));
    this.ws = null;
    this.keepAlive = false; // reconnect by itself (once seated)
    this.attempt = 0;
    this.timer = null;
    this.openTimer = null;
    this.state = 'idle';
    this.queue = [];
    const wake = () => {
      if (this.keepAlive && this.state !== 'open' && this.state !== 'connecting') {
        this.reconnectNow();
      }
    };
    // A phone that was locked for a while may hold a socket that is dead
    // without knowing it: start a fresh one (the token takes the seat back).
    let hiddenAt = 0;
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
        return;
      }
      if (this.keepAlive && hiddenAt && Date.now() - hiddenAt > STALE_AFTER_HIDDEN_MS) this.restart();
      else wake();
      hiddenAt = 0;
    });
    window.addEventListener('online', wake);
    window.addEventListener('pageshow', wake);
  }

  setState(s) {
    if (this.state === s) return;
    this.state = s;
    if (this.h.onState) this.h.onState(s);
  }

  isOpen() {
    return this.ws !== null && this.ws.readyState === 1;
  }

  open() {
    if (this.ws && (this.ws.readyState === 0 || this.ws.readyState === 1)) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.setState('connecting');
    let ws;
    try {
      ws = this.makeSocket(socketUrl());
    } catch (e) {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => {
      if (this.ws === ws && ws.readyState === 0) ws.close();
    }, OPEN_TIMEOUT);
    ws.onopen = () => {
      if (this.ws !== ws) return;
      clearTimeout(this.openTimer);
      this.attempt = 0;
      this.setState('open');
      if (this.h.onOpen) this.h.onOpen();
      const queued = this.queue;
      this.queue = [];
      for (const m of queued) this.send(m);
    };
    ws.onmessage = (ev) => {
      if (this.ws !== ws) return;
      let msg;
      try {
        msg = JSON.parse(ev.data);
      } catch (e) {
        return;
      }
      if (msg && typeof msg === 'object' && this.h.onMessage) this.h.onMessage(msg);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      clearTimeout(this.openTimer);
      this.ws = null;
      if (this.keepAlive) {
        this.setState('lost');
        this.scheduleRetry();
      } else {
        this.setState(this.queue.length ? 'lost' : 'idle');
        if (this.queue.length) this.scheduleRetry();
      }
    };
    ws.onerror = () => {
      /* onclose follows */
    };
  }

  scheduleRetry() {
    clearTimeout(this.timer);
    const base = Math.min(MAX_DELAY, MIN_DELAY * 2 ** Math.min(this.attempt, 5));
    const delay = base / 2 + Math.random() * (base / 2);
    this.attempt++;
    this.timer = setTimeout(() => this.open(), delay);
  }

  // Close this socket and open a new one now.
  restart() {
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.close();
    this.reconnectNow();
  }

  reconnectNow() {
    clearTimeout(this.timer);
    this.attempt = 0;
    this.open();
  }

  // Sends now, or as soon as the socket is open (opening it if needed).
  send(obj) {
    const msg = Object.assign({ v: PROTOCOL_VERSION }, obj);
    if (this.isOpen()) {
      this.ws.send(JSON.stringify(msg));
      return true;
    }
    this.queue.push(msg);
    this.open();
    return false;
  }

  // Only when the socket is open; a message that only makes sense now (an
  // action) is not kept for later.
  sendNow(obj) {
    if (!this.isOpen()) return false;
    this.ws.send(JSON.stringify(Object.assign({ v: PROTOCOL_VERSION }, obj)));
    return true;
  }

  // Stop for good (the seat was taken over, or the host closed the session).
  stop() {
    this.keepAlive = false;
    clearTimeout(this.timer);
    this.queue = [];
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.close();
    this.setState('stopped');
  }

  // Close this socket (the host sends a refuse and closes; we start over).
  drop() {
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.close();
    clearTimeout(this.timer);
    this.setState('idle');
  }
}
