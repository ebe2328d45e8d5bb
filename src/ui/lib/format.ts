/** Small formatting helpers shared by the views. */

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${n} ${n === 1 ? 'byte' : 'bytes'}` : `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

/** `sha256:3f2a…9c1e` — enough to tell hashes apart at a glance; the full value goes in a title. */
export function shortHash(hash: string | null | undefined, keep = 10): string {
  if (hash === null || hash === undefined) return '—';
  const body = hash.startsWith('sha256:') ? hash.slice(7) : hash;
  const prefix = hash.startsWith('sha256:') ? 'sha256:' : '';
  return body.length <= keep + 4 ? hash : `${prefix}${body.slice(0, keep)}…${body.slice(-4)}`;
}

/** A UTC timestamp as `2026-01-05 09:00:12 UTC`: auditors compare times across machines. */
export function formatTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '').replace(/Z$/, '')} UTC`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
