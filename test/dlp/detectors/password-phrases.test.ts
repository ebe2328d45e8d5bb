import { describe, expect, it } from 'vitest';
import { passesSignlessBar, passphraseEnd } from '../../../src/dlp/detectors/password-phrases.js';
import { matches } from '../helpers.js';

describe('secret.generic, passwords without a sign', () => {
  it.each([
    ['my password is $ and it fails', 'Summer2024!'],
    ['the password is now $', 'Xk2!pQ9z'],
    ['The admin password was set to $ by your technician.', 'Kestrel#1402'],
    ['mein Passwort ist $, bitte prüfen', 'Sommer2024!'],
    ['Das Passwort lautet jetzt $', 'Kennw0rt!'],
    ['mi contraseña es $ y no puedo entrar', 'Girasol_1228*'],
    ['le mot de passe est $.', 'Tournesol.2062*'],
    ['パスワードは「$」です', 'Xk2!pQ9z'],
  ])('finds the value in %s', (template, value) => {
    expect(matches('secret.generic', template.replace('$', value))).toEqual([value]);
  });

  it.each([
    ['prose after the verb', 'my password is changed'],
    ['a capitalised word', 'my password is Welcome'],
    ['a long plain word', 'the password is incorrect'],
    ['a short value', 'the password is 8 characters long'],
    ['a sentence', 'my password is not working since the update'],
    ['German prose', 'Das Passwort ist falsch und wurde gestern geändert'],
    ['a word that only contains "password"', 'mypassword is Xk2!pQ9z'],
    ['an ambiguous name without a sign', 'the pass is Xk2!pQ9z'],
  ])('ignores %s', (_, text) => {
    expect(matches('secret.generic', text)).toEqual([]);
  });

  it('wants a sign-less value to look built: a digit, a symbol or an inner capital', () => {
    expect(passesSignlessBar('hunter22')).toBe(true);
    expect(passesSignlessBar('correcthorse')).toBe(false);
    expect(passesSignlessBar('CorrectHorse')).toBe(true);
  });
});

describe('secret.generic, passphrases', () => {
  it.each([
    ['passphrase: $', 'correct horse battery staple'],
    ['The passphrase is: $', 'violet tractor lagoon pepper'],
    ['my passphrase is $', 'orbit walnut canyon saffron'],
    ['password: $.', 'otter meadow copper falcon'],
  ])('finds several words as the value in %s', (template, value) => {
    expect(matches('secret.generic', template.replace('$', value))).toEqual([value]);
  });

  it.each([
    ['a sentence with function words', 'Please reset my password: I forgot it again'],
    ['ticket words', 'password: reset link never arrived'],
    ['two words', 'Password: changed yesterday, token: expired'],
    ['words that go on past the line end', 'password: violet tractor lagoon pepper orbit walnut canyon saffron tundra'],
  ])('ignores %s', (_, text) => {
    expect(matches('secret.generic', text)).toEqual([]);
  });

  it('ends a phrase at the line end, a sentence end or a closing quote, and nowhere else', () => {
    const text = 'x violet tractor lagoon pepper';
    expect(passphraseEnd(text, 2)).toBe(text.length);
    expect(passphraseEnd(`${text}; more`, 2)).toBe(text.length);
    expect(passphraseEnd(`${text}x more`, 2)).toBe(-1);
  });
});
