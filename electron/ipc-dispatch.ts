import { checkRequest, isChannel, type Handlers } from '../shared/ipc-contract';

/** A call refused before or by its handler: the renderer gets `IPC refused: <channel>: <reason>`. */
export class IpcRefusal extends Error {}

/**
 * The one door every IPC call goes through, in Electron's main and in the test stand-in alike (after
 * each has checked the sender): an unknown channel or a request of the wrong shape is refused with
 * a clear error before any handler runs.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown): Promise<unknown> {
  if (!isChannel(channel)) throw new Error(`IPC refused: unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
  const checked = checkRequest(channel, payload);
  if (!checked.ok) throw new Error(`IPC refused: ${channel} ${checked.reason}`);
  try {
    return await (handlers[channel] as (request: unknown) => Promise<unknown>)(checked.value);
  } catch (error) {
    if (error instanceof IpcRefusal) throw new Error(`IPC refused: ${channel}: ${error.message}`);
    throw error;
  }
}
