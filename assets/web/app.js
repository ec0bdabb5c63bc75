// Samenspel on a phone: the page a player opens from the QR code on the
// projector. It joins a seat, then draws the host's newest seat view and
// sends the seat's actions (docs/web_client.md). Nothing hidden is decided
// here: the host sends only what this seat may see, and checks every action.
import * as i18n from './i18n.js';
import { t, tn } from './i18n.js';
import { Connection, loadSeat, saveSeat, forgetSeat } from './net.js';
import { app } from './state.js';
import { h, replace, focusHeading, icon, ICONS } from './dom.js';
import { minutesLeft, everyoneVotes } from './format.js';
import { stopSpeaking } from './speech.js';
import { renderCodeScreen, renderLobby, renderWaiting, renderStopped } from './screens/join.js';
import { renderCard } from './screens/card.js';
import { renderBoard } from './screens/board.js';
import { renderAct, actBadge, refreshFlow } from './screens/act.js';
import { renderDebrief } from './screens/debrief.js';
import { pendingMoments, showMoment, momentOpen } from './screens/moments.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(window.location.search);
const ACTION_TIMEOUT_MS = 15000;
// Below the host's hello window (5 s, restarted by every lobby request).
const LOBBY_REFRESH_MS = 3000;

let conn = null;
let lobbyTimer = null;
let pendingTimer = null;
let lastSignature = '';
let lastTab = '';

// ---- start ----------------------------------------------------------------

function normaliseCode(raw) {
  return String(raw || '')
    .trim()
    .toLowerCase()
    .replace(/[\s_.,;:/]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

export function validCode(code) {
  return /^[\p{L}]+(-[\p{L}]+){2}$/u.test(code);
}

// Whether the player (or the link) chose the page's language. If not, the page
// follows the language the facilitator runs the session in.
let langChosen = false;

function preferredLang() {
  const fromUrl = params.get('lang');
  langChosen = true;
  if (fromUrl && i18n.supported().includes(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem('samenspel.lang');
    if (stored && i18n.supported().includes(stored)) return stored;
  } catch (e) {
    /* no storage */
  }
  langChosen = false;
  const nav = (navigator.language || 'nl').slice(0, 2).toLowerCase();
  return nav === 'en' ? 'en' : 'nl';
}

async function start() {
  let makeSocket = null;
  if (params.get('mock')) {
    const mock = await import('./mock.js');
    makeSocket = mock.makeSocket(params);
    if (!params.get('code')) params.set('code', mock.MOCK_CODE);
  }
  try {
    await i18n.load(preferredLang());
  } catch (e) {
    replace($('main'), h('p', { class: 'fatal' },
      'Samenspel kan de teksten niet laden. Herlaad de pagina. / Samenspel cannot load its texts. Reload the page.'));
    return;
  }
  document.body.classList.add('ready');
  wireChrome();
  conn = new Connection({ onMessage, onOpen, onState }, makeSocket);
  window.setInterval(tick, 1000);
  const code = normaliseCode(params.get('code'));
  if (code && validCode(code)) enterCode(code);
  else {
    app.mode = 'code';
    render();
  }
}

function wireChrome() {
  $('lang-btn').addEventListener('click', switchLanguage);
  // The header's height, for the layout that keeps a screen's main button low.
  const top = $('top');
  const setTop = () => document.documentElement.style.setProperty('--top-h', `${top.offsetHeight}px`);
  if (typeof ResizeObserver === 'function') new ResizeObserver(setTop).observe(top);
  window.addEventListener('resize', setTop);
  setTop();
  for (const b of document.querySelectorAll('#tabs [data-tab]')) {
    b.addEventListener('click', () => switchTab(b.dataset.tab));
  }
}

// ---- joining --------------------------------------------------------------

export function enterCode(code) {
  app.code = code;
  app.lobbyError = '';
  const url = new URL(window.location.href);
  if (url.searchParams.get('code') !== code) {
    url.searchParams.set('code', code);
    window.history.replaceState(null, '', url.toString());
  }
  const stored = loadSeat(code);
  if (stored) {
    app.seat = stored;
    app.mode = 'joining';
    conn.keepAlive = true;
    render();
    if (conn.isOpen()) sendHello();
    else conn.open();
    return;
  }
  app.mode = 'lobby';
  app.lobby = null;
  render();
  askLobby();
}

function askLobby() {
  conn.send({ type: 'lobby', code: app.code, lang: i18n.currentLang() });
}

function scheduleLobbyRefresh() {
  clearTimeout(lobbyTimer);
  lobbyTimer = window.setTimeout(() => {
    if (app.mode === 'lobby' && app.lobby && document.visibilityState === 'visible') askLobby();
    if (app.mode === 'lobby') scheduleLobbyRefresh();
  }, LOBBY_REFRESH_MS);
}

// `table`: in a room, the table (0-based) chosen, or -1 to let the host pick.
export function takeSeat(roleId, name, table = -1) {
  app.seat = { token: '', role: roleId, name, seat: -1, table };
  app.mode = 'joining';
  app.lobbyError = '';
  clearTimeout(lobbyTimer);
  conn.keepAlive = true;
  render();
  // A fresh connection for the hello: the one that asked for the lobby is done.
  conn.restart();
}

// In a room: wait for the facilitator to deal a seat; `roleWish` may be ''.
export function waitForSeat(name, cameWith, roleWish) {
  app.seat = { token: '', role: roleWish, name, seat: -1, table: -1, wait: true, cameWith };
  app.mode = 'joining';
  app.lobbyError = '';
  clearTimeout(lobbyTimer);
  conn.keepAlive = true;
  render();
  conn.restart();
}

function sendHello() {
  const s = app.seat || {};
  const hello = {
    type: 'hello',
    version: 2,
    code: app.code,
    name: s.name || '',
    seat: s.role || '',
    token: s.token || '',
    client: 'web',
    lang: i18n.currentLang(),
  };
  if (!s.token && s.table >= 0) hello.table = s.table;
  if (!s.token && s.wait) {
    hello.wait = true;
    hello.cameWith = s.cameWith || '';
  }
  conn.send(hello);
}

export function backToCode() {
  clearTimeout(lobbyTimer);
  conn.keepAlive = false;
  conn.drop();
  app.mode = 'code';
  app.lobby = null;
  app.lobbyError = '';
  render();
}

// Take the seat back after another connection took it over.
export function resume() {
  app.stoppedReason = '';
  app.mode = 'joining';
  conn.keepAlive = true;
  render();
  conn.reconnectNow();
}

// ---- messages -------------------------------------------------------------

function onOpen() {
  if (app.mode === 'joining' || app.mode === 'seated') sendHello();
}

function onState(state) {
  app.connState = state;
  if (state !== 'open' && app.pending) {
    failPending(t('table.not_sent'));
  }
  renderStatus();
}

function onMessage(msg) {
  switch (msg.type) {
    case 'lobby':
      if (app.mode === 'seated' && !app.started) {
        // Seated before the start: who else sits at this table (a team's names).
        app.tableLobby = msg;
        render();
        return;
      }
      if (app.mode !== 'lobby') return;
      if (followSessionLanguage(msg)) return; // asks again in that language
      app.lobby = msg; // a refusal shown with it stays until the player acts
      render();
      scheduleLobbyRefresh();
      break;
    case 'refuse':
      onRefuse(msg);
      break;
    case 'welcome':
      onWelcome(msg);
      break;
    case 'waiting':
      onWaitingForDeal(msg);
      break;
    case 'start':
      app.started = true;
      render();
      break;
    case 'view':
      onView(msg);
      break;
    case 'preview':
      onPreview(msg);
      break;
    case 'refused':
      onRefused(msg);
      break;
    case 'bye':
      onBye(msg);
      break;
    default:
      break; // messages for native clients (actions, presence, ...) are not for the page
  }
}

function refusalText(msg) {
  const key = msg.reason || '';
  const args = Array.isArray(msg.args) ? msg.args.map(String) : [];
  if (key && i18n.has(key)) return t(key, ...args);
  return msg.message || t('web.refused_unknown');
}

function onRefuse(msg) {
  const reason = msg.reason || '';
  if (reason === 'net.refuse.handshake_timeout' && (app.mode === 'lobby' || app.mode === 'code')) {
    // A lobby left alone (the phone's screen off): the host closed the idle
    // connection. Nothing went wrong for the player; the next request opens
    // a new one.
    conn.drop();
    return;
  }
  const text = refusalText(msg);
  conn.keepAlive = false;
  conn.drop();
  if (reason === 'net.refuse.bad_token') {
    forgetSeat(app.code);
    app.seat = null;
    app.mode = 'lobby';
    app.lobby = null;
    app.lobbyError = text;
    render();
    askLobby();
    return;
  }
  if (reason === 'net.refuse.wrong_code' || reason === 'net.refuse.too_many_attempts' ||
      reason === 'net.refuse.version') {
    app.mode = 'code';
    app.lobby = null;
    app.lobbyError = text;
    render();
    return;
  }
  if (app.seat && app.seat.token) {
    // Coming back to a seat we hold and refused for another reason: say so and
    // offer to try again, without giving the seat up.
    app.mode = 'stopped';
    app.stoppedReason = reason || 'error';
    app.stoppedText = text;
    render();
    return;
  }
  // no free seat, unknown role, ...: choose again
  app.mode = 'lobby';
  app.lobbyError = text;
  render();
  askLobby();
}

// Switches an unchosen page to the session's language (from a lobby or a
// welcome). Returns whether it switches.
function followSessionLanguage(msg) {
  const l = msg.sessionLang;
  if (langChosen || !l || l === i18n.currentLang() || !i18n.supported().includes(l)) return false;
  langChosen = true; // once: the player can still switch back with the button
  if (app.mode !== 'lobby') app.langAsked = { lang: l, at: performance.now() };
  i18n.load(l).then(
    () => {
      if (app.mode === 'lobby') askLobby();
      else if (conn.isOpen()) conn.sendNow({ type: 'lang', lang: l });
      render(true);
    },
    () => render(true)
  );
  return true;
}

// In a room, waiting to be dealt a seat: the token brings this person back
// after a dropped connection, still waiting (or seated meanwhile).
function onWaitingForDeal(msg) {
  followSessionLanguage(msg);
  const s = app.seat || {};
  app.seat = { ...s, token: msg.token || s.token || '', seat: -1 };
  saveSeat(app.code, app.seat);
  app.dealWait = true;
  app.welcome = null;
  app.started = false;
  app.mode = 'seated';
  conn.keepAlive = true;
  render();
}

function onWelcome(msg) {
  followSessionLanguage(msg);
  const s = app.seat || {};
  app.dealWait = false;
  app.seat = {
    token: msg.token || s.token || '',
    role: msg.role || s.role || '',
    name: s.name || '',
    seat: msg.seat,
    table: typeof msg.table === 'number' ? msg.table : -1,
  };
  saveSeat(app.code, app.seat);
  app.welcome = msg;
  app.started = Boolean(msg.started);
  app.mode = 'seated';
  conn.keepAlive = true;
  render();
}

// What a package means for this seat, asked of the host once per package
// (the host scores it; the page never does).
let previewId = 0;
const previewIds = new Map(); // id -> package key
function askPreview(pkg) {
  const key = JSON.stringify(pkg);
  if (app.previews.has(key) || !conn.isOpen()) return app.previews.get(key) || null;
  app.previews.set(key, 'asked');
  previewId += 1;
  previewIds.set(previewId, key);
  conn.sendNow({ type: 'preview', id: previewId, package: pkg });
  return 'asked';
}

function onPreview(msg) {
  const key = previewIds.get(msg.id);
  if (!key) return;
  previewIds.delete(msg.id);
  app.previews.set(key, msg.error ? { error: msg.error } : msg);
  if (app.tab === 'act' && app.flow) render(true); // the view did not change, the form did
}

function onView(view) {
  const before = app.view;
  app.view = view;
  app.viewAt = performance.now();
  if (app.mode !== 'seated') app.mode = 'seated';
  if (view.phase && typeof view.phase.index === 'number' && view.phase.index >= 0) app.started = true;
  const waitingForLang = app.langAsked && performance.now() - app.langAsked.at < 5000 && view.lang !== app.langAsked.lang;
  if (app.langAsked && view.lang === app.langAsked.lang) app.langAsked = null;
  if (!waitingForLang && view.lang && view.lang !== i18n.currentLang() && i18n.supported().includes(view.lang)) {
    // The host speaks another language than the page: follow the host.
    i18n.load(view.lang).then(() => render(true));
  }
  if (view.you && app.seat && view.you.name && view.you.name !== app.seat.name) {
    app.seat.name = view.you.name;
    saveSeat(app.code, app.seat);
  }
  if (!before) app.tab = defaultTab(view);
  checkPending(before, view);
  // A confirmation belongs to the phase it was given in ("you are done with
  // this phase" must not greet the next one).
  const phaseOf = (v) => (v && v.phase ? `${v.phase.index}/${Boolean(v.phase.finished)}` : '');
  if (before && phaseOf(before) !== phaseOf(view) && app.notice && app.notice.kind === 'ok') app.notice = null;
  // An event can change what a package means for a role: score again.
  const newsOf = (v) => `${phaseOf(v)}/${(v && v.announcements ? v.announcements.length : 0)}`;
  if (before && newsOf(before) !== newsOf(view)) app.previews.clear();
  render();
  const moments = pendingMoments(app.code, view);
  if (moments.length && !momentOpen()) showMoment(moments[0], () => showNextMoment());
}

function showNextMoment() {
  if (!app.view) return;
  const moments = pendingMoments(app.code, app.view);
  if (moments.length) showMoment(moments[0], () => showNextMoment());
}

function onRefused(msg) {
  if (!app.pending) {
    app.setNotice({ kind: 'error', text: refusalText(msg) });
    return;
  }
  failPending(refusalText(msg));
}

function onBye(msg) {
  const reason = msg.reason || '';
  if (reason === 'net.refuse.host_closing' && app.view && app.view.phase && app.view.phase.finished) {
    // The session is over and the host goes away: the debrief stays on the
    // phone (the player may still be reading it), with a word why nothing moves.
    conn.stop();
    app.setNotice({ kind: 'info', text: t('web.stopped.closed') });
    render(true);
    return;
  }
  if (reason === 'net.refuse.replaced' || reason === 'net.refuse.host_closing') {
    conn.stop();
    app.mode = 'stopped';
    app.stoppedReason = reason;
    render();
    return;
  }
  // Anything else: the connection ends, the seat stays ours; come back.
  app.setNotice({ kind: 'error', text: refusalText(msg) });
}

// ---- actions --------------------------------------------------------------

// Sends one action of this seat. `check(view, before)` tells from a new view
// that the host applied it; `ok` is the catalog key of the confirmation.
function act(action, { check, ok, okText, onAccepted } = {}) {
  if (app.pending) return false;
  const sent = conn.sendNow({ type: 'action', action });
  if (!sent) {
    app.setNotice({ kind: 'error', text: t('web.not_connected') });
    return false;
  }
  const before = app.view;
  app.pending = {
    action,
    check: check || (() => true),
    already: before ? Boolean(check && check(before, before)) : false,
    ok,
    okText,
    onAccepted,
    before,
    sentAt: performance.now(),
  };
  if (app.notice && app.notice.kind !== 'error') app.notice = null;
  clearTimeout(pendingTimer);
  pendingTimer = window.setTimeout(() => {
    if (app.pending) failPending(t('table.not_sent'));
  }, ACTION_TIMEOUT_MS);
  render(true);
  return true;
}

function checkPending(before, view) {
  const p = app.pending;
  if (!p || !before) return;
  let accepted = false;
  try {
    accepted = p.already ? true : Boolean(p.check(view, p.before));
  } catch (e) {
    accepted = true;
  }
  if (!accepted) return;
  clearTimeout(pendingTimer);
  app.pending = null;
  const text = p.okText ? p.okText(view) : p.ok ? t(p.ok) : t('web.accepted');
  app.notice = { kind: 'ok', text };
  if (p.onAccepted) p.onAccepted(view);
  showNoticeSoon();
}

function failPending(text) {
  clearTimeout(pendingTimer);
  app.pending = null;
  app.notice = { kind: 'error', text };
  render(true);
  showNoticeSoon();
}

// After the host answered: bring the message into view (it sits at the top,
// the player's thumb was at the bottom). A confirmation goes away by itself.
let noticeTimer = null;
function showNoticeSoon() {
  window.setTimeout(() => {
    const el = $('notice');
    if (el.firstChild && el.getBoundingClientRect().top < $('top').offsetHeight) window.scrollTo(0, 0);
  }, 0);
  clearTimeout(noticeTimer);
  if (app.notice && app.notice.kind === 'ok') {
    const shown = app.notice;
    noticeTimer = window.setTimeout(() => {
      if (app.notice === shown) setNotice(null);
    }, 10000);
  }
}

function setNotice(notice) {
  app.notice = notice;
  renderNotice();
  if (notice && notice.kind === 'error') showNoticeSoon();
}

// ---- the header, the tabs, the screens --------------------------------------

function defaultTab(view) {
  if (view.phase && view.phase.kind === 'kennismaken') return 'card';
  return 'act';
}

function switchTab(tab) {
  if (!['card', 'board', 'act'].includes(tab)) return;
  const same = app.tab === tab;
  app.tab = tab;
  if (same && tab === 'act' && app.flow) {
    // Tapping "Doen" again leaves the form, as a back to the list.
    app.flow = null;
  }
  stopSpeaking();
  render(true);
  window.scrollTo(0, 0);
  focusHeading(document.querySelector('#main h1, #main h2'));
}

function phaseSentence(view) {
  const ph = view.phase || {};
  const can = view.can || {};
  if (ph.finished) return t('web.now.finished');
  if (ph.paused) return t('web.now.paused');
  if ((can.answer && can.answer.length) || (can.decline && can.decline.length)) return t('web.now.question');
  if (typeof can.vote === 'number' && can.vote >= 0) return t('web.now.vote');
  if (ph.done) return t('web.now.done');
  if (ph.kind === 'besluit' && everyoneVotes(view)) return t('web.now.besluit_everyone');
  const key = `web.now.${ph.kind}`;
  return i18n.has(key) ? t(key) : t('web.now.default');
}

function remainingMs() {
  const v = app.view;
  if (!v || !v.phase || typeof v.phase.remainingMs !== 'number') return null;
  const ph = v.phase;
  const running = !ph.paused && !ph.finished;
  const elapsed = running ? performance.now() - app.viewAt : 0;
  return Math.max(0, ph.remainingMs - elapsed);
}

let lastTimerMinute = -1;
function renderTimer() {
  const el = $('timer');
  const ms = remainingMs();
  const ph = app.view && app.view.phase;
  if (ms === null || !ph || ph.finished || app.mode !== 'seated' || !app.started) {
    el.hidden = true;
    $('top').classList.add('no-timer');
    return;
  }
  el.hidden = false;
  $('top').classList.remove('no-timer');
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const digits = `${m}:${String(s).padStart(2, '0')}`;
  const text = el.querySelector('.timer-digits');
  if (text.textContent !== digits) text.textContent = digits;
  el.classList.toggle('timer-low', total <= 60 && !ph.paused);
  el.classList.toggle('timer-paused', Boolean(ph.paused));
  const minute = Math.ceil(ms / 60000);
  if (minute !== lastTimerMinute || el.dataset.paused !== String(Boolean(ph.paused))) {
    lastTimerMinute = minute;
    el.dataset.paused = String(Boolean(ph.paused));
    el.setAttribute('aria-label', ph.paused ? t('web.timer.paused', minutesLeft(ms)) : minutesLeft(ms));
  }
}

function tick() {
  renderTimer();
}

function renderHeader() {
  const langBtn = $('lang-btn');
  const other = i18n.currentLang() === 'nl' ? 'en' : 'nl';
  langBtn.textContent = other.toUpperCase();
  langBtn.setAttribute('lang', other);
  langBtn.setAttribute('aria-label', t('web.switch_language', t(`ui.language.${other}`)));

  const v = app.view;
  const title = $('phase-name');
  const step = $('phase-step');
  const now = $('now');
  if (app.mode === 'seated' && v && v.phase && app.started) {
    title.textContent = v.phase.finished ? t('web.phase.finished') : v.phase.name;
    const count = typeof v.phase.count === 'number' ? v.phase.count : 0;
    step.textContent = v.phase.finished ? ''
      : count ? t('web.phase.step_of', v.phase.index + 1, count) : t('web.phase.step', v.phase.index + 1);
    now.textContent = phaseSentence(v);
    now.hidden = false;
    document.title = `${v.phase.finished ? t('web.phase.finished') : v.phase.name} · Samenspel`;
  } else {
    title.textContent = 'Samenspel';
    step.textContent = '';
    now.hidden = true;
    now.textContent = '';
    document.title = 'Samenspel';
  }
  renderTimer();
}

function renderStatus() {
  const el = $('status');
  const v = app.view;
  const parts = [];
  if ((app.mode === 'seated' || app.mode === 'joining') && (app.connState === 'lost' || app.connState === 'connecting') && app.view) {
    parts.push(h('div', { class: 'banner banner-warn' },
      h('strong', null, t('web.connection_lost')), ' ', t('web.connection_lost_explain')));
  }
  replace(el, ...parts);
}

function renderNotice() {
  const el = $('notice');
  const n = app.notice;
  // #notice stays in the page (empty when there is nothing to say), so screen
  // readers announce what appears in it.
  if (!n) {
    replace(el);
    return;
  }
  const cls = n.kind === 'ok' ? 'notice notice-ok' : n.kind === 'error' ? 'notice notice-error' : 'notice notice-info';
  const ic = n.kind === 'ok' ? icon(ICONS.check) : n.kind === 'error' ? icon(ICONS.alert) : null;
  const close = h('button', { type: 'button', class: 'notice-close', 'aria-label': t('web.close_message') }, icon(ICONS.cross));
  close.addEventListener('click', () => setNotice(null));
  replace(el, h('div', { class: cls, role: n.kind === 'error' ? 'alert' : 'status' },
    ic, h('span', { class: 'notice-text' }, n.text), n.kind === 'info' ? null : close));
}

function renderTabs() {
  const nav = $('tabs');
  const show = app.mode === 'seated' && app.view && app.started;
  nav.hidden = !show;
  document.body.classList.toggle('has-tabs', Boolean(show));
  if (!show) return;
  nav.setAttribute('aria-label', t('web.tabs'));
  const finished = app.view.phase && app.view.phase.finished;
  const labels = { card: t('web.tab.card'), board: t('web.tab.board'), act: finished ? t('web.tab.end') : t('web.tab.act') };
  const badge = finished ? 0 : actBadge(app.view);
  for (const b of nav.querySelectorAll('[data-tab]')) {
    const tab = b.dataset.tab;
    b.querySelector('.tab-label').textContent = labels[tab];
    if (tab === app.tab) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
    const badgeEl = b.querySelector('.tab-badge');
    if (badgeEl) {
      badgeEl.hidden = !(tab === 'act' && badge > 0);
      badgeEl.textContent = badge > 0 ? String(badge) : '';
      b.setAttribute('aria-label', tab === 'act' && badge > 0 ? `${labels[tab]}, ${tn('web.tab.waiting', badge)}` : labels[tab]);
    }
  }
}

function viewSignature() {
  const v = app.view;
  if (!v) return '';
  if (app.tab === 'card') {
    // The role card: redrawn only when it changed (a read-aloud keeps going).
    const me = (v.roles || []).find((r) => v.you && r.role === v.you.role) || {};
    return JSON.stringify([v.card, v.values, me.name, me.sharedValues]);
  }
  // Everything but the clock: redraw only what changed, so a form being filled
  // in or a scrolled list stays as it is while the timer runs.
  const copy = Object.assign({}, v, { phase: Object.assign({}, v.phase, { remainingMs: 0 }) });
  return JSON.stringify(copy);
}

// Draws the screen. `force`: also when the view did not change (a tab switch,
// a language switch, a step in a form).
function render(force = false) {
  renderHeader();
  renderStatus();
  renderNotice();
  renderTabs();
  const main = $('main');
  if (app.mode === 'code' || app.mode === 'start') {
    renderCodeScreen(main);
    lastSignature = '';
    return;
  }
  if (app.mode === 'lobby') {
    renderLobby(main, force);
    lastSignature = '';
    return;
  }
  if (app.mode === 'stopped') {
    renderStopped(main);
    lastSignature = '';
    return;
  }
  if (app.mode === 'joining' || !app.view || !app.started) {
    renderWaiting(main);
    lastSignature = '';
    return;
  }
  const sig = viewSignature() + '|' + i18n.currentLang() + '|' + (app.pending ? 'p' : '');
  const tabChanged = lastTab !== app.tab;
  if (!force && !tabChanged && sig === lastSignature) return;
  const onlyRefreshFlow = !force && !tabChanged && app.tab === 'act' && app.flow;
  lastSignature = sig;
  lastTab = app.tab;
  if (onlyRefreshFlow) {
    refreshFlow(main);
    return;
  }
  const finished = app.view.phase && app.view.phase.finished;
  if (app.tab === 'card') renderCard(main);
  else if (app.tab === 'board') renderBoard(main);
  else if (finished) renderDebrief(main);
  else renderAct(main);
}

async function switchLanguage() {
  const other = i18n.currentLang() === 'nl' ? 'en' : 'nl';
  try {
    await i18n.load(other);
  } catch (e) {
    app.setNotice({ kind: 'error', text: t('web.not_connected') });
    return;
  }
  try {
    window.localStorage.setItem('samenspel.lang', other);
  } catch (e) {
    /* no storage */
  }
  stopSpeaking();
  if (app.mode === 'seated' || app.mode === 'joining') {
    app.langAsked = { lang: other, at: performance.now() };
    conn.sendNow({ type: 'lang', lang: other });
  }
  if (app.mode === 'lobby' && app.code) askLobby();
  if (app.notice && app.notice.kind !== 'error') app.notice = null;
  render(true);
}

app.render = render;
app.act = act;
app.switchTab = switchTab;
app.setNotice = setNotice;
app.askPreview = askPreview;
app.enterCode = enterCode;
app.takeSeat = takeSeat;
app.waitForSeat = waitForSeat;
app.backToCode = backToCode;
app.resume = resume;
app.validCode = validCode;
app.normaliseCode = normaliseCode;

// For tests: the catalog keys the page asked for but did not find.
window.samenspelMissingKeys = () => i18n.missingKeys();

start();
