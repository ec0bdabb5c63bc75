// A pretend host for looking at the page without one: open the page with
// ?mock=1. Loaded only then (app.js imports it on demand), so it is not part
// of a normal page load. It answers `lobby`, `hello`, `lang` and `action`
// like the host in docs/web_client.md, with the skatebaan scenario
// (scenarios/skatebaan.yaml), and applies actions roughly as the rules do:
// enough to click through a whole session and to see every screen.
//
//   ?mock=1                       start at the lobby (pick a seat)
//   ?mock=1&scene=voorstel        sit at a seat in that phase at once
//     scenes: kennismaken perspectief waarden randvoorwaarden event voorstel
//             besluit decision end paused
//             turn (waarden: Johan speaks, Ria and this phone wait for the floor)
//             floor (waarden: this phone has the floor)
//   &role=raadslid_oppositie      which role this phone plays
//   &fast=1                       "done" moves to the next phase at once
//
// For tests, window.samenspelMock has advance(), fireEvent(), drop(),
// refuseNext(key, args) and state().

export const MOCK_CODE = 'piano-zebra-tango';

const L = (nl, en) => ({ nl, en });

const CASE = {
  title: L('De skatebaan', 'The skate park'),
  summary: L(
    'Jongeren vragen aan de balie van het gemeentehuis of de versleten skatebaan opgeknapt kan worden. De gemeente nodigt hen uit om zelf het plan te maken. Nu moeten skaters, buren, ambtenaren en raad het samen eens worden.',
    'Teenagers ask at the town hall counter whether the worn-out skate park can be fixed. The municipality invites them to make the plan themselves. Now skaters, neighbours, officials and council must agree on it together.'),
  text: L(
    'Op een dinsdagmiddag staan vier jongens van een jaar of veertien aan de balie van het gemeentehuis. De skatebaan achter de sporthal is kapot: de ramps hebben scheuren, er steken schroeven uit en ’s avonds is het er donker. “Kan daar niet eens wat aan gebeuren?” De medewerker buitenruimte loopt tot hun verbazing met ze mee om te kijken. Daarna zegt hij: “Maak zelf maar een plan, dan kijken we samen hoe we het uitvoeren.” Welk plan kan iedereen dragen?',
    'One Tuesday afternoon four boys of about fourteen are standing at the counter of the town hall. The skate park behind the sports hall is broken: the ramps are cracked, screws stick out and at night it is dark. “Can’t something be done about it?” The public-space officer surprises them by walking over to have a look. Then he says: “Make a plan yourselves, and we will work out together how to build it.” Which plan can everyone carry?'),
};

const VALUES = [
  { id: 'ontmoeting', name: L('Ontmoeting', 'Meeting people'), description: L('Een plek waar jongeren elkaar zien en erbij horen.', 'A place where young people see each other and belong.') },
  { id: 'rust', name: L('Rust in de buurt', 'Quiet streets'), description: L('Geen lawaai en gedoe ’s avonds onder je slaapkamerraam.', 'No noise or trouble under your bedroom window at night.') },
  { id: 'eigen_regie', name: L('Eigen regie', 'Ownership'), description: L('Inwoners bepalen zelf mee hoe hun plek eruitziet en wordt gebruikt.', 'Residents themselves help decide what their place looks like and how it is used.') },
  { id: 'rechtmatigheid', name: L('Rechtmatigheid', 'Lawfulness'), description: L('Volgens de regels, gekeurd en verantwoord.', 'By the rules, inspected and accountable.') },
  { id: 'veiligheid', name: L('Veiligheid', 'Safety'), description: L('Niemand raakt gewond en niemand voelt zich onveilig.', 'Nobody gets hurt and nobody feels unsafe.') },
  { id: 'zuinigheid', name: L('Zuinig met gemeenschapsgeld', 'Careful with public money'), description: L('Elke euro één keer uitgeven, en liefst goed.', 'Spend every euro once, and preferably well.') },
];
const V = Object.fromEntries(VALUES.map((v, i) => [v.id, i]));

const ATTRS = [
  { id: 'cost', name: L('Aanlegkosten', 'Building cost'), unit: '€' },
  { id: 'months', name: L('Doorlooptijd (maanden)', 'Lead time (months)'), unit: '' },
  { id: 'upkeep', name: L('Beheerkosten per jaar', 'Yearly upkeep'), unit: '€' },
];

const ISSUES = [
  { id: 'ontwerp', name: L('Ontwerp van de baan', 'Design of the park'), options: [
    { id: 'catalogus', name: L('Gekeurde ramps uit de catalogus', 'Certified ramps from the catalogue'), attrs: { cost: 15000, months: 2, upkeep: 800 }, effects: { rechtmatigheid: 2, veiligheid: 1, zuinigheid: 1, eigen_regie: -2 } },
    { id: 'plan_jongeren', name: L('Het plan van de jongeren, uitgewerkt door de gemeente', 'The teenagers’ plan, worked out by the municipality'), attrs: { cost: 25000, months: 4, upkeep: 1000 }, effects: { eigen_regie: 3, ontmoeting: 2, veiligheid: 1, rechtmatigheid: -1 } },
    { id: 'betonpark', name: L('Betonnen skatepark door een specialist', 'Concrete skate park by a specialist firm'), attrs: { cost: 42000, months: 6, upkeep: 300 }, effects: { ontmoeting: 3, veiligheid: 2, rechtmatigheid: 1, zuinigheid: -2, rust: -2, eigen_regie: -1 } },
  ] },
  { id: 'locatie', name: L('Locatie', 'Location'), options: [
    { id: 'huidige_plek', name: L('Op de huidige plek achter de sporthal', 'At the current spot behind the sports hall'), attrs: {}, effects: { rust: -2, ontmoeting: 1, eigen_regie: 1, zuinigheid: 1 } },
    { id: 'sportpark', name: L('Naar het sportpark buiten de wijk', 'To the sports grounds outside the neighbourhood'), attrs: { cost: 8000, months: 3, upkeep: 200 }, effects: { rust: 3, ontmoeting: -2, veiligheid: -1, eigen_regie: -1 } },
    { id: 'parkrand', name: L('Aan de rand van het stadspark, bij het jongerencentrum', 'At the edge of the town park, next to the youth centre'), attrs: { cost: 6000, months: 2, upkeep: 200 }, effects: { ontmoeting: 2, rust: 1, veiligheid: 1, rechtmatigheid: -1, zuinigheid: -1 } },
    { id: 'schoolplein', name: L('Op het plein van de middelbare school', 'On the secondary school’s playground'), attrs: { cost: 2000, months: 1 }, effects: { rust: 1, ontmoeting: 1, eigen_regie: -1, veiligheid: 1, zuinigheid: 1 }, hidden: true },
  ] },
  { id: 'beheer', name: L('Beheer', 'Upkeep'), options: [
    { id: 'gemeente', name: L('De gemeente keurt en repareert', 'The municipality inspects and repairs'), attrs: { upkeep: 1500 }, effects: { rechtmatigheid: 2, veiligheid: 1, eigen_regie: -1, zuinigheid: -1 } },
    { id: 'jongeren', name: L('De jongeren houden de baan zelf bij', 'The teenagers look after the park themselves'), attrs: { upkeep: 200 }, effects: { eigen_regie: 3, zuinigheid: 1, rechtmatigheid: -2, veiligheid: -1 } },
    { id: 'jongerenwerk', name: L('Jongerenwerker op vaste avonden', 'Youth worker on fixed evenings'), attrs: { upkeep: 1200 }, effects: { rust: 2, veiligheid: 1, ontmoeting: 1, zuinigheid: -2 } },
  ] },
  { id: 'tijden', name: L('Licht en openingstijden', 'Lighting and opening hours'), options: [
    { id: 'altijd_open', name: L('Altijd open, geen verlichting', 'Always open, no lighting'), attrs: {}, effects: { eigen_regie: 1, zuinigheid: 1, rust: -2, veiligheid: -1 } },
    { id: 'licht_tot_22', name: L('Verlichting tot 22.00 uur', 'Lighting until 10 pm'), attrs: { cost: 6000, months: 1, upkeep: 300 }, effects: { ontmoeting: 2, veiligheid: 2, rust: -1, zuinigheid: -1 } },
    { id: 'dicht_om_20', name: L('Hek dicht om 20.00 uur', 'Gate closed at 8 pm'), attrs: { cost: 3000, upkeep: 100 }, effects: { rust: 3, rechtmatigheid: 1, ontmoeting: -2, eigen_regie: -2 } },
  ] },
];

const ROLES = [
  { id: 'skaters', council: false, name: L('Jonge skaters', 'Young skaters'),
    brief: L('Jullie zijn de jongens en meiden die aan de balie stonden. Jullie skaten elke dag na school en hebben een plan getekend voor een betere baan.', 'You are the boys and girls who went to the counter. You skate every day after school and have drawn a plan for a better park.'),
    secret: L('Eigenlijk gaat het jullie niet om dure toestellen, maar om een plek die van jullie is. Als de baan pas na de zomer klaar is, zijn de oudsten al naar het mbo in de stad. Een hek dat om acht uur dicht gaat, maakt de baan voor jullie waardeloos: dan ben je net klaar met huiswerk.', 'What you really want is not expensive equipment but a place that is yours. If the park is only ready after the summer, the oldest of you will have left for college in the city. A gate that closes at eight makes the park worthless to you: that is when homework is just done.'),
    values: { eigen_regie: 3, ontmoeting: 3, veiligheid: 1 },
    redLines: [
      { name: L('Klaar voor de zomervakantie', 'Ready before the summer holidays'), test: (s) => s.months <= 7 },
      { name: L('Niet om acht uur dicht', 'Not closed at eight'), test: (s, p) => p[3] !== 2 },
    ] },
  { id: 'omwonenden', council: false, name: L('Omwonenden', 'Neighbours'),
    brief: L('Jullie wonen in de straat achter de sporthal. Jullie hebben niets tegen jongeren, maar wel tegen geschreeuw en knallende boards om middernacht.', 'You live in the street behind the sports hall. You have nothing against teenagers, but you do mind shouting and slamming boards at midnight.'),
    secret: L('Twee jaar geleden hebben jullie een klachtenbrief gestuurd waar nooit op is gereageerd. Een vaste contactpersoon die je kunt bellen, zou al veel schelen.', 'Two years ago you sent a letter of complaint that was never answered. A fixed contact person you can call would already help a lot.'),
    values: { rust: 3, veiligheid: 2, ontmoeting: 1 },
    redLines: [{ name: L('Geen lawaai midden in de nacht vlak bij huis', 'No noise in the middle of the night next to our houses'), test: (s, p) => !(p[1] === 0 && p[3] === 0) }] },
  { id: 'ambtenaar_buitenruimte', council: false, name: L('Medewerker buitenruimte en speelplaatsen', 'Public space and playgrounds officer'),
    brief: L('Jij bent de collega die met de jongens mee ging kijken. Je bent gewend in regels te denken: speeltoestellen moeten gekeurd worden en het beheer moet passen in het jaarbudget.', 'You are the officer who went along with the boys to look. You are used to thinking in rules: play equipment must be inspected and upkeep must fit in the yearly budget.'),
    secret: L('Je hebt je leidinggevende verteld dat je de jongeren het plan laat maken. Als het nu misloopt, krijg je te horen dat het “toch niet werkt met inwoners”.', 'You told your manager that you let the teenagers make the plan. If it goes wrong now, you will hear that “it just doesn’t work with residents”.'),
    values: { rechtmatigheid: 3, veiligheid: 2, eigen_regie: 1 },
    redLines: [
      { name: L('Aanleg binnen het budget', 'Building within budget'), test: (s, p, st) => s.cost <= st.budget },
      { name: L('Beheer past in het jaarbudget', 'Upkeep fits the yearly budget'), test: (s) => s.upkeep <= 3000 },
    ] },
  { id: 'jongerenwerker', council: false, reservation: 10, name: L('Jongerenwerker', 'Youth worker'),
    brief: L('Jij kent de jongeren al jaren. Je ziet dat ze hier iets leren wat op school niet lukt: samen iets regelen met volwassenen.', 'You have known these teenagers for years. You see them learning something here that school does not teach: arranging something together with adults.'),
    secret: L('Je werkuren worden volgend jaar misschien gekort. Vaste avonden op de skatebaan zouden je baan veiliger maken.', 'Your working hours may be cut next year. Fixed evenings at the skate park would make your job safer.'),
    values: { ontmoeting: 3, eigen_regie: 2, veiligheid: 1 }, redLines: [] },
  { id: 'raadslid_coalitie', council: true, votes: 3, name: L('Raadslid van de coalitie', 'Coalition council member'),
    brief: L('Jouw fractie heeft beloofd de lasten laag te houden en de buurten leefbaar. Je moet het besluit straks in de raad verdedigen.', 'Your party promised to keep taxes low and neighbourhoods liveable. You will have to defend the decision in the council.'),
    secret: L('De wethouder van je eigen partij heeft de buren vorig jaar beloofd dat er “iets gebeurt” aan de overlast. Een besluit zonder de buren kost je geloofwaardigheid.', 'The alderman from your own party promised the neighbours last year that “something will be done” about the nuisance. A decision without the neighbours costs you credibility.'),
    values: { rust: 2, veiligheid: 2, zuinigheid: 1, rechtmatigheid: 1, ontmoeting: 1 }, redLines: [] },
  { id: 'raadslid_oppositie', council: true, votes: 2, reservation: 10, name: L('Raadslid van de oppositie', 'Opposition council member'),
    brief: L('Jouw partij wil dat inwoners meer te zeggen krijgen. Je hebt zelf ooit op deze baan geskatet.', 'Your party wants residents to have more say. You once skated on this very park yourself.'),
    secret: L('Je wilt van deze zaak een voorbeeld maken voor het nieuwe participatiebeleid. Een besluit waarin de jongeren niets te zeggen hebben, steun je niet van harte.', 'You want to make this case an example for the new participation policy. A decision in which the teenagers have no say will not get your heartfelt support.'),
    values: { eigen_regie: 3, ontmoeting: 2, zuinigheid: 1 }, redLines: [] },
];
const R = Object.fromEntries(ROLES.map((r, i) => [r.id, i]));

const EVENTS = [
  { id: 'klacht_omwonenden', phase: 'randvoorwaarden', title: L('Klacht van de buren', 'Complaint from the neighbours'),
    text: L('Vannacht is er om half een nog geskatet achter de sporthal. Een buurman stuurt een boze mail naar alle raadsleden. De coalitie let nu extra op rust in de buurt.',
      'Last night someone was still skating behind the sports hall at half past midnight. A neighbour sends an angry e-mail to every council member. The coalition now pays extra attention to quiet streets.') },
  { id: 'school_biedt_plein', phase: 'voorstel', title: L('De school biedt een plek', 'The school offers a spot'),
    text: L('De directeur van de middelbare school heeft over het plan gehoord en biedt een deel van het schoolplein aan, als de jongeren het zelf netjes houden. Daardoor schuift ook de wethouder wat geld naar voren.',
      'The head of the secondary school has heard about the plan and offers part of the playground, provided the teenagers keep it tidy. The alderman also moves some money forward.') },
];

const PHASES = [
  { kind: 'kennismaken', name: L('Kennismaken', 'Getting to know'), minutes: 5 },
  { kind: 'perspectief', name: L('Perspectief', 'Perspective'), minutes: 5 },
  { kind: 'waarden', name: L('Waarden', 'Values'), minutes: 10 },
  { kind: 'randvoorwaarden', name: L('Randvoorwaarden', 'Preconditions'), minutes: 10 },
  { kind: 'voorstel', name: L('Voorstel', 'Proposal'), minutes: 15 },
  { kind: 'besluit', name: L('Besluit', 'Decision'), minutes: 5 },
  { kind: 'reflectie', name: L('Reflectie', 'Reflection'), minutes: 10 },
];
const PH = Object.fromEntries(PHASES.map((p, i) => [p.kind, i]));

const SEATS = [
  { role: R.skaters, name: 'Sam', bot: false },
  { role: R.skaters, name: 'Noor', bot: false },
  { role: R.omwonenden, name: 'Ria', bot: false },
  { role: R.ambtenaar_buitenruimte, name: 'Johan', bot: false },
  { role: R.jongerenwerker, name: '', bot: true },
  { role: R.raadslid_coalitie, name: 'Fatima', bot: false },
  { role: R.raadslid_oppositie, name: 'Kees', bot: false },
];

const DECLINE_TEXT = L('Dat vertellen we liever straks zelf, als het voorstel er ligt.', 'We would rather say that ourselves later, once there is a proposal.');

// ---- the pretend session ----------------------------------------------------

function opt(issue, option) {
  return ISSUES[issue].options[option];
}

function sums(pkg) {
  const s = { cost: 0, months: 0, upkeep: 0 };
  pkg.forEach((o, i) => {
    const a = opt(i, o).attrs;
    for (const k of Object.keys(s)) s[k] += a[k] || 0;
  });
  return s;
}

function supportOf(st, role, pkg) {
  const r = ROLES[role];
  const w = Object.assign({}, r.values);
  if (role === R.raadslid_coalitie && st.eventsFired.includes(0)) w.rust = (w.rust || 0) + 1;
  let num = 0;
  let den = 0;
  for (const [v, weight] of Object.entries(w)) {
    let e = 0;
    pkg.forEach((o, i) => { e += opt(i, o).effects[v] || 0; });
    num += weight * e;
    den += weight;
  }
  const s = den ? (100 * num) / (3 * ISSUES.length * den) : 0;
  const totals = sums(pkg);
  const canAccept = r.redLines.every((rl) => rl.test(totals, pkg, st));
  return { support: Math.round(s * 10) / 10, accepts: canAccept && s >= (r.reservation || 0) };
}

function parseCondition(expr) {
  const m = /^\s*([a-z_]+)\s*(==|!=|<=|>=)\s*([a-z_0-9.]+)\s*$/.exec(expr || '');
  if (!m) return null;
  return { name: m[1], op: m[2], rhs: m[3] };
}

function conditionWords(c, lang) {
  const p = parseCondition(c.expression);
  if (!p) return c.expression;
  const issue = ISSUES.findIndex((i) => i.id === p.name);
  if (issue >= 0) {
    const o = ISSUES[issue].options.find((x) => x.id === p.rhs);
    const on = o ? o.name[lang] : p.rhs;
    const is = p.op === '==' ? (lang === 'nl' ? 'is' : 'is') : (lang === 'nl' ? 'is niet' : 'is not');
    return `${ISSUES[issue].name[lang]} ${is} ${on}`;
  }
  const a = ATTRS.find((x) => x.id === p.name);
  if (a) {
    const n = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB').format(Number(p.rhs));
    const amount = a.unit === '€' ? (lang === 'nl' ? `€\u00a0${n}` : `€${n}`) : n;
    const word = p.op === '<=' ? (lang === 'nl' ? 'ten hoogste' : 'at most') : (lang === 'nl' ? 'ten minste' : 'at least');
    return `${a.name[lang]} ${word} ${amount}`;
  }
  return c.expression;
}

function conditionMet(c, pkg) {
  const p = parseCondition(c.expression);
  if (!p) return null;
  const issue = ISSUES.findIndex((i) => i.id === p.name);
  if (issue >= 0) {
    const chosen = opt(issue, pkg[issue]).id;
    return p.op === '==' ? chosen === p.rhs : chosen !== p.rhs;
  }
  const totals = sums(pkg);
  if (p.name in totals) {
    const n = Number(p.rhs);
    return p.op === '<=' ? totals[p.name] <= n : totals[p.name] >= n;
  }
  return null;
}

function freshState(me) {
  return {
    me,
    phase: 0,
    phaseStart: performance.now(),
    paused: false,
    finished: false,
    done: false,
    budget: 40000,
    eventsFired: [],
    shared: ROLES.map(() => []),
    sharedLines: ROLES.map(() => []),
    questions: [],
    proposals: [],
    predictions: [],
    answers: [], // begrip choice items: { role, kind, phase, choice }
    publicSupport: new Set(), // "proposal:role"
    decision: null,
    secretsRevealed: false,
    // The speaking queue: seats waiting, first in line first, and who speaks.
    queue: [],
    floor: -1,
    floorSince: 0,
  };
}

function fireEvent(st, e) {
  if (st.eventsFired.includes(e)) return;
  st.eventsFired.push(e);
  if (e === 1) st.budget += 3000;
}

function enterPhase(st, index) {
  st.phase = index;
  st.phaseStart = performance.now();
  st.done = false;
  EVENTS.forEach((e, i) => { if (e.phase === PHASES[index].kind) fireEvent(st, i); });
}

// As engine/core/wording.cpp numbers them: new proposals count up, an
// amendment keeps its proposal's number.
function proposalNumber(st, p) {
  let root = p;
  while (root.parent >= 0 && root.parent < root.proposal) root = st.proposals[root.parent];
  return st.proposals.filter((q) => q.parent < 0 && q.proposal <= root.proposal).length;
}

function addProposal(st, author, pkg, extra = {}) {
  for (const p of st.proposals) p.onTable = false;
  const p = Object.assign({
    proposal: st.proposals.length, version: 1, parent: -1, author, phase: st.phase, package: pkg.slice(),
    note: '', status: 'open', onTable: true, reactions: [], votes: [], conditions: [],
  }, extra);
  st.proposals.push(p);
  return p;
}

function amendProposal(st, author, from, pkg) {
  const parent = st.proposals[from];
  parent.status = 'superseded';
  const p = addProposal(st, author, pkg, { version: parent.version + 1, parent: from });
  p.conditions = parent.conditions.map((c) => Object.assign({}, c));
  return p;
}

function react(st, seat, proposal, kind, reason, conditions = []) {
  const p = st.proposals[proposal];
  p.reactions = p.reactions.filter((r) => r.seat !== seat);
  p.reactions.push({ seat, kind, reason, conditions });
  st.publicSupport.add(`${proposal}:${SEATS[seat].role}`);
}

// The scenes: a state as it would be some way into the session.
function buildScene(scene, me) {
  const st = freshState(me);
  const upTo = (kind) => { enterPhase(st, PH[kind]); };
  if (scene === 'kennismaken' || !scene) return st;
  if (scene === 'perspectief') { upTo('perspectief'); st.predictions.push({ role: R.omwonenden, phase: 1, values: [V.rust, V.veiligheid] }); return st; }
  // From here on: values were shared and questions asked.
  st.predictions.push({ role: R.omwonenden, phase: 1, values: [V.rust, V.veiligheid] });
  upTo('waarden');
  st.shared[R.omwonenden].push(V.rust);
  st.shared[R.ambtenaar_buitenruimte].push(V.rechtmatigheid, V.veiligheid);
  st.shared[R.jongerenwerker].push(V.ontmoeting);
  st.questions.push({ question: 0, asker: 5, role: R.omwonenden, value: -1, status: 'answered', answerValue: V.veiligheid, declineReason: '' });
  st.questions.push({ question: 1, asker: 3, role: R.skaters, value: V.veiligheid, status: 'open', answerValue: -1, declineReason: '' });
  st.questions.push({ question: 2, asker: 2, role: R.skaters, value: -1, status: 'open', answerValue: -1, declineReason: '' });
  st.questions.push({ question: 3, asker: 6, role: R.raadslid_coalitie, value: V.zuinigheid, status: 'declined', answerValue: -1, declineReason: DECLINE_TEXT });
  if (scene === 'turn' || scene === 'floor') {
    st.floor = scene === 'floor' ? me : 3;
    st.floorSince = performance.now() - 75000;
    st.queue = scene === 'floor' ? [2] : [2, me];
    return st;
  }
  if (scene === 'waarden') return st;
  st.shared[R.skaters].push(V.eigen_regie);
  st.questions[1].status = 'answered';
  st.questions[1].answerValue = V.veiligheid;
  st.questions[2].status = 'answered';
  st.questions[2].answerValue = V.ontmoeting;
  upTo('randvoorwaarden');
  st.sharedLines[R.ambtenaar_buitenruimte].push(0, 1);
  st.sharedLines[R.omwonenden].push(0);
  if (scene === 'randvoorwaarden' || scene === 'event') {
    if (scene === 'randvoorwaarden') st.seenAll = true;
    return st;
  }
  st.sharedLines[R.skaters].push(1);
  upTo('voorstel');
  addProposal(st, 3, [0, 0, 0, 2]);
  react(st, 0, 0, 'object', { kind: 'precondition', index: 1 });
  amendProposal(st, 1, 0, [1, 2, 1, 1]);
  st.proposals[1].note = '';
  react(st, 2, 1, 'support_if', { kind: 'value', index: V.rust }, [{ expression: 'tijden != altijd_open' }]);
  react(st, 3, 1, 'support_if', { kind: 'value', index: V.rechtmatigheid }, [{ expression: 'beheer == gemeente' }]);
  addProposal(st, 5, [0, 1, 2, 2], { note: L('Veilig, rustig en binnen het budget.', 'Safe, quiet and within budget.').nl });
  react(st, 6, 2, 'object', { kind: 'value', index: V.eigen_regie });
  for (const p of st.proposals) p.onTable = false;
  st.proposals[1].onTable = true;
  if (scene === 'voorstel') return st;
  upTo('besluit');
  // Fatima (coalition) voted ja, mits on version 2; Johan amended it.
  st.proposals[1].votes.push({ seat: 5, kind: 'ja_mits', reason: { kind: 'value', index: V.rust }, conditions: [{ expression: 'beheer == gemeente' }] });
  st.proposals[1].conditions.push({ expression: 'beheer == gemeente', from: 5 });
  st.proposals[1].status = 'back';
  amendProposal(st, 3, 1, [1, 2, 0, 1]);
  st.proposals[2].status = 'rejected';
  st.proposals[2].onTable = false;
  st.proposals[3].onTable = true;
  st.publicSupport.add(`3:${R.raadslid_coalitie}`);
  if (scene === 'besluit') return st;
  st.proposals[3].votes.push({ seat: 5, kind: 'yes', reason: { kind: 'value', index: V.veiligheid }, conditions: [] });
  st.proposals[3].votes.push({ seat: 6, kind: 'yes', reason: { kind: 'value', index: V.eigen_regie }, conditions: [] });
  decide(st, 3);
  if (scene === 'decision') return st;
  upTo('reflectie');
  st.predictions.push({ role: R.omwonenden, phase: 6, values: [V.rust, V.veiligheid, V.ontmoeting] });
  if (scene === 'end') {
    st.finished = true;
    st.secretsRevealed = true;
  }
  return st;
}

function decide(st, proposal) {
  const p = st.proposals[proposal];
  p.status = 'accepted';
  for (let r = 0; r < ROLES.length; r++) st.publicSupport.add(`${proposal}:${r}`);
  const support = ROLES.map((r, i) => Object.assign({ role: i }, supportOf(st, i, p.package)));
  const gedragen = support.every((s) => s.accepts && s.support >= 10);
  st.decision = { taken: true, proposal, gedragen, support: support.map((s) => ({ role: s.role, support: s.support, accepts: s.accepts })) };
}

// ---- begrip: the questions about the other roles ------------------------------

// Per other role: the values item, a red-line item (its first red line among
// those of other roles) and an interest item (an issue's options).
function begripItems(st, lang) {
  const mine = mySeatRole(st);
  const items = [];
  ROLES.forEach((r, i) => {
    if (i === mine) return;
    const p = st.predictions.find((x) => x.role === i && x.phase === st.phase);
    items.push({ kind: 'values', role: i, roleName: r.name[lang], values: p ? p.values.slice() : null });
    const choice = (kind) => {
      const a = st.answers.find((x) => x.role === i && x.kind === kind && x.phase === st.phase);
      return a ? a.choice : -1;
    };
    if (r.redLines.length) {
      const others = ROLES.filter((o, k) => k !== i && o.redLines.length).slice(0, 2).map((o) => o.redLines[0].name[lang]);
      const options = [r.redLines[0].name[lang], ...others];
      for (let k = 0; k < i % options.length; k++) options.push(options.shift());
      items.push({ kind: 'red_line', role: i, roleName: r.name[lang], options, choice: choice('red_line') });
    }
    const issue = ISSUES[i % ISSUES.length];
    items.push({ kind: 'interest', role: i, roleName: r.name[lang], issue: i % ISSUES.length, issueName: issue.name[lang],
      options: issue.options.filter((o) => !o.hidden).slice(0, 4).map((o) => o.name[lang]), choice: choice('interest') });
  });
  return items;
}

function begripOf(st, lang) {
  const kind = PHASES[st.phase].kind;
  if (st.finished || (kind !== 'perspectief' && kind !== 'reflectie')) return null;
  const items = begripItems(st, lang);
  const open = items.filter((it) => (it.kind === 'values' ? !it.values : it.choice < 0)).length;
  return { boardHidden: open > 0, open, total: items.length, items };
}

// ---- the view of one seat ----------------------------------------------------

function mySeatRole(st) {
  return SEATS[st.me].role;
}

function canOf(st) {
  const none = { shareValue: [], ask: [], answer: [], decline: [], sharePrecondition: [], predict: [], answerItem: [], propose: false, amend: [], react: [], vote: -1, done: false, requestTurn: false, endTurn: false };
  if (st.finished) return none;
  // Talk goes on during a pause.
  const turns = { requestTurn: st.floor !== st.me, endTurn: st.floor === st.me };
  if (st.paused) return Object.assign({}, none, turns);
  const c = Object.assign({}, none, turns, { done: true });
  const role = mySeatRole(st);
  const kind = PHASES[st.phase].kind;
  const others = ROLES.map((r, i) => i).filter((i) => i !== role);
  if (kind === 'perspectief' || kind === 'reflectie') {
    c.predict = others;
    c.answerItem = begripItems(st, 'en').filter((it) => it.kind !== 'values').map((it) => ({ role: it.role, kind: it.kind }));
  }
  if (kind === 'waarden' || kind === 'randvoorwaarden') {
    c.shareValue = Object.keys(ROLES[role].values).map((v) => V[v]).filter((v) => !st.shared[role].includes(v));
    c.ask = others;
    const open = st.questions.filter((q) => q.status === 'open' && q.role === role).map((q) => q.question);
    c.answer = open;
    c.decline = open;
  }
  if (kind === 'randvoorwaarden') {
    c.sharePrecondition = ROLES[role].redLines.map((x, i) => i).filter((i) => !st.sharedLines[role].includes(i));
  }
  if (kind === 'voorstel' || kind === 'besluit') {
    const back = st.proposals.filter((p) => p.status === 'back');
    const onTable = st.proposals.find((p) => p.onTable && p.status === 'open');
    const voting = onTable && onTable.votes.length > 0;
    c.propose = kind === 'voorstel' || (!back.length && !voting);
    c.amend = kind === 'voorstel' ? st.proposals.filter((p) => p.status === 'open').map((p) => p.proposal) : back.map((p) => p.proposal);
    c.react = st.proposals.filter((p) => p.status === 'open' || p.status === 'back').map((p) => p.proposal);
    if (kind === 'besluit' && ROLES[role].council && !back.length && onTable && !onTable.votes.some((v) => v.seat === st.me) && !st.decision) {
      c.vote = onTable.proposal;
    }
  }
  return c;
}

function viewOf(st, lang) {
  const role = mySeatRole(st);
  const phase = PHASES[st.phase];
  const elapsed = st.paused ? st.pausedElapsed : performance.now() - st.phaseStart;
  const remaining = Math.max(0, phase.minutes * 60000 - elapsed - (st.scene === 'besluit' ? 170000 : 0));
  const view = {
    v: 2, type: 'view', lang,
    case: { title: CASE.title[lang], summary: CASE.summary[lang], text: CASE.text[lang] },
    you: { seat: st.me, role, name: SEATS[st.me].name },
    phase: { index: st.phase, kind: phase.kind, name: phase.name[lang], remainingMs: st.finished ? 0 : Math.round(remaining), paused: st.paused, finished: st.finished, done: st.done, last: st.phase === PHASES.length - 1 },
    card: {
      brief: ROLES[role].brief[lang],
      interest: '',
      values: Object.entries(ROLES[role].values).map(([v, w]) => ({ value: V[v], weight: role === R.raadslid_coalitie && v === 'rust' && st.eventsFired.includes(0) ? w + 1 : w })),
      redLines: ROLES[role].redLines.map((rl, i) => ({ precondition: i, name: rl.name[lang], shared: st.sharedLines[role].includes(i) })),
      secret: ROLES[role].secret[lang],
    },
    values: VALUES.map((v, i) => ({ value: i, id: v.id, name: v.name[lang], description: v.description[lang] })),
    issues: ISSUES.map((is, i) => ({ issue: i, id: is.id, name: is.name[lang], options: is.options.map((o, j) => ({ option: j, id: o.id, name: o.name[lang], enabled: !o.hidden || st.eventsFired.includes(1) })) })),
    attributes: ATTRS.map((a, i) => ({ attribute: i, id: a.id, name: a.name[lang], unit: a.unit })),
    roles: ROLES.map((r, i) => ({
      role: i, id: r.id, name: r.name[lang], brief: r.brief[lang],
      sharedValues: st.shared[i].slice(),
      sharedPreconditions: st.sharedLines[i].map((p) => ({ precondition: p, name: r.redLines[p].name[lang] })),
      secret: st.secretsRevealed && i !== role ? r.secret[lang] : null,
      seats: SEATS.map((s, k) => ({ s, k })).filter(({ s }) => s.role === i).map(({ s, k }) => ({
        seat: k, name: s.name, present: k !== 1, bot: s.bot, done: k === st.me ? st.done : (k % 3 === 0),
        voted: st.proposals.some((p) => p.onTable && p.votes.some((v) => v.seat === k)),
      })),
    })),
    questions: st.questions.map((q) => Object.assign({}, q, {
      declineReason: q.declineReason && typeof q.declineReason === 'object' ? q.declineReason[lang] : q.declineReason,
    })),
    proposals: st.proposals.map((p) => ({
      proposal: p.proposal, number: proposalNumber(st, p), version: p.version, parent: p.parent, author: p.author, phase: p.phase, package: p.package.slice(),
      note: p.note, status: p.status, onTable: p.onTable,
      attributes: ATTRS.map((a, i) => ({ attribute: i, value: sums(p.package)[a.id] })),
      reactions: p.reactions.map((r) => ({ seat: r.seat, kind: r.kind, reason: r.reason, conditions: r.conditions.map((c) => ({ text: conditionWords(c, lang), met: conditionMet(c, p.package) })) })),
      votes: p.votes.map((v) => ({ seat: v.seat, kind: v.kind, reason: v.reason, conditions: (v.conditions || []).map((c) => ({ text: conditionWords(c, lang), met: conditionMet(c, p.package) })) })),
      conditions: p.conditions.map((c) => ({ text: conditionWords(c, lang), met: conditionMet(c, p.package), from: c.from })),
      support: ROLES.map((r, i) => i).filter((i) => st.publicSupport.has(`${p.proposal}:${i}`) || st.finished)
        .map((i) => Object.assign({ role: i }, supportOf(st, i, p.package))),
    })),
    announcements: st.eventsFired.map((e) => ({ event: e, title: EVENTS[e].title[lang], text: EVENTS[e].text[lang], phase: PH[EVENTS[e].phase] })),
    decision: st.decision,
    predictions: st.predictions.map((p) => ({ role: p.role, phase: p.phase, values: p.values.slice() })),
    begrip: begripOf(st, lang),
    turns: {
      floor: st.floor >= 0 && !st.finished
        ? { name: SEATS[st.floor].name, you: st.floor === st.me, elapsedMs: Math.round(performance.now() - st.floorSince) }
        : null,
      queue: st.finished ? [] : st.queue.map((k) => SEATS[k].name),
      place: st.finished ? 0 : st.queue.indexOf(st.me) + 1,
    },
    can: canOf(st),
    debrief: null,
  };
  // While questions are open the host leaves out what was shared.
  if (view.begrip && view.begrip.boardHidden) {
    for (const r of view.roles) {
      delete r.sharedValues;
      delete r.sharedPreconditions;
    }
    for (const q of view.questions) if (q.status === 'answered') q.answerValue = -1;
  }
  if (st.finished) {
    const d = st.decision ? supportOf(st, role, st.proposals[st.decision.proposal].package) : null;
    view.debrief = { support: d ? d.support : null, accepts: d ? d.accepts : null, begripBefore: 0.44, begripAfter: 0.78, report: '/report.html' };
  }
  return view;
}

// ---- the pretend host ---------------------------------------------------------

class MockHost {
  constructor(params) {
    this.params = params;
    this.sockets = new Set();
    this.seated = null; // the socket holding the seat
    this.lang = 'nl';
    this.scene = params.get('scene') || '';
    this.fast = params.get('fast') === '1';
    this.refusal = null;
    const roleParam = params.get('role') || (this.scene === 'besluit' || this.scene === 'decision' ? 'raadslid_oppositie' : 'skaters');
    const seat = Math.max(0, SEATS.findIndex((s) => ROLES[s.role].id === roleParam));
    this.st = null;
    this.defaultSeat = seat;
    this.token = 'mock-token-0001';
    if (this.scene) {
      this.st = buildScene(this.scene, seat);
      this.st.scene = this.scene;
      if (this.scene === 'paused') {
        this.st = buildScene('waarden', seat);
        this.st.paused = true;
        this.st.pausedElapsed = 4 * 60000 + 12000;
      }
      this.started = true;
    } else {
      this.started = false;
    }
  }

  deliver(sock, obj, delay = 120) {
    window.setTimeout(() => sock.receive(Object.assign({ v: 2 }, obj)), delay);
  }

  pushView(delay = 120) {
    if (this.seated && this.st) this.deliver(this.seated, viewOf(this.st, this.lang), delay);
  }

  lobby() {
    const taken = new Set([1, 2, 3, 5]);
    return {
      type: 'lobby',
      case: { title: CASE.title[this.lang], summary: CASE.summary[this.lang] },
      started: this.started,
      seats: SEATS.map((s, i) => ({
        seat: i, role: ROLES[s.role].id, roleName: ROLES[s.role].name[this.lang],
        taken: taken.has(i), bot: s.bot, name: taken.has(i) ? s.name : (i === 6 ? 'Kees' : ''),
      })).concat([{ seat: 7, role: 'omwonenden', roleName: ROLES[R.omwonenden].name[this.lang], taken: false, bot: false, name: '' }]),
    };
  }

  receive(sock, msg) {
    if (msg.type === 'lobby') {
      if (msg.lang) this.lang = msg.lang === 'en' ? 'en' : 'nl';
      if (msg.code !== MOCK_CODE) {
        this.deliver(sock, { type: 'refuse', reason: 'net.refuse.wrong_code', message: 'wrong session code' });
        window.setTimeout(() => sock.serverClose(), 200);
        return;
      }
      this.deliver(sock, this.lobby());
      return;
    }
    if (msg.type === 'hello') {
      if (msg.lang) this.lang = msg.lang === 'en' ? 'en' : 'nl';
      if (msg.code !== MOCK_CODE) {
        this.deliver(sock, { type: 'refuse', reason: 'net.refuse.wrong_code', message: 'wrong session code' });
        window.setTimeout(() => sock.serverClose(), 200);
        return;
      }
      if (msg.token && msg.token !== this.token) {
        this.deliver(sock, { type: 'refuse', reason: 'net.refuse.bad_token', message: 'unknown token' });
        window.setTimeout(() => sock.serverClose(), 200);
        return;
      }
      let seat = this.defaultSeat;
      if (!msg.token && msg.seat) {
        const found = SEATS.findIndex((s, i) => ROLES[s.role].id === msg.seat && ![1, 2, 3, 5].includes(i));
        seat = found >= 0 ? found : 2; // the neighbours' second seat plays as Ria's
        SEATS[seat].bot = false;
      }
      if (!this.st) {
        this.st = freshState(seat);
        this.st.scene = '';
        // A phone coming back with its token (a reload) finds the session
        // going; a new player waits until the facilitator starts it.
        this.started = Boolean(msg.token);
        if (!this.started) {
          window.setTimeout(() => { this.started = true; this.st.phaseStart = performance.now(); this.pushView(0); }, 2500);
        }
      }
      if (msg.name) SEATS[this.st.me].name = String(msg.name).slice(0, 60);
      if (this.seated && this.seated !== sock) {
        this.deliver(this.seated, { type: 'bye', reason: 'net.refuse.replaced', message: 'replaced' }, 0);
      }
      this.seated = sock;
      this.deliver(sock, { type: 'welcome', seat: this.st.me, role: ROLES[mySeatRole(this.st)].id, token: this.token, started: this.started });
      if (this.started) this.pushView(200);
      return;
    }
    if (sock !== this.seated) {
      this.deliver(sock, { type: 'refuse', reason: 'net.refuse.hello_first', message: 'hello first' });
      return;
    }
    if (msg.type === 'lang') {
      this.lang = msg.lang === 'en' ? 'en' : 'nl';
      this.pushView();
      return;
    }
    if (msg.type === 'action') {
      this.action(msg.action || {});
    }
    if (msg.type === 'preview') {
      // The mock does not score packages: it says so, and the page leaves
      // the preview out (only a real host computes a role's support).
      this.deliver(sock, { type: 'preview', id: msg.id, error: 'the mock host does not score packages' });
    }
  }

  refuse(key, args = []) {
    this.deliver(this.seated, { type: 'refused', reason: key, args, message: key }, 250);
  }

  action(a) {
    const st = this.st;
    if (this.refusal) {
      const r = this.refusal;
      this.refusal = null;
      this.refuse(r.key, r.args);
      return;
    }
    const c = canOf(st);
    const me = st.me;
    const role = mySeatRole(st);
    const kind = PHASES[st.phase].kind;
    const wrongPhase = () => this.refuse('refuse.wrong_phase', [a.type, kind]);
    switch (a.type) {
      case 'done':
        if (!c.done) return wrongPhase();
        st.done = !st.done;
        if (st.done) {
          // Everyone else is done too: the next phase starts soon.
          window.setTimeout(() => this.advance(), this.fast ? 300 : 2500);
        }
        break;
      case 'request_turn':
        if (!c.requestTurn) return this.refuse('refuse.turn_already_speaking');
        if (st.queue.includes(me)) {
          st.queue = st.queue.filter((k) => k !== me);
        } else {
          st.queue.push(me);
          // The facilitator gives the floor to the first in line a while later.
          window.setTimeout(() => {
            if (!st.queue.length || st.finished) return;
            st.floor = st.queue.shift();
            st.floorSince = performance.now();
            this.pushView(0);
          }, 6000);
        }
        break;
      case 'end_turn':
        if (!c.endTurn) return this.refuse('refuse.not_your_turn');
        st.floor = -1;
        break;
      case 'share_value':
        if (!c.shareValue.includes(a.value)) return this.refuse('refuse.value_already_shared', [String(a.value)]);
        st.shared[role].push(a.value);
        break;
      case 'ask': {
        if (!c.ask.includes(a.targetRole)) return wrongPhase();
        const q = { question: st.questions.length, asker: me, role: a.targetRole, value: a.value, status: 'open', answerValue: -1, declineReason: '' };
        st.questions.push(q);
        window.setTimeout(() => {
          const held = Object.keys(ROLES[q.role].values).map((v) => V[v]);
          if (q.value >= 0 && !held.includes(q.value)) {
            q.status = 'declined';
            q.declineReason = DECLINE_TEXT[this.lang];
          } else {
            q.status = 'answered';
            q.answerValue = q.value >= 0 ? q.value : held[0];
            if (!st.shared[q.role].includes(q.answerValue)) st.shared[q.role].push(q.answerValue);
          }
          this.pushView(0);
        }, 4000);
        break;
      }
      case 'answer': {
        const q = st.questions[a.question];
        if (!q || q.status !== 'open') return this.refuse('refuse.question_closed', [String(a.question)]);
        if (q.value >= 0 && a.value !== q.value) return this.refuse('refuse.answer_other_value', [String(a.question)]);
        q.status = 'answered';
        q.answerValue = a.value;
        if (!st.shared[role].includes(a.value)) st.shared[role].push(a.value);
        break;
      }
      case 'decline': {
        const q = st.questions[a.question];
        if (!q || q.status !== 'open') return this.refuse('refuse.question_closed', [String(a.question)]);
        const text = String(a.reasonText || '');
        if (!text.trim()) return this.refuse('refuse.reason_text_required');
        if (Array.from(text).length > 500) return this.refuse('refuse.text_too_long', ['500', String(Array.from(text).length)]);
        q.status = 'declined';
        q.declineReason = text;
        break;
      }
      case 'share_precondition':
        if (!c.sharePrecondition.includes(a.precondition)) return this.refuse('refuse.precondition_already_shared');
        st.sharedLines[role].push(a.precondition);
        break;
      case 'predict':
        if (!c.predict.includes(a.targetRole)) return wrongPhase();
        if (!Array.isArray(a.values) || a.values.length < 1 || a.values.length > 3) return this.refuse('refuse.prediction_size');
        st.predictions = st.predictions.filter((p) => !(p.role === a.targetRole && p.phase === st.phase));
        st.predictions.push({ role: a.targetRole, phase: st.phase, values: a.values.slice() });
        break;
      case 'answer_item': {
        const kindId = a.itemKind === 1 ? 'red_line' : 'interest';
        const item = c.answerItem.some((x) => x.role === a.targetRole && x.kind === kindId)
          ? begripItems(st, 'en').find((x) => x.role === a.targetRole && x.kind === kindId) : null;
        if (!item) return wrongPhase();
        if (!(a.choice >= 0 && a.choice < item.options.length)) return this.refuse('refuse.unknown_choice');
        st.answers = st.answers.filter((x) => !(x.role === a.targetRole && x.kind === kindId && x.phase === st.phase));
        st.answers.push({ role: a.targetRole, kind: kindId, phase: st.phase, choice: a.choice });
        break;
      }
      case 'propose': {
        if (!c.propose) return this.refuse('refuse.proposal_on_table');
        if (!Array.isArray(a.package) || a.package.length !== ISSUES.length) return this.refuse('refuse.invalid_package');
        const p = addProposal(st, me, a.package);
        p.note = String(a.reasonText || '');
        break;
      }
      case 'amend': {
        if (!c.amend.includes(a.proposal)) return this.refuse('refuse.proposal_not_open', [String(proposalNumber(st, st.proposals[a.proposal] || { proposal: a.proposal, parent: -1 })), String((st.proposals[a.proposal] || {}).version || 1)]);
        const from = st.proposals[a.proposal];
        if (kind !== 'besluit' && JSON.stringify(from.package) === JSON.stringify(a.package)) return this.refuse('refuse.amend_unchanged');
        amendProposal(st, me, a.proposal, a.package);
        break;
      }
      case 'react':
        if (!c.react.includes(a.proposal)) return this.refuse('refuse.proposal_not_open', [String(proposalNumber(st, st.proposals[a.proposal] || { proposal: a.proposal, parent: -1 })), String((st.proposals[a.proposal] || {}).version || 1)]);
        if (!a.reason) return this.refuse('refuse.reason_required');
        if (a.reaction === 'support_if' && !(a.conditions || []).length) return this.refuse('refuse.conditions_required');
        react(st, me, a.proposal, a.reaction, a.reason, (a.conditions || []).map((x) => ({ expression: x.expression })));
        break;
      case 'vote': {
        if (c.vote !== a.proposal) return this.refuse('refuse.no_proposal');
        const p = st.proposals[a.proposal];
        if (a.vote === 'ja_mits' && !(a.conditions || []).length) return this.refuse('refuse.conditions_required');
        p.votes.push({ seat: me, kind: a.vote, reason: a.reason || null, conditions: (a.conditions || []).map((x) => ({ expression: x.expression })) });
        st.publicSupport.add(`${a.proposal}:${role}`);
        if (a.vote === 'ja_mits') {
          p.status = 'back';
          for (const x of a.conditions) p.conditions.push({ expression: x.expression, from: me });
          // Johan amends it a little later, meeting the condition where he can.
          window.setTimeout(() => {
            const pkg = p.package.slice();
            for (const x of a.conditions) {
              const pc = parseCondition(x.expression);
              const issue = pc ? ISSUES.findIndex((i) => i.id === pc.name) : -1;
              if (issue >= 0 && pc.op === '==') pkg[issue] = ISSUES[issue].options.findIndex((o) => o.id === pc.rhs);
            }
            amendProposal(st, 3, a.proposal, pkg);
            this.pushView(0);
          }, 5000);
        } else {
          decide(st, a.proposal);
          if (a.vote === 'no') {
            st.decision.gedragen = false;
          }
        }
        break;
      }
      default:
        return this.refuse('refuse.wrong_phase', [String(a.type), kind]);
    }
    this.pushView(200);
  }

  advance() {
    const st = this.st;
    if (!st || st.finished) return;
    if (st.phase >= PHASES.length - 1) {
      st.finished = true;
      st.secretsRevealed = true;
      st.done = false;
      if (!st.decision && st.proposals.length) decide(st, st.proposals.length - 1);
    } else {
      enterPhase(st, st.phase + 1);
    }
    this.pushView(0);
  }
}

class MockSocket {
  constructor(host) {
    this.host = host;
    this.readyState = 0;
    this.onopen = null;
    this.onmessage = null;
    this.onclose = null;
    this.onerror = null;
    host.sockets.add(this);
    window.setTimeout(() => {
      if (this.readyState !== 0) return;
      this.readyState = 1;
      if (this.onopen) this.onopen({});
    }, 60);
  }

  send(text) {
    if (this.readyState !== 1) return;
    let msg;
    try {
      msg = JSON.parse(text);
    } catch (e) {
      return;
    }
    this.host.receive(this, msg);
  }

  receive(obj) {
    if (this.readyState === 1 && this.onmessage) this.onmessage({ data: JSON.stringify(obj) });
  }

  close() {
    if (this.readyState >= 2) return;
    this.readyState = 3;
    this.host.sockets.delete(this);
    if (this.host.seated === this) this.host.seated = null;
    window.setTimeout(() => { if (this.onclose) this.onclose({ code: 1000 }); }, 0);
  }

  serverClose() {
    this.close();
  }
}

// Called by app.js: returns the makeSocket(url) function net.js uses.
export function makeSocket(params) {
  const host = new MockHost(params);
  if (params.get('scene')) {
    // As if this phone had joined before: a stored seat token.
    try {
      window.localStorage.setItem(`samenspel.seat.${params.get('code') || MOCK_CODE}`,
        JSON.stringify({ token: host.token, role: ROLES[SEATS[host.defaultSeat].role].id, name: SEATS[host.defaultSeat].name, seat: host.defaultSeat }));
    } catch (e) {
      /* no storage: the page asks for a seat */
    }
    // Scenes other than "event" and "decision" open on the screen itself,
    // not on an announcement the phone would have shown earlier.
    const scene = params.get('scene');
    if (host.st) {
      const seen = scene === 'event' ? [] : host.st.eventsFired.map((e) => `event:${e}`);
      if (host.st.decision && scene !== 'decision') seen.push(`decision:${host.st.decision.proposal}`);
      try {
        window.localStorage.setItem(`samenspel.seen.${params.get('code') || MOCK_CODE}`, JSON.stringify(seen));
      } catch (e) {
        /* shown once more */
      }
    }
  }
  window.samenspelMock = {
    advance: () => host.advance(),
    fireEvent: (i) => { fireEvent(host.st, i); host.pushView(0); },
    drop: () => { if (host.seated) host.seated.close(); },
    refuseNext: (key, args = []) => { host.refusal = { key, args }; },
    state: () => host.st,
  };
  return () => new MockSocket(host);
}
