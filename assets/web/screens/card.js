// My role card, full height: the public brief, what matters to me (values
// with their weight), my red lines, and the secret only I know.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { app } from '../state.js';
import { roleOf, valueOf, weightWords } from '../format.js';
import { speakButton } from '../speech.js';

function dots(weight) {
  const out = [];
  for (let i = 1; i <= 3; i++) out.push(h('span', { class: i <= weight ? 'dot dot-on' : 'dot' }));
  return h('span', { class: 'dots', 'aria-hidden': 'true' }, out);
}

export function sortedValues(view) {
  const card = view.card || {};
  return (card.values || []).filter((v) => v.weight > 0).slice().sort((a, b) => b.weight - a.weight || a.value - b.value);
}

export function renderCard(main) {
  const view = app.view;
  const card = view.card || {};
  const me = roleOf(view, view.you ? view.you.role : -1) || {};
  const shared = new Set(me.sharedValues || []);
  const values = sortedValues(view);

  const speech = speakButton(() => {
    const parts = [t('web.card.title', me.name || ''), card.brief, card.interest];
    if (values.length) {
      parts.push(t('web.card.values'));
      for (const v of values) {
        const val = valueOf(view, v.value);
        parts.push(`${val ? val.name : ''}: ${weightWords(v.weight)}`);
      }
    }
    if (card.redLines && card.redLines.length) {
      parts.push(t('web.card.red_lines'));
      for (const r of card.redLines) parts.push(r.name);
    }
    if (card.secret) parts.push(t('web.card.secret'), card.secret);
    return parts;
  });

  const heading = h('h1', { class: 'screen-title' }, me.name || t('web.tab.card'));
  replace(main, h('section', { class: 'screen card-screen' },
    h('p', { class: 'eyebrow' }, t('web.card.eyebrow')),
    heading,
    speech,
    card.brief ? h('p', { class: 'lead' }, card.brief) : null,
    card.interest ? h('p', { class: 'body' }, card.interest) : null,

    h('h2', { class: 'section-title' }, t('web.card.values')),
    h('p', { class: 'hint' }, t('web.card.values_hint')),
    values.length
      ? h('ul', { class: 'value-list' }, values.map((v) => {
        const val = valueOf(view, v.value) || {};
        return h('li', { class: 'value-item' },
          h('div', { class: 'value-head' },
            h('span', { class: 'value-name' }, val.name || '?'),
            dots(v.weight)),
          h('div', { class: 'value-meta' },
            h('span', { class: 'weight-words' }, weightWords(v.weight)),
            shared.has(v.value) ? h('span', { class: 'tag tag-ok' }, t('web.shared')) : null),
          val.description ? h('p', { class: 'value-desc' }, val.description) : null);
      }))
      : h('p', { class: 'body' }, t('web.card.no_values')),

    h('h2', { class: 'section-title' }, t('web.card.red_lines')),
    h('p', { class: 'hint' }, t('web.card.red_lines_hint')),
    card.redLines && card.redLines.length
      ? h('ul', { class: 'plain-list' }, card.redLines.map((r) =>
        h('li', { class: 'red-line' },
          h('span', null, r.name),
          r.shared ? h('span', { class: 'tag tag-ok' }, t('web.shared')) : h('span', { class: 'tag' }, t('web.not_shared')))))
      : h('p', { class: 'body' }, t('web.card.no_red_lines')),

    card.secret
      ? h('div', { class: 'secret' },
        h('h2', { class: 'section-title' }, t('web.card.secret')),
        h('p', { class: 'hint' }, t('web.card.secret_hint')),
        h('p', { class: 'body' }, card.secret))
      : null));
}
