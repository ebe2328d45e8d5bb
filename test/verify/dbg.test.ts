import { it } from 'vitest';
import { trustRootFromKeyring } from '../../src/runtime/keys/trust-root.js';
import { STRANGER, makeBundle, verify } from './support.js';
it('dbg', async () => {
  const report = await verify(await makeBundle(), trustRootFromKeyring(STRANGER));
  for (const c of report.checks) if (c.status !== 'pass') console.log(c.id, c.status, c.code, JSON.stringify(c.issues.filter(i => !['KEY_NOT_TRUSTED','SIGNATURE_UNVERIFIED'].includes(i.code)).slice(0,4)));
});
