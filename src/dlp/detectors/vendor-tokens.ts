/**
 * Vendor credentials with a format of their own (the families of gitleaks' ruleset). Most are a
 * fixed prefix and a body of known alphabet and length (prefixed-token.ts: also followed across a
 * line break, and held to an entropy floor so "npm_XXXX…" placeholders in docs are left alone);
 * a few are shapes without a prefix (Azure's "…8Q~…", Mailchimp's "…-us14", 1Password's
 * "A3-…"), and some have no format at all and are known by an assignment naming the vendor
 * (vendor-keyed.ts). Each family has its own detector id, so a finding says whose key it was.
 */
import type { Span } from '../types.js';
import { hasContextBefore, lineStartWithin, spansAfterContext } from './context.js';
import { decodeBase64, decodeUtf8 } from './decode.js';
import { hasDigit, hasMixedCase, prefixedTokenSpans, type PrefixedRule } from './prefixed-token.js';
import { KEYED_RULES, keyedSpans } from './vendor-keyed.js';

const B62 = 'A-Za-z0-9';
const B64URL = 'A-Za-z0-9_-';
const HEX = 'a-f0-9';

/** Rules by detector (ids without the "secret." prefix), tried one after another. */
export const VENDOR_PREFIXED = {
  // Google API keys (AIza + 35), OAuth client secrets (GOCSPX-), OAuth access tokens (ya29.).
  google: [
    { prefix: 'AIza', body: B64URL, min: 35, max: 35 },
    { prefix: 'GOCSPX-', body: B64URL, min: 28, max: 28 },
    { prefix: 'ya29\\.', body: B64URL, min: 30, max: 2048, before: 'A-Za-z0-9.' },
  ],
  // Project, service-account and admin keys; the legacy sk-…T3BlbkFJ… keys and other sk- keys
  // of 32 or more base62 characters (the shape OpenAI-compatible APIs copied).
  openai: [
    { prefix: 'sk-(?:proj|svcacct|admin)-', body: B64URL, min: 40, max: 400, before: 'A-Za-z0-9_-' },
    { prefix: 'sk-', body: B62, min: 32, max: 200, before: 'A-Za-z0-9_-', after: '_-', check: (b) => hasDigit(b) && /[A-Za-z]/.test(b) },
  ],
  anthropic: [{ prefix: 'sk-ant-(?:api|admin|oat|ort|sid)[0-9]{2}-', body: B64URL, min: 32, max: 300, before: 'A-Za-z0-9_-' }],
  // Personal, deploy, runner, CI job, pipeline trigger, feed, incoming mail, agent, OAuth app,
  // SCIM, feature flag and workspace tokens; runner registration tokens (GR1348941).
  gitlab: [
    { prefix: 'gl(?:pat|dt|rt|cbt|ptt|ft|imt|agent|oas|soat|ffct|wt)-', body: 'A-Za-z0-9_.-', min: 20, max: 300, trimEnd: '.' },
    { prefix: 'GR1348941', body: B64URL, min: 20, max: 20 },
  ],
  sendgrid: [{ prefix: 'SG\\.', body: 'A-Za-z0-9_.-', min: 66, max: 66, trimEnd: '.', check: (b) => /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/.test(b) }],
  // API key SIDs (SK + 32 hex); auth tokens and API secrets are keyed.
  twilio: [{ prefix: 'SK', body: HEX, min: 32, max: 32 }],
  npm: [{ prefix: 'npm_', body: B62, min: 36, max: 36 }],
  // Macaroons of pypi.org and test.pypi.org ("pypi-" + base64 of their location).
  pypi: [{ prefix: 'pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)', body: B64URL, min: 50, max: 2000 }],
  // Service, batch and recovery tokens; the legacy "s." tokens are keyed.
  vault: [{ prefix: 'hv[sbr]\\.', body: B64URL, min: 24, max: 400 }],
  huggingface: [
    { prefix: 'hf_', body: 'A-Za-z', min: 34, max: 34, check: hasMixedCase },
    { prefix: 'api_org_', body: 'A-Za-z', min: 34, max: 34, check: hasMixedCase },
  ],
  shopify: [{ prefix: 'shp(?:at|ca|pa|ss)_', body: 'a-fA-F0-9', min: 32, max: 32 }],
  digitalocean: [{ prefix: 'do[opr]_v1_', body: HEX, min: 64, max: 64 }],
  heroku: [{ prefix: 'HRKU-AA', body: B64URL, min: 58, max: 58 }],
  databricks: [{ prefix: 'dapi', body: 'a-f0-9-', min: 32, max: 34, check: (b) => /^[a-f0-9]{32}(?:-[0-9])?$/.test(b) }],
  // API tokens (ATATT3…), Atlassian admin keys (ATCTT3…), Bitbucket app passwords (ATBB…).
  atlassian: [
    { prefix: 'AT[AC]TT3', body: 'A-Za-z0-9_=-', min: 150, max: 250 },
    { prefix: 'ATBB', body: B62, min: 28, max: 40, check: hasDigit },
  ],
  // Personal, service, service-account, CLI, SCIM and audit tokens.
  doppler: [{ prefix: 'dp\\.(?:pt|st|sa|ct|scim|audit)\\.', body: 'A-Za-z0-9._-', min: 40, max: 120, trimEnd: '.' }],
  linear: [
    { prefix: 'lin_api_', body: B62, min: 40, max: 40 },
    { prefix: 'lin_oauth_', body: HEX, min: 64, max: 64 },
  ],
  // Access tokens (sq0atp-, and the EAAA… form) and application secrets (sq0csp-).
  square: [
    { prefix: 'sq0(?:atp|csp)-', body: B64URL, min: 22, max: 60 },
    { prefix: 'EAAA', body: B64URL, min: 60, max: 60, check: (b) => hasDigit(b) && hasMixedCase(b) },
  ],
  // Service account tokens: "ops_" + base64 of a JSON object.
  onepassword: [{ prefix: 'ops_eyJ', body: 'A-Za-z0-9+/=_-', min: 200, max: 4000 }],
} as const satisfies Record<string, readonly PrefixedRule[]>;

/**
 * A shape with no prefix: a global regex and a check. The span is the whole match, or group 1
 * (`span: 'group'`), or, for a regex anchored on a rare character with the start read back in a
 * lookbehind, from group 1's start to the end of the match (`span: 'lookbehind'`).
 */
interface ShapeRule {
  readonly re: RegExp;
  readonly span?: 'group' | 'lookbehind';
  readonly check?: (value: string, text: string, start: number) => boolean;
}

function shapeSpans(rule: ShapeRule, text: string): Span[] {
  const out: Span[] = [];
  rule.re.lastIndex = 0;
  for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
    const group = m.indices?.[1];
    const start = rule.span === undefined ? m.index : group?.[0];
    const end = rule.span === 'group' ? group?.[1] : m.index + m[0].length;
    if (start === undefined || end === undefined || end <= start) continue;
    if (rule.check === undefined || rule.check(text.slice(start, end), text, start)) out.push({ start, end });
  }
  return out;
}

const MAILGUN_CONTEXT = /mailgun|\bmg\b|\bapi:$/i;
// Legacy Heroku keys are UUIDs and legacy Atlassian tokens 24 characters: only the vendor named
// just before (with a word for a key, for Heroku, whose UUIDs are everywhere) makes them keys.
const HEROKU = /heroku/gi;
const KEY_WORD = /key|token|secret|キー|トークン|clé|clave|schlüssel|jeton/i;
const ATLASSIAN_CONTEXT = /jira|confluence|atlassian|bitbucket/gi;
export const VENDOR_CONTEXT_WINDOW = 60;
const UUID = /(?<![A-Za-z0-9-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9-])/gi;
const ATLASSIAN_LEGACY = /(?<![A-Za-z0-9_-])[A-Za-z0-9]{24}(?![A-Za-z0-9_-])/g;

function herokuUuids(text: string): Span[] {
  return spansAfterContext(text, HEROKU, UUID, VENDOR_CONTEXT_WINDOW, 36).filter((s) =>
    KEY_WORD.test(text.slice(lineStartWithin(text, s.start, VENDOR_CONTEXT_WINDOW + 30), s.start)),
  );
}

function atlassianLegacy(text: string): Span[] {
  return spansAfterContext(text, ATLASSIAN_CONTEXT, ATLASSIAN_LEGACY, VENDOR_CONTEXT_WINDOW, 24).filter((s) => {
    const v = text.slice(s.start, s.end);
    return hasDigit(v) && hasMixedCase(v);
  });
}

const SHAPES = {
  // A service account key file: its key id (the key itself is a PEM, secret.private_key).
  google: [{ re: /private_key_id["']?\s*[:=]?\s*["']?([0-9a-f]{40})(?![0-9a-f])/dg, span: 'group' }],
  // Azure AD (Entra ID) client secrets: 3 characters, a digit, "Q~", 31-34 more.
  azure: [{ re: /Q~(?<=(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}[0-9])Q~)[A-Za-z0-9_~.-]{31,34}(?=\.?(?![A-Za-z0-9_~.-]))/dg, span: 'lookbehind' }],
  // Mailchimp API keys end in their data centre: -us1 … -us21.
  mailchimp: [{ re: /-us(?<=(?<![A-Za-z0-9])([0-9a-f]{32}-us))[0-9]{1,2}(?![A-Za-z0-9])/dg, span: 'lookbehind' }],
  // Mailgun private API keys ("key-" + 32 hex, where Mailgun is named nearby) and the current
  // 32-8-8 hex form of private and signing keys.
  mailgun: [
    { re: /(?<![A-Za-z0-9_-])key-[0-9a-f]{32}(?![A-Za-z0-9_-])/g, check: (_v: string, text: string, at: number) => hasContextBefore(text, at, MAILGUN_CONTEXT, 200) },
    { re: /-(?<=(?<![A-Za-z0-9_-])([0-9a-f]{32})-)[0-9a-f]{8}-[0-9a-f]{8}(?![A-Za-z0-9_-])/dg, span: 'lookbehind' },
  ],
  // 1Password account Secret Keys.
  onepassword: [{ re: /(?<![A-Za-z0-9-])A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9-])/g }],
  // Discord webhook URLs (the path is the secret).
  discord: [{ re: /discord(?:app)?\.com\/api\/webhooks\/(?<=(?<![A-Za-z0-9])((?:https?:\/\/)?(?:(?:ptb|canary)\.)?)discord(?:app)?\.com\/api\/webhooks\/)[0-9]{17,20}\/[A-Za-z0-9_-]{60,72}/dg, span: 'lookbehind' }],
} as const satisfies Record<string, readonly ShapeRule[]>;

/**
 * Discord bot tokens: base64url(user id) . timestamp (6-7) . HMAC (27-40). The first part must
 * decode to the bot's numeric id (17-20 digits), which is what tells it from other dotted words.
 */
const DISCORD_BOT = /\.(?<=(?<![A-Za-z0-9_.-])([A-Za-z0-9_-]{23,28})\.)[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}(?=\.?(?![A-Za-z0-9_.-]))/dg;

function decodesToSnowflake(segment: string): boolean {
  const bytes = decodeBase64(segment, 'url');
  return bytes !== undefined && /^[0-9]{17,20}$/.test(decodeUtf8(bytes));
}

function discordBotTokens(text: string): Span[] {
  const out: Span[] = [];
  DISCORD_BOT.lastIndex = 0;
  for (let m = DISCORD_BOT.exec(text); m !== null; m = DISCORD_BOT.exec(text)) {
    const start = m.indices?.[1]?.[0];
    if (start !== undefined && decodesToSnowflake(m[1]!)) out.push({ start, end: m.index + m[0].length });
  }
  return out;
}

function vendor(prefixed: readonly PrefixedRule[], shapes: readonly ShapeRule[] = [], extra?: (text: string) => Span[]): (text: string) => Span[] {
  return (text) => [
    ...prefixed.flatMap((rule) => prefixedTokenSpans(rule, text)),
    ...shapes.flatMap((rule) => shapeSpans(rule, text)),
    ...(extra === undefined ? [] : extra(text)),
  ];
}

export const detectGoogle = vendor(VENDOR_PREFIXED.google, SHAPES.google);
export const detectOpenai = vendor(VENDOR_PREFIXED.openai);
export const detectAnthropic = vendor(VENDOR_PREFIXED.anthropic);
export const detectGitlab = vendor(VENDOR_PREFIXED.gitlab);
export const detectSendgrid = vendor(VENDOR_PREFIXED.sendgrid);
export const detectTwilio = vendor(VENDOR_PREFIXED.twilio, [], (t) => keyedSpans(KEYED_RULES.twilio, t));
export const detectMailgun = vendor([], SHAPES.mailgun, (t) => keyedSpans(KEYED_RULES.mailgun, t));
export const detectMailchimp = vendor([], SHAPES.mailchimp);
export const detectNpm = vendor(VENDOR_PREFIXED.npm);
export const detectPypi = vendor(VENDOR_PREFIXED.pypi);
export const detectVault = vendor(VENDOR_PREFIXED.vault, [], (t) => keyedSpans(KEYED_RULES.vault, t));
export const detectHuggingface = vendor(VENDOR_PREFIXED.huggingface);
export const detectShopify = vendor(VENDOR_PREFIXED.shopify);
export const detectDigitalocean = vendor(VENDOR_PREFIXED.digitalocean);
export const detectHeroku = vendor(VENDOR_PREFIXED.heroku, [], (t) => [...herokuUuids(t), ...keyedSpans(KEYED_RULES.heroku, t)]);
export const detectDatabricks = vendor(VENDOR_PREFIXED.databricks);
export const detectAzure = vendor([], SHAPES.azure);
export const detectAtlassian = vendor(VENDOR_PREFIXED.atlassian, [], (t) => [...atlassianLegacy(t), ...keyedSpans(KEYED_RULES.atlassian, t)]);
export const detectDatadog = vendor([], [], (t) => keyedSpans(KEYED_RULES.datadog, t));
export const detectDiscord = vendor([], SHAPES.discord, (t) => [...discordBotTokens(t), ...keyedSpans(KEYED_RULES.discord, t)]);
export const detectDoppler = vendor(VENDOR_PREFIXED.doppler);
export const detectLinear = vendor(VENDOR_PREFIXED.linear);
export const detectSquare = vendor(VENDOR_PREFIXED.square);
export const detectOnepassword = vendor(VENDOR_PREFIXED.onepassword, SHAPES.onepassword);
