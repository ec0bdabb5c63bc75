// The text catalog of the page: the desktop game's catalog as the host serves
// it (/i18n/<lang>.json, one flat object key: text). Works like game/i18n.cpp:
// {0}, {1} are filled in, "{{" is a literal brace, a missing key shows as the
// key itself (and is remembered, so a test can list the gaps). A text with a
// number in it has plural forms as separate keys, "key.one" and "key.other".

const SUPPORTED = ['nl', 'en'];
const missing = new Set();
let texts = {};
let lang = 'nl';
let plural = null;
let numberFormat = null;

export function supported() {
  return SUPPORTED.slice();
}

export function currentLang() {
  return lang;
}

// The speech and document language for a catalog language.
export function bcp47(l = lang) {
  return l === 'en' ? 'en-GB' : 'nl-NL';
}

export async function load(newLang) {
  const l = SUPPORTED.includes(newLang) ? newLang : 'nl';
  const response = await fetch(`/i18n/${l}.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`catalog ${l}: HTTP ${response.status}`);
  const data = await response.json();
  texts = data && typeof data === 'object' ? data : {};
  lang = l;
  missing.clear();
  plural = typeof Intl !== 'undefined' && Intl.PluralRules ? new Intl.PluralRules(bcp47(l)) : null;
  numberFormat = typeof Intl !== 'undefined' ? new Intl.NumberFormat(bcp47(l)) : null;
  document.documentElement.lang = l;
  return l;
}

export function has(key) {
  return Object.prototype.hasOwnProperty.call(texts, key);
}

// Fills {0}, {1}, ... as fillArgs in engine/core/text.cpp does.
export function fill(text, args) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' && text[i + 1] === '{') {
      out += '{';
      i++;
      continue;
    }
    if (c === '{') {
      const end = text.indexOf('}', i);
      if (end > i + 1) {
        const n = text.slice(i + 1, end);
        if (/^\d+$/.test(n) && Number(n) < args.length) {
          out += String(args[Number(n)]);
          i = end;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

export function t(key, ...args) {
  if (!has(key)) {
    missing.add(key);
    return args.length ? `${key} ${args.join(' ')}` : key;
  }
  return args.length ? fill(texts[key], args) : texts[key];
}

// A text about `n` things: "key.one" or "key.other" by the language's plural
// rule; {0} is n (formatted), further arguments are {1}, {2}, ...
export function tn(key, n, ...args) {
  const form = plural ? plural.select(n) : n === 1 ? 'one' : 'other';
  const full = has(`${key}.${form}`) ? `${key}.${form}` : `${key}.other`;
  return t(full, num(n), ...args);
}

// A number as people write it in this language (120.000 / 120,000).
export function num(n, digits) {
  if (typeof n !== 'number' || !isFinite(n)) return String(n);
  if (!numberFormat) return String(n);
  if (digits !== undefined) {
    return new Intl.NumberFormat(bcp47(), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(n);
  }
  return numberFormat.format(n);
}

// The keys asked for but missing since the catalog was loaded.
export function missingKeys() {
  return Array.from(missing).sort();
}
