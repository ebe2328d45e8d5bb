/**
 * Which of the two WPC shapes a document is, told from its top-level fields.
 *
 * A document mixing fields of both shapes is an error, not a merge: `denied_actions` next to
 * `tools.allow` would be a deny list the routing shape never reads, so an action the author
 * meant to forbid would run.
 */
import { formatPointer } from './json-pointer.js';
import { wpcProblem, type Problem } from './problems.js';
import { routingWpcSchema, zendeskWpcSchema, type WpcShape } from './schema.js';

const ROUTING_FIELDS: ReadonlySet<string> = new Set(Object.keys(routingWpcSchema.shape));
const ZENDESK_FIELDS: ReadonlySet<string> = new Set(Object.keys(zendeskWpcSchema.shape));

/** Top-level fields only one shape has. The others (wpc_version, limits, cst_policy_hash_pin) are shared. */
export const ROUTING_ONLY_FIELDS: readonly string[] = [...ROUTING_FIELDS].filter((k) => !ZENDESK_FIELDS.has(k));
export const ZENDESK_ONLY_FIELDS: readonly string[] = [...ZENDESK_FIELDS].filter((k) => !ROUTING_FIELDS.has(k));

const SHAPE_NAMES: Readonly<Record<WpcShape, string>> = { routing: 'ticket-routing', zendesk: 'Zendesk' };
const ANCHOR: Readonly<Record<WpcShape, string>> = { routing: 'workflow', zendesk: 'integration' };

/** Where the same intent lives in the other shape, for the mixed-shape message. */
const COUNTERPART: Readonly<Record<string, string>> = {
  workflow: '/integration',
  tools: '/allowed_actions and /denied_actions',
  outputs: '/data_handling and /write_approval',
  high_risk_actions: '/write_approval',
  integration: '/workflow',
  connection: '(nothing: the routing shape has no connection)',
  allowed_actions: '/tools/allow',
  denied_actions: '/tools/deny',
  data_handling: '/outputs/redaction',
  write_approval: '/outputs/mode and /high_risk_actions/requires_approval',
  max_tickets_per_run: '/limits/max_tickets_per_run',
};

export interface ShapeDetection {
  /** null when the shape cannot be told (no distinctive field, or an even mix). */
  readonly shape: WpcShape | null;
  readonly problems: readonly Problem[];
  /** Top-level fields already reported here (so schema validation does not report them again). */
  readonly reportedFields: ReadonlySet<string>;
}

export function detectShape(doc: Readonly<Record<string, unknown>>): ShapeDetection {
  const keys = Object.keys(doc);
  const routing = keys.filter((k) => ROUTING_ONLY_FIELDS.includes(k));
  const zendesk = keys.filter((k) => ZENDESK_ONLY_FIELDS.includes(k));
  const shape = pickShape(doc, routing.length, zendesk.length);
  const problems: Problem[] = [];
  const reported = new Set<string>();

  if (shape === null) {
    if (routing.length > 0 && zendesk.length > 0) {
      for (const key of [...routing, ...zendesk]) {
        const owner: WpcShape = routing.includes(key) ? 'routing' : 'zendesk';
        problems.push(
          wpcProblem(
            formatPointer([key]),
            'WPC_MIXED_SHAPE',
            `\`${key}\` belongs to the ${SHAPE_NAMES[owner]} shape, but this WPC also has fields of the ` +
              `${SHAPE_NAMES[other(owner)]} shape (${(owner === 'routing' ? zendesk : routing).map((k) => `\`${k}\``).join(', ')}); ` +
              'a WPC has exactly one shape',
          ),
        );
        reported.add(key);
      }
    } else {
      problems.push(
        wpcProblem(
          '',
          'WPC_SHAPE_UNKNOWN',
          'cannot tell which WPC shape this is: a ticket-routing WPC has `workflow`, `tools` and `outputs`; ' +
            'a Zendesk WPC has `integration`, `connection`, `data_handling` and `write_approval`',
        ),
      );
    }
    for (const key of keys) {
      if (!ROUTING_FIELDS.has(key) && !ZENDESK_FIELDS.has(key)) {
        problems.push(wpcProblem(formatPointer([key]), 'WPC_UNKNOWN_FIELD', `\`${key}\` is not a field of either WPC shape`));
        reported.add(key);
      }
    }
    return { shape, problems, reportedFields: reported };
  }

  const foreign = shape === 'routing' ? zendesk : routing;
  const own = shape === 'routing' ? routing : zendesk;
  for (const key of foreign) {
    problems.push(
      wpcProblem(
        formatPointer([key]),
        'WPC_MIXED_SHAPE',
        `\`${key}\` belongs to the ${SHAPE_NAMES[other(shape)]} shape, but this WPC is a ` +
          `${SHAPE_NAMES[shape]} WPC (it has ${own.map((k) => `\`${k}\``).join(', ')}); ` +
          `in this shape use ${COUNTERPART[key] ?? 'the matching field'}`,
      ),
    );
    reported.add(key);
  }
  return { shape, problems, reportedFields: reported };
}

function pickShape(doc: Readonly<Record<string, unknown>>, routing: number, zendesk: number): WpcShape | null {
  if (routing > 0 && zendesk === 0) return 'routing';
  if (zendesk > 0 && routing === 0) return 'zendesk';
  if (routing === 0 && zendesk === 0) return null;
  // Both kinds present: the naming field decides, then the majority; an even split stays unknown.
  const hasRoutingAnchor = Object.hasOwn(doc, ANCHOR.routing);
  const hasZendeskAnchor = Object.hasOwn(doc, ANCHOR.zendesk);
  if (hasRoutingAnchor !== hasZendeskAnchor) return hasRoutingAnchor ? 'routing' : 'zendesk';
  if (routing !== zendesk) return routing > zendesk ? 'routing' : 'zendesk';
  return null;
}

function other(shape: WpcShape): WpcShape {
  return shape === 'routing' ? 'zendesk' : 'routing';
}
