/**
 * The conformance suite's manifest (fixtures/conformance/manifest.json): every case's input and
 * trust root (a path relative to the manifest, with the SHA-256 of its bytes) and what a verifier
 * must say about it. The zod schema is the one source of the published JSON Schema
 * (docs/schemas/conformance-manifest.schema.json, written by scripts/make-conformance.ts).
 */
import { z } from 'zod';
import { CHECK_IDS } from '../report.js';
import { VERDICTS } from './outcome.js';

export const CONFORMANCE_SUITE_NAME = 'clawproof-verifier-conformance';
export const CONFORMANCE_SUITE_VERSION = 1;
export const CONFORMANCE_GROUPS = ['valid', 'tampered', 'forgery', 'hostile', 'trust'] as const;
export type ConformanceGroup = (typeof CONFORMANCE_GROUPS)[number];

const checkId = z.enum(CHECK_IDS).meta({ description: 'A check id of section "Verification".' });
const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/).meta({ description: 'A stable issue code, e.g. RECEIPT_CHAIN_BROKEN.' });
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/).meta({ description: 'SHA-256 of the file\'s bytes, 64 lowercase hex digits (what sha256sum prints).' });
const relativePath = z
  .string()
  .regex(/^[^/\\][^\\]*$/)
  .meta({ description: 'Path of the file relative to the folder of the manifest, with "/" separators.' });
const flagName = z.string().regex(/^[A-Z][A-Za-z0-9]*$/).meta({ description: 'A flag named in the manifest\'s flags.' });

const failingCheck = z.strictObject({
  check: checkId,
  code: code.meta({ description: 'MUST match: the check\'s code, that of its first failing issue.' }),
  codes: z.array(code).min(1).meta({ description: 'SHOULD match (as a set): every distinct code of the check\'s failing issues, in report order.' }),
});

export const expectationSchema = z
  .strictObject({
    verdict: z.enum(VERDICTS).meta({ description: 'MUST match.' }),
    failing: z.array(failingCheck).meta({ description: 'MUST match: exactly the checks with status fail (no more, no fewer), in report order.' }),
    warnings: z
      .array(z.strictObject({ check: checkId, code }))
      .meta({ description: 'SHOULD match (as a set): every distinct warning code of every check.' }),
    unknownSigners: z
      .array(z.string())
      .meta({ description: 'SHOULD match (as a set): the key ids that KEY_NOT_TRUSTED issues name (signers the trust root does not list for the part\'s role); empty when none.' }),
  })
  .meta({ description: 'What a verifier says about the case\'s input under its trust root.' });

const alternativeSchema = expectationSchema
  .extend({ flag: flagName.meta({ description: 'The flag that allows this outcome.' }) })
  .meta({ description: 'Another outcome a conforming verifier may give, for the reason its flag states.' });

const fileRef = z.strictObject({ path: relativePath, sha256: sha256Hex });

export const conformanceCaseSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9][a-z0-9.-]*$/)
    .meta({ description: 'Stable id, "<group>/<name>"; never reused for another input.' }),
  group: z.enum(CONFORMANCE_GROUPS),
  description: z.string().min(1),
  input: fileRef.extend({ bytes: z.int().min(0).meta({ description: 'Size of the input in bytes.' }) }).meta({ description: 'The bundle file to verify.' }),
  trustRoot: fileRef.meta({ description: 'The trust root to verify it against.' }),
  expected: expectationSchema,
  flags: z.array(flagName).meta({ description: 'Flags of the case; empty for most.' }),
  alternatives: z.array(alternativeSchema).meta({ description: 'Outcomes a flag allows besides expected; empty when the case has no flag.' }),
});

export const conformanceManifestSchema = z
  .strictObject({
    $schema: z.string(),
    suite: z.literal(CONFORMANCE_SUITE_NAME),
    suiteVersion: z.int().min(1).meta({ description: 'Raised whenever a case is added, removed or changes its expectation.' }),
    bundleFormat: z.strictObject({ mediaType: z.string(), version: z.int() }).meta({ description: 'The bundle format the cases are written for.' }),
    checks: z.array(checkId).meta({ description: 'Every check id, in report order.' }),
    flags: z.record(flagName, z.string()).meta({ description: 'Each flag and what it allows.' }),
    cases: z.array(conformanceCaseSchema),
  })
  .meta({ title: 'Clawproof verifier conformance suite', description: 'Inputs and the verdict and failing check codes a verifier must report for each.' });

export type Expectation = z.infer<typeof expectationSchema>;
export type Alternative = z.infer<typeof alternativeSchema>;
export type ConformanceCase = z.infer<typeof conformanceCaseSchema>;
export type ConformanceManifest = z.infer<typeof conformanceManifestSchema>;

export type ManifestReading = { readonly ok: true; readonly manifest: ConformanceManifest } | { readonly ok: false; readonly problems: readonly string[] };

/** Validates a parsed manifest: its schema, unique case ids, and flags that the manifest defines. */
export function readConformanceManifest(value: unknown): ManifestReading {
  const parsed = conformanceManifestSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 20).map((i) => `${pointerOf(i.path)}: ${i.message}`) };
  }
  const manifest = parsed.data;
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const [index, c] of manifest.cases.entries()) {
    if (ids.has(c.id)) problems.push(`/cases/${index}/id: case id ${c.id} is used twice`);
    ids.add(c.id);
    if (!c.id.startsWith(`${c.group}/`)) problems.push(`/cases/${index}/id: case id ${c.id} does not start with its group ${c.group}/`);
    for (const flag of [...c.flags, ...c.alternatives.map((a) => a.flag)]) {
      if (!(flag in manifest.flags)) problems.push(`/cases/${index}: flag ${flag} is not defined in /flags`);
    }
    for (const a of c.alternatives) if (!c.flags.includes(a.flag)) problems.push(`/cases/${index}: an alternative names flag ${a.flag}, which the case does not carry`);
  }
  return problems.length === 0 ? { ok: true, manifest } : { ok: false, problems };
}

function pointerOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(manifest)' : `/${path.map(String).join('/')}`;
}
