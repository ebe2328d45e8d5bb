/**
 * secret.stripe: Stripe secret keys (sk_live_, sk_test_), restricted keys (rk_live_, rk_test_)
 * and webhook signing secrets (whsec_). Publishable keys (pk_) are public by design and not matched.
 */
import type { Span } from '../types.js';
import { regexSpans } from './spans.js';

const STRIPE_KEY = /(?<![A-Za-z0-9])(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}|whsec_[A-Za-z0-9]{20,247})(?![A-Za-z0-9])/g;

export function detectStripe(text: string): Span[] {
  return regexSpans(STRIPE_KEY, text);
}
