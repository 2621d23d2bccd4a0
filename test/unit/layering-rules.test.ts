import { ESLint } from 'eslint';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering rules of docs/architecture.md are ESLint rules; these cases prove a wrong import fails lint.
const eslint = new ESLint();

/**
 * Lints `code` as if it were the file at `filePath`. Type-aware rules need the file on disk, so it is
 * written there for the moment (with its folder, when new) and removed again.
 */
let probes = 0;

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  // A new name each time: the type service remembers files it has seen.
  const probe = filePath.replace(/(\.tsx?)$/, `.lint-probe-${++probes}$1`);
  const folder = path.dirname(probe);
  const newFolder = !existsSync(folder);
  await mkdir(folder, { recursive: true });
  try {
    await writeFile(probe, code);
    const [result] = await eslint.lintFiles([probe]);
    return result.messages.filter((message) => message.severity === 2).map((message) => `${message.ruleId}: ${message.message}`);
  } finally {
    await rm(newFolder ? folder : probe, { recursive: true, force: true });
  }
}

describe('layering rules', () => {
  it.each([
    ['shared/probe.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;", /shared\/ stays pure/],
    ['shared/probe.ts', "import { app } from 'electron';\nexport const x = app;", /shared\/ stays pure/],
    ['shared/probe.ts', "import { x } from '../renderer/app/services/routes';\nexport const y = x;", /shared\/ stays pure/],
    ['shared/probe.ts', 'export const title = document.title;', /no-restricted-globals/],
    ['renderer/features/run/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;", /renderer\/ never imports/],
    ['renderer/app/services/probe.ts', "import { createHandlers } from '../../../electron/ipc-handlers';\nexport const x = createHandlers;", /renderer\/ never imports/],
    ['electron/probe.ts', "import { App } from '../renderer/app/App';\nexport const x = App;", /electron\/ never imports renderer/],
    ['renderer/features/run/Probe.tsx', 'export const info = () => window.failsafe?.appInfo();', /through app\/services\/bridge\.ts/],
    ['renderer/features/run/probe-store.ts', 'export const info = () => window.failsafe?.appInfo();', /through app\/services\/bridge\.ts/],
    ['renderer/features/run/Probe.tsx', "import { createDatabase } from '../../app/services/database';\nexport const x = createDatabase;", /through a store/],
    ['renderer/ui/Probe.tsx', "import { desktopBridge } from '../app/services/bridge';\nexport const x = desktopBridge;", /through a store/],
    ['renderer/app/App-probe.ts', "import _ from 'lodash';\nexport const x = _;", /only the packages listed/],
    // The rooms of the renderer: a feature sees another only through its index.ts, and nothing below
    // reaches up (services < ui < features < shell).
    ['renderer/features/run/probe.ts', "import { useLibraryStore } from '../library/library-store';\nexport const x = useLibraryStore;", /only through its index\.ts/],
    ['renderer/features/run/probe.ts', "import { useLibraryStore } from '../../features/library/library-store';\nexport const x = useLibraryStore;", /only through its index\.ts/],
    ['renderer/features/run/probe.ts', "import { useLibraryStore } from '../../features/library';\nexport const x = useLibraryStore;", /only through its index\.ts/],
    ['renderer/features/run/probe.ts', "import { App } from '../../app/App';\nexport const x = App;", /do not import the app shell/],
    ['renderer/ui/probe.ts', "import { useLibraryStore } from '../features/library';\nexport const x = useLibraryStore;", /imports no feature/],
    ['renderer/ui/markdown/probe.ts', "import { Sidebar } from '../../app/Sidebar';\nexport const x = Sidebar;", /does not import the app shell/],
    ['renderer/app/services/probe.ts', "import { Dialog } from '../../ui/Dialog';\nexport const x = Dialog;", /bottom of the renderer/],
    ['renderer/app/services/probe.ts', "import { useLibraryStore } from '../../features/library';\nexport const x = useLibraryStore;", /bottom of the renderer/],
    ['renderer/app/services/probe.ts', "import { App } from '../App';\nexport const x = App;", /bottom of the renderer/],
    ['renderer/probe.ts', 'export const x = 1;', /belongs to no layer/],
    ['renderer/components/Probe.tsx', 'export const x = 1;', /belongs to no layer/],
    ['shared/probe.ts', "import { z } from 'zod';\nexport const x = z;", /only the packages listed/],
    ['electron/ipc-handlers-probe.ts', "import { shell } from 'electron';\nexport const x = shell;", /only main\.ts and preload\.ts import electron/],
    ['electron/sync/probe.ts', "import { readFile } from 'fs';\nexport const x = readFile;", /electron\/ services import Node/],
    ['tools/probe.ts', 'export const x = 1;', /belongs to no layer/],
    ['probe.ts', 'export const x = 1;', /belongs to no layer/],
    ['renderer/features/run/Probe.tsx', "import { useState } from 'react';\nexport function Probe({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}", /react-hooks\/rules-of-hooks/],
    ['shared/probe.ts', 'async function later(): Promise<void> {}\nexport function now() {\n  later();\n}', /no-floating-promises/],
  ])('refuses %s with %j', async (filePath, code, message) => {
    expect((await errorsFor(filePath, code)).join('\n')).toMatch(message);
  });

  it('allows what each layer may use', async () => {
    expect(await errorsFor('shared/probe.ts', "import { parse } from 'yaml';\nexport const x = parse;")).toEqual([]);
    expect(await errorsFor('renderer/ui/probe.ts', "import { classifyLink } from '../../shared/url-rules';\nexport const x = classifyLink;")).toEqual([]);
    expect(await errorsFor('renderer/features/run/probe.ts', "import { useLibraryStore } from '../library';\nimport { readRunbook } from './run-actions';\nimport { withCommand } from '../../ui/keys';\nimport { goTo } from '../../app/services/app-actions';\nexport const x = [useLibraryStore, readRunbook, withCommand, goTo];")).toEqual([]);
    expect(await errorsFor('renderer/ui/markdown/probe.ts', "import { hashOf } from '../../app/services/routes';\nexport const x = hashOf;")).toEqual([]);
    expect(await errorsFor('renderer/app/probe.ts', "import { RunScreen } from '../features/run/RunScreen';\nexport const x = RunScreen;")).toEqual([]);
    expect(await errorsFor('electron/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;")).toEqual([]);
    expect(await errorsFor('electron/probe.ts', "import type { BrowserWindow } from 'electron';\nexport type X = BrowserWindow;")).toEqual([]);
    expect(await errorsFor('scripts/probe.ts', "import { app } from 'electron';\nexport const x = app;")).toEqual([]);
  });
});
