/**
 * Names that say a value is a secret: the words before an assignment's sign ("db_password",
 * "X-Api-Key", "client secret", "Passwort", "mot de passe") decide whether the value is judged as
 * a password, as a key or token, or not at all.
 */

/** Secret names, compared after NFKC and lower-casing; a multi-word name is its words joined by ' '. */
export const PASSWORD_NAMES: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pwd', 'pw', 'pword', 'pswd', 'psw', 'pass', 'passphrase', 'pass phrase', 'passcode',
  'passwort', 'kennwort', // de
  'contraseña', 'contrasena', 'clave', // es ("contrasena": typed without the tilde)
  'mot de passe', 'mdp', // fr
  'senha', // pt
  'wachtwoord', // nl
  'lösenord', 'passord', 'adgangskode', 'salasana', // sv, no, da, fi
  'hasło', 'haslo', 'heslo', 'jelszó', 'пароль', // pl, cs, hu, ru
  'パスワード', '暗証番号', '密码', '密碼', '비밀번호', // ja, zh, ko
]);
export const KEY_NAMES: ReadonlySet<string> = new Set([
  'key', 'apikey', 'secret', 'secretkey', 'token', 'accesskey', 'accesstoken', 'authtoken', 'privatekey',
  'clientsecret', 'credential', 'credentials', 'auth', 'authorization', 'apitoken', 'apisecret', 'sig',
]);
/**
 * A word before a key word that makes the name an identifier, not a secret: "Idempotency-Key",
 * "cache key", "primary key", "public key", "page token". Those values are ids and names that
 * tickets quote all the time, and redacting them hides what the customer is asking about.
 */
export const NOT_SECRET_QUALIFIERS: ReadonlySet<string> = new Set([
  'idempotency', 'cache', 'primary', 'foreign', 'partition', 'sort', 'range', 'public', 'publishable', 'object',
  'bucket', 'lookup', 'dedup', 'deduplication', 'routing', 'row', 'hash', 'composite', 'unique', 'natural',
  'surrogate', 'shard', 'translation', 'i18n', 'message', 'map', 'index', 'page', 'pagination', 'continuation',
  'next', 'sync', 'cursor', 'idempotence', 'correlation', 'request', 'trace', 'ticket', 'issue', 'jira', 'project',
  'order', 'tracking', 'product', 'item', 'sku', 'variant', 'feature', 'flag', 'cancellation',
]);
export const MAX_NAME_PHRASE_WORDS = 3;
/** "the password is: X", "Passwort ist: X", "la contraseña es: X", "a senha é: X", "la password è: X". */
export const LINKING_VERBS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'ist', 'lautet', 'es', 'est', 'é', 'è']);

export type SecretKind = 'password' | 'key';

export function nameWords(name: string): string[] {
  // NFKC: "ｐａｓｓｗｏｒｄ" (full-width) is "password", and "contraseña" is one form however typed.
  const folded = /[^\x00-\x7f]/.test(name) ? name.normalize('NFKC') : name;
  return folded
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** What the name says the value is, or undefined when it names no secret. */
export function secretKindOf(name: string): SecretKind | undefined {
  const words = nameWords(name);
  if (words.length > 1 && LINKING_VERBS.has(words[words.length - 1]!)) words.pop();
  for (let n = 1; n <= Math.min(MAX_NAME_PHRASE_WORDS, words.length); n++) {
    const phrase = words.slice(-n).join(' ');
    if (PASSWORD_NAMES.has(phrase)) return 'password';
    if (KEY_NAMES.has(phrase)) {
      const qualifier = words[words.length - n - 1];
      return qualifier !== undefined && NOT_SECRET_QUALIFIERS.has(qualifier) ? undefined : 'key';
    }
  }
  return undefined;
}
