// Before the game: type the code, pick a seat, wait for the start; and the
// screen after the seat was taken over or the host closed.
import { h, replace, newId, focusHeading, icon, ICONS } from '../dom.js';
import { t, tn } from '../i18n.js';
import { app } from '../state.js';

const NAME_MAX = 60;
let chosenRole = '';
let typedName = '';
let lastMainKey = '';

function sameScreen(key) {
  const same = lastMainKey === key;
  lastMainKey = key;
  return same;
}

function errorBox(text) {
  return text ? h('div', { class: 'notice notice-error', role: 'alert' }, icon(ICONS.alert), h('span', { class: 'notice-text' }, text)) : null;
}

export function renderCodeScreen(main) {
  sameScreen('code');
  const inputId = newId('code');
  const hintId = newId('hint');
  const input = h('input', {
    id: inputId,
    class: 'field',
    type: 'text',
    inputmode: 'text',
    autocomplete: 'off',
    autocapitalize: 'none',
    autocorrect: 'off',
    spellcheck: 'false',
    enterkeyhint: 'go',
    placeholder: t('web.join.code_placeholder'),
    'aria-describedby': hintId,
    value: app.code || '',
  });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const form = h('form', { class: 'stack', novalidate: true },
    h('label', { class: 'label', for: inputId }, t('web.join.code_label')),
    h('p', { class: 'hint', id: hintId }, t('web.join.code_hint')),
    input,
    error,
    h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('web.join.code_go')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const code = app.normaliseCode(input.value);
    if (!app.validCode(code)) {
      error.textContent = t('web.join.code_invalid');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    app.enterCode(code);
  });
  const heading = h('h1', { class: 'screen-title' }, t('web.join.title'));
  replace(main,
    h('section', { class: 'screen' },
      heading,
      h('p', { class: 'lead' }, t('web.join.intro')),
      errorBox(app.lobbyError),
      form));
}

function seatGroups(lobby) {
  // role id -> {role, roleName, free, taken: [names], reserved: [names], bots}
  const groups = new Map();
  for (const s of lobby.seats || []) {
    if (!groups.has(s.role)) {
      groups.set(s.role, { role: s.role, roleName: s.roleName || s.role, free: 0, taken: [], reserved: [], bots: 0 });
    }
    const g = groups.get(s.role);
    // A seat not taken is free; one a bot plays for now can be taken over.
    if (s.taken) g.taken.push(s.bot ? '' : s.name || '');
    else {
      g.free++;
      if (s.bot) g.bots++;
      else if (s.name) g.reserved.push(s.name);
    }
  }
  return Array.from(groups.values());
}

let lastLobby = '';

export function renderLobby(main, force = false) {
  const lobby = app.lobby;
  // The seat list is asked again every few seconds: redraw only when it
  // changed, so a name being typed is not disturbed.
  const sig = JSON.stringify([lobby, app.lobbyError, document.documentElement.lang]);
  if (!force && sig === lastLobby && lastMainKey === 'lobby' && main.querySelector('#join-name')) return;
  lastLobby = sig;
  const firstTime = !sameScreen('lobby');
  if (!lobby) {
    replace(main, h('section', { class: 'screen' },
      h('h1', { class: 'screen-title' }, t('web.join.title')),
      errorBox(app.lobbyError),
      h('p', { class: 'lead', role: 'status' }, t('web.join.looking', app.code)),
      h('div', { class: 'spinner', 'aria-hidden': 'true' }),
      h('button', { type: 'button', class: 'btn btn-secondary btn-block', onclick: () => app.backToCode() }, t('web.join.other_code'))));
    return;
  }
  // Keep what the player typed while the seat list refreshes.
  const old = main.querySelector('#join-name');
  if (old) typedName = old.value;
  const focused = document.activeElement && document.activeElement.id === 'join-name';
  const caret = focused ? [old.selectionStart, old.selectionEnd] : null;
  const groups = seatGroups(lobby);
  const free = groups.filter((g) => g.free > 0);
  if (chosenRole && !free.some((g) => g.role === chosenRole)) chosenRole = '';
  if (!chosenRole && free.length === 1) chosenRole = free[0].role;

  const nameInput = h('input', {
    id: 'join-name',
    class: 'field',
    type: 'text',
    autocomplete: 'nickname',
    autocapitalize: 'words',
    enterkeyhint: 'done',
    maxlength: String(NAME_MAX),
    value: typedName,
  });
  const nameError = h('p', { class: 'field-error', role: 'alert' });
  const seatError = h('p', { class: 'field-error', role: 'alert' });
  nameInput.addEventListener('input', () => {
    typedName = nameInput.value;
    nameError.textContent = '';
  });

  const seatButtons = free.map((g) => {
    const selected = g.role === chosenRole;
    const details = [tn('web.join.seats_free', g.free)];
    if (g.reserved.length) details.push(t('web.join.reserved_for', g.reserved.join(', ')));
    if (g.bots) details.push(t('web.join.now_bot'));
    if (g.taken.filter(Boolean).length) details.push(t('web.join.taken_by', g.taken.filter(Boolean).join(', ')));
    const b = h('button', {
      type: 'button',
      class: `choice${selected ? ' is-selected' : ''}`,
      role: 'radio',
      'aria-checked': selected ? 'true' : 'false',
    },
    h('span', { class: 'choice-mark', 'aria-hidden': 'true' }),
    h('span', { class: 'choice-body' },
      h('span', { class: 'choice-title' }, g.roleName),
      h('span', { class: 'choice-sub' }, details.join(' · '))));
    b.addEventListener('click', () => {
      typedName = nameInput.value;
      chosenRole = g.role;
      if (!typedName && g.reserved.length === 1) typedName = g.reserved[0];
      renderLobby(main, true);
      const again = main.querySelector('.choice.is-selected');
      if (again) again.focus();
    });
    return b;
  });
  const full = groups.filter((g) => g.free === 0);

  const join = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('web.join.go'));
  const form = h('form', { class: 'stack', novalidate: true },
    h('label', { class: 'label', for: 'join-name' }, t('web.join.name_label')),
    nameInput,
    nameError,
    h('h2', { class: 'label', id: 'seat-heading' }, t('web.join.seat_label')),
    free.length
      ? h('div', { class: 'choices', role: 'radiogroup', 'aria-labelledby': 'seat-heading' }, seatButtons)
      : h('p', { class: 'hint' }, t('web.join.no_free_seat')),
    seatError,
    full.length
      ? h('p', { class: 'hint' }, t('web.join.full_roles', full.map((g) => g.roleName).join(', ')))
      : null,
    h('div', { class: 'sticky-actions' }, join));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const name = nameInput.value.trim();
    if (!name) {
      nameError.textContent = t('web.join.name_missing');
      nameInput.focus();
      return;
    }
    if (!chosenRole) {
      seatError.textContent = t('web.join.seat_missing');
      return;
    }
    typedName = name;
    app.takeSeat(chosenRole, name.slice(0, NAME_MAX));
  });

  const heading = h('h1', { class: 'screen-title' }, lobby.case && lobby.case.title ? lobby.case.title : t('web.join.title'));
  replace(main,
    h('section', { class: 'screen' },
      h('p', { class: 'eyebrow' }, t('web.join.session', app.code)),
      heading,
      lobby.case && lobby.case.summary ? h('p', { class: 'lead' }, lobby.case.summary) : null,
      lobby.started ? h('p', { class: 'banner banner-info' }, t('web.join.already_started')) : null,
      errorBox(app.lobbyError),
      form,
      h('button', { type: 'button', class: 'btn btn-link', onclick: () => app.backToCode() }, t('web.join.other_code'))));
  if (focused) {
    nameInput.focus();
    if (caret) nameInput.setSelectionRange(caret[0], caret[1]);
  } else if (firstTime) {
    focusHeading(heading);
  }
}

export function renderWaiting(main) {
  const key = `waiting:${app.mode}:${app.connState}:${app.welcome ? 1 : 0}`;
  if (sameScreen(key) && main.querySelector('.waiting')) return;
  const seat = app.seat || {};
  const roleName = app.welcome && app.lobby ? roleNameFromLobby(seat.role) : roleNameFromLobby(seat.role);
  let text;
  if (app.mode === 'joining' || !app.welcome) text = t('web.join.joining');
  else text = roleName ? t('web.join.waiting_role', roleName) : t('web.join.waiting');
  replace(main, h('section', { class: 'screen waiting' },
    h('h1', { class: 'screen-title' }, app.welcome ? t('web.join.seated') : t('web.join.title')),
    h('p', { class: 'lead', role: 'status' }, text),
    h('div', { class: 'spinner', 'aria-hidden': 'true' }),
    app.welcome ? h('p', { class: 'hint' }, t('web.join.waiting_hint')) : null));
}

function roleNameFromLobby(roleId) {
  if (!app.lobby || !roleId) return '';
  const s = (app.lobby.seats || []).find((x) => x.role === roleId);
  return s ? s.roleName || '' : '';
}

export function renderStopped(main) {
  sameScreen('stopped');
  const reason = app.stoppedReason;
  const replaced = reason === 'net.refuse.replaced';
  const closed = reason === 'net.refuse.host_closing';
  const title = replaced ? t('web.stopped.replaced_title') : closed ? t('web.stopped.closed_title') : t('web.stopped.error_title');
  const text = replaced ? t('web.stopped.replaced') : closed ? t('web.stopped.closed') : app.stoppedText || '';
  const heading = h('h1', { class: 'screen-title' }, title);
  replace(main, h('section', { class: 'screen' },
    heading,
    h('p', { class: 'lead' }, text),
    closed ? null : h('div', { class: 'sticky-actions' },
      h('button', { type: 'button', class: 'btn btn-primary btn-block', onclick: () => app.resume() },
        replaced ? t('web.stopped.play_here') : t('web.stopped.retry')))));
  focusHeading(heading);
}
