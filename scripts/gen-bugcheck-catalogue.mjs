#!/usr/bin/env node
// Generates packages/core/src/analysis/bugcheck/catalogue.generated.ts from the corpus's bug check
// table (Microsoft's Bug Check Code Reference, parsed into ../shared/corpus/bugcheck/bugcodes.json).
// It keeps only facts: code, name, and the ROLE of each parameter (code address, IRQL, ...), which
// it classifies from the parameter text. No Microsoft prose is copied; Culprit's own descriptions
// live in descriptions.ts. Usage: node scripts/gen-bugcheck-catalogue.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const input = join(root, '../shared/corpus/bugcheck/bugcodes.json');
const output = join(root, 'packages/core/src/analysis/bugcheck/catalogue.generated.ts');

const { codes, source } = JSON.parse(readFileSync(input, 'utf8'));

// One letter per role; see ParameterRole in catalogue.ts. Order of the tests matters: a record
// address is checked before "exception", a code address before "memory address".
const RULES = [
  ['-', /^\s*$/],
  ['r', /^(0\s*\(?not used\)?|\(?reserved\b|not used|unused|zero\b|0$)/],
  ['v', /^(type|kind) of|exception information parameter|parameter \d of the exception record/],
  ['E', /exception record/],
  ['C', /context record|address of the context/],
  ['t', /trap frame|ktrap_frame/],
  ['c', /instruction pointer|address of the instruction|instruction address|address (where|at which) the exception occurred|address that referenced|referencing address|address of the (system function|function|routine|callback|caller|worker routine|dpc routine|isr|interrupt service)|return address|pointer into the (responsible )?(device )?driver|caller('s)? address|code address|routine address|function address|address of the code|faulting ip|program counter|\bpc\b|\brip\b|\beip\b/],
  ['x', /exception code|exception that (caused|wasn't handled|was not handled)|the exception\b/],
  ['i', /\birql\b/],
  ['m', /memory referenced|virtual (memory )?address|memory address|address referenced|pool (address|block)|address of the pool|faulting address|bad address|address being freed|physical address|the address (that|which) (could|couldn)|page address/],
  ['o', /device object|driver object|\birp\b|pointer to|address of (the|a) |thread|process|\b_?triage|object|structure|header|descriptor|adapter block|lock\b|resource/],
];

function classify(text) {
  const t = String(text ?? '').toLowerCase().trim();
  for (const [role, re] of RULES) if (re.test(t)) return role;
  return 'v';
}

const isParamRow = (r) => ['1', '2', '3', '4'].includes(String(r[0]).trim()) && r.length >= 2;
const isNumberish = (s) => /^\s*(0x[0-9a-f]+|[0-9]+)\b/i.test(String(s));
function subtypeValues(cell) {
  return [...String(cell).matchAll(/0x[0-9a-f]+|\b[0-9]+\b/gi)].map((m) => Number(m[0].toLowerCase().startsWith('0x') ? parseInt(m[0], 16) : parseInt(m[0], 10)));
}

const entries = [];
let tables = 0;
for (const c of codes) {
  const rows = c.parameters ?? [];
  let roles = '----';
  const subtypes = {};
  if (rows.length > 0 && /^parameter/i.test(rows[0][0] ?? '')) {
    // Header row names the columns ("Parameter 1" .. "Parameter 4", "Cause").
    const cols = rows[0].map((h) => (/^parameter\s*([1-4])/i.exec(h) ?? [])[1]);
    for (const row of rows.slice(1)) {
      const r = ['s', '-', '-', '-'];
      cols.forEach((k, i) => k && k !== '1' && (r[Number(k) - 1] = classify(row[i])));
      for (const v of subtypeValues(row[cols.indexOf('1')] ?? '')) subtypes[v] ??= r.slice(1).join('');
    }
    roles = 's' + merge(Object.values(subtypes));
    tables++;
  } else if (rows.length > 0 && isParamRow(rows[0])) {
    // "1".."4" rows; a page may add a second table after them (e.g. the meaning of parameter 1).
    const r = ['-', '-', '-', '-'];
    for (const row of rows) {
      if (!isParamRow(row)) break;
      r[Number(String(row[0]).trim()) - 1] = classify(row.slice(1).join(' '));
    }
    roles = r.join('');
  } else if (rows.length > 0 && rows.every((r) => r.length >= 2 && isNumberish(r[0]))) {
    // A table without a header row: subtype, then parameters 2.. (as many as the row has), cause last.
    for (const row of rows) {
      const params = row.slice(1, Math.max(1, row.length - 1)).slice(0, 3);
      const r = [0, 1, 2].map((i) => (i < params.length ? classify(params[i]) : '-')).join('');
      for (const v of subtypeValues(row[0])) subtypes[v] ??= r;
    }
    roles = 's' + merge(Object.values(subtypes));
    tables++;
  } else if (rows.length > 0) {
    // A layout we cannot read column by column: the parameters are documented, as plain values.
    roles = 'vvvv';
  }
  entries.push({ code: c.code, name: c.name, roles, subtypes });
}

/** Roles of parameters 2..4 over all subtypes: a role every subtype agrees on, else 'v'. */
function merge(list) {
  if (list.length === 0) return '---';
  return [0, 1, 2].map((i) => (list.every((r) => r[i] === list[0][i]) ? list[0][i] : 'v')).join('');
}

const hex = (n) => '0x' + n.toString(16).toUpperCase();
let out = `// GENERATED by scripts/gen-bugcheck-catalogue.mjs from ../shared/corpus/bugcheck/bugcodes.json. Do not edit.
// Facts only (code, name, parameter roles) from ${String(source).split(':')[0]} (CC-BY-4.0, Microsoft's
// Bug Check Code Reference). Roles, one letter per parameter 1..4: c code address, x exception code,
// m memory address, i IRQL, C context record address, E exception record address, t trap frame,
// o object or structure address, s subtype (selects the row of \`subtypes\`), r reserved, v value,
// - not documented.

/** [code, name, roles of parameters 1..4, roles of parameters 2..4 per parameter-1 subtype] */
export type RawBugCheckEntry = readonly [number, string, string, Readonly<Record<number, string>>?];

export const BUGCHECK_TABLE: readonly RawBugCheckEntry[] = [
`;
for (const e of entries) {
  const sub = Object.keys(e.subtypes).length
    ? `, { ${Object.entries(e.subtypes)
        .map(([k, v]) => `${hex(Number(k))}: '${v}'`)
        .join(', ')} }`
    : '';
  out += `  [${hex(e.code)}, '${e.name}', '${e.roles}'${sub}],\n`;
}
out += '];\n';
writeFileSync(output, out);
console.log(`${entries.length} bug checks (${tables} with subtype tables) -> ${output}`);
