/**
 * Twenty ways a vendor token turns up in a ticket: env files, JSON and YAML config, CI logs, HTTP
 * requests, CLI output, quoted replies, Terraform, URLs, tables, prose in five languages, and one
 * token wrapped at the end of a full line. `{v}` is the token, `{vwrap}` the token broken over two
 * lines; `{NAME}`, `{json}`, `{slug}`, `{Vendor}` and `{cli}` name the vendor.
 */
export interface Vendor {
  readonly NAME: string;
  readonly json: string;
  readonly slug: string;
  readonly Vendor: string;
  readonly cli: string;
}

export const TOKEN_CONTEXTS: readonly string[] = [
  'export {NAME}={v}',
  '.env file we deploy with:\nAPP_ENV=production\n{NAME}="{v}"\nLOG_LEVEL=info',
  'Payload of our settings endpoint: {"{json}": "{v}", "timeout_ms": 3000}',
  'Our config (config/{slug}.yml):\n{slug}:\n  token: {v}\n  retries: 3',
  'I accidentally pasted our {Vendor} token in the build log: {v} - can you help me rotate it?',
  'de|Unser {Vendor}-Token ist {v}, bitte prüfen Sie, warum er abgelehnt wird.',
  'es|El token de {Vendor} que usamos es {v} y devuelve 401 desde ayer.',
  'fr|Voici le jeton {Vendor} : {v} (il ne fonctionne plus depuis hier).',
  'ja|{Vendor}のトークンは {v} です。認証エラーになります。',
  '2024-03-05T10:32:05Z ERROR auth failed token={v} status=401 retry=false',
  'The request we send:\nPOST /v1/sync HTTP/1.1\nAuthorization: Bearer {v}\nContent-Type: application/json',
  'From the CI settings (masked in the UI, but not in the export):\n```\n{NAME}={v}\n```',
  '$ {cli} --token {v} whoami\nError: 401 Unauthorized',
  '> my token: {v}\n> does not work with the new endpoint\nSame for us.',
  'terraform:\nprovider "{slug}" {\n  token = "{v}"\n}',
  'The webhook is https://hooks.example.net/ingest?source={slug}&token={v}&retry=1',
  'We rotated it on Friday (old value {v}) but the dashboard still shows the old one.',
  '| environment | token |\n|---|---|\n| staging | {v} |\n| prod | not set |',
  'Our deploy script prints the token on one long line when verbose logging is on: {vwrap}\nand then it fails.',
  'ja|設定ファイルの内容です：\n{NAME}={v}\n本番環境でのみ失敗します。',
];

export function vendorContext(template: string, v: Vendor): string {
  return template.replace(/\{(NAME|json|slug|Vendor|cli)\}/g, (_, k: keyof Vendor) => v[k]);
}
