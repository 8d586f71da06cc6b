// The generated list module must say exactly what the corpus lists say: a stale copy would make
// every signature quietly disagree with Socorro's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusPath } from '../../testing/corpus.js';
import { DEFAULT_SIGNATURE_LIST_SOURCE, compileAnchored, defaultSignatureLists } from './siglists.js';

function listFromCorpus(stem: string): string[] {
  const text = readFileSync(corpusPath('signature', 'siglists', `${stem}.txt`), 'utf8');
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

test('generated siglists match the corpus lists (re-run scripts/gen-siglists.mjs if not)', () => {
  assert.deepEqual([...DEFAULT_SIGNATURE_LIST_SOURCE.irrelevant], listFromCorpus('irrelevant_signature_re'));
  assert.deepEqual([...DEFAULT_SIGNATURE_LIST_SOURCE.prefix], listFromCorpus('prefix_signature_re'));
  assert.deepEqual([...DEFAULT_SIGNATURE_LIST_SOURCE.lineNumbers], listFromCorpus('signatures_with_line_numbers_re'));
  assert.deepEqual([...DEFAULT_SIGNATURE_LIST_SOURCE.sentinels], listFromCorpus('signature_sentinels'));
});

test('lists match at the start only, like Python re.match', () => {
  const lists = defaultSignatureLists();
  assert.ok(lists.irrelevant.test('NtWaitForMultipleObjects'));
  assert.ok(!lists.irrelevant.test('MyNtWaitForMultipleObjects'), 'not anywhere in the string');
  assert.ok(lists.irrelevant.test('handle_error'));
  assert.ok(!lists.irrelevant.test('handle_errorf'), '`handle_error$` must not match handle_errorf');
  assert.ok(lists.prefix.test('<name omitted>'), 'Python `\\<` escapes are literal');
  assert.ok(lists.prefix.test('xul.dll'));
  assert.ok(!lists.prefix.test('F_1152915508_____'));
  assert.ok(lists.lineNumbers.test('js_Interpret'));
  assert.ok(!compileAnchored([]).test(''), 'an empty list matches nothing');
});
