// The actions: exactly what `view.can` lists, as large buttons, each opening
// a short step-by-step form (a "flow", screens/flows.js) that ends in one
// action for the host.
import { h, replace, focusHeading, icon, ICONS } from '../dom.js';
import { t, tn, num } from '../i18n.js';
import { app } from '../state.js';
import { valueName, seatLabel, proposalOf, proposalRef, everyoneVotes } from '../format.js';
import { can, list, questionsForMe, newFlowId } from './can.js';

export { actBadge } from './can.js';

// The forms are loaded the first time a player opens one.
let FLOWS = null;
let loadingFlows = null;
function loadFlows() {
  if (!loadingFlows) {
    loadingFlows = import('./flows.js').then((m) => {
      FLOWS = m.FLOWS;
      return FLOWS;
    }, (e) => {
      loadingFlows = null;
      throw e;
    });
  }
  return loadingFlows;
}

// ---- the menu ----------------------------------------------------------------

function startFlow(kind, data = {}, step = 0) {
  app.flow = { id: newFlowId(), kind, data, step };
  if (app.notice && app.notice.kind !== 'info') app.notice = null;
  app.render(true);
  window.scrollTo(0, 0);
  focusHeading(document.querySelector('#main h1'));
}

function closeFlow() {
  app.flow = null;
  app.render(true);
  window.scrollTo(0, 0);
  focusHeading(document.querySelector('#main h1'));
}

function menuButton(title, sub, onClick, extra) {
  const b = h('button', { type: 'button', class: 'action-btn' },
    h('span', { class: 'action-body' },
      h('span', { class: 'action-title' }, title),
      sub ? h('span', { class: 'action-sub' }, sub) : null),
    extra || null,
    icon(ICONS.next, 'icon action-chevron'));
  b.addEventListener('click', onClick);
  return b;
}

function renderMenu(main) {
  const view = app.view;
  const c = can(view);
  const urgent = [];
  for (const q of questionsForMe(view)) {
    const about = q.value >= 0 ? t('web.question.about', valueName(view, q.value)) : t('web.question.what_matters');
    urgent.push(h('div', { class: 'urgent' },
      h('p', { class: 'urgent-text' }, t('web.act.question_to_you', seatLabel(view, q.asker), about)),
      h('button', { type: 'button', class: 'btn btn-primary btn-block', onclick: () => startFlow('answer', { question: q.question }) },
        t('web.act.answer_now'))));
  }
  if (typeof c.vote === 'number' && c.vote >= 0) {
    const p = proposalOf(view, c.vote);
    urgent.push(h('div', { class: 'urgent' },
      h('p', { class: 'urgent-text' }, t(everyoneVotes(view) ? 'web.act.vote_now_text_everyone' : 'web.act.vote_now_text',
        p ? proposalRef(p) : String(c.vote))),
      h('button', { type: 'button', class: 'btn btn-primary btn-block', onclick: () => startFlow('vote', { proposal: c.vote }) },
        t('web.act.vote_now'))));
  }

  const buttons = [];
  if (list(c.shareValue).length) {
    buttons.push(menuButton(t('web.act.share_value'), t('web.act.share_value_sub'), () => startFlow('share_value')));
  }
  if (list(c.ask).length) {
    buttons.push(menuButton(t('web.act.ask'), t('web.act.ask_sub'), () => startFlow('ask')));
  }
  if (list(c.sharePrecondition).length) {
    buttons.push(menuButton(t('web.act.share_red_line'), t('web.act.share_red_line_sub'), () => startFlow('share_precondition')));
  }
  const b = view.begrip;
  if (b && b.total && (list(c.predict).length || list(c.answerItem).length)) {
    // The begrip questions: on at the first one still open.
    const first = Math.max(0, list(b.items).findIndex((it) => (it.kind === 'values' ? !it.values : it.choice < 0)));
    buttons.push(menuButton(t('web.act.begrip'), [
      h('span', { class: `action-progress${b.open ? '' : ' is-complete'}` }, tn('web.begrip.progress', b.total, num(b.total - b.open))),
      b.boardHidden ? t('web.begrip.board_hidden') : t('web.act.begrip_sub')], () => startFlow('begrip', {}, first)));
  }
  if (c.propose) {
    buttons.push(menuButton(t('web.act.propose'), t('web.act.propose_sub'), () => startFlow('propose')));
  }
  if (list(c.amend).length) {
    buttons.push(menuButton(t('web.act.amend'), t('web.act.amend_sub'), () => startFlow('amend')));
  }
  if (list(c.react).length) {
    buttons.push(menuButton(t('web.act.react'), t('web.act.react_sub'), () => startFlow('react')));
  }

  const doneBlock = [];
  if (c.done) {
    const isDone = view.phase && view.phase.done;
    const pending = app.pending && app.pending.action.type === 'done';
    const b = h('button', {
      type: 'button',
      class: `btn btn-block ${isDone ? 'btn-secondary' : 'btn-done'}`,
      disabled: app.pending ? true : null,
      'aria-pressed': isDone ? 'true' : 'false',
    }, pending ? t('web.sending') : isDone ? t('web.act.not_done') : t('web.act.done'));
    b.addEventListener('click', () => {
      app.act({ type: 'done' }, {
        check: (v, before) => (v.phase && before.phase &&
          (v.phase.index !== before.phase.index || Boolean(v.phase.done) !== Boolean(before.phase.done))),
        okText: (v) => (v.phase && v.phase.done ? t('web.ok.done') : v.phase && v.phase.index !== view.phase.index ? t('web.ok.done') : t('web.ok.not_done')),
      });
    });
    doneBlock.push(h('div', { class: 'done-block' },
      h('p', { class: 'hint' }, isDone ? t('web.act.done_is_on') : t('web.act.done_hint')),
      b));
  }

  // The forms load while the player reads the list.
  if (buttons.length || urgent.length) window.setTimeout(() => loadFlows().catch(() => {}), 300);

  const heading = h('h1', { class: 'screen-title' }, t('web.act.title'));
  replace(main, h('section', { class: 'screen act' },
    heading,
    speakBlock(view),
    urgent.length ? h('div', { class: 'urgent-list' }, urgent) : null,
    buttons.length
      ? h('div', { class: 'action-list' }, buttons)
      : (urgent.length ? null : h('p', { class: 'lead' }, nothingToDo(view))),
    doneBlock));
}

// The speaking queue (DESIGN.md "Speaking turns"): ask for the floor, see
// one's place in line, and say "done" when one has spoken. Talk, not a move
// in the game: also while the game is paused.
function turnSignature(v) {
  const tu = v && v.turns;
  return tu ? `${tu.place}|${tu.floor ? tu.floor.name + (tu.floor.you ? '*' : '') : ''}` : '';
}

function speakBlock(view) {
  const tu = view.turns;
  const c = can(view);
  if (!tu) return null;
  const pending = app.pending && ['request_turn', 'end_turn'].includes(app.pending.action.type);
  const send = (type, okKey) => app.act({ type }, {
    check: (v, before) => turnSignature(v) !== turnSignature(before),
    ok: okKey,
  });
  if (tu.floor && tu.floor.you) {
    const b = h('button', { type: 'button', class: 'btn btn-done btn-block', disabled: app.pending || !c.endTurn ? true : null },
      pending ? t('web.sending') : t('web.turn.done'));
    b.addEventListener('click', () => send('end_turn', 'web.ok.turn_done'));
    return h('div', { class: 'speak speak-floor', role: 'status' },
      h('p', { class: 'speak-title' }, t('web.turn.you_have_floor')),
      b);
  }
  const speaking = tu.floor ? h('p', { class: 'speak-now' }, t('web.turn.now_speaking', tu.floor.name)) : null;
  if (tu.place > 0) {
    const b = h('button', { type: 'button', class: 'btn btn-secondary btn-block', disabled: app.pending || !c.requestTurn ? true : null },
      pending ? t('web.sending') : t('web.turn.withdraw'));
    b.addEventListener('click', () => send('request_turn', 'web.ok.turn_withdrawn'));
    return h('div', { class: 'speak speak-waiting', role: 'status' },
      h('p', { class: 'speak-title' }, tn('web.turn.place', tu.place)),
      speaking,
      b);
  }
  if (!c.requestTurn) return speaking ? h('div', { class: 'speak' }, speaking) : null;
  const b = h('button', { type: 'button', class: 'btn btn-primary btn-block btn-speak', disabled: app.pending ? true : null },
    pending ? t('web.sending') : t('web.turn.ask'));
  b.addEventListener('click', () => send('request_turn', 'web.ok.turn_asked'));
  return h('div', { class: 'speak' }, speaking, b);
}

function nothingToDo(view) {
  const kind = view.phase ? view.phase.kind : '';
  if (view.phase && view.phase.paused) return t('web.paused_explain');
  if (kind === 'kennismaken') return t('web.act.nothing_kennismaken');
  if (kind === 'besluit') return t(everyoneVotes(view) ? 'web.act.nothing_besluit_everyone' : 'web.act.nothing_besluit');
  return t('web.act.nothing');
}

// ---- running a flow -----------------------------------------------------------

function flowKey(flow) {
  return `${flow.id}:${flow.step}`;
}

function renderFlow(main) {
  const flow = app.flow;
  if (!FLOWS) {
    replace(main, h('section', { class: 'screen flow' },
      h('h1', { class: 'screen-title' }, t('web.loading')), h('div', { class: 'spinner', 'aria-hidden': 'true' })));
    loadFlows().then(() => {
      if (app.flow === flow) {
        app.render(true);
        focusHeading(document.querySelector('#main h1'));
      }
    }, () => {
      app.flow = null;
      app.setNotice({ kind: 'error', text: t('web.not_connected') });
      app.render(true);
    });
    return;
  }
  const def = FLOWS[flow.kind];
  const view = app.view;
  if (!def) {
    app.flow = null;
    renderMenu(main);
    return;
  }
  let backOverride = null;
  const steps = def.steps(flow.data, view);
  if (flow.step >= steps.length) flow.step = steps.length - 1;
  const stepId = steps[flow.step];
  const ctx = {
    view,
    data: flow.data,
    next: () => {
      const s = def.steps(flow.data, app.view);
      if (flow.step < s.length - 1) flow.step++;
      rerender(false, true);
    },
    rerender: (keepScroll) => rerender(keepScroll, false),
    setBack: (fn) => { backOverride = fn; },
    send: (action, opts) => {
      const onAccepted = opts.onAccepted || (() => { app.flow = null; });
      app.act(action, Object.assign({}, opts, { onAccepted }));
    },
  };
  function rerender(keepScroll, newStep) {
    const y = window.scrollY;
    renderFlow(main);
    if (keepScroll) window.scrollTo(0, y);
    else {
      window.scrollTo(0, 0);
      focusHeading(main.querySelector('h1'));
    }
    if (newStep && app.notice && app.notice.kind === 'error') app.setNotice(null);
  }
  // 'issue:2', 'item:3': a step of a kind, for one issue or item.
  const [stepName, stepArg] = stepId.split(':');
  const step = def[stepName](ctx, Number(stepArg));

  const back = () => {
    if (backOverride) {
      backOverride();
      return;
    }
    if (flow.step === 0) closeFlow();
    else {
      flow.step--;
      rerender(false);
    }
  };
  const backBtn = h('button', { type: 'button', class: 'btn btn-back' }, icon(ICONS.back), flow.step === 0 && !backOverride ? t('web.flow.close') : t('web.flow.back'));
  backBtn.addEventListener('click', back);

  const possible = def.possible(view, flow.data);
  const sending = Boolean(app.pending);
  let primary = null;
  if (step.primary) {
    primary = h('button', {
      type: 'button',
      class: `btn btn-block ${step.primary.secondary ? 'btn-secondary' : 'btn-primary'}`,
      disabled: step.primary.disabled || sending || !possible || null,
    }, sending && !step.primary.secondary ? t('web.sending') : step.primary.label);
    primary.addEventListener('click', step.primary.onClick);
  }
  const heading = h('h1', { class: 'screen-title flow-title' }, step.title);
  replace(main, h('section', { class: 'screen flow', 'data-flow': flowKey(flow) },
    h('div', { class: 'flow-top' },
      backBtn,
      h('span', { class: 'step-count' }, t('web.flow.step', num(flow.step + 1), num(steps.length)))),
    h('p', { class: 'eyebrow' }, def.title()),
    heading,
    step.help ? h('p', { class: 'hint' }, step.help) : null,
    possible ? null : notPossible(),
    h('div', { class: 'flow-body' }, step.body),
    primary ? h('div', { class: 'sticky-actions' }, primary) : null));
}

function notPossible() {
  const b = h('button', { type: 'button', class: 'btn btn-secondary btn-block' }, t('web.flow.to_menu'));
  b.addEventListener('click', closeFlow);
  return h('div', { class: 'notice notice-error', role: 'alert' },
    icon(ICONS.alert), h('span', { class: 'notice-text' }, t('web.flow.not_possible')), b);
}

export function renderAct(main) {
  if (app.flow) renderFlow(main);
  else renderMenu(main);
  syncHistory();
}

// The phone's own back button (or gesture) steps back in a form instead of
// leaving the page: an open form has one history entry of its own.
let pushedForm = false; // this page load added the entry (a reload did not)
function syncHistory() {
  const inForm = Boolean(window.history.state && window.history.state.samenspelForm);
  if (app.flow && !inForm) {
    window.history.pushState({ samenspelForm: true }, '');
    pushedForm = true;
  } else if (!app.flow && inForm) {
    if (pushedForm) window.history.back();
    else window.history.replaceState(null, '');
    pushedForm = false;
  }
}

window.addEventListener('popstate', () => {
  if (!app.flow) return;
  if (app.tab === 'act' && app.flow.step > 0 && !app.pending) app.flow.step--;
  else app.flow = null;
  app.render(true);
  window.scrollTo(0, 0);
  focusHeading(document.querySelector('#main h1'));
});

// A new view arrived while a form is open: keep what the player is doing,
// but say so when it is no longer possible, and draw a new step if the flow
// moved on (an accepted action).
export function refreshFlow(main) {
  const flow = app.flow;
  const section = main.querySelector('.flow');
  if (!flow || !section || section.dataset.flow !== flowKey(flow)) {
    renderAct(main);
    if (app.flow) {
      window.scrollTo(0, 0);
      focusHeading(main.querySelector('h1'));
    }
    return;
  }
  if (!FLOWS) return; // still loading: drawn when it arrives
  const def = FLOWS[flow.kind];
  const possible = def.possible(app.view, flow.data);
  const shown = section.querySelector('.notice-error');
  if (!possible && !shown) {
    section.querySelector('.flow-body').before(notPossible());
    const primary = section.querySelector('.sticky-actions .btn');
    if (primary) primary.disabled = true;
  }
}
