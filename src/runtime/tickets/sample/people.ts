/**
 * Fictional customers for the sample set: names per language, emails on reserved domains
 * (RFC 2606 `.example` and example.com/.net/.org), phone numbers in national formats taken
 * from ranges reserved for fiction where a country has one (US 555-01xx, UK 020 7946 0xxx and
 * 07700 900xxx, FR 01 99 00 and 06 39 98), and postal addresses.
 */
import type { Prng } from './prng.js';
import type { SampleLanguage } from './types.js';

export interface Person {
  name: string;
  firstName: string;
  email: string;
  /** E.164, the form Zendesk stores on a user. */
  phoneE164: string;
  /** The same number as a customer would type it in a signature. */
  phoneLocal: string;
  address: string;
  language: SampleLanguage;
}

interface NamePool {
  first: readonly string[];
  last: readonly string[];
  domains: readonly string[];
}

const NAMES: Readonly<Record<SampleLanguage, NamePool>> = {
  en: {
    first: ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'James', 'Sophia', 'Lucas', 'Mia', 'Ethan', 'Amelia', 'Mason',
      'Harper', 'Logan', 'Evelyn', 'Aiden', 'Priya', 'Rahul', 'Wei', 'Fatima', 'Omar', 'Grace', 'Daniel', 'Chloe',
      'Marcus', 'Aisha', 'Hannah', 'Kwame', 'Siobhan', 'Tyler', 'Nadia', 'Connor', 'Mei', 'Ravi', 'Zoe', 'Isaac'],
    last: ['Johnson', 'Smith', 'Williams', 'Brown', 'Patel', 'Nguyen', 'Garcia', 'Okafor', 'Kim', 'Murphy',
      'OBrien', 'Rossi', 'Anderson', 'Thompson', 'Walker', 'Singh', 'Chen', 'Haddad', 'Kowalski', 'Reyes',
      'Campbell', 'Foster', 'Hughes', 'Mensah', 'Lindqvist', 'Baker', 'Sato', 'Goldberg', 'Ellis', 'Navarro'],
    domains: ['example.com', 'example.net', 'mail.example', 'northwind.example', 'contoso.example', 'acme-corp.example', 'fabrikam.example'],
  },
  de: {
    first: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Marie', 'Paul', 'Sophie', 'Maximilian', 'Hannah', 'Leon', 'Lena', 'Jürgen', 'Katrin'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Krüger', 'Wolf'],
    domains: ['beispiel.example', 'posteo.example', 'web.example', 'firma-nord.example'],
  },
  es: {
    first: ['Sofía', 'Mateo', 'Lucía', 'Santiago', 'Valentina', 'Diego', 'Camila', 'Javier', 'Elena', 'Alejandro', 'Marta', 'Pablo'],
    last: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Álvarez'],
    domains: ['ejemplo.example', 'correo.example', 'empresa-sur.example'],
  },
  fr: {
    first: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Manon', 'Jules', 'Léa', 'Gabriel', 'Inès', 'Arthur', 'Élodie', 'Théo'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Garnier'],
    domains: ['exemple.example', 'courriel.example', 'societe-ouest.example'],
  },
  ja: {
    first: ['花子:hanako', '太郎:taro', '陽菜:hina', '蓮:ren', '結衣:yui', '大翔:hiroto', 'さくら:sakura', '悠真:yuma', '美咲:misaki', '健太:kenta'],
    last: ['佐藤:sato', '鈴木:suzuki', '高橋:takahashi', '田中:tanaka', '渡辺:watanabe', '伊藤:ito', '山本:yamamoto', '中村:nakamura'],
    domains: ['rei.example', 'mail.example', 'kaisha.example'],
  },
};

/** Lower-case ASCII for an email local part: drop accents, keep letters. */
export function asciiFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function digits(prng: Prng, n: number): string {
  return prng.chars('0123456789', n);
}

interface Phone {
  e164: string;
  local: string;
}

function phoneFor(prng: Prng, language: SampleLanguage): Phone {
  switch (language) {
    case 'en': {
      if (prng.chance(70)) {
        const area = prng.pick(['212', '415', '312', '617', '206', '512', '303', '646', '702']);
        const line = `01${digits(prng, 2)}`;
        const local = prng.pick([`(${area}) 555-${line}`, `${area}-555-${line}`, `+1 ${area} 555 ${line}`, `${area}.555.${line}`]);
        return { e164: `+1${area}555${line}`, local };
      }
      if (prng.chance(50)) {
        const line = `0${digits(prng, 3)}`;
        return { e164: `+44207946${line}`, local: prng.pick([`020 7946 ${line}`, `+44 20 7946 ${line}`]) };
      }
      const line = digits(prng, 3);
      return { e164: `+447700900${line}`, local: prng.pick([`07700 900${line}`, `+44 7700 900${line}`]) };
    }
    case 'de': {
      if (prng.chance(50)) {
        const sub = `${digits(prng, 4)} ${digits(prng, 3)}`;
        return { e164: `+4930${sub.replace(' ', '')}`, local: prng.pick([`030 ${sub}`, `+49 30 ${sub}`]) };
      }
      const sub = `${digits(prng, 3)} ${digits(prng, 4)}`;
      const net = prng.pick(['151', '160', '171', '176']);
      return { e164: `+49${net}${sub.replace(' ', '')}`, local: prng.pick([`0${net} ${sub}`, `+49 ${net} ${sub}`]) };
    }
    case 'es': {
      const first = prng.pick(['6', '7', '91']);
      const rest = digits(prng, 9 - first.length);
      const national = first + rest;
      const grouped = `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
      return { e164: `+34${national}`, local: `+34 ${grouped}` };
    }
    case 'fr': {
      const pair = (): string => digits(prng, 2);
      if (prng.chance(50)) {
        const a = pair();
        const b = pair();
        return { e164: `+3319900${a}${b}`, local: prng.pick([`01 99 00 ${a} ${b}`, `+33 1 99 00 ${a} ${b}`]) };
      }
      const a = pair();
      const b = pair();
      return { e164: `+3363998${a}${b}`, local: prng.pick([`06 39 98 ${a} ${b}`, `+33 6 39 98 ${a} ${b}`]) };
    }
    case 'ja': {
      if (prng.chance(50)) {
        const a = digits(prng, 4);
        const b = digits(prng, 4);
        return { e164: `+813${a}${b}`, local: prng.pick([`03-${a}-${b}`, `+81 3-${a}-${b}`]) };
      }
      const net = prng.pick(['90', '80', '70']);
      const a = digits(prng, 4);
      const b = digits(prng, 4);
      return { e164: `+81${net}${a}${b}`, local: prng.pick([`0${net}-${a}-${b}`, `+81 ${net}-${a}-${b}`]) };
    }
  }
}

function addressFor(prng: Prng, language: SampleLanguage): string {
  const n = prng.int(2, 980);
  switch (language) {
    case 'en':
      if (prng.chance(70)) {
        const street = prng.pick(['Maple Avenue', 'Elm Street', 'Harbor Drive', 'Oak Lane', 'Cedar Court', 'Sunset Boulevard', 'Pine Ridge Road', 'Willow Way']);
        const [city, state, zip] = prng.pick([
          ['Springfield', 'IL', '627'], ['Portland', 'OR', '972'], ['Austin', 'TX', '787'], ['Madison', 'WI', '537'],
          ['Burlington', 'VT', '054'], ['Boulder', 'CO', '803'], ['Savannah', 'GA', '314'],
        ] as const);
        const apt = prng.chance(40) ? `, Apt ${prng.int(1, 40)}${prng.pick(['A', 'B', 'C', ''])}` : '';
        return `${n} ${street}${apt}, ${city}, ${state} ${zip}${digits(prng, 2)}`;
      } else {
        const street = prng.pick(['Baker Street', 'Kingsway', 'Mill Lane', 'Station Road', 'Queens Crescent']);
        const [city, pc] = prng.pick([['London', 'NW1'], ['Manchester', 'M4'], ['Leeds', 'LS6'], ['Bristol', 'BS8']] as const);
        return `${prng.int(1, 220)} ${street}, ${city} ${pc} ${prng.int(1, 9)}${prng.pick(['AB', 'DF', 'HT', 'QX', 'RW'])}`;
      }
    case 'de': {
      const street = prng.pick(['Hauptstraße', 'Gartenweg', 'Lindenallee', 'Bahnhofstraße', 'Schillerplatz', 'Am Mühlbach']);
      const [plz, city] = prng.pick([['10115', 'Berlin'], ['80331', 'München'], ['50667', 'Köln'], ['20095', 'Hamburg'], ['04109', 'Leipzig']] as const);
      return `${street} ${prng.int(1, 140)}, ${plz} ${city}`;
    }
    case 'es': {
      const street = prng.pick(['Calle Mayor', 'Avenida de la Constitución', 'Calle del Sol', 'Paseo de Gracia', 'Calle Real']);
      const [cp, city] = prng.pick([['28013', 'Madrid'], ['08008', 'Barcelona'], ['41001', 'Sevilla'], ['46002', 'Valencia']] as const);
      return `${street} ${prng.int(1, 120)}, ${prng.int(1, 8)}º ${prng.pick(['A', 'B', 'C', 'D'])}, ${cp} ${city}`;
    }
    case 'fr': {
      const street = prng.pick(['rue de la République', 'avenue Victor Hugo', 'boulevard Voltaire', 'rue des Lilas', 'place du Marché']);
      const [cp, city] = prng.pick([['75011', 'Paris'], ['69002', 'Lyon'], ['13001', 'Marseille'], ['33000', 'Bordeaux'], ['44000', 'Nantes']] as const);
      return `${prng.int(1, 160)} ${street}, ${cp} ${city}`;
    }
    case 'ja': {
      const [ward, pc] = prng.pick([['東京都渋谷区神南', '150-0041'], ['大阪府大阪市北区梅田', '530-0001'], ['京都府京都市中京区', '604-8005'], ['福岡県福岡市中央区天神', '810-0001']] as const);
      return `〒${pc} ${ward}${prng.int(1, 5)}-${prng.int(1, 30)}-${prng.int(1, 20)}`;
    }
  }
}

export function createPerson(prng: Prng, language: SampleLanguage): Person {
  const pool = NAMES[language];
  const firstRaw = prng.pick(pool.first);
  const lastRaw = prng.pick(pool.last);
  let name: string;
  let firstName: string;
  let firstAscii: string;
  let lastAscii: string;
  if (language === 'ja') {
    const [firstKanji, firstRomaji] = firstRaw.split(':') as [string, string];
    const [lastKanji, lastRomaji] = lastRaw.split(':') as [string, string];
    name = `${lastKanji} ${firstKanji}`;
    firstName = lastKanji; // Japanese sign-offs use the family name
    firstAscii = firstRomaji;
    lastAscii = lastRomaji;
  } else {
    const last = lastRaw === 'OBrien' ? "O'Brien" : lastRaw;
    name = `${firstRaw} ${last}`;
    firstName = firstRaw;
    firstAscii = asciiFold(firstRaw);
    lastAscii = asciiFold(last);
  }
  const local = prng.pick([
    `${firstAscii}.${lastAscii}`,
    `${firstAscii[0] ?? 'x'}${lastAscii}`,
    `${firstAscii}_${lastAscii}${prng.int(1, 99)}`,
    `${firstAscii}.${lastAscii[0] ?? 'x'}`,
    `${lastAscii}.${firstAscii}`,
  ]);
  const phone = phoneFor(prng, language);
  return {
    name,
    firstName,
    email: `${local}@${prng.pick(pool.domains)}`,
    phoneE164: phone.e164,
    phoneLocal: phone.local,
    address: addressFor(prng, language),
    language,
  };
}

/** Another number for the same person's country, e.g. a call-back number in a custom field. */
export function otherPhone(prng: Prng, language: SampleLanguage): string {
  return phoneFor(prng, language).local;
}
