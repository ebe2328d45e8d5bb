/**
 * Ticket text around a planted value: openings and closings of support mail in the languages the
 * sample tickets use, so a value is always read inside the sort of text it arrives in. Frames
 * hold no secret or PII of their own (the look-alike test runs them too).
 */
export type Lang = 'en' | 'de' | 'es' | 'fr' | 'ja';

const FRAMES: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'Hi support,\n\n$\n\nThanks,\nMaria',
    'Hello team, we have been stuck since this morning.\n$\nCould you take a look? It is blocking our release.',
    '$',
    'Following up on ticket #48213 from Tuesday:\n\n$\n\nBest regards,\nTom (IT, Lumora GmbH)',
    'Subject: Integration broken after update\n\nHi,\n$\nLet me know if you need more details.',
    'Quick question before our call at 3pm.\n$\nCheers',
  ],
  de: [
    'Hallo zusammen,\n\n$\n\nViele Grüße\nJonas',
    'Guten Tag,\nseit dem Update vom 05.03.2024 funktioniert die Anbindung nicht mehr.\n$\nMit freundlichen Grüßen',
    '$\n\nDanke für die schnelle Hilfe!',
  ],
  es: [
    'Hola equipo,\n\n$\n\nGracias de antemano,\nLucía',
    'Buenos días, desde ayer la integración falla.\n$\nSaludos cordiales',
    '$\n¿Me pueden ayudar? Es urgente.',
  ],
  fr: [
    'Bonjour,\n\n$\n\nCordialement,\nCamille',
    "Bonjour l'équipe, l'intégration ne marche plus depuis la mise à jour.\n$\nMerci d'avance",
    '$\n\nBonne journée',
  ],
  ja: [
    'お世話になっております。\n$\nよろしくお願いいたします。',
    'サポートご担当者様\n昨日から連携がエラーになります。\n$\nご確認をお願いします。',
    '$\n至急ご対応いただけますと幸いです。',
  ],
};

export function frame(lang: Lang, i: number, body: string): string {
  const frames = FRAMES[lang];
  return frames[i % frames.length]!.replace('$', () => body);
}

export const ALL_FRAMES: readonly { lang: Lang; count: number }[] = (Object.keys(FRAMES) as Lang[]).map((lang) => ({ lang, count: FRAMES[lang].length }));
