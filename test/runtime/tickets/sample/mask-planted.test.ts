import { describe, expect, it } from 'vitest';
import { maskPlanted } from '../../../../src/runtime/tickets/sample/mask-planted.js';

describe('maskPlanted', () => {
  it('replaces pattern-detectable values with numbered placeholders per kind and leaves names alone', () => {
    const doc = {
      subject: 'Card 4242 4242 4242 4242',
      description: 'Mail a@example.com or b@example.com. Key: ghp_x. Mia Chen',
      comments: [{ body: 'again a@example.com' }],
      requester: { name: 'Mia Chen', email: 'a@example.com', phone: null },
    };
    const masked = maskPlanted(doc, [
      { kind: 'pii.card', value: '4242 4242 4242 4242' },
      { kind: 'pii.email', value: 'a@example.com' },
      { kind: 'pii.email', value: 'b@example.com' },
      { kind: 'secret.github', value: 'ghp_x' },
      { kind: 'pii.name', value: 'Mia Chen' },
    ]);
    expect(masked).toEqual({
      subject: 'Card [CARD_1]',
      description: 'Mail [EMAIL_1] or [EMAIL_2]. Key: [GITHUB_TOKEN_1]. Mia Chen',
      comments: [{ body: 'again [EMAIL_1]' }],
      requester: { name: 'Mia Chen', email: '[EMAIL_1]', phone: null },
    });
    expect(doc.subject).toBe('Card 4242 4242 4242 4242');
  });

  it('masks a value containing another one as a whole (longest first)', () => {
    const masked = maskPlanted({ d: 'K=AKIAXYZ S=secret' }, [
      { kind: 'secret.aws', value: 'AKIAXYZ' },
      { kind: 'secret.private_key', value: 'K=AKIAXYZ S=secret' },
    ]);
    expect(masked).toEqual({ d: '[PRIVATE_KEY_1]' });
  });
});
