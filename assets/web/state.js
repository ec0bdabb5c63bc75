// What the page knows. The host's newest `view` is the only truth about the
// session; the page keeps beside it only what it is doing itself (the screen
// shown, a form being filled in, an action waiting for the host's answer).
export const app = {
  code: '',
  mode: 'start', // start | code | lobby | joining | seated | stopped
  lobby: null, // the host's last lobby answer
  lobbyError: '', // a refusal shown on the code or lobby screen
  welcome: null,
  started: false,
  seat: null, // {token, role, name, seat, table} as stored per code
  dealWait: false, // in a room, waiting for the facilitator to deal a seat
  tableLobby: null, // seated before the start: the host's lobby of this table
  view: null,
  viewAt: 0, // performance.now() when `view` arrived
  connState: 'idle',
  tab: 'act', // card | board | act
  flow: null, // the step-by-step form in the actions tab, if any
  pending: null, // {action, check, ok, sentAt, before, onAccepted}
  notice: null, // {kind: 'ok' | 'error' | 'info', text}
  open: new Set(), // board sections the player opened
  stoppedReason: '',
  stoppedText: '',
  langAsked: null, // {lang, at}: the language the player just chose
  previews: new Map(), // package (as JSON) -> the host's `preview` answer, or 'asked'

  // Set by app.js:
  render: () => {},
  act: () => {},
  switchTab: () => {},
  setNotice: () => {},
  askPreview: () => {},
};
