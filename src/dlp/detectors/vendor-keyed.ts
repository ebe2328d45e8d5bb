/**
 * Vendor keys with no prefix of their own, recognised by an assignment whose name carries the
 * vendor's name and a value of the vendor's exact shape (gitleaks' keyword rules):
 * `DD_API_KEY=<32 hex>`, `HEROKU_API_KEY: <uuid>`, `jira_token = <24 alnum>`, … The name and the
 * shape together are what make them specific; either alone is common (a UUID is an idempotency
 * key, 32 hex is an MD5).
 */
import type { Span } from '../types.js';
import { findAssignments, type Assignment } from './assignments.js';
import { nameWords } from './secret-names.js';

export interface KeyedRule {
  /** One of these words must be in the name. */
  readonly vendor: ReadonlySet<string>;
  /** When given, one of these words must be in the name too. */
  readonly role?: ReadonlySet<string>;
  /** The whole value must match. */
  readonly value: RegExp;
}

const SECRET_ROLE = new Set(['key', 'token', 'secret', 'password', 'apikey', 'auth', 'pat', 'pwd', 'credential']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const KEYED_RULES = {
  datadog: { vendor: new Set(['dd', 'datadog']), role: new Set(['api', 'app', 'application', 'key', 'apikey', 'appkey']), value: /^(?:[0-9a-f]{32}|[0-9a-f]{40})$/ },
  heroku: { vendor: new Set(['heroku']), role: SECRET_ROLE, value: UUID },
  atlassian: {
    vendor: new Set(['jira', 'confluence', 'atlassian', 'bitbucket']),
    role: SECRET_ROLE,
    value: /^(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]{24}$/,
  },
  twilio: { vendor: new Set(['twilio']), role: SECRET_ROLE, value: /^(?:[0-9a-f]{32}|(?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]{32})$/ },
  vault: { vendor: new Set(['vault']), role: new Set([...SECRET_ROLE, 'vault']), value: /^s\.(?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]{24}$/ },
  mailgun: { vendor: new Set(['mailgun', 'mg']), role: SECRET_ROLE, value: /^(?:key-)?[0-9a-f]{32}$/ },
  discord: { vendor: new Set(['discord']), role: new Set(['secret', 'token']), value: /^(?=[A-Za-z0-9_-]*[0-9])[A-Za-z0-9_-]{32}$/ },
} as const satisfies Record<string, KeyedRule>;

/** Cache of name -> words across rules (all run over the same assignments). */
const wordsOf = new Map<string, ReadonlySet<string>>();

function words(name: string): ReadonlySet<string> {
  let w = wordsOf.get(name);
  if (w === undefined) {
    if (wordsOf.size > 1000) wordsOf.clear();
    w = new Set(nameWords(name));
    wordsOf.set(name, w);
  }
  return w;
}

function hasAny(w: ReadonlySet<string>, wanted: ReadonlySet<string>): boolean {
  for (const x of wanted) if (w.has(x)) return true;
  return false;
}

/** Lower-cased names of an assignment list, made once for all rules. */
const lowerNames = new WeakMap<readonly Assignment[], string[]>();

export function keyedSpans(rule: KeyedRule, text: string): Span[] {
  const out: Span[] = [];
  const list = findAssignments(text);
  let lower = lowerNames.get(list);
  if (lower === undefined) {
    lower = list.map((a) => a.name.toLowerCase());
    lowerNames.set(list, lower);
  }
  for (let k = 0; k < list.length; k++) {
    const { name, value } = list[k]!;
    if (value.end - value.start > 100) continue;
    // Most names do not even contain the vendor's name: skip them before splitting into words.
    const lowerName = lower[k]!;
    let hint = false;
    for (const v of rule.vendor) if (lowerName.includes(v)) hint = true;
    if (!hint) continue;
    const w = words(name);
    if (!hasAny(w, rule.vendor) || (rule.role !== undefined && !hasAny(w, rule.role))) continue;
    if (rule.value.test(text.slice(value.start, value.end))) out.push({ start: value.start, end: value.end });
  }
  return out;
}
