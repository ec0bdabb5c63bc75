// The step-by-step forms behind the actions: one per action type, each a
// list of steps (one choice or one text per screen) that ends in a single
// action for the host. Loaded when a player first opens one (act.js), so it
// is not part of the first page load.
import { h } from '../dom.js';
import { t, tn, num } from '../i18n.js';
import { app } from '../state.js';
import { roleOf, roleName, valueOf, valueName, issueOf, seatLabel, redLineName, proposalOf, proposalTitle, proposalRef, packageLines, formatAttribute, weightWords, byIndex } from '../format.js';
import { proposalCard } from './board.js';
import { sortedValues } from './card.js';
import { can, list, questionsForMe, myRole, mySeat, myWeight, newFlowId } from './can.js';
import { PREDICT_MAX, choices, textArea, summaryRows, conditionText, encodeConditions, conditionsStep, reasonStep, reasonWords, proposalPickStep } from './flow_steps.js';

export const FLOWS = {
  share_value: {
    title: () => t('web.act.share_value'),
    possible: (view, d) => list(can(view).shareValue).length > 0 && (d.value === undefined || list(can(view).shareValue).includes(d.value)),
    steps: () => ['pick', 'confirm'],
    pick(ctx) {
      const { view, data } = ctx;
      return {
        title: t('web.share_value.pick_title'),
        help: t('web.share_value.pick_help'),
        body: choices(list(can(view).shareValue).slice().sort((a, b) => myWeight(view, b) - myWeight(view, a)).map((v) => {
          const val = valueOf(view, v) || {};
          return { key: v, title: val.name || '?', sub: weightWords(myWeight(view, v)) };
        }), data.value, (k) => { data.value = k; ctx.next(); }),
      };
    },
    confirm(ctx) {
      const { view, data } = ctx;
      const me = roleOf(view, myRole(view));
      return {
        title: t('web.share_value.confirm_title'),
        body: [
          h('p', { class: 'big-choice' }, valueName(view, data.value)),
          h('p', { class: 'body' }, t('web.share_value.confirm_text', valueName(view, data.value), me ? me.name : '')),
        ],
        primary: {
          label: t('web.share_value.send'),
          onClick: () => ctx.send({ type: 'share_value', value: data.value }, {
            ok: 'table.ok.share_value',
            check: (v) => list((roleOf(v, myRole(v)) || {}).sharedValues).includes(data.value),
          }),
        },
      };
    },
  },

  ask: {
    title: () => t('web.act.ask'),
    possible: (view, d) => list(can(view).ask).length > 0 && (d.role === undefined || list(can(view).ask).includes(d.role)),
    steps: () => ['role', 'about', 'confirm'],
    role(ctx) {
      const { view, data } = ctx;
      return {
        title: t('web.ask.role_title'),
        body: choices(list(can(view).ask).map((r) => ({ key: r, title: roleName(view, r) })), data.role, (k) => { data.role = k; ctx.next(); }),
      };
    },
    about(ctx) {
      const { view, data } = ctx;
      const items = [{ key: -1, title: t('web.ask.what_matters'), sub: t('web.ask.what_matters_sub') }];
      for (const v of list(view.values)) items.push({ key: v.value, title: t('web.ask.about_value', v.name) });
      return {
        title: t('web.ask.about_title', roleName(view, data.role)),
        body: choices(items, data.value, (k) => { data.value = k; ctx.next(); }),
      };
    },
    confirm(ctx) {
      const { view, data } = ctx;
      const q = data.value >= 0 ? t('web.question.about', valueName(view, data.value)) : t('web.question.what_matters');
      return {
        title: t('web.ask.confirm_title'),
        body: [
          h('p', { class: 'big-choice' }, t('web.ask.confirm_text', roleName(view, data.role), q)),
          h('p', { class: 'hint' }, t('web.ask.confirm_hint')),
        ],
        primary: {
          label: t('web.ask.send'),
          onClick: () => {
            const before = new Set(list(view.questions).map((x) => x.question));
            ctx.send({ type: 'ask', targetRole: data.role, value: data.value }, {
              ok: 'table.ok.ask',
              check: (v) => list(v.questions).some((x) => !before.has(x.question) && x.asker === mySeat(v) && x.role === data.role && x.value === data.value),
            });
          },
        },
      };
    },
  },

  answer: {
    title: () => t('web.act.answer'),
    possible: (view, d) => questionsForMe(view).some((q) => d.question === undefined || q.question === d.question),
    steps(d, view) {
      const steps = [];
      if (d.pickQuestion || (d.question === undefined && questionsForMe(view).length > 1)) {
        d.pickQuestion = true;
        steps.push('question');
      }
      steps.push('how');
      const q = byIndex(view.questions, 'question', d.question);
      if (d.how === 'decline') steps.push('reason');
      else if (q && q.value < 0) steps.push('value', 'confirm');
      else steps.push('confirm');
      return steps;
    },
    question(ctx) {
      const { view, data } = ctx;
      return {
        title: t('web.answer.question_title'),
        body: choices(questionsForMe(view).map((q) => ({
          key: q.question,
          title: seatLabel(view, q.asker),
          sub: q.value >= 0 ? t('web.question.about', valueName(view, q.value)) : t('web.question.what_matters'),
        })), data.question, (k) => { data.question = k; ctx.next(); }),
      };
    },
    how(ctx) {
      const { view, data } = ctx;
      if (data.question === undefined) data.question = questionsForMe(view)[0].question;
      const q = byIndex(view.questions, 'question', data.question);
      const c = can(view);
      const about = q.value >= 0 ? t('web.question.about', valueName(view, q.value)) : t('web.question.what_matters');
      const canAnswer = list(c.answer).includes(q.question) &&
        (q.value >= 0 ? myWeight(view, q.value) > 0 : sortedValues(view).length > 0);
      const items = [];
      if (canAnswer) {
        items.push({
          key: 'answer',
          title: t('web.answer.yes'),
          sub: q.value >= 0 ? t('web.answer.yes_value_sub', valueName(view, q.value)) : t('web.answer.yes_sub'),
        });
      }
      if (list(c.decline).includes(q.question)) {
        items.push({ key: 'decline', title: t('web.answer.no'), sub: t('web.answer.no_sub') });
      }
      return {
        title: t('web.answer.how_title'),
        body: [
          h('blockquote', { class: 'quote' }, t('web.act.question_to_you', seatLabel(view, q.asker), about)),
          q.value >= 0 && myWeight(view, q.value) <= 0 ? h('p', { class: 'hint' }, t('web.answer.not_your_value', valueName(view, q.value))) : null,
          choices(items, data.how, (k) => { data.how = k; if (q.value >= 0) data.value = q.value; ctx.next(); }),
        ],
      };
    },
    value(ctx) {
      const { view, data } = ctx;
      return {
        title: t('web.answer.value_title'),
        help: t('web.answer.value_help'),
        body: choices(sortedValues(view).map((v) => ({ key: v.value, title: valueName(view, v.value), sub: weightWords(v.weight) })),
          data.value, (k) => { data.value = k; ctx.next(); }),
      };
    },
    confirm(ctx) {
      const { view, data } = ctx;
      return {
        title: t('web.answer.confirm_title'),
        body: [
          h('p', { class: 'big-choice' }, valueName(view, data.value)),
          h('p', { class: 'body' }, t('web.answer.confirm_text', valueName(view, data.value))),
        ],
        primary: {
          label: t('web.answer.send'),
          onClick: () => ctx.send({ type: 'answer', question: data.question, value: data.value }, {
            ok: 'table.ok.answer',
            check: (v) => { const q = byIndex(v.questions, 'question', data.question); return !q || q.status !== 'open'; },
          }),
        },
      };
    },
    reason(ctx) {
      const { data } = ctx;
      const error = h('p', { class: 'field-error', id: 'decline-error', role: 'alert' });
      const generic = t('table.declined_generic');
      const useGeneric = h('button', { type: 'button', class: 'btn btn-secondary btn-block use-generic', hidden: Boolean(String(data.text || '').trim()) }, t('web.answer.use_generic', generic));
      useGeneric.addEventListener('click', () => {
        data.text = generic;
        ctx.rerender(true);
      });
      return {
        title: t('web.answer.reason_title'),
        help: t('web.answer.reason_help'),
        body: [
          textArea('decline-reason', data.text, (x) => {
            data.text = x;
            error.textContent = '';
            document.getElementById('decline-reason').removeAttribute('aria-invalid');
            useGeneric.hidden = Boolean(x.trim());
          }, { label: t('web.answer.reason_label') }),
          error,
          useGeneric,
        ],
        primary: {
          label: t('web.answer.decline_send'),
          onClick: () => {
            if (!String(data.text || '').trim()) {
              error.textContent = t('refuse.reason_text_required');
              const area = document.getElementById('decline-reason');
              area.setAttribute('aria-invalid', 'true');
              area.focus();
              return;
            }
            ctx.send({ type: 'decline', question: data.question, reasonText: String(data.text).trim() }, {
              ok: 'table.ok.decline',
              check: (v) => { const q = byIndex(v.questions, 'question', data.question); return !q || q.status !== 'open'; },
            });
          },
        },
      };
    },
  },

  share_precondition: {
    title: () => t('web.act.share_red_line'),
    possible: (view, d) => list(can(view).sharePrecondition).length > 0 && (d.precondition === undefined || list(can(view).sharePrecondition).includes(d.precondition)),
    steps: () => ['pick', 'confirm'],
    pick(ctx) {
      const { view, data } = ctx;
      return {
        title: t('web.red_line.pick_title'),
        help: t('web.red_line.pick_help'),
        body: choices(list(can(view).sharePrecondition).map((i) => {
          const r = byIndex(view.card && view.card.redLines, 'precondition', i);
          return { key: i, title: r ? r.name : String(i) };
        }), data.precondition, (k) => { data.precondition = k; ctx.next(); }),
      };
    },
    confirm(ctx) {
      const { view, data } = ctx;
      const r = byIndex(view.card && view.card.redLines, 'precondition', data.precondition);
      return {
        title: t('web.red_line.confirm_title'),
        body: [h('p', { class: 'big-choice' }, r ? r.name : '?'), h('p', { class: 'body' }, t('web.red_line.confirm_text'))],
        primary: {
          label: t('web.red_line.send'),
          onClick: () => ctx.send({ type: 'share_precondition', precondition: data.precondition }, {
            ok: 'table.ok.share_precondition',
            check: (v) => {
              const own = byIndex(v.card && v.card.redLines, 'precondition', data.precondition);
              const me = roleOf(v, myRole(v)) || {};
              return Boolean(own && own.shared) || list(me.sharedPreconditions).some((x) => x.precondition === data.precondition);
            },
          }),
        },
      };
    },
  },

  // Begrip (DESIGN.md "Begrip v2"): one question per screen, in the order
  // of `view.begrip.items`. A choice is sent at the tap and the next question
  // follows; going back shows the own answer marked and lets one change it.
  begrip: {
    title: () => t('web.act.begrip'),
    possible: (view) => Boolean(view.begrip) && (list(can(view).predict).length + list(can(view).answerItem).length > 0),
    steps: (d, view) => {
      const n = list(view.begrip && view.begrip.items).length;
      return n ? Array.from({ length: n }, (x, i) => `item:${i}`) : ['item:0'];
    },
    item(ctx, i) {
      const { view, data } = ctx;
      const b = view.begrip || {};
      const items = list(b.items);
      const item = items[i] || { options: [] };
      const find = (v) => list(v.begrip && v.begrip.items).find((x) => x.kind === item.kind && x.role === item.role);
      const next = (v) => {
        if (i + 1 < items.length) {
          app.flow = { id: newFlowId(), kind: 'begrip', data, step: i + 1 };
          // The next question and its progress line say the answer is in;
          // a notice each time would push the options off a small screen.
          if (v && v.begrip && v.begrip.open) app.notice = null;
        } else app.flow = null;
        if (!v) {
          app.render(true);
          window.scrollTo(0, 0);
        }
      };
      const okText = (v) => (v.begrip && !v.begrip.open ? t('web.ok.begrip_all') : t('web.ok.answer_item'));
      const progress = h('p', { class: 'begrip-progress', 'aria-live': 'polite' },
        tn('web.begrip.progress', b.total || 0, num((b.total || 0) - (b.open || 0))));
      const onward = { secondary: true, label: i + 1 < items.length ? t('web.begrip.next') : t('web.flow.to_menu'), onClick: () => next() };
      if (item.kind === 'values') {
        data.values = data.values || {};
        const picked = data.values[i] || (data.values[i] = list(item.values).slice());
        const toggle = (k) => {
          const at = picked.indexOf(k);
          if (at >= 0) picked.splice(at, 1);
          else if (picked.length < PREDICT_MAX) picked.push(k);
          else {
            app.setNotice({ kind: 'error', text: t('web.predict.max') });
            return;
          }
          ctx.rerender(true);
        };
        const same = (v) => {
          const it = find(v);
          return Boolean(it) && list(it.values).length === picked.length && picked.every((x) => list(it.values).includes(x));
        };
        return {
          title: t('web.predict.values_title', item.roleName),
          help: t('web.predict.values_help'),
          body: [
            progress,
            h('p', { class: 'counter-big', 'aria-live': 'polite' }, t('web.predict.count', num(picked.length), num(PREDICT_MAX))),
            choices(list(view.values).map((v) => ({ key: v.value, title: v.name, sub: v.description || '' })), picked, toggle, { multi: true, label: t('web.predict.values_title', item.roleName) }),
          ],
          primary: picked.length ? {
            label: t('web.predict.send', num(picked.length), num(PREDICT_MAX)),
            disabled: !picked.length,
            onClick: () => ctx.send({ type: 'predict', targetRole: item.role, values: picked.slice() }, { okText, check: same, onAccepted: next }),
          } : onward,
        };
      }
      const question = item.kind === 'red_line' ? t('web.begrip.red_line', item.roleName) : t('web.begrip.interest', item.roleName, item.issueName);
      const pick = (k) => {
        if (k === item.choice) {
          next();
          return;
        }
        ctx.send({ type: 'answer_item', targetRole: item.role, itemKind: item.kind === 'red_line' ? 1 : 2, choice: k }, {
          okText,
          check: (v) => (find(v) || {}).choice === k,
          onAccepted: next,
        });
      };
      return {
        title: question,
        help: t('web.begrip.help'),
        body: [progress, choices(list(item.options).map((text, k) => ({ key: k, title: text })), item.choice, pick, { label: question })],
        primary: onward,
      };
    },
  },

  propose: packageFlow(false),
  amend: packageFlow(true),

  react: {
    title: () => t('web.act.react'),
    possible: (view, d) => list(can(view).react).length > 0 && (d.proposal === undefined || list(can(view).react).includes(d.proposal)),
    steps(d, view) {
      const steps = [];
      if (d.pickProposal || (d.proposal === undefined && list(can(view).react).length !== 1)) {
        d.pickProposal = true;
        steps.push('proposal');
      }
      steps.push('kind', 'reason');
      if (d.kind === 'support_if') steps.push('conditions');
      steps.push('confirm');
      return steps;
    },
    proposal(ctx) {
      return proposalPickStep(ctx, list(can(ctx.view).react), t('web.react.proposal_title'));
    },
    kind(ctx) {
      const { view, data } = ctx;
      if (data.proposal === undefined) data.proposal = list(can(view).react)[0];
      const p = proposalOf(view, data.proposal);
      return {
        title: t('web.react.kind_title'),
        body: [
          p ? proposalCard(view, p, { compact: true, headingLevel: 'h2' }) : null,
          choices([
            { key: 'support', title: t('web.react.support'), sub: t('web.react.support_sub') },
            { key: 'object', title: t('web.react.object'), sub: t('web.react.object_sub') },
            { key: 'support_if', title: t('web.react.support_if'), sub: t('web.react.support_if_sub') },
          ], data.kind, (k) => { data.kind = k; ctx.next(); }),
        ],
      };
    },
    reason: (ctx) => reasonStep(ctx, false),
    conditions: (ctx) => conditionsStep(ctx),
    confirm(ctx) {
      const { view, data } = ctx;
      const p = proposalOf(view, data.proposal);
      return {
        title: t('web.react.confirm_title'),
        body: summaryRows([
          [t('web.summary.proposal'), p ? proposalTitle(p) : String(data.proposal)],
          [t('web.summary.reaction'), t(`web.react.${data.kind}`)],
          [t('web.summary.reason'), reasonWords(view, data.reason)],
          data.kind === 'support_if' ? [t('web.summary.conditions'), h('ul', { class: 'plain-list' }, list(data.conditions).map((c) => h('li', null, conditionText(view, c))))] : null,
        ]),
        primary: {
          label: t('web.react.send'),
          onClick: () => {
            const action = { type: 'react', proposal: data.proposal, reaction: data.kind, reason: data.reason };
            if (data.kind === 'support_if') action.conditions = encodeConditions(view, data);
            const mine = (v) => {
              const pp = proposalOf(v, data.proposal);
              const r = pp ? list(pp.reactions).filter((x) => x.seat === mySeat(v)) : [];
              return JSON.stringify(r);
            };
            const beforeMine = mine(view);
            ctx.send(action, {
              ok: 'table.ok.react',
              check: (v) => {
                const pp = proposalOf(v, data.proposal);
                if (!pp) return true;
                return mine(v) !== beforeMine && list(pp.reactions).some((x) => x.seat === mySeat(v) && x.kind === data.kind);
              },
            });
          },
        },
      };
    },
  },

  vote: {
    title: () => t('web.act.vote'),
    possible: (view, d) => typeof can(view).vote === 'number' && can(view).vote >= 0 && (d.proposal === undefined || can(view).vote === d.proposal),
    steps(d) {
      const steps = ['choice', 'reason'];
      if (d.kind === 'ja_mits') steps.push('conditions');
      steps.push('confirm');
      return steps;
    },
    choice(ctx) {
      const { view, data } = ctx;
      if (data.proposal === undefined) data.proposal = can(view).vote;
      const p = proposalOf(view, data.proposal);
      return {
        title: t('web.vote.choice_title'),
        body: [
          p ? proposalCard(view, p, { compact: true, headingLevel: 'h2' }) : null,
          choices([
            { key: 'yes', title: t('web.vote.yes'), sub: t('web.vote.yes_sub') },
            { key: 'no', title: t('web.vote.no'), sub: t('web.vote.no_sub') },
            { key: 'ja_mits', title: t('web.vote.ja_mits'), sub: t('web.vote.ja_mits_sub') },
          ], data.kind, (k) => { data.kind = k; ctx.next(); }),
        ],
      };
    },
    reason: (ctx) => reasonStep(ctx, true),
    conditions: (ctx) => conditionsStep(ctx),
    confirm(ctx) {
      const { view, data } = ctx;
      const p = proposalOf(view, data.proposal);
      return {
        title: t('web.vote.confirm_title'),
        body: summaryRows([
          [t('web.summary.proposal'), p ? proposalTitle(p) : String(data.proposal)],
          [t('web.summary.vote'), t(`web.vote.${data.kind}`)],
          [t('web.summary.reason'), reasonWords(view, data.reason)],
          data.kind === 'ja_mits' ? [t('web.summary.conditions'), h('ul', { class: 'plain-list' }, list(data.conditions).map((c) => h('li', null, conditionText(view, c))))] : null,
        ]),
        primary: {
          label: t('web.vote.send'),
          onClick: () => {
            const action = { type: 'vote', proposal: data.proposal, vote: data.kind };
            if (data.reason) action.reason = data.reason;
            if (data.kind === 'ja_mits') action.conditions = encodeConditions(view, data);
            ctx.send(action, {
              ok: 'table.ok.vote',
              check: (v) => {
                const pp = proposalOf(v, data.proposal);
                return !pp || list(pp.votes).some((x) => x.seat === mySeat(v)) || pp.status !== 'open' ||
                  (v.decision && v.decision.taken) || can(v).vote !== data.proposal;
              },
            });
          },
        },
      };
    },
  },
};

// What the package means for the player's own role, as the host scored it:
// support, whether the role can carry it, each red line, and the totals.
function previewBox(view, pkg) {
  const p = app.askPreview(pkg);
  if (!p || (p !== 'asked' && p.error)) return null; // no host to ask (or the mock)
  if (p === 'asked') return h('p', { class: 'hint preview-wait' }, t('web.preview.waiting'));
  const lines = list(p.redLines).map((r) => h('li', { class: r.holds ? 'ok' : 'bad' },
    t(r.holds ? 'web.preview.red_line_ok' : 'web.preview.red_line_crossed', redLineName(view, view.you.role, r.precondition))));
  const totals = list(p.totals).map((x) => {
    const f = formatAttribute(view, x.attribute, x.total);
    return [h('dt', null, f.name), h('dd', null, f.amount)];
  });
  return h('section', { class: 'preview-box', 'aria-live': 'polite' },
    h('h3', null, t('web.preview.title')),
    h('p', { class: p.accepts ? 'preview-carry ok' : 'preview-carry bad' },
      t(p.accepts ? 'web.preview.can_carry' : 'web.preview.cannot_carry')),
    h('p', { class: 'body' }, t('web.preview.support', num(p.support))),
    lines.length ? h('ul', { class: 'preview-lines' }, lines) : null,
    totals.length ? h('dl', { class: 'package' }, totals) : null);
}

function packageFlow(amend) {
  return {
    title: () => (amend ? t('web.act.amend') : t('web.act.propose')),
    possible: (view, d) => (amend
      ? list(can(view).amend).length > 0 && (d.proposal === undefined || list(can(view).amend).includes(d.proposal))
      : Boolean(can(view).propose)),
    steps(d, view) {
      const steps = [];
      if (amend && (d.pickProposal || (d.proposal === undefined && list(can(view).amend).length !== 1))) {
        d.pickProposal = true;
        steps.push('proposal');
      }
      list(view.issues).forEach((i) => steps.push(`issue:${i.issue}`));
      steps.push('confirm');
      return steps;
    },
    proposal(ctx) {
      const r = proposalPickStep(ctx, list(can(ctx.view).amend), t('web.amend.proposal_title'));
      return r;
    },
    issue(ctx, issueIndex) {
      const { view, data } = ctx;
      if (amend && data.proposal === undefined) data.proposal = list(can(view).amend)[0];
      const from = amend ? proposalOf(view, data.proposal) : null;
      if (!data.package) data.package = from ? list(from.package).slice() : list(view.issues).map(() => -1);
      const issue = issueOf(view, issueIndex);
      const options = list(issue.options).filter((o) => o.enabled !== false);
      return {
        title: issue.name,
        help: t('web.propose.issue_help'),
        body: choices(options.map((o) => ({
          key: o.option,
          title: o.name,
          sub: o.description || '',
          tag: from && from.package[issueIndex] === o.option ? t('web.in_proposal') : '',
        })), data.package[issueIndex], (k) => { data.package[issueIndex] = k; ctx.next(); }),
      };
    },
    confirm(ctx) {
      const { view, data } = ctx;
      const from = amend ? proposalOf(view, data.proposal) : null;
      const lines = packageLines(view, data.package);
      const incomplete = lines.some((l) => l.optionIndex === undefined || l.optionIndex < 0);
      const unchanged = amend && from && JSON.stringify(from.package) === JSON.stringify(data.package);
      const rows = h('dl', { class: 'package package-card' }, lines.map((l) => {
        const changed = from && from.package[l.issueIndex] !== l.optionIndex;
        return [h('dt', null, l.issue), h('dd', null, l.option, changed ? h('span', { class: 'tag tag-ok' }, t('web.changed')) : null)];
      }));
      const body = [
        from ? h('p', { class: 'hint' }, t('web.amend.from', proposalRef(from))) : null,
        rows,
        h('p', { class: 'hint' }, t('web.propose.change_hint')),
      ];
      if (!amend) {
        body.push(textArea('proposal-note', data.note, (x) => { data.note = x; }, { label: t('web.propose.note_label'), placeholder: '' }));
      }
      if (unchanged) body.push(h('p', { class: 'field-error' }, t('refuse.amend_unchanged')));
      if (!incomplete) body.splice(2, 0, previewBox(view, data.package));
      return {
        title: amend ? t('web.amend.confirm_title') : t('web.propose.confirm_title'),
        body,
        primary: {
          label: amend ? t('web.amend.send') : t('web.propose.send'),
          disabled: incomplete || unchanged,
          onClick: () => {
            const before = new Set(list(view.proposals).map((p) => p.proposal));
            const action = amend
              ? { type: 'amend', proposal: data.proposal, package: data.package.slice() }
              : { type: 'propose', package: data.package.slice() };
            if (!amend && data.note && data.note.trim()) action.reasonText = data.note.trim();
            ctx.send(action, {
              ok: amend ? 'table.ok.amend' : 'table.ok.propose',
              check: (v) => list(v.proposals).some((p) => !before.has(p.proposal) && p.author === mySeat(v) &&
                (!amend || p.parent === data.proposal)),
            });
          },
        },
      };
    },
  };
}
