import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Input {
  path: string;
  /** Found by walking a folder: a file that is not a crash format is skipped, not an error. */
  fromFolder: boolean;
}

/** Bound on files gathered from folders, so a mistaken `/` does not walk the whole disk. */
const MAX_FILES = 1_000_000;

/** Files named on the command line, and every file below the folders named, in sorted order. */
export function expandInputs(paths: string[]): { inputs: Input[]; errors: { path: string; message: string }[] } {
  const inputs: Input[] = [];
  const errors: { path: string; message: string }[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (err) {
      errors.push({ path: dir, message: `cannot read the folder: ${(err as Error).message}` });
      return;
    }
    for (const name of names) {
      if (inputs.length >= MAX_FILES) return;
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) inputs.push({ path: p, fromFolder: true });
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      inputs.push({ path: p, fromFolder: false }); // reported as missing when opened
      continue;
    }
    if (st.isDirectory()) walk(p);
    else inputs.push({ path: p, fromFolder: false });
  }
  return { inputs, errors };
}
