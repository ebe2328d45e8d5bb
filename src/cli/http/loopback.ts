import { BlockList, isIP } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/** True for `localhost` and for IP addresses of this machine's loopback interface only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare.toLowerCase() === 'localhost') return true;
  const family = isIP(bare);
  if (family === 4) return LOOPBACK.check(bare, 'ipv4');
  if (family === 6) return LOOPBACK.check(bare, 'ipv6');
  return false;
}

/**
 * True when an HTTP Host header names this machine's loopback. Refusing other names stops DNS
 * rebinding: a web page whose name suddenly resolves to 127.0.0.1 still sends its own name here.
 */
export function isLoopbackHostHeader(hostHeader: string | undefined): boolean {
  if (hostHeader === undefined || hostHeader === '') return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${hostHeader}/`).hostname;
  } catch {
    return false;
  }
  return isLoopbackHost(hostname);
}

/** `host:port` as it goes into a URL (IPv6 addresses in brackets). */
export function formatHostPort(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
