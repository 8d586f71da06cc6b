import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { isValidPattern, matchesAnyPattern, moduleFileName, patternToLike } from './module-pattern.js';

test('patterns match whole file names, case-insensitively, with * and ?', () => {
  assert.ok(matchesAnyPattern('libfoo.so.1.2', ['libfoo.so*']));
  assert.ok(matchesAnyPattern('LIBFOO.SO', ['libfoo.so*']));
  assert.ok(!matchesAnyPattern('libfoobar.so', ['libfoo.so*']));
  assert.ok(matchesAnyPattern('nvlddmkm.sys', ['ctaud2k.sys', 'nvlddmkm.sys']));
  assert.ok(!matchesAnyPattern('xnvlddmkm.sys', ['nvlddmkm.sys'])); // anchored
  assert.ok(!matchesAnyPattern('nvlddmkmXsys', ['nvlddmkm.sys'])); // '.' is literal
  assert.ok(matchesAnyPattern('app2.exe', ['app?.exe']));
  assert.ok(!matchesAnyPattern(null, ['*']));
  assert.ok(!isValidPattern('*'));
  assert.ok(!isValidPattern('dir/lib.so'));
  assert.ok(isValidPattern('MyApp.exe'));
  assert.equal(moduleFileName('C:\\Program Files\\My\\MyApp.exe'), 'MyApp.exe');
  assert.equal(moduleFileName('/usr/lib/libfoo.so.1'), 'libfoo.so.1');
});

test('the SQL form agrees with the in-process matcher (LIKE wildcards in names are literal)', () => {
  const db = new Database(':memory:');
  const names = ['libfoo.so', 'libfoo.so.1', 'libfoo_so', 'LIBFOO.SO.2', 'a%b.dll', 'axb.dll', 'nvlddmkm.sys', 'app1.exe'];
  const patterns = ['libfoo.so*', 'a%b.dll', 'app?.exe', 'nvlddmkm.sys'];
  for (const p of patterns) {
    for (const n of names) {
      const row = db.prepare(`select lower(?) like ? escape '\\' as m`).get(n, patternToLike(p)) as { m: number };
      assert.equal(row.m === 1, matchesAnyPattern(n, [p]), `${n} ~ ${p}`);
    }
  }
  db.close();
});
