/**
 * Fake credentials and PII in the exact formats of real ones, generated from a seeded PRNG at run
 * time (the repository holds no literal that a secret scanner would flag). Each generator takes
 * the case's index, so the cases of a family cover the format's variants (token types, issuers,
 * countries, layouts).
 */
import { base64Encode, base64urlEncode, utf8Encode } from '../../../src/core/bytes.js';
import { BASE62, BASE64, DIGITS, HEX, LOWER, Rng, UPPER, fake } from '../helpers.js';

export const B64URL = BASE62 + '-_';
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'.toUpperCase();
const UPPER_ALNUM = UPPER + DIGITS;

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length]!;

/** A body of `n` characters that starts and ends with a letter or digit (vendors' bodies do). */
function body(r: Rng, alphabet: string, n: number): string {
  const inner = r.chars(alphabet, n);
  return r.chars(BASE62, 1) + inner.slice(1, -1) + r.chars(BASE62, 1);
}

export const gen = {
  awsKeyId: (r: Rng, i: number) => fake.awsKeyId(r, pick(['AKIA', 'ASIA', 'AKIA', 'ABIA'], i)),
  awsSecret: (r: Rng) => {
    for (;;) {
      const v = r.chars(BASE64, 40);
      if (/[a-z]/.test(v) && /[A-Z]/.test(v) && /[0-9]/.test(v)) return v;
    }
  },
  github: (r: Rng, i: number) =>
    i % 5 === 4 ? fake.githubFineGrained(r) : fake.github(r, pick(['ghp', 'gho', 'ghu', 'ghs', 'ghr'] as const, i)),
  slack: (r: Rng, i: number) =>
    pick([() => fake.slack(r, 'xoxb'), () => fake.slack(r, 'xoxp'), () => fake.slackApp(r), () => fake.slackWebhook(r), () => fake.slack(r, 'xoxa')], i)(),
  stripe: (r: Rng, i: number) =>
    i % 5 === 4 ? fake.stripeWebhook(r) : fake.stripe(r, pick(['sk', 'rk', 'sk', 'sk'] as const, i), pick(['live', 'test'] as const, i)),
  jwt: (r: Rng, i: number) => {
    const headers: object[] = [{ alg: 'HS256', typ: 'JWT' }, { typ: 'JWT', alg: 'HS256' }, { alg: 'ES256', kid: `k${r.chars(DIGITS, 4)}` }];
    const variant = i % 5;
    if (variant === 3) {
      // Pretty-printed header: base64url of '{\n  "alg"…' starts "ewog", not "eyJ".
      const header = base64urlEncode(utf8Encode(`{\n  "alg": "HS256",\n  "typ": "JWT"\n}`));
      return `${header}.${base64urlEncode(utf8Encode(JSON.stringify({ sub: r.chars(DIGITS, 8) })))}.${r.chars(B64URL, 43)}`;
    }
    if (variant === 4) {
      const header = base64urlEncode(utf8Encode(`{ "alg": "RS256", "typ": "JWT" }`));
      return `${header}.${base64urlEncode(utf8Encode(JSON.stringify({ sub: r.chars(DIGITS, 8), scope: 'admin' })))}.${r.chars(B64URL, 342)}`;
    }
    const jwt = fake.jwt(r, pick(headers, i));
    return pick(headers, i) === headers[2] ? `${jwt.slice(0, jwt.lastIndexOf('.'))}.${r.chars(B64URL, 86)}` : jwt;
  },
  pem: (r: Rng, i: number) => {
    // Each label with the first bytes its body really has (an ASN.1 SEQUENCE is "MI…", an
    // OpenSSH key "b3BlbnNzaC1rZXktdjE…"), then random base64 in 64-character lines.
    const [label, magic] = pick(PEM_KINDS, i);
    const lines = 3 + (i % 4);
    const b64 = magic + r.chars(BASE64, 64 * lines - magic.length - 44);
    const body = b64.match(/.{1,64}/g)!.join('\n');
    const armor = label.startsWith('PGP') ? 'Version: GnuPG v2\n\n' : '';
    return `-----BEGIN ${label}-----\n${armor}${body}\n-----END ${label}-----`;
  },
  ppk: (r: Rng, i: number) => {
    const v3 = i % 2 === 0;
    const lines = [
      `PuTTY-User-Key-File-${v3 ? 3 : 2}: ssh-${i % 3 === 0 ? 'rsa' : 'ed25519'}`,
      `Encryption: none`,
      `Comment: ${pick(['rsa-key', 'eddsa-key', 'deploy'], i)}-2024030${1 + (i % 8)}`,
      `Public-Lines: 2`,
      r.chars(BASE64, 64),
      r.chars(BASE64, 24) + '=',
      `Private-Lines: 1`,
      r.chars(BASE64, 44),
      `Private-MAC: ${r.chars(HEX, 64)}`,
    ];
    return lines.join('\n');
  },
  age: (r: Rng) => `AGE-SECRET-KEY-1${r.chars(BECH32, 58)}`,
  googleKey: (r: Rng) => `AIza${r.chars(B64URL, 35)}`,
  googleOther: (r: Rng, i: number) => (i % 2 === 0 ? `GOCSPX-${r.chars(B64URL, 28)}` : `ya29.${'a0'}${r.chars(B64URL, 150)}`),
  gcpKeyId: (r: Rng) => r.chars(HEX, 40),
  openai: (r: Rng, i: number) =>
    pick(
      [
        () => `sk-proj-${body(r, B64URL, 74)}T3BlbkFJ${body(r, B64URL, 74)}`,
        () => `sk-${r.chars(BASE62, 20)}T3BlbkFJ${r.chars(BASE62, 20)}`,
        () => `sk-svcacct-${body(r, B64URL, 58)}T3BlbkFJ${body(r, B64URL, 58)}`,
        () => `sk-admin-${body(r, B64URL, 58)}T3BlbkFJ${body(r, B64URL, 58)}`,
        () => `sk-${r.chars(BASE62, 48)}`,
      ],
      i,
    )(),
  anthropic: (r: Rng, i: number) => `sk-ant-${pick(['api03', 'api03', 'admin01'], i)}-${body(r, B64URL, 93)}AA`,
  card: (r: Rng, i: number) => {
    const issuers: [string, number][] = [['4', 16], ['51', 16], ['2221', 16], ['37', 15], ['6011', 16], ['3530', 16], ['4', 19], ['55', 16], ['36', 14], ['62', 16]];
    const [prefix, length] = pick(issuers, i);
    return fake.card(r, prefix, length);
  },
  iban: (r: Rng, i: number) => {
    const formats: [string, number, string][] = [['DE', 22, DIGITS], ['FR', 27, DIGITS], ['ES', 24, DIGITS], ['NL', 18, UPPER_ALNUM], ['GB', 22, UPPER_ALNUM], ['IT', 27, UPPER_ALNUM], ['CH', 21, DIGITS], ['AT', 20, DIGITS], ['BE', 16, DIGITS], ['PL', 28, DIGITS]];
    const [country, length, alphabet] = pick(formats, i);
    const bban = country === 'NL' || country === 'GB' ? r.chars(UPPER, 4) + r.chars(DIGITS, length - 8) : r.chars(alphabet, length - 4);
    return fake.iban(country, bban);
  },
  ssn: (r: Rng) => {
    for (;;) {
      const area = 1 + r.int(899);
      if (area === 666) continue;
      const group = 1 + r.int(99);
      const serial = 1 + r.int(9999);
      return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
    }
  },
  gitlab: (r: Rng, i: number) =>
    pick([() => `glpat-${r.chars(B64URL, 20)}`, () => `gldt-${r.chars(B64URL, 20)}`, () => `glrt-${r.chars(B64URL, 20)}`, () => `glptt-${r.chars(HEX, 40)}`, () => `GR1348941${r.chars(B64URL, 20)}`, () => `glpat-${r.chars(B64URL, 36)}.01.${r.chars(LOWER + DIGITS, 9)}`], i)(),
  sendgrid: (r: Rng) => `SG.${r.chars(B64URL, 22)}.${r.chars(B64URL, 43)}`,
  twilioSid: (r: Rng) => `SK${r.chars(HEX, 32)}`,
  twilioToken: (r: Rng) => r.chars(HEX, 32),
  mailgun: (r: Rng, i: number) => (i % 2 === 0 ? `key-${r.chars(HEX, 32)}` : `${r.chars(HEX, 32)}-${r.chars(HEX, 8)}-${r.chars(HEX, 8)}`),
  mailchimp: (r: Rng, i: number) => `${r.chars(HEX, 32)}-us${1 + (i % 21)}`,
  npm: (r: Rng) => `npm_${r.chars(BASE62, 36)}`,
  pypi: (r: Rng, i: number) => `pypi-AgE${i % 4 === 3 ? 'NdGVzdC5weXBpLm9yZw' : 'IcHlwaS5vcmc'}${r.chars(B64URL, 150)}`,
  vault: (r: Rng, i: number) => (i % 4 === 3 ? `hvb.${r.chars(B64URL, 140)}` : `hvs.${r.chars(B64URL, 90)}`),
  vaultLegacy: (r: Rng) => `s.${fakeMixed(r, 24)}`,
  huggingface: (r: Rng, i: number) => `${i % 4 === 3 ? 'api_org_' : 'hf_'}${fakeLetters(r, 34)}`,
  shopify: (r: Rng, i: number) => `${pick(['shpat', 'shpca', 'shppa', 'shpss'], i)}_${r.chars(HEX, 32)}`,
  digitalocean: (r: Rng, i: number) => `${pick(['dop', 'doo', 'dor'], i)}_v1_${r.chars(HEX, 64)}`,
  herokuV2: (r: Rng) => `HRKU-AA${r.chars(B64URL, 58)}`,
  uuid: (r: Rng) => `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-${r.pick(['8', '9', 'a', 'b'])}${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`,
  databricks: (r: Rng, i: number) => `dapi${r.chars(HEX, 32)}${i % 3 === 2 ? '-2' : ''}`,
  azure: (r: Rng) => `${r.chars(BASE62, 3)}${r.int(10)}Q~${r.chars(BASE62 + '_~.-', 33)}${r.chars(BASE62, 1)}`,
  atlassian: (r: Rng, i: number) => (i % 3 === 2 ? `ATBB${r.chars(BASE62, 32)}` : `ATATT3${r.chars(B64URL, 182)}=${r.chars(UPPER_ALNUM, 8)}`),
  atlassianLegacy: (r: Rng) => fakeMixed(r, 24),
  datadog: (r: Rng, i: number) => r.chars(HEX, i % 2 === 0 ? 32 : 40),
  discordBot: (r: Rng) => {
    const id = String(1 + r.int(9)) + r.chars(DIGITS, 17);
    return `${base64urlEncode(utf8Encode(id))}.${r.chars(B64URL, 6)}.${r.chars(B64URL, 38)}`;
  },
  discordWebhook: (r: Rng) => `https://discord.com/api/webhooks/${String(1 + r.int(9))}${r.chars(DIGITS, 18)}/${r.chars(B64URL, 68)}`,
  doppler: (r: Rng, i: number) => `dp.${pick(['pt', 'st', 'sa', 'ct'], i)}.${r.chars(BASE62, 43)}`,
  linear: (r: Rng, i: number) => (i % 4 === 3 ? `lin_oauth_${r.chars(HEX, 64)}` : `lin_api_${r.chars(BASE62, 40)}`),
  square: (r: Rng, i: number) => pick([() => `sq0atp-${r.chars(B64URL, 22)}`, () => `sq0csp-${r.chars(B64URL, 43)}`, () => `EAAA${fakeMixed(r, 60)}`], i)(),
  onepassword: (r: Rng, i: number) =>
    i % 2 === 0
      ? `A3-${r.chars(UPPER_ALNUM, 6)}-${r.chars(UPPER_ALNUM, 6)}-${r.chars(UPPER_ALNUM, 5)}-${r.chars(UPPER_ALNUM, 5)}-${r.chars(UPPER_ALNUM, 5)}-${r.chars(UPPER_ALNUM, 5)}`
      : `ops_${base64Encode(utf8Encode(JSON.stringify({ signInAddress: 'my.1password.com', userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: r.chars(B64URL, 22) }, email: `${r.chars(LOWER, 26)}@1passwordserviceaccounts.com`, srpX: r.chars(HEX, 64), muk: { alg: 'A256GCM', ext: true, k: r.chars(B64URL, 43), key_ops: ['encrypt', 'decrypt'], kty: 'oct', kid: 'mp' }, secretKey: `A3-${r.chars(UPPER_ALNUM, 6)}`, throttleSecret: { seed: r.chars(HEX, 64), uuid: r.chars(UPPER_ALNUM, 26) }, deviceUuid: r.chars(LOWER + DIGITS, 26) })))}`,
  k8sValue: (r: Rng) => base64Encode(utf8Encode(r.chars(BASE62 + '!#%', 12 + r.int(12)))),
  password: (r: Rng, i: number) =>
    pick(
      [
        () => `${r.pick(['Sunflower', 'Kestrel', 'Blueberry', 'Marathon', 'Lighthouse', 'Girasol', 'Tournesol', 'Sonnenblume'])}${r.pick(['-', '_', '', '.', '#'])}${1000 + r.int(1099)}${r.pick(['!', '?', '$', '*', '%'])}`,
        () => r.chars(BASE62 + '!#%&*', 14),
        () => `${r.chars(LOWER, 3)}${r.int(10)}${r.chars(UPPER, 2)}${r.pick(['!', '@', '&'])}${r.chars(LOWER + DIGITS, 4)}`,
      ],
      i,
    )(),
  passphrase: (r: Rng) => Array.from({ length: 4 }, () => r.pick(PASSPHRASE_WORDS)).join(' '),
  email: (r: Rng) => `${r.pick(['jane.doe', 'j.muller', 'carlos.ruiz', 'amelie.martin', 'taro.yamada', 'ops-team', 'b.kowalski', 'sam+billing'])}${r.int(100)}@${r.pick(['example.com', 'mail.example.de', 'correo.example.es', 'example.co.uk', 'example.fr', 'example.co.jp'])}`,
};

const PEM_KINDS: readonly (readonly [string, string])[] = [
  ['RSA PRIVATE KEY', 'MIIEowIBAAKCAQEA'],
  ['PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'],
  ['EC PRIVATE KEY', 'MHcCAQEEI'],
  ['OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB'],
  ['ENCRYPTED PRIVATE KEY', 'MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI'],
  ['PGP PRIVATE KEY BLOCK', 'lQOYBGX'],
];

const PASSPHRASE_WORDS = ['correct', 'horse', 'battery', 'staple', 'violet', 'tractor', 'lagoon', 'pepper', 'glacier', 'orbit', 'walnut', 'canyon', 'saffron', 'otter', 'meadow', 'copper', 'falcon', 'tundra', 'velvet', 'maple'];

function fakeMixed(r: Rng, n: number): string {
  for (;;) {
    const v = r.chars(BASE62, n);
    if (/[a-z]/.test(v) && /[A-Z]/.test(v) && /[0-9]/.test(v)) return v;
  }
}

function fakeLetters(r: Rng, n: number): string {
  for (;;) {
    const v = r.chars(UPPER + LOWER, n);
    if (/[a-z]/.test(v) && /[A-Z]/.test(v)) return v;
  }
}

