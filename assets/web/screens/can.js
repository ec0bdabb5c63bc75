// What `view.can` and the view say this seat may do now, shared by the
// actions list (act.js) and the step-by-step forms (flows.js).

export function can(view) {
  return view.can || {};
}

export function list(x) {
  return Array.isArray(x) ? x : [];
}

export function questionsForMe(view) {
  const c = can(view);
  const ids = new Set([...list(c.answer), ...list(c.decline)]);
  return list(view.questions).filter((q) => ids.has(q.question));
}

export function myRole(view) {
  return view.you ? view.you.role : -1;
}

export function mySeat(view) {
  return view.you ? view.you.seat : -1;
}

export function myWeight(view, value) {
  const v = (view.card && Array.isArray(view.card.values) ? view.card.values : []).find((x) => x.value === value);
  return v ? v.weight : 0;
}

// How many things wait for this player (a question to answer, a vote).
export function actBadge(view) {
  const c = can(view);
  let n = questionsForMe(view).length;
  if (typeof c.vote === 'number' && c.vote >= 0) n++;
  return n;
}

let flowSerial = 0;
export function newFlowId() {
  flowSerial += 1;
  return flowSerial;
}
