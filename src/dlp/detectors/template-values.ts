/**
 * Values that stand for a secret without being one: shell and template variables (`$PASS`,
 * `${DB_PASSWORD}`, `$(cat token)`, `{{ .Values.pw }}`, `%s`, `%(password)s`), placeholders
 * (`<password>`, `YOUR_API_KEY`, `your-token-here`) and masks (`xxxx`). Documentation and
 * scripts are full of them, and they hold nothing. A real password may start with '$'
 * ("$!bXfa8%0d"): only a whole variable reference counts, not a leading '$'.
 */
// Shell variables by convention: $UPPER_CASE, ${...}, $(...); "$caZ9fe8db" is a password.
const TEMPLATE = new RegExp(
  [
    String.raw`^\$(?:\{[^}]*\}|\([^)]*\)|[A-Z_][A-Z0-9_]*)$`,
    String.raw`^%(?:\([A-Za-z_]+\))?[sd]$`,
    String.raw`^\{\{.*\}\}$`,
    String.raw`^<[^<>]*>$`,
    String.raw`^(?:your|my|YOUR|MY)[_-]?(?:[A-Za-z]+[_-])?(?:key|token|secret|password|pass|KEY|TOKEN|SECRET|PASSWORD|PASS)(?:[_-]?(?:here|HERE))?$`,
    String.raw`^[xX*]{3,}$`,
  ].join('|'),
  '',
);

export function isTemplateValue(value: string): boolean {
  return TEMPLATE.test(value);
}
