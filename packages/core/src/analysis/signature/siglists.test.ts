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

test('lists grouped by first character match exactly what the single joined expression matches', () => {
  for (const list of [DEFAULT_SIGNATURE_LIST_SOURCE.irrelevant, DEFAULT_SIGNATURE_LIST_SOURCE.prefix, DEFAULT_SIGNATURE_LIST_SOURCE.lineNumbers, ['a|b', 'x?y', '\\(anon', '\\d+', '.*Z']]) {
    const joined = new RegExp(`^(?:${list.join('|')})`);
    const grouped = compileAnchored(list);
    // Texts near every entry: the entry itself, with regex syntax dropped, cut, shifted, cased.
    const texts = new Set<string>(['', 'y', 'b', '(anonymous namespace)::f', '42', 'xZ', 'NtWaitForMultipleObjects', 'js_Interpret']);
    for (const p of list) {
      const plain = p.replace(/\\(.)/g, '$1').replace(/[\^$*+?{}[\]|()]/g, '');
      for (const t of [p, plain, plain.slice(1), plain.slice(0, 3), `_${plain}`, plain.toUpperCase(), `${plain}::inner(int)`]) texts.add(t);
    }
    let matched = 0;
    for (const t of texts) {
      assert.equal(grouped.test(t), joined.test(t), `${JSON.stringify(t)} against ${list.length} patterns`);
      if (joined.test(t)) matched++;
    }
    assert.ok(matched > 0 && matched < texts.size, 'the texts both match and miss');
  }
});
