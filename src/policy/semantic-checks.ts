/**
 * Checks of what a WPC means, beyond its structure: contradictions, rules that cannot take
 * effect, duplicates, names the catalog does not know.
 *
 * They read the raw document defensively (skipping entries the schema already reports), so one
 * validation pass reports structural and semantic problems together.
 */
import { ACTION_CATALOG, canonicalActionName, lookupAction } from './actions.js';
import { closestName } from './did-you-mean.js';
import { DLP_PATTERNS, type DlpPatternName } from './dlp-patterns.js';
import { formatPointer, type PointerSegment } from './json-pointer.js';
import { wpcProblem, type Problem } from './problems.js';
import type { WpcShape } from './schema.js';

interface ShapePaths {
  readonly allow: readonly string[];
  readonly deny: readonly string[];
  readonly approval: readonly string[] | null;
  readonly dlpRules: readonly string[];
  readonly otherLists: readonly (readonly string[])[];
}

const PATHS: Readonly<Record<WpcShape, ShapePaths>> = {
  routing: {
    allow: ['tools', 'allow'],
    deny: ['tools', 'deny'],
    approval: ['high_risk_actions', 'requires_approval'],
    dlpRules: ['outputs', 'redaction', 'dlp_rules'],
    otherLists: [['outputs', 'required_fields']],
  },
  zendesk: {
    allow: ['allowed_actions'],
    deny: ['denied_actions'],
    approval: null,
    dlpRules: ['data_handling', 'dlp_rules'],
    otherLists: [['data_handling', 'redact_fields']],
  },
};

interface ActionEntry {
  readonly action: string;
  readonly written: string;
  readonly pointer: string;
}

export function semanticProblems(doc: Readonly<Record<string, unknown>>, shape: WpcShape): Problem[] {
  const paths = PATHS[shape];
  const problems: Problem[] = [];
  const allowRaw = valueAt(doc, paths.allow);
  const allow = actionEntries(doc, paths.allow);
  const deny = actionEntries(doc, paths.deny);
  const approval = paths.approval === null ? [] : actionEntries(doc, paths.approval);

  for (const entries of [allow, deny, approval]) {
    problems.push(...duplicateActions(entries), ...unknownActions(entries));
  }

  if (allowRaw === undefined && isObjectAt(doc, paths.allow.slice(0, -1))) {
    problems.push(
      wpcProblem(
        formatPointer(paths.allow.slice(0, -1)),
        'WPC_NO_ALLOW_LIST',
        `this WPC has no allow list (\`${formatPointer(paths.allow)}\`): every catalogued action that is not denied may run, ` +
          'and uncatalogued actions are refused',
        'warning',
      ),
    );
  }

  const allowed = new Set(allow.map((e) => e.action));
  for (const entry of deny) {
    if (allowed.has(entry.action)) {
      const allowEntry = allow.find((e) => e.action === entry.action);
      problems.push(
        wpcProblem(
          entry.pointer,
          'WPC_CONTRADICTION_ALLOW_DENY',
          `${entry.action} is both allowed (\`${allowEntry?.pointer ?? formatPointer(paths.allow)}\`) and denied (\`${entry.pointer}\`); ` +
            'remove it from one list (deny would win, but a contradictory policy is rejected)',
        ),
      );
    }
  }

  const denied = new Map(deny.map((e) => [e.action, e]));
  // Only in apply mode could an approval let a write run. In propose_only mode no write is ever
  // applied, so listing denied writes as high-risk is a consistent declaration (the routing seed
  // does it), not a mistake worth a warning.
  const applies = valueAt(doc, ['outputs', 'mode']) === 'apply';
  for (const entry of approval) {
    const denyEntry = denied.get(entry.action);
    if (denyEntry !== undefined && applies) {
      problems.push(
        wpcProblem(
          entry.pointer,
          'WPC_APPROVAL_FOR_DENIED_ACTION',
          `${entry.action} requires approval here but is denied at \`${denyEntry.pointer}\`: deny wins, so no approval can ` +
            'ever let it run (it can still be proposed)',
          'warning',
        ),
      );
    }
    const info = lookupAction(entry.action);
    if (info !== undefined && info.kind !== 'write') {
      problems.push(
        wpcProblem(
          entry.pointer,
          'WPC_APPROVAL_FOR_NON_WRITE',
          `${entry.action} is a ${info.kind} action; approvals are bound to proposals of writes (phase 2), so this ` +
            'requirement could never be met or checked',
        ),
      );
    }
  }

  problems.push(...dlpRuleProblems(doc, paths.dlpRules));
  for (const path of paths.otherLists) problems.push(...duplicateValues(doc, path));
  if (shape === 'routing') problems.push(...routingRedactionProblems(doc));
  return problems;
}

function actionEntries(doc: unknown, path: readonly string[]): ActionEntry[] {
  const list = valueAt(doc, path);
  if (!Array.isArray(list)) return [];
  const entries: ActionEntry[] = [];
  list.forEach((written: unknown, i) => {
    const action = canonicalActionName(written);
    if (action !== null) entries.push({ action, written: written as string, pointer: formatPointer([...path, i]) });
  });
  return entries;
}

function duplicateActions(entries: readonly ActionEntry[]): Problem[] {
  const seen = new Map<string, ActionEntry>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const first = seen.get(entry.action);
    if (first === undefined) {
      seen.set(entry.action, entry);
      continue;
    }
    const spelling = first.written === entry.written ? '' : ` (as ${JSON.stringify(first.written)}; \`:\` and \`.\` name the same action)`;
    problems.push(
      wpcProblem(entry.pointer, 'WPC_DUPLICATE_ENTRY', `${entry.action} is already listed at \`${first.pointer}\`${spelling}`, 'warning'),
    );
  }
  return problems;
}

const CATALOG_NAMES: readonly string[] = ACTION_CATALOG.map((a) => a.name);

/**
 * An action the catalog does not know is an error: its effect is unknown, and it is nearly always
 * a typo that would silently leave the intended action unlisted (allowed, denied or gated).
 */
function unknownActions(entries: readonly ActionEntry[]): Problem[] {
  return entries
    .filter((entry) => lookupAction(entry.action) === undefined)
    .map((entry) => wpcProblem(entry.pointer, 'WPC_UNKNOWN_ACTION', unknownActionMessage(entry)));
}

function unknownActionMessage(entry: ActionEntry): string {
  const known = `\`${entry.written}\` is not an action the catalog knows`;
  const suggestion = closestName(entry.action, CATALOG_NAMES);
  if (suggestion === null) return `${known}; name a catalogued action (its effect would be unknown)`;
  // Suggest in the author's spelling: `tickets:delet` -> `tickets:delete`.
  const spelled = entry.written.includes(':') && !entry.written.includes('.') ? suggestion.replace(/\./g, ':') : suggestion;
  return `${known}; did you mean \`${spelled}\`?`;
}

function dlpRuleProblems(doc: unknown, path: readonly string[]): Problem[] {
  const rules = valueAt(doc, path);
  if (!Array.isArray(rules)) return [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  rules.forEach((rule: unknown, i) => {
    if (typeof rule !== 'object' || rule === null) return;
    const { type, pattern } = rule as { type?: unknown; pattern?: unknown };
    if (typeof pattern !== 'string' || !Object.hasOwn(DLP_PATTERNS, pattern)) return;
    const info = DLP_PATTERNS[pattern as DlpPatternName];
    if ((type === 'secret' || type === 'pii') && type !== info.type) {
      problems.push(
        wpcProblem(
          formatPointer([...path, i, 'type']),
          'WPC_DLP_TYPE_MISMATCH',
          `pattern ${JSON.stringify(pattern)} detects ${info.type === 'pii' ? 'personal data' : 'secrets'}, so its rule type must be ` +
            `${JSON.stringify(info.type)}, not ${JSON.stringify(type)}`,
        ),
      );
    }
    const key = `${String(type)}\u0000${pattern}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      problems.push(
        wpcProblem(formatPointer([...path, i]), 'WPC_DUPLICATE_ENTRY', `this DLP rule repeats \`${formatPointer([...path, first])}\``, 'warning'),
      );
    }
  });
  return problems;
}

function duplicateValues(doc: unknown, path: readonly string[]): Problem[] {
  const list = valueAt(doc, path);
  if (!Array.isArray(list)) return [];
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  list.forEach((value: unknown, i) => {
    if (typeof value !== 'string') return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else {
      problems.push(
        wpcProblem(formatPointer([...path, i]), 'WPC_DUPLICATE_ENTRY', `${JSON.stringify(value)} is already listed at \`${formatPointer([...path, first])}\``, 'warning'),
      );
    }
  });
  return problems;
}

function routingRedactionProblems(doc: unknown): Problem[] {
  const required = valueAt(doc, ['outputs', 'redaction', 'required']);
  const rules = valueAt(doc, ['outputs', 'redaction', 'dlp_rules']);
  const ruleCount = Array.isArray(rules) ? rules.length : 0;
  if (required === true && ruleCount === 0) {
    return [
      wpcProblem(
        '/outputs/redaction/required',
        'WPC_REDACTION_DEFAULT_DETECTORS',
        'redaction is required but no dlp_rules are listed: every secret and PII detector will run',
        'warning',
      ),
    ];
  }
  if (required === false && ruleCount > 0) {
    return [
      wpcProblem(
        '/outputs/redaction/required',
        'WPC_REDACTION_RULES_WITHOUT_REQUIRED',
        'redaction.required is false but dlp_rules are listed: the rules are enforced anyway (fail closed)',
        'warning',
      ),
    ];
  }
  return [];
}

function valueAt(doc: unknown, path: readonly PointerSegment[]): unknown {
  let current: unknown = doc;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, segment)) {
      return undefined;
    }
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function isObjectAt(doc: unknown, path: readonly PointerSegment[]): boolean {
  const value = valueAt(doc, path);
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
