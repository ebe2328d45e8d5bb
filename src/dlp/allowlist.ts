/**
 * Documented example credentials: published in vendors' own documentation as placeholders, so
 * they are in every tutorial, test and support answer, and grant nothing. No detector reports
 * them (gitleaks allow-lists AWS's the same way). Kept to values a vendor documents as examples;
 * a merely well-known test value (Stripe's test card 4242…) is still redacted.
 */

/** AWS's example access key ids and secret keys (IAM user guide): they all end in EXAMPLE / EXAMPLEKEY. */
const AWS_EXAMPLE = /^(?:(?:AKIA|ASIA)[A-Z0-9]{9}EXAMPLE|[A-Za-z0-9/+]{30}EXAMPLEKEY)$/;

/** Longest span that can be an example: the value and a few characters of sentence punctuation. */
export const MAX_EXAMPLE_LENGTH = 44;

/** True for a documented example, alone or followed by sentence punctuation a match took along ("…EXAMPLEKEY,"). */
export function isDocumentedExample(value: string): boolean {
  return value.length <= MAX_EXAMPLE_LENGTH && AWS_EXAMPLE.test(value.replace(/[.,;:!?)'"]+$/, ''));
}
