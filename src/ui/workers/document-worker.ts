/** The document worker: parses the bundle once and answers the inspector's queries (document-host.ts). */
import { serveDocument, type HostPort } from '../lib/document-host.js';

serveDocument(self as unknown as HostPort);
