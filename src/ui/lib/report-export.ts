/**
 * The report as files an auditor can keep: the JSON exactly as the verifier produced it, and a
 * self-contained printable HTML page (no scripts, no outside resources, its own strict CSP).
 */
import type { CheckResult, Evidence, Report } from '../../verify/report.js';
import { STATUS_WORDS, checksFailuresFirst, type DisplayStatus } from './check-status.js';
import { formatTime } from './format.js';
import { verdictWords } from './report-facts.js';
import { leadOf } from './report-lead.js';
import { countSentence } from './report-words.js';

export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function reportFileStem(report: Report): string {
  const job = (report.bundle.jobId ?? report.bundle.hash?.slice(7, 19) ?? 'bundle').replace(/[^A-Za-z0-9._-]+/g, '-');
  return `clawproof-report-${job}`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Evidence lines printed per check; the rest are counted (the JSON has all of them). */
const PRINTED_EVIDENCE = 60;

function evidenceLine(e: Evidence): string {
  const parts: string[] = [];
  if (e.pointer !== undefined) parts.push(`<code>${esc(e.pointer || '/')}${e.payloadPointer === undefined ? '' : ` payload ${esc(e.payloadPointer)}`}</code>`);
  if (e.position !== undefined) parts.push(`line ${esc(e.position.line)}, column ${esc(e.position.column)}`);
  if (e.receiptId) parts.push(`receipt <code>${esc(e.receiptId)}</code>`);
  if (e.recordId) parts.push(`record <code>${esc(e.recordId)}</code>`);
  if (e.approvalId) parts.push(`approval <code>${esc(e.approvalId)}</code>`);
  if (e.ticketId !== undefined) parts.push(`ticket ${esc(e.ticketId)}`);
  if (e.keyid) parts.push(`key <code>${esc(e.keyid)}</code>`);
  if (e.expected !== undefined) parts.push(`expected <code>${esc(e.expected)}</code>`);
  if (e.actual !== undefined) parts.push(`found <code>${esc(e.actual)}</code>`);
  if (e.note) parts.push(esc(e.note));
  return `<li>${parts.join(' · ')}</li>`;
}

function evidenceList(items: readonly Evidence[]): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, PRINTED_EVIDENCE).map(evidenceLine).join('');
  const more = items.length > PRINTED_EVIDENCE ? `<li class="more">… and ${items.length - PRINTED_EVIDENCE} more (all are in the JSON report)</li>` : '';
  return `<ul class="evidence">${shown}${more}</ul>`;
}

function checkSection(check: CheckResult, status: DisplayStatus): string {
  const issues = check.issues
    .map((i) => `<li class="${esc(i.severity)}"><strong>${esc(i.severity.toUpperCase())}</strong> <code>${esc(i.code)}</code> ${esc(i.message)}${evidenceList(i.evidence)}</li>`)
    .join('');
  return `<tr class="${esc(status)}" data-check="${esc(check.id)}"><td class="status">${esc(STATUS_WORDS[status])}</td><td><strong>${esc(check.title)}</strong><br><code>${esc(check.code)}</code></td><td>${esc(check.message)}${issues === '' ? '' : `<ol class="issues">${issues}</ol>`}${check.evidence.length > 0 ? `<p class="looked">Looked at ${check.evidence.length}:</p>${evidenceList(check.evidence)}` : ''}</td></tr>`;
}

const STYLE = `
body{font:14px/1.5 system-ui,sans-serif;color:#1b2422;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.05rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ccd;padding-bottom:.2rem}
.verdict{padding:.75rem 1rem;border:1px solid;border-left-width:6px;border-radius:6px;margin:1rem 0}
.verdict.valid{border-color:#1d6b3a;background:#e6f3ea}.verdict.invalid{border-color:#a32020;background:#fbeaea}.verdict.unknown-signer{border-color:#3b5570;background:#ebf0f6}
dl{display:grid;grid-template-columns:11rem 1fr;gap:.15rem 1rem;margin:0}dt{color:#55625f}dd{margin:0;overflow-wrap:anywhere}
table{width:100%;border-collapse:collapse}td{border-top:1px solid #dde3e1;padding:.4rem .5rem;vertical-align:top}
td.status{font-weight:700;width:6rem}tr.pass td.status{color:#1d6b3a}tr.fail td.status{color:#a32020}tr.warn td.status{color:#8a5300}tr.unchecked td.status{color:#3b5570}
code{font:12px ui-monospace,monospace;overflow-wrap:anywhere}ul.evidence{margin:.2rem 0;padding-left:1.2rem;font-size:12px;color:#3b4644}
ol.issues{margin:.3rem 0;padding-left:1.2rem}.looked{margin:.3rem 0 0;color:#55625f;font-size:12px}.more{list-style:none;color:#55625f}
footer{margin-top:2rem;color:#55625f;font-size:12px}@media print{body{margin:0}a{color:inherit}}`;

/** A complete HTML document for printing or archiving; `bundleName` is shown when known. */
export function reportHtml(report: Report, bundleName: string | null): string {
  const words = verdictWords(report.verdict);
  const facts: [string, string][] = [
    ['Bundle', `${bundleName === null ? '' : `${esc(bundleName)}<br>`}<code>${esc(report.bundle.hash ?? '—')}</code> (${esc(report.bundle.bytes)} bytes)`],
    ['Job', `<code>${esc(report.bundle.jobId ?? '—')}</code>`],
    ['Policy hash', `<code>${esc(report.bundle.policyHash ?? '—')}</code>`],
    ['Trust root', `${esc(report.trustRoot.name)}${report.trustRoot.demoOnly ? ' <strong>(demo only)</strong>' : ''}<br><code>${esc(report.trustRoot.hash)}</code>`],
    ['Verifier', `${esc(report.verifier.name)} ${esc(report.verifier.version)}, report version ${esc(report.reportVersion)}`],
    ['Checked at', esc(formatTime(report.checkedAt))],
  ];
  const limitations = report.limitations.map((l) => `<li>${esc(l)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Clawproof verification report: ${esc(words.title)}</title><style>${STYLE}</style></head>
<body>
<h1>Clawproof verification report</h1>
<div class="verdict ${esc(report.verdict)}"><strong>${esc(words.title)}.</strong> ${esc(leadOf(report).sentence)}<br>${esc(countSentence(report.checks, report.verdict))}</div>
<dl>${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>
<h2>Checks</h2>
<table>${checksFailuresFirst(report.checks, report.verdict).map((shown) => checkSection(shown.check, shown.status)).join('')}</table>
${limitations === '' ? '' : `<h2>What this report does not prove</h2><ul>${limitations}</ul>`}
<footer>Produced offline by Clawproof. The JSON report holds every piece of evidence in full.</footer>
</body></html>
`;
}
