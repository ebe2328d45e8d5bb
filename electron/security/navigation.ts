import { isAppUrl } from '../app-origin.js';

/**
 * `will-navigate` and `will-redirect`: the page may only go to another URL of the app itself
 * (a reload, an in-app link). Everything else (http(s), file:, javascript:, data:, blob:, another
 * custom scheme) is refused: a navigation would hand the window, and the preload API with it, to
 * content the app did not ship.
 */
export function isAllowedNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

export interface IpcSenderInfo {
  /** URL of the frame that sent the message; null when the frame is gone or navigated away. */
  readonly frameUrl: string | null | undefined;
  /** Whether that frame is the window's top frame. */
  readonly isMainFrame: boolean;
  /** Whether the message came from the app's own window. */
  readonly fromAppWindow: boolean;
}

/**
 * Every IPC message is checked for where it came from: only the app's own page in its own
 * window, top frame. A frame that somehow ended up elsewhere (a bug, or content that got past the
 * navigation guard) gets nothing from the main process.
 */
export function isTrustedSender(sender: IpcSenderInfo): boolean {
  return sender.fromAppWindow && sender.isMainFrame && isAppUrl(sender.frameUrl);
}
