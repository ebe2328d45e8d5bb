import { describe, expect, it } from 'vitest';
import { BundleDocument } from '../../../src/ui/lib/bundle-document.js';
import { openDocument, type ClientPort } from '../../../src/ui/lib/document-client.js';
import { serveDocument, type HostPort } from '../../../src/ui/lib/document-host.js';
import { realRun } from '../../format/v2/support.js';

/** The client and the host at the two ends of a real MessageChannel (structured clone included). */
function channel(): { client: ClientPort; closed: () => boolean; fail: () => void } {
  const { port1, port2 } = new MessageChannel();
  let closed = false;
  serveDocument(port2 as unknown as HostPort);
  port2.start();
  const client: ClientPort = {
    postMessage: (message) => port1.postMessage(message),
    addEventListener: (type: string, listener: (event: never) => void) => port1.addEventListener(type, listener as EventListener),
    close: () => {
      closed = true;
      port1.close();
      port2.close();
    },
  };
  port1.start();
  return { client, closed: () => closed, fail: () => port1.dispatchEvent(new Event('error')) };
}

describe('openDocument', () => {
  it("answers resolve, pointerOf and modelViews as BundleDocument itself does, for a v2 file's pointers and ids", async () => {
    const { bundle, encoded } = await realRun();
    const local = BundleDocument.fromBytes(encoded.bytes)!;
    const remote = (await openDocument(encoded.bytes, channel().client))!;
    expect(remote).not.toBeNull();
    for (const pointer of ['/cst', '/wpc', '/receipts/3/receipt_id', '/records/9', '/manifest', '/nowhere']) {
      expect(await remote.resolve(pointer)).toEqual(local.resolve(pointer));
    }
    const recordId = local.resolve('/records/9/record_id').value as string;
    expect(await remote.pointerOf('record', recordId)).toBe('/records/9');
    expect(await remote.pointerOf('receipt', 'no-such-receipt')).toBeNull();
    const ticketId = bundle.tickets[0]!.ticket_id;
    const views = await remote.modelViews(ticketId);
    expect(views.length).toBeGreaterThan(0);
    expect(views).toEqual(local.modelViews(ticketId));
    remote.close();
  });

  it('keeps the caller\'s bytes usable (they are copied, not transferred)', async () => {
    const { encoded } = await realRun();
    const before = encoded.bytes.length;
    const remote = await openDocument(encoded.bytes, channel().client);
    expect(encoded.bytes.length).toBe(before);
    remote?.close();
  });

  it('is null for bytes that are not a bundle document, and closes its port', async () => {
    const { client, closed } = channel();
    expect(await openDocument(new TextEncoder().encode('not json {'), client)).toBeNull();
    expect(closed()).toBe(true);
  });

  it('rejects what is still asked when the worker fails, and everything asked after', async () => {
    const { encoded } = await realRun();
    const { client, fail, closed } = channel();
    const remote = (await openDocument(encoded.bytes, client))!;
    const waiting = remote.resolve('/cst');
    fail();
    await expect(waiting).rejects.toThrow(/could not be read in its worker/);
    await expect(remote.modelViews(1)).rejects.toThrow(/could not be read in its worker/);
    expect(closed()).toBe(true);
  });

  it('rejects queries after close rather than leaving them waiting', async () => {
    const { encoded } = await realRun();
    const remote = (await openDocument(encoded.bytes, channel().client))!;
    remote.close();
    await expect(remote.pointerOf('record', 'x')).rejects.toThrow(/closed/);
  });
});
