/**
 * The Lab end to end, in real Chromium against the built app: edit a WPC, run it in the worker,
 * read each ticket's decisions, answer approvals, stop a run, export the bundle and verify it.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';

/** A full run of the sample set takes about ten seconds on a small CI machine; verifying it as long. */
const RUN_TIMEOUT = 120_000;

async function openLab(page: Page): Promise<void> {
  await page.goto('/#/lab');
  await expect(page.getByRole('heading', { level: 1, name: 'Lab' })).toBeVisible();
  // The sample set's make-up comes from a worker: once shown, the Lab is ready.
  await expect(page.getByText(/synthetic tickets in \d+ languages/)).toBeVisible();
}

async function chooseTemplate(page: Page, name: string): Promise<void> {
  await page.getByLabel('Start from').selectOption({ label: name });
}

async function runAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Run( again)?$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Run finished' })).toBeVisible({ timeout: RUN_TIMEOUT });
}

function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

async function showTicket(page: Page, id: number): Promise<Locator> {
  const tickets = region(page, 'Tickets');
  await tickets.getByRole('searchbox').fill(String(id));
  await tickets.getByRole('option', { name: new RegExp(`^${id}\\b`) }).click();
  const detail = tickets.getByRole('article', { name: `Ticket ${id}` });
  await expect(detail).toBeVisible();
  return detail;
}

/** One tool call of the detail panel: its list item, found by action and phase. */
function toolCall(detail: Locator, action: string, phase: 'Phase 1' | 'Phase 2'): Locator {
  return detail.getByRole('listitem').filter({ hasText: phase }).filter({ has: detail.page().getByText(action, { exact: true }) });
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function expectNoSeriousA11yProblems(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
}

/** Console errors and CSP violations the page reports while a test runs. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

test('the editor shows a WPC’s errors at their place, and a click on one moves the caret there', async ({ page }, testInfo) => {
  const problems = watchProblems(page);
  await openLab(page);
  await chooseTemplate(page, 'Invalid: allow/deny contradiction');

  const policy = region(page, '1. Policy');
  await expect(policy.getByRole('status')).toContainText(/\d+ errors/);
  await expect(page.getByRole('button', { name: /^Run/ })).toBeDisabled();

  // Each problem is listed with its JSON Pointer; the contradiction names the allow entry.
  const contradiction = policy.getByRole('button').filter({ hasText: 'WPC_CONTRADICTION_ALLOW_DENY' }).first();
  await expect(contradiction).toContainText('/tools/');
  const where = /Line (\d+), column (\d+)/.exec((await contradiction.textContent()) ?? '');
  expect(where).not.toBeNull();

  // The underline sits in the backdrop at that place; the gutter marks the line.
  await expect(policy.locator('mark.error').first()).toBeAttached();
  await expect(policy.locator('.line-number.error', { hasText: new RegExp(`^${where![1]}$`) })).toBeAttached();

  await contradiction.click();
  const editor = policy.getByRole('textbox', { name: /Work Policy Contract/ });
  await expect(editor).toBeFocused();
  const caret = await editor.evaluate((el: HTMLTextAreaElement) => {
    const before = el.value.slice(0, el.selectionStart).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  });
  expect(caret).toEqual({ line: Number(where![1]), column: Number(where![2]) });

  // Typing fixes are checked at once: a valid seed clears the list.
  await chooseTemplate(page, 'Ticket routing (seed)');
  await expect(policy.getByRole('status')).toContainText('Valid ticket-routing WPC');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();

  await chooseTemplate(page, 'Invalid: allow/deny contradiction');
  await screenshot(page, testInfo, 'lab-editor-errors');
  await expectNoSeriousA11yProblems(page);
  expect(problems).toEqual([]);
});

test('a misspelt action is an error with “did you mean”: the headline is not Valid and Run is disabled', async ({ page }) => {
  const problems = watchProblems(page);
  await openLab(page);
  await chooseTemplate(page, 'Ticket routing (seed)');
  const policy = region(page, '1. Policy');
  const editor = policy.getByRole('textbox', { name: /Work Policy Contract/ });
  // The seed is valid and raises no warning.
  await expect(policy.getByRole('status')).toHaveText(/^Valid ticket-routing WPC\s+policy hash/);
  await expect(policy.locator('.problem')).toHaveCount(0);

  // Type the typo, as a user would: select the word and retype it.
  const text = await editor.inputValue();
  const at = text.indexOf('"tickets.add_label"') + 1;
  await editor.evaluate((el: HTMLTextAreaElement, range: { start: number; end: number }) => (el.focus(), el.setSelectionRange(range.start, range.end)), { start: at, end: at + 'tickets.add_label'.length });
  await page.keyboard.type('tickets.add_lable');

  const status = policy.getByRole('status');
  await expect(status).toContainText('1 error');
  await expect(status).not.toContainText('Valid');
  const problem = policy.getByRole('button').filter({ hasText: 'WPC_UNKNOWN_ACTION' });
  await expect(problem).toContainText('Error');
  await expect(problem).toContainText('did you mean `tickets.add_label`?');
  const line = text.slice(0, at).split('\n').length;
  await expect(problem).toContainText(`Line ${line},`);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await expect(page.getByText('Fix the policy’s errors first.')).toBeVisible();
  expect(problems).toEqual([]);
});

test('Format pretty-prints the policy, and keeps text that does not parse, saying why', async ({ page }) => {
  await openLab(page);
  const policy = region(page, '1. Policy');
  const editor = policy.getByRole('textbox', { name: /Work Policy Contract/ });
  // The flat routing seed is shown pretty-printed already.
  await chooseTemplate(page, 'Ticket routing (seed)');
  await expect(editor).toHaveValue(/^\{\n {2}"wpc_version": "1",\n {2}"workflow"/);

  await editor.fill('{"wpc_version":"1","workflow":"ticket_auto_routing","tools":{"allow":["tickets.read"]},"outputs":{"mode":"propose_only","redaction":{"required":false}}}');
  const format = policy.getByRole('button', { name: 'Format' });
  await format.click();
  await expect(editor).toHaveValue(
    '{\n  "wpc_version": "1",\n  "workflow": "ticket_auto_routing",\n  "tools": {\n    "allow": ["tickets.read"]\n  },\n' +
      '  "outputs": {\n    "mode": "propose_only",\n    "redaction": {\n      "required": false\n    }\n  }\n}\n',
  );
  await format.click();
  await expect(policy.getByText('Already formatted.')).toBeVisible();

  // A missing comma at the end of line 2: reported there, and Format leaves the text alone.
  const broken = '{\n  "wpc_version": "1"\n  "workflow": "ticket_auto_routing"\n}';
  await editor.fill(broken);
  await expect(policy.getByRole('button').filter({ hasText: 'JSON_SYNTAX' })).toContainText('Line 2, column 21');
  await format.click();
  await expect(policy.getByText(/^Not formatted: the text is not valid JSON: a ',' is missing here.*Your text is unchanged\.$/)).toBeVisible();
  await expect(editor).toHaveValue(broken);
});

test('the run options show a fixed default seed and start, and two runs with them give the same bundle', async ({ page }) => {
  test.setTimeout(3 * RUN_TIMEOUT);
  await openLab(page);
  const seed = page.getByLabel('Seed', { exact: true });
  const start = page.getByLabel('Start of the simulated clock (UTC)');
  // Shown without opening anything.
  await expect(seed).toBeVisible();
  await expect(seed).toHaveValue('0');
  await expect(start).toBeVisible();
  await expect(start).toHaveValue('2026-01-05T09:00:00Z');

  // A user can change them, and go back.
  await seed.fill('7');
  await page.getByRole('button', { name: /^Back to the defaults/ }).click();
  await expect(seed).toHaveValue('0');

  await chooseTemplate(page, 'Ticket routing (seed)');
  await page.getByLabel('Run the first').fill('6');
  const hashes: string[] = [];
  for (let i = 0; i < 2; i++) {
    await runAndWait(page);
    // The Stop button only exists while a run goes on.
    await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
    const download = page.waitForEvent('download');
    await region(page, 'Proof bundle').getByRole('button', { name: 'Download bundle' }).click();
    const file = await (await download).path();
    hashes.push(createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  expect(hashes[1]).toBe(hashes[0]);
});

test('routing seed with the compromised model: the injected notification is refused by its rule; the bundle exports and verifies', async ({
  page,
}, testInfo) => {
  test.setTimeout(4 * RUN_TIMEOUT);
  const problems = watchProblems(page);
  await openLab(page);
  await chooseTemplate(page, 'Ticket routing (seed)');
  await page.getByLabel(/Compromised model/).check();
  await runAndWait(page);

  const summary = region(page, 'What would have happened in production');
  await expect(summary).toContainText('0 applied');
  await expect(summary.getByRole('row').filter({ hasText: 'tickets.notify_customer' })).toContainText('/tools/deny/0');
  await expect(summary).toContainText(/try to steer the agent; what they ask for was applied on none/);

  // Ticket 10005 of the sample carries an injection asking to notify every customer.
  const detail = await showTicket(page, 10005);
  await expect(detail).toContainText('prompt injection');
  const notifications = toolCall(detail, 'tickets.notify_customer', 'Phase 2');
  await expect(notifications.filter({ hasText: 'broadcast_all_customers' })).toContainText('Refused');
  await expect(notifications.filter({ hasText: 'broadcast_all_customers' })).toContainText('/tools/deny/0');
  await expect(notifications.filter({ hasText: 'broadcast_all_customers' })).toContainText('EXPLICIT_DENY');
  await screenshot(page, testInfo, 'lab-routing-compromised');
  await expectNoSeriousA11yProblems(page);

  // Export: the download is the bundle file.
  const bundle = region(page, 'Proof bundle');
  const [download] = await Promise.all([page.waitForEvent('download'), bundle.getByRole('button', { name: 'Download bundle' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^lab-job_[0-9a-f]+\.clawproof$/);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  const file = JSON.parse(await readFile(saved, 'utf8')) as { mediaType: string; records: unknown[] };
  expect(file.mediaType).toBe('application/vnd.clawproof.bundle+json');
  expect(file.records.length).toBeGreaterThan(1000);

  // The same run as format v2: JSON Lines opening with its header, which the verifier reads too.
  const [downloadV2] = await Promise.all([page.waitForEvent('download'), bundle.getByRole('button', { name: 'Download as format v2' }).click()]);
  expect(downloadV2.suggestedFilename()).toMatch(/^lab-job_[0-9a-f]+\.v2\.clawproof$/);
  const savedV2 = testInfo.outputPath(downloadV2.suggestedFilename());
  await downloadV2.saveAs(savedV2);
  const v2Lines = (await readFile(savedV2, 'utf8')).split('\n');
  const header = JSON.parse(v2Lines[0]!) as { t: string; mediaType: string; counts: { records: number } };
  expect(header).toMatchObject({ t: 'header', mediaType: 'application/vnd.clawproof.bundle.v2+jsonl' });
  expect(header.counts.records).toBe(file.records.length);
  expect(v2Lines[v2Lines.length - 1]).toBe('');

  // Verify it at once: the bundle opens in Verify, against the demo trust root.
  await bundle.getByRole('button', { name: 'Verify it now' }).click();
  await expect(page).toHaveURL(/#\/verify\/sha256:[0-9a-f]{64}$/);
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'valid', { timeout: RUN_TIMEOUT });
  await screenshot(page, testInfo, 'lab-verified');

  // Back in the Lab, the run is still there.
  await page.goBack();
  await expect(region(page, 'What would have happened in production')).toBeVisible();
  expect(problems).toEqual([]);
});

test('the stop button stops a run and keeps nothing of it', async ({ page }) => {
  await openLab(page);
  await chooseTemplate(page, 'Ticket routing (seed)');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = page.getByRole('progressbar');
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: RUN_TIMEOUT }).toBeGreaterThan(0);

  const stop = page.getByRole('button', { name: 'Stop' });
  await expect(stop).toBeFocused();
  await stop.click();
  await expect(page.getByRole('status').filter({ hasText: 'Run stopped' })).toBeVisible();
  const stoppedAt = await progress.getAttribute('value');
  // After the run there is nothing to stop: the button is gone, not just greyed out.
  await expect(stop).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await expect(region(page, 'Proof bundle')).toHaveCount(0);
  // The worker is gone: nothing moves any more.
  await page.waitForTimeout(1500);
  expect(await progress.getAttribute('value')).toBe(stoppedAt);
});

test('Zendesk seed with the approval queue: approve one, reject one, and see their decisions', async ({ page }, testInfo) => {
  test.setTimeout(2 * RUN_TIMEOUT);
  const problems = watchProblems(page);
  await openLab(page);
  await chooseTemplate(page, 'Zendesk (seed)');

  // The seed allows no write at all; allowing assignment puts it behind human-in-the-loop approval.
  const editor = page.getByRole('textbox', { name: /Work Policy Contract/ });
  const seed = await editor.inputValue();
  await editor.fill(seed.replace('"users:read"', '"users:read",\n    "tickets:assign"'));
  await expect(region(page, '1. Policy').getByRole('status')).toContainText('Valid Zendesk WPC');

  await page.getByLabel('Ask me').check();
  await page.getByLabel('Run the first').fill('3');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const approvals = region(page, 'Approval queue');
  const answers: { ticket: string; answer: 'Approve' | 'Reject' }[] = [];
  for (const answer of ['Approve', 'Reject', 'Approve'] as const) {
    const ask = approvals.getByText(/Ticket \d+ waits for your approval/);
    await expect(ask).toBeVisible({ timeout: RUN_TIMEOUT });
    const ticket = /Ticket (\d+)/.exec((await ask.textContent()) ?? '')![1]!;
    await expect(approvals).toContainText('tickets.assign');
    await expect(approvals).toContainText('/write_approval');
    if (answers.length === 0) await screenshot(page, testInfo, 'lab-approval-request');
    await approvals.getByRole('button', { name: answer, exact: true }).click();
    answers.push({ ticket, answer });
    await expect(approvals.getByRole('listitem').filter({ hasText: `Ticket ${ticket}` })).toContainText(
      answer === 'Approve' ? 'Approved' : 'Rejected',
    );
  }
  await expect(page.getByRole('status').filter({ hasText: 'Run finished' })).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(region(page, 'What would have happened in production')).toContainText('2 approved by you, 1 rejected');

  const approved = answers[0]!.ticket;
  const detail = await showTicket(page, Number(approved));
  const assign = toolCall(detail, 'tickets.assign', 'Phase 2');
  await expect(assign).toContainText('Applied');
  await expect(assign).toContainText('APPROVED');

  const rejected = answers[1]!.ticket;
  const rejectedDetail = await showTicket(page, Number(rejected));
  const refused = toolCall(rejectedDetail, 'tickets.assign', 'Phase 2');
  await expect(refused).toContainText('Rejected');
  await expect(refused).toContainText('APPROVAL_REQUIRED');
  await expect(rejectedDetail.getByRole('listitem').filter({ hasText: 'by you' })).toContainText('Rejected');
  await screenshot(page, testInfo, 'lab-approvals-answered');
  await expectNoSeriousA11yProblems(page);
  expect(problems).toEqual([]);
});

test('a Zendesk export of the user’s own is imported in the worker, with what it skipped, and runs', async ({ page }, testInfo) => {
  test.setTimeout(3 * RUN_TIMEOUT);
  // An export built from the sample set's first tickets (the API's ticket list with sideloaded
  // users), plus one ticket without an id, which the importer must skip and report.
  const sample = JSON.parse(await readFile(new URL('../../fixtures/tickets/sample-tickets.json', import.meta.url), 'utf8')) as {
    tickets: Record<string, unknown>[];
    users: unknown[];
  };
  const broken = { ...sample.tickets[0], id: undefined };
  const exported = { tickets: [...sample.tickets.slice(0, 4), broken], users: sample.users, count: 5 };

  await openLab(page);
  await page.getByLabel(/Your Zendesk export/).check();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await page.getByLabel('Export file').setInputFiles({
    name: 'my-export.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  const status = page.getByRole('status').filter({ hasText: 'my-export.json' });
  await expect(status).toContainText('4 tickets imported from my-export.json; 1 item skipped');
  await page.getByText('What was skipped').click();
  await expect(page.getByRole('listitem').filter({ hasText: '/tickets/4' }).first()).toBeVisible();

  await runAndWait(page);
  await expect(page.getByRole('status').filter({ hasText: 'Run finished' })).toContainText('4 tickets');
  const detail = await showTicket(page, 10001);
  // Imported tickets carry no ground truth, so no sample note is shown.
  await expect(detail).not.toContainText('Sample ground truth');

  // Nothing dropped silently: the skipped ticket is recorded in the bundle's signed job_start...
  const bundle = region(page, 'Proof bundle');
  const [download] = await Promise.all([page.waitForEvent('download'), bundle.getByRole('button', { name: 'Download bundle' }).click()]);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  const file = JSON.parse(await readFile(saved, 'utf8')) as { records: { payload: string }[] };
  const jobStart = JSON.parse(Buffer.from(file.records[0]!.payload, 'base64').toString('utf8')) as { kind: string; input_skipped: unknown };
  expect(jobStart.kind).toBe('job_start');
  expect(jobStart.input_skipped).toEqual({
    count: 1,
    items: [{ source: 'my-export.json', kind: 'ticket', pointer: '/tickets/4', reason: expect.stringMatching(/^ticket skipped: id: /) }],
  });
  // ...and the verifier shows it as a warning of the tickets check.
  await bundle.getByRole('button', { name: 'Verify it now' }).click();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'valid', { timeout: RUN_TIMEOUT });
  await expect(page.getByText('IMPORT_ITEMS_SKIPPED').first()).toBeVisible();
});

test('the ticket list is one Tab stop that arrow keys move through', async ({ page }) => {
  await openLab(page);
  await chooseTemplate(page, 'Ticket routing (seed)');
  await page.getByLabel('Run the first').fill('12');
  await runAndWait(page);

  const list = page.getByRole('listbox', { name: 'Tickets of the run' });
  await list.focus();
  const detail = region(page, 'Tickets').getByRole('article');
  await expect(detail).toHaveAccessibleName('Ticket 10001');
  await page.keyboard.press('ArrowDown');
  await expect(detail).toHaveAccessibleName('Ticket 10002');
  await page.keyboard.press('End');
  await expect(detail).toHaveAccessibleName('Ticket 10012');
  await expect(list).toHaveAttribute('aria-activedescendant', 'lab-ticket-option-10012');
  await page.keyboard.press('Home');
  await expect(detail).toHaveAccessibleName('Ticket 10001');
});

test('the Lab in the dark colour scheme (screenshot)', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openLab(page);
  await page.getByLabel('Run the first').fill('20');
  await page.getByLabel(/Compromised model/).check();
  await runAndWait(page);
  await showTicket(page, 10005);
  await screenshot(page, testInfo, 'lab-dark');
  await expectNoSeriousA11yProblems(page);
});
