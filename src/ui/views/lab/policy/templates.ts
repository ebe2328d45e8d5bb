/**
 * The WPCs the Lab editor starts from: the two seed templates verbatim, the variants the runbooks
 * describe (rollback, dry run, approval gates), and two deliberately invalid ones that show the
 * editor's inline errors. Each file is shown pretty-printed (the editor's Format): the routing seed
 * is written flat, and formatting never changes a policy's meaning or its hash.
 */
import { formatJsonText } from '../editor/format-json.js';
import routingSeed from '../../../../../fixtures/policies/ticket-routing.wpc.json?raw';
import zendeskSeed from '../../../../../fixtures/policies/zendesk.wpc.json?raw';
import routingAutoAssign from '../../../../../fixtures/policies/routing-auto-assign-approval.wpc.json?raw';
import routingStopWrites from '../../../../../fixtures/policies/routing-stop-all-writes.wpc.json?raw';
import zendeskDryRun from '../../../../../fixtures/policies/zendesk-dry-run.wpc.json?raw';
import zendeskReplies from '../../../../../fixtures/policies/zendesk-replies-with-approval.wpc.json?raw';
import invalidContradiction from '../../../../../fixtures/policies/invalid/allow-deny-contradiction.wpc.json?raw';
import invalidMixedShape from '../../../../../fixtures/policies/invalid/mixed-shape.wpc.json?raw';

/** `raw` as Format would write it (as it is, should a file ever not parse). */
function formatted(raw: string): string {
  const result = formatJsonText(raw);
  return result.ok ? result.text : raw;
}

export type TemplateGroup = 'Seed templates' | 'Variants' | 'Invalid examples';

export interface WpcTemplate {
  readonly id: string;
  readonly group: TemplateGroup;
  readonly name: string;
  readonly text: string;
}

export const WPC_TEMPLATES: readonly WpcTemplate[] = [
  { id: 'routing-seed', group: 'Seed templates', name: 'Ticket routing (seed)', text: formatted(routingSeed) },
  { id: 'zendesk-seed', group: 'Seed templates', name: 'Zendesk (seed)', text: formatted(zendeskSeed) },
  { id: 'routing-auto-assign', group: 'Variants', name: 'Routing: assign after approval', text: formatted(routingAutoAssign) },
  { id: 'routing-stop-writes', group: 'Variants', name: 'Routing: stop all writes (rollback)', text: formatted(routingStopWrites) },
  { id: 'zendesk-dry-run', group: 'Variants', name: 'Zendesk: staging dry run', text: formatted(zendeskDryRun) },
  { id: 'zendesk-replies', group: 'Variants', name: 'Zendesk: replies with approval', text: formatted(zendeskReplies) },
  { id: 'invalid-contradiction', group: 'Invalid examples', name: 'Invalid: allow/deny contradiction', text: formatted(invalidContradiction) },
  { id: 'invalid-mixed-shape', group: 'Invalid examples', name: 'Invalid: mixed shapes', text: formatted(invalidMixedShape) },
];

export const TEMPLATE_GROUPS: readonly TemplateGroup[] = ['Seed templates', 'Variants', 'Invalid examples'];

export const DEFAULT_TEMPLATE_ID = 'routing-seed';

export function templateById(id: string): WpcTemplate | undefined {
  return WPC_TEMPLATES.find((t) => t.id === id);
}
