/**
 * Values for the `{slot}` fillers in the phrase pools: order and invoice numbers, amounts in the
 * customer's currency, products, dates in the customer's notation, carriers, error codes...
 * None of these are PII or secrets; those are planted separately so they can be tracked.
 */
import { AGENTS } from '../catalog.js';
import type { Prng } from './prng.js';
import type { SampleLanguage } from './types.js';

export type SlotValues = Readonly<Record<string, string>>;

const PRODUCTS = ['Lumora Hub', 'Lumora Cam 2', 'Lumora Doorbell', 'Lumora Thermostat', 'Lumora Smart Plug', 'Lumora Lock', 'Lumora Motion Sensor'];
const PLANS = ['Basic', 'Plus', 'Pro', 'Business'];
const FEATURES = [
  'dark mode', 'CSV export of all events', 'multi-user access with roles', 'geofencing', 'HomeKit support',
  'an API for energy reports', 'scheduled scenes', 'SSO with Okta', 'local recording to an SD card', 'widgets for the lock screen',
];
const INTEGRATIONS = ['Zapier', 'Home Assistant', 'IFTTT', 'Slack', 'Google Home', 'Alexa'];
const ERRORS = ['E-4031', 'ERR_CONN_RESET', 'HTTP 502', 'HTTP 429', 'SYNC_TIMEOUT', 'error 0x80070005', 'DEVICE_UNREACHABLE', 'HTTP 401'];
const BROWSERS = ['Chrome 131', 'Firefox 133', 'Safari 18', 'Edge 131'];
const OSES = ['iOS 18.2', 'Android 15', 'Windows 11', 'macOS 15', 'iPadOS 18'];
const COMPANIES = ['Northwind Traders', 'Fabrikam Retail', 'Contoso Facilities', 'Tailspin Hotels', 'Wide World Realty'];

const CARRIERS: Readonly<Record<SampleLanguage, readonly string[]>> = {
  en: ['UPS', 'FedEx', 'USPS', 'DHL', 'Royal Mail'],
  de: ['DHL', 'DPD', 'Hermes', 'GLS'],
  es: ['Correos', 'SEUR', 'MRW'],
  fr: ['Colissimo', 'Chronopost', 'DPD'],
  ja: ['ヤマト運輸', '佐川急便', '日本郵便'],
};

const CITIES: Readonly<Record<SampleLanguage, readonly string[]>> = {
  en: ['Denver', 'Atlanta', 'Leeds', 'Lagos', 'Singapore', 'São Paulo', 'Bucharest'],
  de: ['Frankfurt', 'Hannover', 'Dortmund', 'Singapur', 'Lagos'],
  es: ['Zaragoza', 'Bilbao', 'Málaga'],
  fr: ['Lille', 'Toulouse', 'Strasbourg'],
  ja: ['横浜', '名古屋', '札幌'],
};

const MONTHS: Readonly<Record<Exclude<SampleLanguage, 'ja'>, readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin'],
};

function date(prng: Prng, language: SampleLanguage): string {
  const month = prng.int(1, 6);
  const day = prng.int(1, 28);
  switch (language) {
    case 'en':
      return prng.chance(50) ? `${MONTHS.en[month - 1]} ${day}` : `${day} ${MONTHS.en[month - 1]}`;
    case 'de':
      return prng.chance(50) ? `${day}.${String(month).padStart(2, '0')}.` : `${day}. ${MONTHS.de[month - 1]}`;
    case 'es':
      return `${day} de ${MONTHS.es[month - 1]}`;
    case 'fr':
      return `${day} ${MONTHS.fr[month - 1]}`;
    case 'ja':
      return `${month}月${day}日`;
  }
}

// Written out by hand: toLocaleString depends on the ICU data the engine ships with.
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function amount(prng: Prng, language: SampleLanguage): string {
  const units = prng.pick([4, 9, 14, 19, 29, 49, 99, 119, 149, 249]);
  const cents = prng.pick(['99', '00', '50']);
  switch (language) {
    case 'en':
      return prng.chance(70) ? `$${units}.${cents}` : `£${units}.${cents}`;
    case 'ja':
      return `¥${groupThousands(units * 110)}`;
    default:
      return `${units},${cents} €`;
  }
}

export function slotValues(prng: Prng, language: SampleLanguage): SlotValues {
  const d = (n: number): string => prng.chars('0123456789', n);
  const agent = prng.pick(AGENTS);
  return {
    order: `LM-${d(6)}`,
    invoice: `INV-2025-${d(5)}`,
    amount: amount(prng, language),
    amount2: amount(prng, language),
    product: prng.pick(PRODUCTS),
    plan: prng.pick(PLANS),
    feature: prng.pick(FEATURES),
    integration: prng.pick(INTEGRATIONS),
    error: prng.pick(ERRORS),
    browser: prng.pick(BROWSERS),
    os: prng.pick(OSES),
    version: `4.${prng.int(8, 14)}.${prng.int(0, 3)}`,
    date: date(prng, language),
    days: String(prng.int(5, 21)),
    n: String(prng.int(2, 12)),
    carrier: prng.pick(CARRIERS[language]),
    tracking: prng.chance(50) ? `1Z${prng.chars('0123456789ABCDEFGHJKLMNPRSTUVWXYZ', 16)}` : d(12),
    city: prng.pick(CITIES[language]),
    company: prng.pick(COMPANIES),
    agent: (agent.name.split(' ')[0] ?? agent.name),
  };
}

/** Replace every `{name}` with its value; an unknown name is a bug in the phrase pools. */
export function fill(template: string, values: SlotValues): string {
  return template.replace(/\{([a-z0-9_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`phrase uses unknown slot {${name}}: ${template}`);
    return value;
  });
}
