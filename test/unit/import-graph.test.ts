import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layout of docs/architecture.md, checked on the real tree: no import cycles anywhere in the
// product's code, and rooms small enough to find things in. (Which file may import which is ESLint's
// job: eslint.config.js and layering-rules.test.ts.)

const ROOT = path.resolve(import.meta.dirname, '../..');
const PRODUCT = ['shared', 'renderer', 'electron'];
const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return SOURCE.test(entry.name) ? [relative] : [];
  });
}

/** The product's source files a file imports (static and dynamic imports, re-exports; packages and stylesheets left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]);
  return specifiers.flatMap((specifier) => {
    // A query (`./script?iife`, a build-time import) names the same file.
    const base = path.join(path.dirname(file), specifier.split('?')[0]);
    const found = ['', '.ts', '.tsx', '/index.ts'].map((ending) => base + ending).find((candidate) => statSync(path.join(ROOT, candidate), { throwIfNoEntry: false })?.isFile());
    if (!found) throw new Error(`${file} imports ${specifier}, which is not there`);
    return SOURCE.test(found) ? [found] : [];
  });
}

/** Every cycle's path, found by a depth-first walk (each reported once, from where it was entered). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('the import graph', () => {
  const files = PRODUCT.flatMap(sourceFiles);
  const graph = new Map(files.map((file) => [file, importsOf(file)]));

  it('has no import cycles', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(importCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('finds a cycle where there is one', () => {
    const looped = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(importCycles(looped)).toEqual([['a', 'b', 'c', 'a']]);
  });
});

describe('the rooms', () => {
  it('no folder of renderer/ or shared/ holds more than 15 source files directly', () => {
    const crowded = [...new Set(['renderer', 'shared'].flatMap(sourceFiles).map((file) => path.dirname(file)))]
      .map((folder) => ({ folder, files: readdirSync(path.join(ROOT, folder)).filter((name) => SOURCE.test(name)).length }))
      .filter(({ files }) => files > 15);
    expect(crowded).toEqual([]);
  });

  it('every feature holds its screen or panel and shows other features only its index.ts', () => {
    const features = readdirSync(path.join(ROOT, 'renderer/features'));
    expect(features.sort()).toEqual(['alerts', 'bundle', 'health', 'incident', 'library', 'links', 'messages', 'notes', 'oncall', 'run', 'search', 'settings', 'sharing', 'sync']);
    for (const feature of features) {
      const names = readdirSync(path.join(ROOT, 'renderer/features', feature));
      expect(names.some((name) => name.endsWith('.tsx')), `${feature} has a component`).toBe(true);
    }
  });
});
