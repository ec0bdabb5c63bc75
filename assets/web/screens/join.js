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
  if (lobby && lobby.room) {
    renderRoomLobby(main, force);
    return;
  }
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

// The other people on this person's seat (a team), from the table's lobby.
function teamMates() {
  const lobby = app.tableLobby;
  const seat = app.seat || {};
  if (!lobby || !app.welcome) return [];
  const s = (lobby.seats || []).find((x) => x.seat === seat.seat);
  const people = s && Array.isArray(s.people) ? s.people : [];
  return people.length > 1 ? people.filter((n) => n && n !== seat.name) : [];
}

export function renderWaiting(main) {
  const team = teamMates();
  const key = `waiting:${app.mode}:${app.connState}:${app.welcome ? 1 : 0}:${app.dealWait ? 1 : 0}:${team.join(',')}`;
  if (sameScreen(key) && main.querySelector('.waiting')) return;
  const seat = app.seat || {};
  const roleName = roleNameFromLobby(seat.role);
  const atTable = app.welcome && typeof app.welcome.table === 'number' ? app.welcome.table + 1 : 0;
  let text;
  if (app.dealWait) text = t('web.join.wait_for_deal');
  else if (app.mode === 'joining' || !app.welcome) text = t('web.join.joining');
  else if (atTable && roleName) text = t('web.join.waiting_table_role', atTable, roleName);
  else text = roleName ? t('web.join.waiting_role', roleName) : t('web.join.waiting');
  replace(main, h('section', { class: 'screen waiting' },
    h('h1', { class: 'screen-title' },
      app.dealWait ? t('web.join.wait_for_deal_title') : app.welcome ? t('web.join.seated') : t('web.join.title')),
    h('p', { class: 'lead', role: 'status' }, text),
    team.length ? h('p', { class: 'banner banner-info' }, t('web.join.team_with', team.join(', '))) : null,
    h('div', { class: 'spinner', 'aria-hidden': 'true' }),
    app.welcome || app.dealWait ? h('p', { class: 'hint' }, t('web.join.waiting_hint')) : null));
}

function roleNameFromLobby(roleId) {
  if (!roleId) return '';
  for (const lobby of [app.tableLobby, app.lobby]) {
    if (!lobby) continue;
    const s = (lobby.seats || []).find((x) => x.role === roleId);
    if (s && s.roleName) return s.roleName;
    const r = lobby.room && (lobby.room.roles || []).find((x) => x.role === roleId);
    if (r && r.roleName) return r.roleName;
  }
  return '';
}

// [Room] A room of tables: the person picks a table and a role with places
// free, or lets the facilitator seat them (with whom they came, if anyone).
let chosenTable = -1;
let typedCameWith = '';

function renderRoomLobby(main, force) {
  const lobby = app.lobby;
  const room = lobby.room;
  const sig = JSON.stringify([lobby, app.lobbyError, document.documentElement.lang, chosenTable, chosenRole]);
  if (!force && sig === lastLobby && lastMainKey === 'room' && main.querySelector('#join-name')) return;
  lastLobby = sig;
  const firstTime = !sameScreen('room');
  const old = main.querySelector('#join-name');
  if (old) typedName = old.value;
  const oldCame = main.querySelector('#join-came-with');
  if (oldCame) typedCameWith = oldCame.value;
  const focusedId = document.activeElement ? document.activeElement.id : '';

  const free = Array.isArray(room.free) ? room.free : [];
  const roles = Array.isArray(room.roles) ? room.roles : [];
  const freeAt = (tbl) => (free[tbl] || []).reduce((a, b) => a + b, 0);
  if (chosenTable >= free.length || (chosenTable >= 0 && freeAt(chosenTable) === 0)) chosenTable = -1;
  if (chosenTable < 0) {
    // The table with the most room, as the host would pick it.
    let best = -1;
    for (let i = 0; i < free.length; i++) if (freeAt(i) > 0 && (best < 0 || freeAt(i) > freeAt(best))) best = i;
    chosenTable = best;
  }
  const rolesHere = chosenTable >= 0
    ? roles.map((r, i) => ({ ...r, free: free[chosenTable][i] || 0 })).filter((r) => r.free > 0)
    : [];
  if (chosenRole && !rolesHere.some((r) => r.role === chosenRole)) chosenRole = '';

  const nameInput = h('input', {
    id: 'join-name', class: 'field', type: 'text', autocomplete: 'nickname', autocapitalize: 'words',
    enterkeyhint: 'done', maxlength: String(NAME_MAX), value: typedName,
  });
  const nameError = h('p', { class: 'field-error', role: 'alert' });
  const seatError = h('p', { class: 'field-error', role: 'alert' });
  nameInput.addEventListener('input', () => { typedName = nameInput.value; nameError.textContent = ''; });
  const needName = () => {
    const name = nameInput.value.trim();
    if (!name) {
      nameError.textContent = t('web.join.name_missing');
      nameInput.focus();
    }
    return name.slice(0, NAME_MAX);
  };

  let pick = null;
  if (free.length) {
    const select = h('select', { id: 'join-table', class: 'field' },
      free.map((_, i) => {
        const o = h('option', { value: String(i) }, tn('web.join.table_option', freeAt(i), i + 1));
        if (freeAt(i) === 0) o.disabled = true;
        if (i === chosenTable) o.selected = true;
        return o;
      }));
    select.addEventListener('change', () => {
      typedName = nameInput.value;
      chosenTable = Number(select.value);
      renderRoomLobby(main, true);
    });
    const roleButtons = rolesHere.map((r) => {
      const selected = r.role === chosenRole;
      const b = h('button', {
        type: 'button', class: `choice${selected ? ' is-selected' : ''}`, role: 'radio',
        'aria-checked': selected ? 'true' : 'false',
      },
      h('span', { class: 'choice-mark', 'aria-hidden': 'true' }),
      h('span', { class: 'choice-body' },
        h('span', { class: 'choice-title' }, r.roleName || r.role),
        h('span', { class: 'choice-sub' }, tn('web.join.places_free', r.free))));
      b.addEventListener('click', () => {
        typedName = nameInput.value;
        chosenRole = r.role;
        renderRoomLobby(main, true);
        const again = main.querySelector('.choice.is-selected');
        if (again) again.focus();
      });
      return b;
    });
    const form = h('form', { class: 'stack', novalidate: true },
      h('label', { class: 'label', for: 'join-table' }, t('web.join.table_label')),
      select,
      h('h2', { class: 'label', id: 'seat-heading' }, t('web.join.seat_label')),
      rolesHere.length
        ? h('div', { class: 'choices', role: 'radiogroup', 'aria-labelledby': 'seat-heading' }, roleButtons)
        : h('p', { class: 'hint' }, t('web.join.no_free_seat')),
      seatError,
      h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('web.join.go')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const name = needName();
      if (!name) return;
      if (!chosenRole) {
        seatError.textContent = t('web.join.seat_missing');
        return;
      }
      app.takeSeat(chosenRole, name, chosenTable);
    });
    pick = form;
  }

  const cameWith = h('input', {
    id: 'join-came-with', class: 'field', type: 'text', autocomplete: 'off', maxlength: String(NAME_MAX),
    value: typedCameWith, 'aria-describedby': 'came-with-hint',
  });
  cameWith.addEventListener('input', () => { typedCameWith = cameWith.value; });
  const waitForm = h('form', { class: 'stack', novalidate: true },
    h('h2', { class: 'label' }, pick ? t('web.join.or_wait') : t('web.join.wait_heading')),
    h('label', { class: 'label', for: 'join-came-with' }, t('web.join.came_with_label')),
    h('p', { class: 'hint', id: 'came-with-hint' }, t('web.join.came_with_hint')),
    cameWith,
    h('button', { type: 'submit', class: pick ? 'btn btn-secondary btn-block' : 'btn btn-primary btn-block' },
      t('web.join.let_facilitator_seat')));
  waitForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const name = needName();
    if (!name) return;
    app.waitForSeat(name, cameWith.value.trim().slice(0, NAME_MAX), chosenRole);
  });

  const heading = h('h1', { class: 'screen-title' }, lobby.case && lobby.case.title ? lobby.case.title : t('web.join.title'));
  replace(main,
    h('section', { class: 'screen' },
      h('p', { class: 'eyebrow' }, t('web.join.session', app.code)),
      heading,
      lobby.case && lobby.case.summary ? h('p', { class: 'lead' }, lobby.case.summary) : null,
      room.tables > 1 ? h('p', { class: 'hint' }, tn('web.join.room_tables', room.tables)) : null,
      room.teamSize > 1 ? h('p', { class: 'hint' }, tn('web.join.team_size', room.teamSize)) : null,
      errorBox(app.lobbyError),
      h('div', { class: 'stack' },
        h('label', { class: 'label', for: 'join-name' }, t('web.join.name_label')),
        nameInput,
        nameError),
      pick,
      waitForm,
      h('button', { type: 'button', class: 'btn btn-link', onclick: () => app.backToCode() }, t('web.join.other_code'))));
  const refocus = focusedId && main.querySelector(`#${focusedId}`);
  if (refocus) refocus.focus();
  else if (firstTime) focusHeading(heading);
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
