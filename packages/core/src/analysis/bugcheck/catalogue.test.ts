import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusPath } from '../../testing/corpus.js';
import { BUGCHECK_COUNT, lookupBugCheck } from './catalogue.js';
import { BUGCHECK_DESCRIPTIONS } from './descriptions.js';

const source = JSON.parse(readFileSync(corpusPath('bugcheck', 'bugcodes.json'), 'utf8')) as { codes: { code: number; name: string; parameters: string[][] }[] };

test('the generated catalogue covers every documented bug check, by its documented name', () => {
  assert.equal(BUGCHECK_COUNT, source.codes.length);
  for (const c of source.codes) assert.equal(lookupBugCheck(c.code).name, c.name);
});

test('every code with a documented parameter table has its roles classified', () => {
  const undocumented = source.codes.filter((c) => c.parameters.length > 0 && lookupBugCheck(c.code).roles.every((r) => r === 'undocumented'));
  assert.deepEqual(undocumented.map((c) => c.name), []);
});

test('roles of the codes attribution depends on', () => {
  assert.deepEqual(lookupBugCheck(0xd1).roles, ['memory-address', 'irql', 'value', 'code-address']);
  const a = lookupBugCheck(0x0a).roles;
  assert.deepEqual([a[0], a[1], a[3]], ['memory-address', 'irql', 'code-address']);
  assert.equal(lookupBugCheck(0x50).roles[2], 'code-address');
  assert.deepEqual(lookupBugCheck(0x7e).roles, ['exception-code', 'code-address', 'exception-record', 'context-record']);
  assert.deepEqual(lookupBugCheck(0x3b).roles.slice(0, 3), ['exception-code', 'code-address', 'context-record']);
  assert.equal(lookupBugCheck(0x1e).roles[1], 'code-address');
  // Bit 28 variants mean what the base code means.
  assert.deepEqual(lookupBugCheck(0x1000007e).roles, lookupBugCheck(0x7e).roles);
  assert.equal(lookupBugCheck(0x1000007e).name, 'SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M');
  // Subtype tables resolve by parameter 1.
  assert.deepEqual(lookupBugCheck(0xc4, [0x31n]).roles, ['subtype', 'irql', 'irql', 'irql']);
  assert.equal(lookupBugCheck(0x133, [0n]).roles[0], 'subtype');
});

test('manual crashes are marked as having no fault; unknown codes still get a name', () => {
  assert.equal(lookupBugCheck(0xe2).noFault, true);
  assert.equal(lookupBugCheck(0x1c8).noFault, true);
  assert.equal(lookupBugCheck(0xd1).noFault, false);
  assert.match(lookupBugCheck(0x7ffffff1).name, /^UNKNOWN_BUGCHECK_0x7FFFFFF1$/);
});

test('own descriptions exist for the common codes and only for catalogued ones', () => {
  for (const code of [0x0a, 0x1e, 0x3b, 0x50, 0x7e, 0x9f, 0xc4, 0xd1, 0x124, 0x133, 0xe2, 0x1c8]) {
    assert.ok(lookupBugCheck(code).description, `description for 0x${code.toString(16)}`);
  }
  for (const code of Object.keys(BUGCHECK_DESCRIPTIONS).map(Number)) {
    assert.ok(source.codes.some((c) => c.code === code), `0x${code.toString(16)} is in the catalogue`);
  }
});
