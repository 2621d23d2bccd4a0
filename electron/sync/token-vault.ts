import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SyncFailure } from './sync-errors';

/** Encryption the operating system provides (Electron's safeStorage in the app). */
export interface Cipher {
  available(): boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

export interface TokenVault {
  get(): Promise<string | undefined>;
  set(token: string | null): Promise<void>;
  has(): Promise<boolean>;
}

/** The access token, encrypted at rest on the main side only; it never goes to the renderer. */
export function createTokenVault(file: string, cipher: Cipher): TokenVault {
  const read = async () => readFile(file).catch(() => undefined);
  return {
    async get() {
      const data = await read();
      if (!data || !cipher.available()) return undefined;
      try {
        return cipher.decrypt(data);
      } catch {
        return undefined;
      }
    },
    async set(token) {
      if (token === null) {
        await rm(file, { force: true });
        return;
      }
      if (!cipher.available()) {
        throw new SyncFailure('settings', 'This system offers no secure storage for the token (no keyring), so it was not saved.');
      }
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, cipher.encrypt(token), { mode: 0o600 });
    },
    async has() {
      return (await read()) !== undefined;
    },
  };
}
