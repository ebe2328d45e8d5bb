/**
 * What a passing verification does not prove. Every report carries this list, so nobody reads
 * "valid" as more than it is (the same idea as C2PA's statement of what a manifest asserts).
 * Each entry names a claim a reader might assume and says why the bundle cannot support it.
 */
export const LIMITATIONS: readonly string[] = Object.freeze([
  'That the model classified tickets correctly: receipts prove which model was called and what it answered, not that the category, queue or priority it chose fits the ticket.',
  'That tickets outside the bundle were untouched: the verifier sees only the tickets and calls the harness recorded. A harness acting on other tickets without recording it leaves nothing here; compare the system of record (an export, its audit log) to find that.',
  'That the harness ran the recorded policy on the content it claims: raw tickets are not in the bundle, only their content hashes, routing before-states and redacted model views. That a before-state or a model view came from the ticket with that content hash is the harness\'s signed statement, not something the verifier can recompute.',
  'That the system of record holds the after-states: the after-states are what the harness says it applied, replayed with the format\'s effect rules. Whether the help desk applied exactly that (and what its own triggers and automations did next) takes a comparison with an export.',
  'That redaction caught everything sensitive: the redaction re-run finds only the formats its detectors know (keys and tokens of the listed providers, e-mail addresses, phone numbers, card numbers, IBANs). Names, postal addresses, national ID numbers and secrets in unknown formats can pass unseen.',
  'That the signers\' clocks were right: every time in a receipt, record or approval is its signer\'s own claim. Rate, concurrency, approval-before-apply and key-validity checks are only as true as those clocks; no independent timestamp authority is involved.',
  'That the keys were not stolen or misused before their validity ended: a key listed in the trust root signs whatever its holder asks. A harness, proxy or approver key in the wrong hands can sign a complete, consistent and false history. Bundles signed with the published demo keys prove nothing at all.',
  'That a person reviewed each approval: an approval proves the approver key signed it for that exact proposal. Approvals marked mode "auto" were granted by the software without anyone looking.',
  'That the model received exactly the recorded view: the receipt is the proxy\'s signed statement of the request and response hashes; the verifier checks the views against those hashes, and trusts the proxy for what was sent on.',
  'That this run was not repeated: anti-replay finds a token reused only within this bundle and across the bundles this verifier\'s local cache has seen.',
  'That the WPC is the right policy: the verifier shows that every decision followed the pinned WPC, not that the WPC allows only what the business intends.',
]);
