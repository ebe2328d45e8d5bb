/**
 * Inputs built to make a detector backtrack or rescan: long runs of the characters each rule
 * reads, prefixes and signs repeated without end, separators without values, unclosed quotes and
 * blocks. Each is `size` characters (UTF-16 units) long. The unit test runs them at 100 KB as a
 * hang guard; the bench times them at 1 MB against the 0.5 s target.
 */
const REPEATED: Readonly<Record<string, string>> = {
  'digits and spaces': '1 ',
  'digits and dashes': '1-',
  'digits and dots': '4111.',
  'digit groups over line breaks': '4111\n',
  'at-signs': 'a@',
  'bracketed at and dot': 'a [at] b [dot] ',
  "the word 'at'": 'a at b dot ',
  'entity at-signs': 'x&#64;',
  'phone groups': '(1) ',
  'key signs without values': 'key= ',
  'token chains': 'token=',
  'password chains': 'password:',
  'password is, without a sign': 'my password is ',
  'Japanese password names': 'パスワード：1a',
  'IBAN starts': 'DE89 ',
  'IBAN dash groups': 'DE89-',
  'BEGIN lines without END': '-----BEGIN RSA PRIVATE KEY-----\n',
  'PuTTY headers': 'PuTTY-User-Key-File-3: ssh-rsa\n',
  'JWT-like headers': 'eyJhbGciOiJIUzI1NiJ9.',
  'dotted e-words': 'eyab.',
  'vendor prefixes': 'glpat-',
  'sk- prefixes': 'sk-',
  'npm prefixes': 'npm_a',
  'AIza prefixes': 'AIza-',
  'Slack prefixes': 'xoxb-',
  'URL schemes': 'a://b:c',
  'URL userinfo': 'redis://:p@',
  'curl flags': 'curl -u a:b -H "X-Api-Key: ',
  'Kubernetes data blocks': 'kind: Secret\ndata:\n  k: ',
  'table rows': '| password | ',
  'SSN context and digits': 'SSN 123-45-',
  'unclosed quotes': 'key: "',
  'line breaks': '\n',
  'spaces': ' ',
};

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

export function adversarialInputs(size: number): { readonly name: string; readonly text: string }[] {
  const inputs = Object.entries(REPEATED).map(([name, unit]) => ({ name, text: repeatTo(unit, size) }));
  const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let run = '';
  for (let i = 0; run.length < size; i++) run += base64[(i * 7 + (i >> 6)) % 64];
  inputs.push(
    { name: 'one base64 run', text: run.slice(0, size) },
    { name: 'one letter run before an address', text: `${'a'.repeat(size - 12)}@example.com` },
    { name: 'a name of long words before a sign', text: repeatTo(`${'é'.repeat(64)} `, size - 1) + ':' },
    { name: 'aws context and 40-character runs', text: repeatTo(`aws secret ${base64.slice(0, 40)} `, size) },
    { name: 'dot-separated digit groups', text: repeatTo('1.22.333.', size) },
  );
  return inputs;
}
