#!/usr/bin/env node
// A stand-in "second implementation" for the runner's tests: it does not verify anything, it prints
// the report the manifest expects for the case, in the minimal shape or the full one, and
// misbehaves on demand on one case, so the tests see the runner catch each kind of wrong answer.
//
//   node fake-verifier.mjs <manifest.json> <case id> <input> <trust> [<mode> <case id to misbehave on>]
//
// modes: minimal (verdict and failing checks only), full (issues with warnings and key ids too),
// lie-verdict, lie-code, drop-check, extra-check, not-json, silent, sleep.
import { readFileSync } from 'node:fs';

const [manifestPath, id, input, trust, mode = 'minimal', target = ''] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const found = manifest.cases.find((c) => c.id === id);
if (found === undefined) {
  process.stderr.write(`fake-verifier: no case ${id}\n`);
  process.exit(3);
}
// The runner must hand over the case's own files.
if (!input.endsWith(found.input.path.split('/').pop()) || !trust.endsWith(found.trustRoot.path.split('/').pop())) {
  process.stderr.write(`fake-verifier: ${id} got ${input} and ${trust}\n`);
  process.exit(3);
}
const expected = found.expected;
const here = id === target;
const full = mode === 'full';

if (here && mode === 'not-json') {
  process.stdout.write('Verdict: VALID\n');
  process.exit(0);
}
if (here && mode === 'silent') {
  process.stderr.write('fake-verifier: crashed\n');
  process.exit(70);
}
if (here && mode === 'sleep') {
  setTimeout(() => process.exit(0), 30_000);
} else {
  const checks = expected.failing.map((f) => ({
    id: f.check,
    status: 'fail',
    code: f.code,
    ...(full
      ? {
          issues: f.codes.map((code) => ({
            severity: 'fail',
            code,
            evidence: code === 'KEY_NOT_TRUSTED' ? expected.unknownSigners.map((keyid) => ({ keyid })) : [],
          })),
        }
      : {}),
  }));
  if (full) {
    for (const w of expected.warnings) {
      let check = checks.find((c) => c.id === w.check);
      if (check === undefined) {
        check = { id: w.check, status: 'warn', code: w.code, issues: [] };
        checks.push(check);
      }
      check.issues.push({ severity: 'warn', code: w.code, evidence: [] });
    }
  }
  let verdict = expected.verdict;
  if (here && mode === 'lie-verdict') verdict = verdict === 'valid' ? 'invalid' : 'valid';
  if (here && mode === 'lie-code') checks[0].code = 'SOMETHING_ELSE';
  if (here && mode === 'drop-check') checks.shift();
  if (here && mode === 'extra-check') checks.push({ id: 'replay', status: 'fail', code: 'CST_JTI_REUSED' });
  process.stdout.write(`${JSON.stringify({ verdict, checks })}\n`);
  // A verifier's exit status is its own business: this one says 1 for anything not valid.
  process.exitCode = verdict === 'valid' ? 0 : 1;
}
