// Full-screen moments: an event announcement, the decision. Each is shown
// once (remembered per session code on this phone) and closed with one big
// button; focus stays inside while it is open and returns afterwards.
import { h, replace, focusHeading } from '../dom.js';
import { t } from '../i18n.js';
import { roleName, proposalOf, proposalRef, packageLines, everyoneVotes } from '../format.js';
import { supportBar } from './board.js';
import { speakButton, stopSpeaking } from '../speech.js';

const memory = new Map(); // when storage is not available

function seenKey(code) {
  return `samenspel.seen.${code}`;
}

function loadSeen(code) {
  try {
    const raw = window.localStorage.getItem(seenKey(code));
    return new Set(raw ? JSON.parse(raw) : []);
  } catch (e) {
    return new Set(memory.get(code) || []);
  }
}

function markSeen(code, id) {
  const seen = loadSeen(code);
  seen.add(id);
  memory.set(code, Array.from(seen));
  try {
    window.localStorage.setItem(seenKey(code), JSON.stringify(Array.from(seen)));
  } catch (e) {
    /* kept in memory */
  }
}

// The moments of `view` this phone has not shown yet, oldest first.
export function pendingMoments(code, view) {
  const seen = loadSeen(code);
  const out = [];
  for (const a of view.announcements || []) {
    const id = `event:${a.event}`;
    if (!seen.has(id)) out.push({ id, kind: 'event', code, data: a });
  }
  const d = view.decision;
  if (d && d.taken) {
    const id = `decision:${d.proposal}`;
    if (!seen.has(id)) out.push({ id, kind: 'decision', code, data: d, view });
  } else if (d && view.phase && (view.phase.kind === 'reflectie' || view.phase.finished)) {
    // Besluit ended without a decision: that is an outcome too, and the room
    // (the projector holds it) should hear it on every phone.
    if (!seen.has('decision:none')) out.push({ id: 'decision:none', kind: 'no_decision', code, data: d, view });
  }
  return out;
}

let openMoment = null;
let returnFocus = null;

export function momentOpen() {
  return openMoment !== null;
}

function trapFocus(ev) {
  if (ev.key !== 'Tab' || !openMoment) return;
  const box = document.getElementById('moment');
  const focusable = Array.from(box.querySelectorAll('button, a[href], [tabindex="0"]'));
  if (!focusable.length) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (ev.shiftKey && document.activeElement === first) {
    ev.preventDefault();
    last.focus();
  } else if (!ev.shiftKey && document.activeElement === last) {
    ev.preventDefault();
    first.focus();
  }
}

export function showMoment(moment, onClosed) {
  const box = document.getElementById('moment');
  openMoment = moment;
  returnFocus = document.activeElement;
  let content;
  let speakTexts;
  if (moment.kind === 'event') {
    const a = moment.data;
    speakTexts = () => [t('web.moment.event'), a.title, a.text];
    content = [
      h('p', { class: 'moment-eyebrow' }, t('web.moment.event')),
      h('h1', { class: 'moment-title', id: 'moment-title' }, a.title || t('table.announcement')),
      h('p', { class: 'moment-text' }, a.text || ''),
    ];
  } else if (moment.kind === 'no_decision') {
    const explain = t(everyoneVotes(moment.view) ? 'web.moment.no_decision_explain_everyone' : 'web.moment.no_decision_explain');
    speakTexts = () => [t('web.moment.no_decision'), explain];
    content = [
      h('p', { class: 'moment-eyebrow' }, t('web.moment.decision')),
      h('h1', { class: 'moment-title', id: 'moment-title' }, t('web.moment.no_decision')),
      h('p', { class: 'moment-text' }, explain),
    ];
  } else {
    const d = moment.data;
    const view = moment.view;
    const p = proposalOf(view, d.proposal);
    const title = d.gedragen ? t('web.moment.decision_gedragen') : t('web.moment.decision_not_gedragen');
    speakTexts = () => [title, p ? t('web.decision.on', proposalRef(p)) : '',
      ...(p ? packageLines(view, p.package).map((l) => `${l.issue}: ${l.option}`) : [])];
    content = [
      h('p', { class: 'moment-eyebrow' }, t('web.moment.decision')),
      h('h1', { class: 'moment-title', id: 'moment-title' }, title),
      p ? h('p', { class: 'moment-text' }, t('web.decision.on', proposalRef(p))) : null,
      p ? h('dl', { class: 'package package-moment' }, packageLines(view, p.package).map((l) => [h('dt', null, l.issue), h('dd', null, l.option)])) : null,
      d.support && d.support.length
        ? h('div', { class: 'support-list' }, d.support.map((s) => supportBar(s.support, roleName(view, s.role), s.accepts)))
        : null,
      h('p', { class: 'moment-text' }, d.gedragen ? t('web.moment.gedragen_explain') : t('web.moment.not_gedragen_explain')),
    ];
  }
  const ok = h('button', { type: 'button', class: 'btn btn-primary btn-block moment-ok' }, t('table.announcement_ok'));
  const close = () => {
    stopSpeaking();
    markSeen(moment.code, moment.id);
    box.hidden = true;
    document.body.classList.remove('moment-shown');
    document.removeEventListener('keydown', onKey);
    openMoment = null;
    for (const el of document.querySelectorAll('[data-inert-by-moment]')) {
      el.removeAttribute('inert');
      el.removeAttribute('aria-hidden');
      el.removeAttribute('data-inert-by-moment');
    }
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
    if (onClosed) onClosed();
  };
  const onKey = (ev) => {
    if (ev.key === 'Escape') close();
    else trapFocus(ev);
  };
  ok.addEventListener('click', close);
  const speak = speakButton(speakTexts);
  replace(box, h('div', { class: `moment-inner moment-${moment.kind}` },
    h('div', { class: 'moment-content' }, content, speak),
    h('div', { class: 'moment-actions' }, ok)));
  box.setAttribute('aria-labelledby', 'moment-title');
  box.hidden = false;
  box.scrollTop = 0;
  document.body.classList.add('moment-shown');
  for (const id of ['top', 'main', 'tabs', 'status', 'notice']) {
    const el = document.getElementById(id);
    if (el && !el.hasAttribute('inert')) {
      el.setAttribute('inert', '');
      el.setAttribute('aria-hidden', 'true');
      el.setAttribute('data-inert-by-moment', '');
    }
  }
  document.addEventListener('keydown', onKey);
  focusHeading(box.querySelector('#moment-title'));
}
