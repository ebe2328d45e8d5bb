/**
 * Third-party Ed25519 vectors (copied into test/vectors/) as VerdictCases. Node-only (reads files).
 */
import { readFileSync } from 'node:fs';
import type { VerdictCase } from './cases.js';

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../vectors/${path}`, import.meta.url), 'utf8'));
}

interface WycheproofFile {
  numberOfTests: number;
  testGroups: { publicKey: { pk: string }; tests: { tcId: number; comment: string; msg: string; sig: string; result: string }[] }[];
}

export function wycheproofCases(): VerdictCase[] {
  const file = readJson('wycheproof-ed25519/ed25519_test.json') as WycheproofFile;
  const cases = file.testGroups.flatMap((group) =>
    group.tests.map((t) => {
      if (t.result !== 'valid' && t.result !== 'invalid') throw new Error(`tcId ${t.tcId}: result ${t.result}`);
      return {
        id: `wycheproof/${t.tcId}`,
        group: 'wycheproof',
        publicKey: group.publicKey.pk,
        message: t.msg,
        signature: t.sig,
        expected: t.result === 'valid',
      };
    }),
  );
  if (cases.length !== file.numberOfTests) throw new Error('Wycheproof file and its count disagree');
  return cases;
}

interface SpeccheckFile {
  cases: { index: number; message_hex: string; pub_key_hex: string; signature_hex: string; library_accepts: Record<string, boolean> }[];
}

/** The 12 speccheck cases; `expected` is the LibSodium column of the paper's results table. */
export function speccheckCases(): VerdictCase[] {
  const file = readJson('ed25519-speccheck/cases_annotated.json') as SpeccheckFile;
  return file.cases.map((c) => {
    const expected = c.library_accepts['LibSodium'];
    if (expected === undefined) throw new Error(`speccheck ${c.index}: no LibSodium result`);
    return {
      id: `speccheck/${c.index}`,
      group: 'speccheck',
      publicKey: c.pub_key_hex,
      message: c.message_hex,
      signature: c.signature_hex,
      expected,
    };
  });
}

interface Rfc8032File {
  vectors: { name: string; secret_key_hex: string; public_key_hex: string; message_hex: string; signature_hex: string }[];
}

export function rfc8032Vectors(): Rfc8032File['vectors'] {
  return (readJson('rfc8032-ed25519/rfc8032_section7_1_ed25519.json') as Rfc8032File).vectors;
}

export function rfc8032Cases(): VerdictCase[] {
  return rfc8032Vectors().map((v) => ({
    id: `rfc8032/${v.name}`,
    group: 'rfc8032',
    publicKey: v.public_key_hex,
    message: v.message_hex,
    signature: v.signature_hex,
    expected: true,
  }));
}

export function vectorCases(): VerdictCase[] {
  return [...wycheproofCases(), ...speccheckCases(), ...rfc8032Cases()];
}
