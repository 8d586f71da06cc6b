// Test-only: the one way tests reach ../shared/corpus. A missing file fails loudly instead of
// silently skipping, so a moved corpus cannot turn the suite green.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The project root (the folder holding packages/). */
export const projectRoot = resolve(here, '../../../..');
export const corpusRoot = resolve(projectRoot, '../shared/corpus');

export function corpusPath(...parts: string[]): string {
  const p = join(corpusRoot, ...parts);
  if (!existsSync(p)) {
    throw new Error(`corpus file missing: ${p} (expected ../shared/corpus beside the project)`);
  }
  return p;
}

export function readCorpus(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(corpusPath(...parts)));
}

/** Every file under a corpus folder whose name passes `filter`, sorted, as corpus-relative paths. */
export function listCorpus(folder: string, filter: (name: string) => boolean = () => true): string[] {
  const root = corpusPath(folder);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (filter(name)) out.push(relative(corpusRoot, p));
    }
  };
  walk(root);
  if (out.length === 0) throw new Error(`no matching files under ${root}`);
  return out;
}
