import { describe, expect, it } from 'vitest';
import { validateWpc } from '../../src/policy/validate.js';
import { fixture, fixtureNames } from './fixtures.js';

type Row = [pointer: string, code: string, severity: string];

function problemsOf(value: unknown, strict = false): Row[] {
  const result = validateWpc(value, { strict });
  const list = result.ok ? result.warnings : result.problems;
  return list.map((p) => [p.pointer, p.code, p.severity]);
}

function routing(edit: (doc: Record<string, any>) => void = () => {}): Record<string, any> {
  const doc = fixture('ticket-routing.wpc.json');
  edit(doc);
  return doc;
}

function zendesk(edit: (doc: Record<string, any>) => void = () => {}): Record<string, any> {
  const doc = fixture('zendesk.wpc.json');
  edit(doc);
  return doc;
}

describe('validateWpc: the seeds as written', () => {
  it('accepts the ticket-routing seed without warnings: in propose_only mode, denied writes listed as high-risk are consistent', () => {
    const result = validateWpc(routing());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.shape).toBe('routing');
    expect(problemsOf(routing())).toEqual([]);
  });

  it('accepts the Zendesk seed without warnings', () => {
    const result = validateWpc(zendesk());
    expect(result.ok && result.shape).toBe('zendesk');
    expect(problemsOf(zendesk())).toEqual([]);
  });

  it('returns the document unchanged as `wpc` (no defaults are filled in)', () => {
    const result = validateWpc(zendesk());
    expect(result.ok && result.wpc).toEqual(zendesk());
  });

  it('under strict, still accepts the routing seed', () => {
    expect(validateWpc(routing(), { strict: true }).ok).toBe(true);
  });

  it('under strict, still accepts the Zendesk seed', () => {
    expect(validateWpc(zendesk(), { strict: true }).ok).toBe(true);
  });

  it.each(fixtureNames())('accepts the fixture %s', (name) => {
    expect(validateWpc(fixture(name)).ok).toBe(true);
  });

  it.each(fixtureNames('invalid'))('rejects the deliberately invalid fixture %s', (name) => {
    expect(validateWpc(fixture(`invalid/${name}`)).ok).toBe(false);
  });
});

describe('validateWpc: each problem class names its place and code', () => {
  const cases: [string, unknown, Row][] = [
    ['a non-object document', [], ['', 'WPC_NOT_OBJECT', 'error']],
    ['null', null, ['', 'WPC_NOT_OBJECT', 'error']],
    ['a document of neither shape', { wpc_version: '1' }, ['', 'WPC_SHAPE_UNKNOWN', 'error']],
    ['an unknown top-level field', routing((d) => (d.owner = 'me')), ['/owner', 'WPC_UNKNOWN_FIELD', 'error']],
    ['a misspelt nested field', routing((d) => (d.tools.alow = [])), ['/tools/alow', 'WPC_UNKNOWN_FIELD', 'error']],
    ['an unknown field in a DLP rule', routing((d) => (d.outputs.redaction.dlp_rules[1].x = 1)), ['/outputs/redaction/dlp_rules/1/x', 'WPC_UNKNOWN_FIELD', 'error']],
    ['a missing required field', routing((d) => delete d.outputs.mode), ['/outputs/mode', 'WPC_MISSING_FIELD', 'error']],
    ['a missing Zendesk field', zendesk((d) => delete d.write_approval), ['/write_approval', 'WPC_MISSING_FIELD', 'error']],
    ['a wrong type', routing((d) => (d.limits.max_concurrency = '5')), ['/limits/max_concurrency', 'WPC_TYPE', 'error']],
    ['a fractional limit', routing((d) => (d.limits.max_concurrency = 2.5)), ['/limits/max_concurrency', 'WPC_TYPE', 'error']],
    ['a non-array action list', zendesk((d) => (d.denied_actions = 'tickets:delete')), ['/denied_actions', 'WPC_TYPE', 'error']],
    ['an unknown mode', routing((d) => (d.outputs.mode = 'auto')), ['/outputs/mode', 'WPC_VALUE', 'error']],
    ['an unknown write_approval', zendesk((d) => (d.write_approval = 'sometimes')), ['/write_approval', 'WPC_VALUE', 'error']],
    ['an unknown DLP pattern', routing((d) => (d.outputs.redaction.dlp_rules[0].pattern = 'passwords')), ['/outputs/redaction/dlp_rules/0/pattern', 'WPC_VALUE', 'error']],
    ['an unsupported version', routing((d) => (d.wpc_version = '2')), ['/wpc_version', 'WPC_VERSION_UNSUPPORTED', 'error']],
    ['an uppercase action name', routing((d) => (d.tools.allow[0] = 'Tickets.Read')), ['/tools/allow/0', 'WPC_ACTION_NAME_INVALID', 'error']],
    ['a wildcard action name', zendesk((d) => (d.denied_actions[0] = 'tickets:*')), ['/denied_actions/0', 'WPC_ACTION_NAME_INVALID', 'error']],
    ['a one-segment action name', routing((d) => (d.high_risk_actions.requires_approval[0] = 'assign')), ['/high_risk_actions/requires_approval/0', 'WPC_ACTION_NAME_INVALID', 'error']],
    ['a malformed field path', zendesk((d) => (d.data_handling.redact_fields[0] = 'requester..email')), ['/data_handling/redact_fields/0', 'WPC_FORMAT', 'error']],
    ['a zero limit', routing((d) => (d.limits.rate_limit_per_minute = 0)), ['/limits/rate_limit_per_minute', 'WPC_LIMIT_NOT_POSITIVE', 'error']],
    ['a negative limit', routing((d) => (d.limits.max_model_calls_per_ticket = -3)), ['/limits/max_model_calls_per_ticket', 'WPC_LIMIT_NOT_POSITIVE', 'error']],
    ['a zero tickets-per-run', zendesk((d) => (d.max_tickets_per_run = 0)), ['/max_tickets_per_run', 'WPC_LIMIT_NOT_POSITIVE', 'error']],
    ['a tiny max_chars_sent_to_model', routing((d) => (d.outputs.redaction.max_chars_sent_to_model = 255)), ['/outputs/redaction/max_chars_sent_to_model', 'WPC_MAX_CHARS_TOO_SMALL', 'error']],
    ['a huge max_chars_sent_to_model', zendesk((d) => (d.data_handling.max_chars_sent_to_model = 1_000_001)), ['/data_handling/max_chars_sent_to_model', 'WPC_MAX_CHARS_TOO_BIG', 'error']],
    ['an action both allowed and denied', routing((d) => d.tools.allow.push('tickets:assign')), ['/tools/deny/2', 'WPC_CONTRADICTION_ALLOW_DENY', 'error']],
    ['a Zendesk action both allowed and denied', zendesk((d) => d.allowed_actions.push('tickets.merge')), ['/denied_actions/1', 'WPC_CONTRADICTION_ALLOW_DENY', 'error']],
    ['approval required for a read', routing((d) => (d.high_risk_actions.requires_approval = ['tickets.read'])), ['/high_risk_actions/requires_approval/0', 'WPC_APPROVAL_FOR_NON_WRITE', 'error']],
    ['a duplicate action in another spelling', zendesk((d) => d.allowed_actions.push('tickets.read')), ['/allowed_actions/3', 'WPC_DUPLICATE_ENTRY', 'warning']],
    ['a duplicate DLP rule', routing((d) => d.outputs.redaction.dlp_rules.push({ type: 'pii', pattern: 'email' })), ['/outputs/redaction/dlp_rules/3', 'WPC_DUPLICATE_ENTRY', 'warning']],
    ['a duplicate required field', routing((d) => d.outputs.required_fields.push('category')), ['/outputs/required_fields/4', 'WPC_DUPLICATE_ENTRY', 'warning']],
    ['a duplicate redact field', zendesk((d) => d.data_handling.redact_fields.push('requester.email')), ['/data_handling/redact_fields/3', 'WPC_DUPLICATE_ENTRY', 'warning']],
    ['an uncatalogued allowed action', zendesk((d) => d.allowed_actions.push('tickets:escalate')), ['/allowed_actions/3', 'WPC_UNKNOWN_ACTION', 'error']],
    ['a misspelt denied action', zendesk((d) => (d.denied_actions[0] = 'tickets:delet')), ['/denied_actions/0', 'WPC_UNKNOWN_ACTION', 'error']],
    ['a misspelt allowed action', routing((d) => (d.tools.allow[1] = 'tickets.add_lable')), ['/tools/allow/1', 'WPC_UNKNOWN_ACTION', 'error']],
    ['a misspelt action needing approval', routing((d) => (d.high_risk_actions.requires_approval[0] = 'tickets.asign')), ['/high_risk_actions/requires_approval/0', 'WPC_UNKNOWN_ACTION', 'error']],
    [
      'approval required for a denied action in apply mode',
      routing((d) => (d.outputs.mode = 'apply')),
      ['/high_risk_actions/requires_approval/0', 'WPC_APPROVAL_FOR_DENIED_ACTION', 'warning'],
    ],
    ['no routing allow list', routing((d) => delete d.tools.allow), ['/tools', 'WPC_NO_ALLOW_LIST', 'warning']],
    ['no Zendesk allow list', zendesk((d) => delete d.allowed_actions), ['', 'WPC_NO_ALLOW_LIST', 'warning']],
    // [R-WPC-2] [R-WPC-5]
    ['a DLP rule of the wrong type', routing((d) => (d.outputs.redaction.dlp_rules[1].type = 'secret')), ['/outputs/redaction/dlp_rules/1/type', 'WPC_DLP_TYPE_MISMATCH', 'error']],
    ['required redaction without rules', routing((d) => delete d.outputs.redaction.dlp_rules), ['/outputs/redaction/required', 'WPC_REDACTION_DEFAULT_DETECTORS', 'warning']],
    ['rules while redaction is not required', routing((d) => (d.outputs.redaction.required = false)), ['/outputs/redaction/required', 'WPC_REDACTION_RULES_WITHOUT_REQUIRED', 'warning']],
    ['a Zendesk field in a routing WPC', routing((d) => (d.allowed_actions = ['tickets.read'])), ['/allowed_actions', 'WPC_MIXED_SHAPE', 'error']],
    ['a routing field in a Zendesk WPC', zendesk((d) => (d.outputs = {})), ['/outputs', 'WPC_MIXED_SHAPE', 'error']],
  ];

  it.each(cases)('%s', (_name, doc, expected) => {
    expect(problemsOf(doc)).toContainEqual(expected);
  });

  it.each(cases.filter(([, , [, , severity]]) => severity === 'error'))('%s makes the WPC invalid', (_name, doc) => {
    expect(validateWpc(doc).ok).toBe(false);
  });

  it.each(cases.filter(([, , [, , severity]]) => severity === 'warning'))('%s alone keeps the WPC valid, but not under strict', (_name, doc) => {
    expect(validateWpc(doc).ok).toBe(true);
    expect(validateWpc(doc, { strict: true }).ok).toBe(false);
  });

  it('accepts max_chars_sent_to_model at exactly the minimum', () => {
    expect(validateWpc(routing((d) => (d.outputs.redaction.max_chars_sent_to_model = 256))).ok).toBe(true);
  });

  it('reports a mixed-shape field once, not again as an unknown field', () => {
    const rows = problemsOf(routing((d) => (d.denied_actions = []))).filter(([p]) => p === '/denied_actions');
    expect(rows).toEqual([['/denied_actions', 'WPC_MIXED_SHAPE', 'error']]);
  });

  it('says which shape a mixed field belongs to and where its intent lives in this shape', () => {
    const result = validateWpc(routing((d) => (d.denied_actions = [])));
    const problem = !result.ok ? result.problems.find((p) => p.pointer === '/denied_actions') : undefined;
    expect(problem?.message).toMatch(/belongs to the Zendesk shape/);
    expect(problem?.message).toMatch(/ticket-routing WPC/);
    expect(problem?.message).toContain('/tools/deny');
  });

  it('flags every distinctive field of an evenly mixed document with its own shape', () => {
    const rows = problemsOf({ wpc_version: '1', workflow: 'x', integration: 'zendesk' });
    expect(rows).toEqual([
      ['/workflow', 'WPC_MIXED_SHAPE', 'error'],
      ['/integration', 'WPC_MIXED_SHAPE', 'error'],
    ]);
    const result = validateWpc({ wpc_version: '1', workflow: 'x', integration: 'zendesk' });
    const messages = result.ok ? [] : result.problems.map((p) => p.message);
    expect(messages[0]).toMatch(/`workflow` belongs to the ticket-routing shape/);
    expect(messages[1]).toMatch(/`integration` belongs to the Zendesk shape/);
  });

  it('reports fields of neither shape when the shape cannot be told', () => {
    expect(problemsOf({ wpc_version: '1', policy: {} })).toEqual([
      ['', 'WPC_SHAPE_UNKNOWN', 'error'],
      ['/policy', 'WPC_UNKNOWN_FIELD', 'error'],
    ]);
  });

  it.each([
    ['tickets.add_lable', 'tickets.add_label'],
    ['tickets.asign', 'tickets.assign'],
    ['tickets:delet', 'tickets:delete'],
  ])('[R-WPC-6] suggests the catalogued action closest to %s', (written, suggested) => {
    const result = validateWpc(zendesk((d) => (d.denied_actions[0] = written)));
    const problem = !result.ok ? result.problems.find((p) => p.code === 'WPC_UNKNOWN_ACTION') : undefined;
    expect(problem?.message).toContain(`did you mean \`${suggested}\`?`);
  });

  it('suggests nothing for an action unlike any catalogued one', () => {
    const result = validateWpc(zendesk((d) => d.allowed_actions.push('billing.refund')));
    const problem = !result.ok ? result.problems.find((p) => p.code === 'WPC_UNKNOWN_ACTION') : undefined;
    expect(problem?.message).toMatch(/^`billing\.refund` is not an action the catalog knows/);
    expect(problem?.message).not.toContain('did you mean');
  });

  it('lists the known fields when one is misspelt', () => {
    const result = validateWpc(routing((d) => (d.tools.alow = [])));
    const problem = !result.ok ? result.problems.find((p) => p.pointer === '/tools/alow') : undefined;
    expect(problem?.message).toContain('`allow`, `deny`');
  });
});

describe('validateWpc: every problem in one pass', () => {
  it('reports structural and semantic problems together, in document order', () => {
    expect(problemsOf(fixture('invalid/allow-deny-contradiction.wpc.json'))).toEqual([
      ['/tools/deny/0', 'WPC_CONTRADICTION_ALLOW_DENY', 'error'],
      ['/outputs/redaction/dlp_rules/0/type', 'WPC_DLP_TYPE_MISMATCH', 'error'],
      ['/outputs/redaction/max_chars_sent_to_model', 'WPC_MAX_CHARS_TOO_SMALL', 'error'],
      ['/limits/rate_limit_per_minute', 'WPC_LIMIT_NOT_POSITIVE', 'error'],
      ['/limits/max_concurrency', 'WPC_LIMIT_NOT_POSITIVE', 'error'],
    ]);
  });

  it('reports several schema errors at once rather than the first', () => {
    const doc = zendesk((d) => {
      d.connection = 'telnet';
      d.allowed_actions[1] = 42;
      d.data_handling.pii_redaction = 'yes';
      delete d.write_approval;
    });
    expect(problemsOf(doc)).toEqual([
      ['/connection', 'WPC_VALUE', 'error'],
      ['/allowed_actions/1', 'WPC_TYPE', 'error'],
      ['/data_handling/pii_redaction', 'WPC_TYPE', 'error'],
      ['/write_approval', 'WPC_MISSING_FIELD', 'error'],
    ]);
  });

  it('lists errors before warnings, each in document order', () => {
    const doc = routing((d) => {
      d.outputs.mode = 'apply';
      d.outputs.required_fields.push('category');
      d.limits.max_concurrency = 0;
    });
    expect(problemsOf(doc)).toEqual([
      ['/limits/max_concurrency', 'WPC_LIMIT_NOT_POSITIVE', 'error'],
      ['/outputs/required_fields/4', 'WPC_DUPLICATE_ENTRY', 'warning'],
      ...[0, 1, 2].map((i): Row => [`/high_risk_actions/requires_approval/${i}`, 'WPC_APPROVAL_FOR_DENIED_ACTION', 'warning']),
    ]);
  });

  it('orders array entries numerically, not as strings', () => {
    const doc = routing((d) => {
      d.tools.deny = ['tickets.assign', ...Array.from({ length: 10 }, (_, i) => `tickets.x${i}`), 'tickets.assign'];
      d.tools.allow = ['tickets.read'];
      delete d.high_risk_actions;
    });
    const pointers = problemsOf(doc).map(([p]) => p);
    expect(pointers.indexOf('/tools/deny/2')).toBeLessThan(pointers.indexOf('/tools/deny/10'));
  });
});
