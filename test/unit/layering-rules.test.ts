import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of docs/architecture.md are ESLint rules; these cases prove a wrong import fails lint.
const eslint = new ESLint();

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.severity === 2).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layering rules', () => {
  it.each([
    ['shared/probe.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;", /shared\/ stays pure/],
    ['shared/probe.ts', "import { app } from 'electron';\nexport const x = app;", /shared\/ stays pure/],
    ['shared/probe.ts', "import { x } from '../renderer/routes';\nexport const y = x;", /shared\/ stays pure/],
    ['shared/probe.ts', 'export const title = document.title;', /no-restricted-globals/],
    ['renderer/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;", /renderer\/ never imports/],
    ['renderer/probe.ts', "import { createHandlers } from '../electron/ipc-handlers';\nexport const x = createHandlers;", /renderer\/ never imports/],
    ['electron/probe.ts', "import { App } from '../renderer/components/App';\nexport const x = App;", /electron\/ never imports renderer/],
    ['renderer/components/Probe.tsx', 'export const info = () => window.failsafe?.appInfo();', /through a store/],
  ])('refuses %s with %j', async (filePath, code, message) => {
    expect((await errorsFor(filePath, code)).join('\n')).toMatch(message);
  });

  it('allows what each layer may use', async () => {
    expect(await errorsFor('shared/probe.ts', "import { parse } from 'yaml';\nexport const x = parse;")).toEqual([]);
    expect(await errorsFor('renderer/probe.ts', "import { classifyLink } from '../shared/url-rules';\nexport const x = classifyLink;")).toEqual([]);
    expect(await errorsFor('electron/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;")).toEqual([]);
  });
});
