// Turning the indices of a seat view into words (docs/web_client.md, "view").
import { t, tn, num, currentLang } from './i18n.js';

export function byIndex(list, field, index) {
  if (!Array.isArray(list)) return null;
  return list.find((x) => x && x[field] === index) || null;
}

export function roleOf(view, role) {
  return byIndex(view.roles, 'role', role);
}

export function roleName(view, role) {
  const r = roleOf(view, role);
  return r ? r.name : t('web.unknown_role');
}

export function valueOf(view, value) {
  return byIndex(view.values, 'value', value);
}

export function valueName(view, value) {
  const v = valueOf(view, value);
  return v ? v.name : '?';
}

export function issueOf(view, issue) {
  return byIndex(view.issues, 'issue', issue);
}

export function optionOf(issue, option) {
  return issue ? byIndex(issue.options, 'option', option) : null;
}

export function attributeOf(view, attribute) {
  return byIndex(view.attributes, 'attribute', attribute);
}

// seat index -> {seat, name, role, present, bot, done, voted}
export function seats(view) {
  const out = new Map();
  for (const r of view.roles || []) {
    for (const s of r.seats || []) out.set(s.seat, Object.assign({ role: r.role }, s));
  }
  return out;
}

// "Sam (Jonge skaters)", or the role name alone when the seat has no name.
export function seatLabel(view, seat) {
  const s = seats(view).get(seat);
  if (!s) return t('web.unknown_seat');
  const you = view.you && view.you.seat === seat;
  const role = roleName(view, s.role);
  const name = s.name || (s.bot ? t('web.bot') : '');
  if (you) return t('web.seat_you', role);
  return name ? t('web.seat_label', name, role) : role;
}

// "Van Sam (Omwonenden)", or "Van jou" for the player's own proposal.
export function proposalBy(view, p) {
  if (view.you && view.you.seat === p.author) return t('web.proposal.by_you');
  return t('web.proposal.by', seatLabel(view, p.author));
}

export function seatRole(view, seat) {
  const s = seats(view).get(seat);
  return s ? s.role : -1;
}

// A red line by its index within role `role`'s preconditions.
export function redLineName(view, role, index) {
  if (view.you && role === view.you.role && view.card) {
    const own = byIndex(view.card.redLines, 'precondition', index);
    if (own) return own.name;
  }
  const r = roleOf(view, role);
  const shared = r ? byIndex(r.sharedPreconditions, 'precondition', index) : null;
  return shared ? shared.name : t('web.red_line_unnamed');
}

// A reaction's or vote's reason in words: "waarde: Rust" / "rode lijn: ...".
export function reasonText(view, reason, role) {
  if (!reason || reason.index === undefined || reason.index < 0) return '';
  if (reason.kind === 'value') return t('web.reason.value', valueName(view, reason.index));
  if (reason.kind === 'precondition') return t('web.reason.red_line', redLineName(view, role, reason.index));
  return '';
}

export function formatAttribute(view, attribute, value) {
  const a = attributeOf(view, attribute);
  const name = a ? a.name : '?';
  let unit = a && a.unit ? a.unit : '';
  if (unit === 'EUR') unit = '€';
  // As engine/core/text.cpp formatQuantity writes it: "€ 33.000" in Dutch, "€33,000" in English.
  const euro = currentLang() === 'nl' ? '€\u00a0' : '€';
  const amount = unit === '€' ? `${euro}${num(value)}` : unit ? `${num(value)}\u00a0${unit}` : num(value);
  return { name, amount };
}

// The number people count proposals by (the view's `number`; an amendment
// keeps its proposal's number), not the index `proposal` actions refer to.
function proposalNumber(p) {
  return typeof p.number === 'number' ? p.number : p.proposal;
}

// "Voorstel 3 (versie 2)"
export function proposalTitle(p) {
  const n = proposalNumber(p);
  return p.version > 1 ? t('web.proposal.title_version', n, p.version) : t('web.proposal.title', n);
}

// The same inside a sentence: "voorstel 3, versie 2".
export function proposalRef(p) {
  const n = proposalNumber(p);
  return p.version > 1 ? t('web.proposal.ref_version', n, p.version) : t('web.proposal.ref', n);
}

export function proposalOf(view, id) {
  return byIndex(view.proposals, 'proposal', id);
}

// [{issue, option}] names of a package.
export function packageLines(view, pkg) {
  const lines = [];
  (view.issues || []).forEach((issue, i) => {
    const optionIndex = Array.isArray(pkg) ? pkg[i] : undefined;
    const option = optionOf(issue, optionIndex);
    lines.push({ issue: issue.name, option: option ? option.name : '—', issueIndex: i, optionIndex });
  });
  return lines;
}

export function statusText(status) {
  const known = ['open', 'superseded', 'back', 'accepted', 'rejected'];
  return known.includes(status) ? t(`table.status.${status}`) : status || '';
}

export function reactionText(kind) {
  const known = { support: 'web.reaction.support', object: 'web.reaction.object', support_if: 'web.reaction.support_if' };
  return known[kind] ? t(known[kind]) : kind;
}

export function voteText(kind) {
  const known = { yes: 'web.voted.yes', no: 'web.voted.no', ja_mits: 'web.voted.ja_mits' };
  return known[kind] ? t(known[kind]) : kind;
}

// Support in [-100, 100] as people read it: "+62" / "−12".
export function supportText(s) {
  if (typeof s !== 'number') return '?';
  const r = Math.round(s);
  if (r > 0) return `+${num(r)}`;
  if (r < 0) return `−${num(-r)}`;
  return '0';
}

// Begrip (0..1) as a share: "40%".
export function percent(x) {
  if (typeof x !== 'number') return '—';
  return t('web.percent', num(Math.round(x * 100)));
}

export function weightWords(weight) {
  const w = Math.max(0, Math.min(3, weight | 0));
  return t(`web.weight.${w}`);
}

export function minutesLeft(ms) {
  const minutes = Math.ceil(ms / 60000);
  return tn('web.timer.minutes_left', minutes);
}

// Under consensus everyone votes in besluit and the table decides, not the council.
export function everyoneVotes(view) {
  return !!(view && view.case && view.case.rule === 'consensus');
}
