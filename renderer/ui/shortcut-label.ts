/** macOS users read ⌘K; everyone else presses Ctrl K. */
export function paletteShortcutLabel(platform: string = globalThis.navigator?.platform ?? ''): string {
  return /^mac/i.test(platform) ? '⌘K' : 'Ctrl K';
}
