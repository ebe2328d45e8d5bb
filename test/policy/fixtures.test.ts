import { describe, expect, it } from 'vitest';
import { fixtureNames, fixtureText } from './fixtures.js';

describe('fixtures/policies', () => {
  const readme = fixtureText('README.md');

  it.each([...fixtureNames(), ...fixtureNames('invalid').map((n) => `invalid/${n}`)])('README.md states the purpose of %s', (name) => {
    expect(readme).toContain(`| \`${name}\` |`);
  });

  it('ships the two seed WPCs as they appear in the runbooks', () => {
    expect(fixtureText('ticket-routing.wpc.json')).toContain('"requires_approval": ["tickets.assign", "tickets.set_priority", "tickets.notify_customer"]');
    expect(fixtureText('zendesk.wpc.json')).toContain('"redact_fields": ["requester.email", "requester.phone", "custom_fields.*"]');
  });
});
