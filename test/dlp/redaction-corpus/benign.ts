/**
 * Look-alikes: ticket text full of things that resemble secrets or PII and are neither. Any
 * finding in one of these is a false positive. Each names what it imitates.
 */
import type { Lang } from './frames.js';

export interface LookAlike {
  readonly imitates: string;
  readonly lang?: Lang;
  readonly text: string;
}

export const LOOK_ALIKES: readonly LookAlike[] = [
  { imitates: 'an Idempotency-Key UUID', text: 'We retried the POST with the same header, Idempotency-Key: 123e4567-e89b-12d3-a456-426614174000, and still got two charges.' },
  { imitates: 'a cache key name', text: 'The stale value sits under cache key: tenant:42:orders:summary:v3 and cache_key=profile-9f2c-v7 for the user page.' },
  { imitates: "AWS's documented example key id", text: 'Your docs use AKIAIOSFODNN7EXAMPLE in the setup guide; is that a real key?' },
  { imitates: "AWS's documented example secret key", text: 'The tutorial says aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, we copied it verbatim.' },
  { imitates: 'order numbers', text: 'Order #A-20931 (order no. 4815162342) and order 2024-117734 both show as unpaid.' },
  { imitates: 'git SHAs', text: 'The regression came in with commit 3f2a9c1e7d5b4a6f8e0c2b1d3a5f7e9c0b2d4f6a (short: 3f2a9c1), reverted in 9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c.' },
  { imitates: 'timestamps', text: 'Failures at 2024-03-05T10:32:05.123Z, 2024-03-05 10:32:06+01:00 and epoch 1709634725 (ms 1709634725123).' },
  { imitates: 'tracking numbers', text: 'UPS tracking 1Z999AA10123456784, USPS 9400 1000 0000 0000 0000 00, FedEx 7489 2302 1234, DHL JJD000390007745633.' },
  { imitates: 'a 16-digit number that fails Luhn', text: 'The reference printed on the receipt is 4111 1111 1111 1112, and the terminal id 5500 0000 0000 0005.' },
  { imitates: 'an IBAN with a wrong check digit', lang: 'de', text: 'Auf der Rechnung steht DE88 3704 0044 0532 0130 00 – ist das die richtige Kontonummer?' },
  { imitates: 'a placeholder token in docs', text: 'The README says to set NPM_TOKEN=npm_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX and GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.' },
  { imitates: 'a shell variable in a curl command', text: 'We call curl -H "Authorization: Bearer $API_TOKEN" -u "$USER:$PASS" https://api.example.net/v1/me and get 401.' },
  { imitates: 'a templated URL password', text: 'DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/app and REDIS_URL=redis://:${REDIS_PASS}@cache:6379.' },
  { imitates: 'masked credentials', text: 'The settings page shows password: ******** and token: ****************1234, which is fine.' },
  { imitates: 'password prose without a value', text: 'My password is not working since the update, and the reset link expired before I could use it.' },
  { imitates: 'German password prose', lang: 'de', text: 'Das Passwort ist falsch, sagt die App. Passwort: wurde gestern geändert, trotzdem kein Login.' },
  { imitates: 'Spanish password prose', lang: 'es', text: 'La contraseña es incorrecta según la aplicación, aunque la cambié ayer.' },
  { imitates: 'an SSN shape without context', text: 'Case ref 212-55-0193 was merged into 212-55-0194; see also the parcel label 212-56-0195.' },
  { imitates: 'an SSN context with an impossible number', text: 'The form pre-filled SSN 000-12-3456 and SSN 666-45-1234, both rejected by the IRS check.' },
  { imitates: 'a request id UUID', text: 'request id 9b2f6c1e-4d3a-4b8e-9f1c-2a7d5e8b0c3f, trace 4bf92f3577b34da6a3ce929d0e0e4736.' },
  { imitates: 'a public key and a certificate', text: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEmnHkQvVGJmyl3Zt\n-----END PUBLIC KEY-----\n-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----' },
  { imitates: 'a Stripe publishable key', text: 'The checkout page uses publishable key: pk_live_51Hc2aBCdEf6GhIj7KlMn8OpQr9StUv0WxYz (that one is public).' },
  { imitates: 'an inline image', text: 'Screenshot: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' },
  { imitates: 'product codes', text: 'SKU 8806094937854, EAN 4006381333931, part no. 74HC595N-TR, batch 2024-03-A17.' },
  { imitates: 'version and build numbers', text: 'App 4.2.1-beta.3 (build 10.0.19045.3803) on Android 14, SDK 34.0.0, library v2.11.0-rc.1.' },
  { imitates: 'IP addresses and ports', text: 'It fails from 192.168.100.254:8080 and from 10.0.0.12, but not from [2001:db8::1]:443.' },
  { imitates: "the word 'at' before a domain", text: 'Look at example.com for details, we met at Lumora.io last year and signed up at app.example.net.' },
  { imitates: 'retina images, package versions and mentions', text: 'logo@2x.png looks blurry; we pinned left-pad@1.3.0; thanks @jane for the help; meet me @ 5pm.' },
  { imitates: 'issue and partition keys', text: 'Jira key: SUP-1234, partition key: tenant_id, sort key: created_at, primary key: id.' },
  { imitates: 'checksums and digests', text: 'md5 d41d8cd98f00b204e9800998ecf8427e, image sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.' },
  { imitates: 'dotted words that look like a JWT', text: 'See eyes.on.the.prize and eyJust.kidding.really in the changelog, plus ewok.village.net.' },
  { imitates: 'Japanese ticket with numbers', lang: 'ja', text: '注文番号 2024031500123 の商品が届きません。追跡番号は 1234-5678-9012 です。金額は ¥12,800 でした。' },
  { imitates: 'amounts and dates', lang: 'fr', text: 'Montant de 1 234,56 € débité le 05/03/2024 à 14:30, facture FR-2024-000981.' },
  { imitates: 'a Slack channel and user id', text: 'Post it in #device-alerts and ping U024BE7LH; the workspace id is T0001.' },
  { imitates: 'a page token and a public key name', text: 'next page token: CAESBggDEAEYAQ and public key: lumora-signing-2024, key id: k-2031.' },
];
