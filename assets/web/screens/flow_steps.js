// The building blocks of the step-by-step forms (flows.js): big choices, a
// text field, the reason step, the ja-mits condition builder and picking a
// proposal. Loaded with flows.js, when a player first opens a form.
import { h, icon, ICONS } from '../dom.js';
import { t, tn, currentLang } from '../i18n.js';
import { valueName, issueOf, optionOf, attributeOf, proposalBy, proposalOf, proposalTitle, packageLines, formatAttribute, weightWords, byIndex } from '../format.js';
import { sortedValues } from './card.js';
import { list } from './can.js';

const TEXT_MAX = 500;
const CONDITIONS_MAX = 5;
export const PREDICT_MAX = 3;

// ---- building blocks ---------------------------------------------------------

// A list of big choices; tapping one picks it (and usually goes on).
export function choices(items, selected, onPick, opts = {}) {
  return h('div', { class: 'choices', role: opts.multi ? 'group' : 'radiogroup', 'aria-label': opts.label || null },
    items.map((it) => {
      const isSel = opts.multi ? selected.includes(it.key) : selected === it.key;
      const b = h('button', {
        type: 'button',
        class: `choice${isSel ? ' is-selected' : ''}${opts.multi ? ' choice-multi' : ''}`,
        role: opts.multi ? 'checkbox' : 'radio',
        'aria-checked': isSel ? 'true' : 'false',
        disabled: it.disabled || null,
      },
      h('span', { class: 'choice-mark', 'aria-hidden': 'true' }),
      h('span', { class: 'choice-body' },
        h('span', { class: 'choice-title' }, it.title),
        it.sub ? h('span', { class: 'choice-sub' }, it.sub) : null,
        it.tag ? h('span', { class: 'choice-tag' }, h('span', { class: 'tag' }, it.tag)) : null));
      b.addEventListener('click', () => onPick(it.key));
      return b;
    }));
}

export function textArea(id, value, onInput, opts = {}) {
  const counter = h('p', { class: 'counter', id: `${id}-count`, 'aria-live': 'polite' });
  const area = h('textarea', {
    id,
    class: 'field field-area',
    rows: '4',
    maxlength: String(TEXT_MAX),
    'aria-describedby': `${id}-count`,
    placeholder: opts.placeholder || null,
  });
  area.value = value || '';
  const update = () => {
    const n = Array.from(area.value).length;
    counter.textContent = tn('web.chars_left', Math.max(0, TEXT_MAX - n));
    counter.classList.toggle('counter-low', TEXT_MAX - n < 50);
  };
  area.addEventListener('input', () => {
    update();
    onInput(area.value);
  });
  update();
  return h('div', { class: 'stack' },
    opts.label ? h('label', { class: 'label', for: id }, opts.label) : null,
    area, counter);
}

export function summaryRows(rows) {
  return h('dl', { class: 'summary' }, rows.filter(Boolean).map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}
// ---- conditions (ja, mits / support if) ------------------------------------

// Parses a number as people type it in this language: "120.000" in Dutch is
// 120000, "2,5" is 2.5; in English "120,000" and "2.5".
export function parseNumber(raw, lang = currentLang()) {
  let s = String(raw || '').replace(/[\s€$£%]/g, '').replace(/\u2212/g, '-');
  if (!s) return null;
  if (lang === 'nl') s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return isFinite(n) ? n : null;
}

export function conditionText(view, c) {
  if (c.kind === 'is' || c.kind === 'is_not') {
    const issue = issueOf(view, c.issue);
    const option = optionOf(issue, c.option);
    return t(c.kind === 'is' ? 'cond.is' : 'cond.is_not', issue ? issue.name : '?', option ? option.name : '?');
  }
  const f = formatAttribute(view, c.attr, c.number);
  return t(c.kind === 'at_most' ? 'cond.at_most' : 'cond.at_least', f.name, f.amount);
}

function conditionExamples(view, p) {
  const out = {};
  const issue = list(view.issues)[0];
  if (issue) {
    const options = list(issue.options).filter((o) => o.enabled !== false);
    const current = p ? optionOf(issue, p.package[issue.issue]) : null;
    const other = options.find((o) => !current || o.option !== current.option) || options[0];
    if (current) out.is = conditionText(view, { kind: 'is', issue: issue.issue, option: current.option });
    else if (other) out.is = conditionText(view, { kind: 'is', issue: issue.issue, option: other.option });
    if (other) out.isNot = conditionText(view, { kind: 'is_not', issue: issue.issue, option: other.option });
  }
  const a = list(view.attributes)[0];
  if (a) {
    const cur = p ? byIndex(p.attributes, 'attribute', a.attribute) : null;
    const n = cur ? cur.value : 100;
    out.atMost = conditionText(view, { kind: 'at_most', attr: a.attribute, number: n });
    out.atLeast = conditionText(view, { kind: 'at_least', attr: a.attribute, number: n });
  }
  return out;
}

function conditionExpression(view, c) {
  if (c.kind === 'is' || c.kind === 'is_not') {
    const issue = issueOf(view, c.issue);
    const option = optionOf(issue, c.option);
    return `${issue.id} ${c.kind === 'is' ? '==' : '!='} ${option.id}`;
  }
  const a = attributeOf(view, c.attr);
  return `${a.id} ${c.kind === 'at_most' ? '<=' : '>='} ${c.number}`;
}

export function encodeConditions(view, d) {
  return list(d.conditions).map((c) => {
    const out = { expression: conditionExpression(view, c) };
    if (d.reason) out.protects = { kind: d.reason.kind, index: d.reason.index };
    return out;
  });
}

export function conditionsStep(ctx) {
  const { view, data } = ctx;
  data.conditions = data.conditions || [];
  const p = proposalOf(view, data.proposal);
  if (!data.draft && !data.conditions.length && !data.draftCancelled) data.draft = { stage: 'kind' };
  const d = data.draft;
  if (d) {
    const back = () => {
      const order = d.kind === 'at_most' || d.kind === 'at_least' ? ['kind', 'attr', 'number'] : ['kind', 'issue', 'option'];
      const i = order.indexOf(d.stage);
      if (i <= 0) {
        data.draft = null;
        data.draftCancelled = true;
      } else d.stage = order[i - 1];
      ctx.rerender();
    };
    ctx.setBack(back);
    const addIt = (c) => {
      data.conditions.push(c);
      data.draft = null;
      data.draftCancelled = true;
      ctx.rerender();
    };
    if (d.stage === 'kind') {
      // Examples from this case and this proposal, so they mean something.
      const ex = conditionExamples(view, p);
      const items = [
        { key: 'is', title: t('web.cond.kind.is'), sub: ex.is ? t('web.cond.example', ex.is) : '' },
        { key: 'is_not', title: t('web.cond.kind.is_not'), sub: ex.isNot ? t('web.cond.example', ex.isNot) : '' },
      ];
      if (list(view.attributes).length) {
        items.push({ key: 'at_most', title: t('web.cond.kind.at_most'), sub: ex.atMost ? t('web.cond.example', ex.atMost) : '' },
          { key: 'at_least', title: t('web.cond.kind.at_least'), sub: ex.atLeast ? t('web.cond.example', ex.atLeast) : '' });
      }
      return {
        title: t('web.cond.kind_title'),
        help: t('web.cond.kind_help'),
        body: choices(items, d.kind, (k) => {
          d.kind = k;
          d.stage = k === 'is' || k === 'is_not' ? 'issue' : 'attr';
          ctx.rerender();
        }),
      };
    }
    if (d.stage === 'issue') {
      return {
        title: t('web.cond.issue_title'),
        body: choices(list(view.issues).map((i) => {
          const chosen = p ? optionOf(i, p.package[i.issue]) : null;
          return { key: i.issue, title: i.name, sub: chosen ? t('web.cond.now', chosen.name) : '' };
        }), d.issue, (k) => {
          d.issue = k;
          d.stage = 'option';
          ctx.rerender();
        }),
      };
    }
    if (d.stage === 'option') {
      const issue = issueOf(view, d.issue);
      const opts = list(issue && issue.options).filter((o) => d.kind === 'is_not' || o.enabled !== false);
      return {
        title: d.kind === 'is' ? t('web.cond.option_is_title', issue.name) : t('web.cond.option_is_not_title', issue.name),
        body: choices(opts.map((o) => ({
          key: o.option,
          title: o.name,
          tag: p && p.package[d.issue] === o.option ? t('web.in_proposal') : '',
        })), d.option, (k) => {
          d.option = k;
          addIt({ kind: d.kind, issue: d.issue, option: k });
        }),
      };
    }
    if (d.stage === 'attr') {
      return {
        title: t('web.cond.attr_title'),
        body: choices(list(view.attributes).map((a) => {
          const cur = p ? byIndex(p.attributes, 'attribute', a.attribute) : null;
          return { key: a.attribute, title: a.name, sub: cur ? t('web.cond.now', formatAttribute(view, a.attribute, cur.value).amount) : '' };
        }), d.attr, (k) => {
          d.attr = k;
          d.stage = 'number';
          ctx.rerender();
        }),
      };
    }
    // number
    const a = attributeOf(view, d.attr);
    const cur = p ? byIndex(p.attributes, 'attribute', d.attr) : null;
    const input = h('input', {
      id: 'cond-number',
      class: 'field field-number',
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      enterkeyhint: 'done',
      value: d.raw || '',
      'aria-describedby': 'cond-number-hint',
    });
    const err = h('p', { class: 'field-error', role: 'alert' });
    const add = () => {
      const n = parseNumber(input.value);
      if (n === null) {
        err.textContent = t('web.cond.number_invalid');
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      addIt({ kind: d.kind, attr: d.attr, number: n });
    };
    input.addEventListener('input', () => { d.raw = input.value; err.textContent = ''; });
    input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); add(); } });
    return {
      title: d.kind === 'at_most' ? t('web.cond.number_most_title', a.name) : t('web.cond.number_least_title', a.name),
      body: [
        h('label', { class: 'label', for: 'cond-number' }, a.unit && a.unit !== '' ? t('web.cond.number_label_unit', a.unit === 'EUR' ? '€' : a.unit) : t('web.cond.number_label')),
        input,
        h('p', { class: 'hint', id: 'cond-number-hint' }, cur ? t('web.cond.now', formatAttribute(view, d.attr, cur.value).amount) : ''),
        err,
      ],
      primary: { label: t('web.cond.add'), onClick: add },
    };
  }
  // The list of conditions so far.
  ctx.setBack(null);
  const items = data.conditions.map((c, i) => {
    const rm = h('button', { type: 'button', class: 'btn btn-small btn-secondary cond-remove', 'aria-label': t('web.cond.remove_aria', conditionText(view, c)) }, t('web.cond.remove'));
    rm.addEventListener('click', () => {
      data.conditions.splice(i, 1);
      ctx.rerender();
    });
    return h('li', { class: 'cond-item' }, h('span', null, conditionText(view, c)), rm);
  });
  const addBtn = h('button', { type: 'button', class: 'btn btn-secondary btn-block cond-add', disabled: data.conditions.length >= CONDITIONS_MAX || null },
    icon(ICONS.plus), data.conditions.length ? t('web.cond.add_another') : t('web.cond.add'));
  addBtn.addEventListener('click', () => {
    data.draft = { stage: 'kind' };
    ctx.rerender();
  });
  return {
    title: t('web.cond.list_title'),
    help: t('web.cond.list_help'),
    body: [
      data.conditions.length ? h('ul', { class: 'cond-items' }, items) : h('p', { class: 'body' }, t('web.cond.none_yet')),
      data.conditions.length < CONDITIONS_MAX ? addBtn : h('p', { class: 'hint' }, tn('web.cond.max', CONDITIONS_MAX)),
    ],
    primary: { label: t('web.next'), disabled: !data.conditions.length, onClick: ctx.next },
  };
}

// The reason step: one of my values or red lines.
export function reasonStep(ctx, optional) {
  const { view, data } = ctx;
  const values = sortedValues(view).map((v) => ({
    key: `value:${v.value}`,
    title: valueName(view, v.value),
    sub: t('web.reason.value_sub', weightWords(v.weight)),
  }));
  const lines = list(view.card && view.card.redLines).map((r) => ({
    key: `precondition:${r.precondition}`,
    title: r.name,
    sub: t('web.reason.red_line_sub'),
  }));
  const selected = data.reason ? `${data.reason.kind}:${data.reason.index}` : '';
  const pick = (k) => {
    const [kind, index] = k.split(':');
    data.reason = { kind, index: Number(index) };
    ctx.next();
  };
  return {
    title: optional ? t('web.reason.title_optional') : t('web.reason.title'),
    help: t('web.reason.help'),
    body: [
      values.length ? h('h2', { class: 'label' }, t('web.reason.values')) : null,
      values.length ? choices(values, selected, pick) : null,
      lines.length ? h('h2', { class: 'label' }, t('web.reason.red_lines')) : null,
      lines.length ? choices(lines, selected, pick) : null,
    ],
    primary: optional ? { label: t('web.reason.skip'), secondary: true, onClick: () => { data.reason = null; ctx.next(); } } : null,
  };
}

export function reasonWords(view, reason) {
  if (!reason) return t('web.reason.none');
  if (reason.kind === 'value') return t('web.reason.value', valueName(view, reason.index));
  const r = byIndex(view.card && view.card.redLines, 'precondition', reason.index);
  return t('web.reason.red_line', r ? r.name : '?');
}

export function proposalPickStep(ctx, ids, title) {
  const { view, data } = ctx;
  return {
    title,
    body: choices(ids.map((id) => {
      const p = proposalOf(view, id);
      const lines = p ? packageLines(view, p.package).map((l) => l.option).join(' · ') : '';
      return {
        key: id,
        title: p ? proposalTitle(p) : String(id),
        sub: p && typeof p.author === 'number' ? `${proposalBy(view, p)}. ${lines}` : lines,
        tag: p && p.onTable ? t('web.proposal.on_table') : '',
      };
    }), data.proposal, (k) => {
      data.proposal = k;
      ctx.next();
    }),
  };
}

// ---- the flows ---------------------------------------------------------------
