/**
 * secret.stripe: Stripe secret keys (sk_live_, sk_test_), restricted keys (rk_live_, rk_test_)
 * and webhook signing secrets (whsec_). Publishable keys (pk_) are public by design and not matched.
 */
import type { Span } from '../types.js';
import { prefixedTokenSpans, type PrefixedRule } from './prefixed-token.js';

export const STRIPE_RULES: readonly PrefixedRule[] = [
  { prefix: '[sr]k_(?:live|test)_', body: 'A-Za-z0-9', min: 10, max: 247 },
  { prefix: 'whsec_', body: 'A-Za-z0-9', min: 20, max: 247 },
];

export function detectStripe(text: string): Span[] {
  return STRIPE_RULES.flatMap((rule) => prefixedTokenSpans(rule, text));
}
