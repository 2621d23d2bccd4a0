// The renderer is served from this privileged scheme so IndexedDB keeps one origin across launches.
export const APP_SCHEME = 'app';
export const APP_HOST = 'failsafe';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Only frames loaded from our own origin may call IPC handlers or navigate. */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`);
}
