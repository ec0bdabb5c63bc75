// The board: what everybody at the table can see. The case, what each role
// shared, the questions, the proposals with their conditions and each role's
// public support, the events, and the decision.
import { h, replace } from '../dom.js';
import { t, tn } from '../i18n.js';
import { app } from '../state.js';
import {
  roleName, valueName, seatLabel, proposalBy, seatRole, reasonText, formatAttribute, proposalTitle, proposalRef,
  packageLines, statusText, reactionText, voteText, supportText, proposalOf,
} from '../format.js';

// A bar from −100 to +100, with the number beside it (never colour alone).
export function supportBar(value, label, accepts) {
  const v = Math.max(-100, Math.min(100, typeof value === 'number' ? value : 0));
  const width = Math.abs(v) / 2;
  const left = v >= 0 ? 50 : 50 - width;
  const fill = h('span', { class: `bar-fill ${v >= 0 ? 'bar-pos' : 'bar-neg'}` });
  fill.style.left = `${left}%`;
  fill.style.width = `${width}%`;
  return h('div', { class: 'support-row' },
    h('div', { class: 'support-label' },
      h('span', { class: 'support-role' }, label),
      h('span', { class: 'support-num' }, supportText(value))),
    h('div', { class: 'bar', role: 'img', 'aria-label': t('web.support.aria', label, supportText(value)) },
      h('span', { class: 'bar-mid' }), fill),
    accepts === false ? h('p', { class: 'support-note' }, t('web.support.not_accepts')) : null);
}

function conditionList(conditions, view) {
  if (!conditions || !conditions.length) return null;
  return h('ul', { class: 'cond-list' }, conditions.map((c) =>
    h('li', { class: `cond ${c.met === true ? 'cond-met' : c.met === false ? 'cond-unmet' : ''}` },
      h('span', { class: 'cond-mark', 'aria-hidden': 'true' }, c.met === true ? '✓' : c.met === false ? '✗' : '•'),
      h('span', null, c.text,
        c.met === true ? h('span', { class: 'sr-only' }, ` (${t('table.met')})`) : null,
        c.met === false ? h('span', { class: 'sr-only' }, ` (${t('table.unmet')})`) : null,
        typeof c.from === 'number' ? h('span', { class: 'cond-from' }, ` — ${t('web.condition_from', seatLabel(view, c.from))}`) : null))));
}

// One proposal, as a card. opts.compact: only the package and the conditions.
export function proposalCard(view, p, opts = {}) {
  const attrs = (p.attributes || []).map((a) => formatAttribute(view, a.attribute, a.value));
  const onTable = p.onTable;
  const children = [
    h('div', { class: 'proposal-head' },
      h(opts.headingLevel || 'h3', { class: 'proposal-title' }, proposalTitle(p)),
      h('span', { class: `tag ${onTable && p.status === 'open' ? 'tag-table' : p.status === 'accepted' ? 'tag-ok' : p.status === 'rejected' ? 'tag-bad' : ''}` },
        onTable && p.status === 'open' ? t('web.proposal.on_table') : statusText(p.status))),
    typeof p.author === 'number' ? h('p', { class: 'proposal-by' }, proposalBy(view, p)) : null,
    h('dl', { class: 'package' }, packageLines(view, p.package).map((l) => [
      h('dt', null, l.issue),
      h('dd', null, l.option),
    ])),
    attrs.length ? h('ul', { class: 'attrs' }, attrs.map((a) => h('li', null,
      h('span', { class: 'attr-name' }, a.name), h('span', { class: 'attr-value' }, a.amount)))) : null,
    p.note ? h('blockquote', { class: 'note' }, p.note) : null,
  ];
  if (p.conditions && p.conditions.length) {
    children.push(h('h4', { class: 'sub-title' }, t('table.conditions')), conditionList(p.conditions, view));
  }
  if (!opts.compact) {
    if (p.support && p.support.length) {
      children.push(h('h4', { class: 'sub-title' }, t('web.support.title')),
        h('p', { class: 'hint' }, t('web.support.hint')),
        h('div', { class: 'support-list' }, p.support.map((s) => supportBar(s.support, roleName(view, s.role), s.accepts))));
    }
    if (p.votes && p.votes.length) {
      children.push(h('h4', { class: 'sub-title' }, t('table.votes')),
        h('ul', { class: 'plain-list' }, p.votes.map((v) => h('li', null,
          h('strong', null, seatLabel(view, v.seat)), ': ', voteText(v.kind),
          v.reason ? ` — ${reasonText(view, v.reason, seatRole(view, v.seat))}` : '',
          conditionList(v.conditions, view)))));
    }
    if (p.reactions && p.reactions.length) {
      children.push(h('h4', { class: 'sub-title' }, t('table.reactions')),
        h('ul', { class: 'plain-list' }, p.reactions.map((r) => h('li', null,
          h('strong', null, seatLabel(view, r.seat)), ': ', reactionText(r.kind),
          r.reason ? ` — ${reasonText(view, r.reason, seatRole(view, r.seat))}` : '',
          conditionList(r.conditions, view)))));
    }
  }
  return h('article', { class: `proposal${onTable ? ' proposal-on-table' : ''}` }, children);
}

function section(id, title, count, body, defaultOpen) {
  const open = app.open.has(id) || (!app.open.has(`-${id}`) && defaultOpen);
  const d = h('details', { class: 'section', open: open || null },
    h('summary', { class: 'section-summary' },
      h('span', { class: 'section-name' }, title),
      count !== null ? h('span', { class: 'count' }, String(count)) : null),
    h('div', { class: 'section-body' }, body));
  d.addEventListener('toggle', () => {
    app.open.delete(id);
    app.open.delete(`-${id}`);
    app.open.add(d.open ? id : `-${id}`);
  });
  return d;
}

function questionLine(view, q) {
  const about = q.value >= 0 ? t('web.question.about', valueName(view, q.value)) : t('web.question.what_matters');
  const head = t('web.question.line', seatLabel(view, q.asker), roleName(view, q.role), about);
  let status;
  if (q.status === 'answered') status = q.answerValue >= 0 ? t('web.question.answered', valueName(view, q.answerValue)) : t('web.question.answered_hidden');
  else if (q.status === 'declined') status = t('web.question.declined', q.declineReason || '');
  else status = t('table.question_waiting');
  return h('li', { class: `question q-${q.status}` }, h('span', null, head), h('span', { class: 'q-status' }, status));
}

// While people answer the begrip questions the host leaves out what was
// shared (docs/web_client.md `begrip.boardHidden`); the page says why.
function boardHidden(view) {
  return Boolean(view.begrip && view.begrip.boardHidden);
}

function hiddenLine(view) {
  return boardHidden(view) ? h('p', { class: 'board-hidden' }, t('web.begrip.board_hidden')) : null;
}

function roleBlock(view, r) {
  const me = view.you && view.you.role === r.role;
  const seats = (r.seats || []).map((s) => {
    const bits = [s.name || (s.bot ? t('web.bot') : t('web.seat_empty'))];
    if (s.bot && s.name) bits.push(t('web.bot')); // a nameless bot is already called so
    else if (!s.present) bits.push(t('web.away'));
    if (s.done) bits.push(t('table.done'));
    return bits.join(' · ');
  });
  const values = (r.sharedValues || []).map((v) => valueName(view, v));
  const lines = (r.sharedPreconditions || []).map((p) => p.name);
  return h('li', { class: `role${me ? ' role-me' : ''}` },
    h('h3', { class: 'role-name' }, r.name, me ? h('span', { class: 'tag' }, t('table.you')) : null),
    seats.length ? h('p', { class: 'hint' }, seats.join(', ')) : null,
    r.brief ? h('p', { class: 'body' }, r.brief) : null,
    boardHidden(view) ? null : [
      h('p', { class: 'kv kv-shared' }, h('strong', null, t('web.board.values')), ' ',
        values.length ? values.join(', ') : t('web.board.nothing_yet')),
      h('p', { class: 'kv kv-shared' }, h('strong', null, t('web.board.red_lines')), ' ',
        lines.length ? lines.join('; ') : t('web.board.nothing_yet'))],
    r.secret ? h('p', { class: 'kv secret-revealed' }, h('strong', null, t('table.secret')), ' ', r.secret) : null);
}

export function decisionBlock(view) {
  const d = view.decision;
  if (!d || !d.taken) return null;
  const p = proposalOf(view, d.proposal);
  return h('div', { class: `decision ${d.gedragen ? 'decision-ok' : 'decision-not'}` },
    h('h2', { class: 'section-title' }, d.gedragen ? t('table.decision_gedragen') : t('table.decision_not_gedragen')),
    // By the cards and as people said it can differ: that is worth a talk.
    d.gedragen !== d.gedragenAanTafel && typeof d.gedragenAanTafel === 'boolean'
      ? h('p', { class: 'body' }, d.gedragen ? t('web.decision.objection_stood') : t('web.decision.no_objection_left'))
      : null,
    p ? h('p', { class: 'body' }, t('web.decision.on', proposalRef(p))) : null,
    p ? h('dl', { class: 'package' }, packageLines(view, p.package).map((l) => [h('dt', null, l.issue), h('dd', null, l.option)])) : null,
    d.support && d.support.length
      ? h('div', { class: 'support-list' }, d.support.map((s) => supportBar(s.support, roleName(view, s.role), s.accepts)))
      : null);
}

export function renderBoard(main) {
  const view = app.view;
  const proposals = (view.proposals || []).slice();
  const current = proposals.filter((p) => p.onTable || p.status === 'open' || p.status === 'back')
    .sort((a, b) => (b.onTable ? 1 : 0) - (a.onTable ? 1 : 0) || b.proposal - a.proposal);
  const older = proposals.filter((p) => !current.includes(p)).sort((a, b) => b.proposal - a.proposal);
  const questions = view.questions || [];
  const anns = view.announcements || [];
  const kind = view.phase ? view.phase.kind : '';

  const heading = h('h1', { class: 'screen-title' }, t('web.board.title'));
  replace(main, h('section', { class: 'screen board' },
    heading,
    hiddenLine(view),
    decisionBlock(view),
    section('case', view.case ? view.case.title : t('web.board.case'), null, [
      view.case && view.case.summary ? h('p', { class: 'lead' }, view.case.summary) : null,
      view.case && view.case.text ? h('p', { class: 'body' }, view.case.text) : null,
    ], kind === 'kennismaken' || !proposals.length),
    section('proposals', t('web.board.proposals'), current.length, [
      current.length ? current.map((p) => proposalCard(view, p)) : h('p', { class: 'body' }, t('table.no_proposals')),
      older.length ? h('details', { class: 'older' },
        h('summary', { class: 'older-summary' }, tn('web.board.older', older.length)),
        older.map((p) => proposalCard(view, p))) : null,
    ], proposals.length > 0),
    section('roles', t('web.board.roles'), null, [
      hiddenLine(view),
      h('ul', { class: 'role-list' }, (view.roles || []).map((r) => roleBlock(view, r)))],
      kind === 'waarden' || kind === 'randvoorwaarden'),
    section('questions', t('table.questions'), questions.length,
      questions.length
        ? h('ul', { class: 'plain-list' }, questions.slice().reverse().map((q) => questionLine(view, q)))
        : h('p', { class: 'body' }, t('table.no_questions')),
      (kind === 'waarden' || kind === 'randvoorwaarden') && questions.length > 0),
    section('options', t('web.board.options'), null, [
      h('p', { class: 'hint' }, t('table.options_explain')),
      (view.issues || []).map((issue) => h('div', { class: 'issue' },
        h('h3', { class: 'issue-name' }, issue.name),
        h('ul', { class: 'plain-list' }, (issue.options || []).map((o) =>
          h('li', { class: o.enabled === false ? 'option-off' : '' }, o.name,
            o.enabled === false ? h('span', { class: 'tag' }, t('table.option_unavailable')) : null,
            o.description ? h('span', { class: 'option-desc' }, o.description) : null))))),
    ], kind === 'voorstel'),
    section('events', t('table.events'), anns.length,
      anns.length
        ? h('ul', { class: 'plain-list' }, anns.slice().reverse().map((a) =>
          h('li', null, h('strong', null, a.title), h('p', { class: 'body' }, a.text))))
        : h('p', { class: 'body' }, t('table.no_events')),
      false)));
}
