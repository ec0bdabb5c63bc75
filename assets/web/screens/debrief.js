// At the end: this player's own debrief (view.debrief): their role's support
// for the decision, their begrip before and after, and the session report.
import { h, replace } from '../dom.js';
import { t, num } from '../i18n.js';
import { app } from '../state.js';
import { roleOf, percent } from '../format.js';
import { supportBar, decisionBlock } from './board.js';

// Begrip v2 (corrected for guessing: 0 is what guessing gives, 1 all right,
// below 0 worse than guessing) as a number; v1 (an old log) as a share right.
function begripText(value, version) {
  if (typeof value !== 'number') return '—';
  return version === 1 ? percent(value) : num(value, 2);
}

function begripBar(label, value, version) {
  const pct = typeof value === 'number' ? Math.max(0, Math.min(1, value)) * 100 : 0;
  const fill = h('span', { class: 'bar-fill bar-pos' });
  fill.style.left = '0%';
  fill.style.width = `${pct}%`;
  const text = begripText(value, version);
  return h('div', { class: 'support-row' },
    h('div', { class: 'support-label' }, h('span', { class: 'support-role' }, label), h('span', { class: 'support-num' }, text)),
    h('div', { class: 'bar bar-plain', role: 'img', 'aria-label': `${label}: ${text}` }, fill));
}

function safeLink(href) {
  // Only a link on this host (a path), never another site or a script URL.
  if (typeof href !== 'string' || !href.startsWith('/') || href.startsWith('//')) return null;
  return href;
}

export function renderDebrief(main) {
  const view = app.view;
  const d = view.debrief || {};
  const me = roleOf(view, view.you ? view.you.role : -1) || {};
  const decision = view.decision || {};
  const parts = [];

  parts.push(h('h1', { class: 'screen-title' }, t('web.debrief.title')));
  parts.push(h('p', { class: 'lead' }, t('web.debrief.intro')));

  if (decision.taken) parts.push(decisionBlock(view));
  else parts.push(h('div', { class: 'decision decision-not' }, h('h2', { class: 'section-title' }, t('debrief.no_decision')),
    h('p', { class: 'body' }, t('web.debrief.no_decision'))));

  // My role and the decision.
  parts.push(h('h2', { class: 'section-title' }, t('web.debrief.your_support', me.name || '')));
  if (typeof d.support === 'number') {
    parts.push(supportBar(d.support, me.name || '', d.accepts));
    parts.push(h('p', { class: 'body' }, d.accepts ? t('web.debrief.accepts') : t('web.debrief.not_accepts')));
    parts.push(h('p', { class: 'hint' }, t('web.debrief.support_scale')));
  } else {
    parts.push(h('p', { class: 'body' }, t('web.debrief.no_support')));
  }

  // Begrip.
  parts.push(h('h2', { class: 'section-title' }, t('web.debrief.begrip')));
  const version = d.begripVersion === 1 ? 1 : 2;
  parts.push(h('p', { class: 'hint' }, t(version === 1 ? 'web.debrief.begrip_explain_v1' : 'web.debrief.begrip_explain')));
  const before = typeof d.begripBefore === 'number' ? d.begripBefore : null;
  const after = typeof d.begripAfter === 'number' ? d.begripAfter : null;
  if (before === null && after === null) {
    parts.push(h('p', { class: 'body' }, t('web.debrief.no_begrip')));
  } else {
    parts.push(begripBar(t('web.debrief.before'), before, version));
    parts.push(begripBar(t('web.debrief.after'), after, version));
    if (before !== null && after !== null) {
      const key = after > before + 0.001 ? 'web.debrief.begrip_up' : after < before - 0.001 ? 'web.debrief.begrip_down' : 'web.debrief.begrip_same';
      parts.push(h('p', { class: 'body' }, t(key, begripText(before, version), begripText(after, version))));
    }
  }

  // The report.
  const href = safeLink(d.report);
  parts.push(h('h2', { class: 'section-title' }, t('web.debrief.report')));
  if (href) {
    parts.push(h('a', { class: 'btn btn-secondary btn-block', href, target: '_blank', rel: 'noopener' }, t('web.debrief.open_report')));
    parts.push(h('p', { class: 'hint' }, t('web.debrief.report_hint')));
  } else {
    parts.push(h('p', { class: 'body' }, t('web.debrief.no_report')));
  }
  parts.push(h('p', { class: 'hint' }, t('web.debrief.talk')));

  replace(main, h('section', { class: 'screen debrief' }, parts));
}
