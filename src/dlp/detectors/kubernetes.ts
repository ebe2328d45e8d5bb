/**
 * secret.kubernetes: the values of a Kubernetes Secret manifest (`kind: Secret`), as pasted from
 * `kubectl get secret -o yaml` or a chart: every entry under `data:` (base64) and `stringData:`
 * (plain text), in YAML or JSON. The keys stay visible, the values are the spans. Any value counts,
 * however short or plain: the manifest says it is secret. Not values: an empty one, a template
 * (`{{ .Values.password }}`, `${PASSWORD}`), a placeholder (`<base64>`, `[SECRET_1]`).
 *
 * A data block belongs to a Secret when a `kind: Secret` line stands in the same YAML document
 * (between the same `---` separators) at most WINDOW characters away; positions of those lines
 * are collected once, so the scan is linear however many blocks the text holds.
 */
import type { Span } from '../types.js';
import { isTemplateValue } from './template-values.js';

export const WINDOW = 4000;
const KIND_SECRET = /^[ \t-]*["']?kind["']?[ \t]*:[ \t]*["']?Secret["']?[ \t,]*$/gm;
const SEPARATOR = /^---/gm;
const YAML_DATA = /^([ \t]*)(?:data|stringData)[ \t]*:[ \t]*$/gm;
const YAML_ENTRY = /^([ \t]*)["']?[A-Za-z0-9._-]+["']?[ \t]*:[ \t]*(.*?)[ \t]*$/;
const JSON_KIND = /"kind"\s*:\s*"Secret"/g;
const JSON_DATA = /"(?:data|stringData)"\s*:\s*\{/g;
const JSON_ENTRY = /\s*"[A-Za-z0-9._-]+"\s*:\s*"((?:[^"\\\n]|\\.){0,4096})"\s*,?/y;
const NOT_A_VALUE = /^(?:|\[[A-Z][A-Z0-9_]*\]|~|null|""|'')$/;

function positions(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m.index);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Index of the last element <= x, or -1. */
function floorIndex(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function inSecretDocument(at: number, kinds: readonly number[], separators: readonly number[]): boolean {
  const sep = floorIndex(separators, at);
  const docStart = sep === -1 ? 0 : separators[sep]!;
  const docEnd = sep + 1 < separators.length ? separators[sep + 1]! : Infinity;
  const before = floorIndex(kinds, at);
  const after = before + 1;
  return (
    (before !== -1 && kinds[before]! >= docStart && at - kinds[before]! <= WINDOW) ||
    (after < kinds.length && kinds[after]! < docEnd && kinds[after]! - at <= WINDOW)
  );
}

function unquote(value: string, start: number): Span {
  const q = value[0];
  if ((q === '"' || q === "'") && value.length >= 2 && value[value.length - 1] === q) return { start: start + 1, end: start + value.length - 1 };
  return { start, end: start + value.length };
}

function pushValue(out: Span[], text: string, span: Span): void {
  const value = text.slice(span.start, span.end).trim();
  if (span.end > span.start && !NOT_A_VALUE.test(value) && !isTemplateValue(value) && !/^\{\{/.test(value)) out.push(span);
}

function yamlValues(text: string, out: Span[]): void {
  const kinds = positions(KIND_SECRET, text);
  if (kinds.length === 0) return;
  const separators = positions(SEPARATOR, text);
  let done = 0;
  YAML_DATA.lastIndex = 0;
  for (let m = YAML_DATA.exec(text); m !== null; m = YAML_DATA.exec(text)) {
    if (m.index < done || !inSecretDocument(m.index, kinds, separators)) continue;
    const indent = m[1]!.length;
    let at = m.index + m[0].length + 1;
    let block: { indent: number } | undefined; // inside a `|` or `>` block scalar
    while (at < text.length) {
      const eol = text.indexOf('\n', at);
      const lineEnd = eol === -1 ? text.length : eol;
      const line = text.slice(at, lineEnd).replace(/\r$/, '');
      const lineIndent = line.length - line.trimStart().length;
      if (line.trim().length === 0) {
        at = lineEnd + 1;
        continue;
      }
      if (lineIndent <= indent) break;
      if (block !== undefined && lineIndent > block.indent) {
        pushValue(out, text, { start: at + lineIndent, end: at + line.trimEnd().length });
      } else {
        block = undefined;
        const e = YAML_ENTRY.exec(line);
        if (e === null) break;
        const value = e[2] ?? '';
        if (/^[|>][-+]?$/.test(value)) block = { indent: lineIndent };
        // The value ends where the line's text does.
        else pushValue(out, text, unquote(value, at + line.trimEnd().length - value.length));
      }
      at = lineEnd + 1;
    }
    done = at;
    YAML_DATA.lastIndex = Math.max(YAML_DATA.lastIndex, at);
  }
}

function jsonValues(text: string, out: Span[]): void {
  const kinds = positions(JSON_KIND, text);
  if (kinds.length === 0) return;
  JSON_DATA.lastIndex = 0;
  for (let m = JSON_DATA.exec(text); m !== null; m = JSON_DATA.exec(text)) {
    if (!inSecretDocument(m.index, kinds, [])) continue;
    JSON_ENTRY.lastIndex = m.index + m[0].length;
    for (let e = JSON_ENTRY.exec(text); e !== null; e = JSON_ENTRY.exec(text)) {
      const start = e.index + e[0].indexOf('"', e[0].indexOf(':')) + 1;
      pushValue(out, text, { start, end: start + e[1]!.length });
    }
    JSON_DATA.lastIndex = Math.max(JSON_DATA.lastIndex, JSON_ENTRY.lastIndex);
  }
}

export function detectKubernetes(text: string): Span[] {
  const out: Span[] = [];
  yamlValues(text, out);
  jsonValues(text, out);
  return out;
}
