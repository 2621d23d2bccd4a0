// A settings file in the user data folder, JSON, checked when read: a missing, damaged or
// hand-edited file reads as the defaults, never as half-valid settings. Written whole, by rename,
// so a crash mid-write leaves the previous file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface CheckedJsonFile<T> {
  read(): Promise<T>;
  write(value: T): Promise<void>;
}

/** `check` gives the value a file's parsed JSON stands for, or undefined when it is not valid. */
export function createCheckedJsonFile<T>(file: string, check: (parsed: unknown) => T | undefined, defaults: () => T): CheckedJsonFile<T> {
  return {
    async read() {
      try {
        return check(JSON.parse(await readFile(file, 'utf8'))) ?? defaults();
      } catch {
        return defaults();
      }
    },
    async write(value) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, JSON.stringify(value, null, 2));
      await rename(`${file}.tmp`, file);
    },
  };
}
