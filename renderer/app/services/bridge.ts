import type { FailsafeBridge } from '../../../shared/ipc-contract';

declare global {
  interface Window {
    failsafe?: FailsafeBridge;
  }
}

/** The desktop host's bridge, or undefined when the renderer runs as a plain web page. */
export function desktopBridge(): FailsafeBridge | undefined {
  return window.failsafe;
}
