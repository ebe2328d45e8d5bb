/**
 * Turns the request target of an HTTP request into path segments below the served folder, or
 * says why it cannot be served. Pure: no file system access, so every case is easy to test.
 */

export type RequestPath =
  | { readonly kind: 'file'; readonly segments: readonly string[]; readonly directory: boolean }
  | { readonly kind: 'bad-request'; readonly reason: string }
  | { readonly kind: 'forbidden'; readonly reason: string }
  | { readonly kind: 'hidden' };

export function parseRequestPath(target: string | undefined): RequestPath {
  // Only origin-form targets (RFC 9112 section 3.2.1); absolute-form is for proxies, `*` for OPTIONS.
  if (target === undefined || !target.startsWith('/')) {
    return { kind: 'bad-request', reason: 'The request target must be a path starting with "/".' };
  }
  const end = target.search(/[?#]/);
  const rawPath = end === -1 ? target : target.slice(0, end);

  const segments: string[] = [];
  let hidden = false;
  // Split before decoding, so an encoded "/" (%2F) cannot create a path separator.
  for (const raw of rawPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'bad-request', reason: 'The path is not valid percent-encoded UTF-8.' };
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return { kind: 'forbidden', reason: 'The path climbs out of the served folder.' };
    // Separators and drive letters smuggled inside one segment, and NUL, which truncates paths.
    if (/[/\\:\0]/.test(segment)) {
      return { kind: 'forbidden', reason: 'The path contains a character that is not allowed in a file name.' };
    }
    if (segment.startsWith('.')) hidden = true;
    segments.push(segment);
  }
  // Dot files and folders (.git, .env, ...) are never served, and their existence is not revealed.
  if (hidden) return { kind: 'hidden' };
  return { kind: 'file', segments, directory: rawPath.endsWith('/') };
}
