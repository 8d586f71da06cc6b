import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQmpJson, stringifyQmpJson, QmpJsonError, isQmpObject } from './json.js';

test('64-bit integers beyond 2^53 stay exact; small ones are numbers', () => {
  const line =
    '{"event": "GUEST_PANICKED", "data": {"action": "pause", "info": {"type": "hyper-v", "arg1": 209, "arg2": 18446735277616529408, "arg3": 2, "arg4": 0, "arg5": 18446735277664312433}}}';
  const v = parseQmpJson(line);
  assert.ok(isQmpObject(v) && isQmpObject(v.data) && isQmpObject(v.data.info));
  const info = v.data.info;
  assert.equal(info.arg1, 209);
  assert.equal(info.arg2, 0xfffff80000000000n);
  assert.equal(info.arg5, 18446735277664312433n);
  // JSON.parse loses the low bits of the same literal.
  assert.notEqual(BigInt(JSON.parse('18446735277664312433') as number), 18446735277664312433n);
  assert.equal(parseQmpJson('9007199254740993'), 9007199254740993n);
  assert.equal(parseQmpJson('-9223372036854775808'), -9223372036854775808n);
  assert.equal(parseQmpJson('9007199254740991'), 9007199254740991);
  assert.equal(parseQmpJson('1.5e3'), 1500);
});

test('strings, escapes and nesting', () => {
  const v = parseQmpJson(' {"a": ["x\\n\\"y\\"", "\\u00e9\\ud83d\\ude00", true, false, null, {}], "b": [], "__proto__": 1} ');
  assert.equal(JSON.stringify(v), JSON.stringify({ a: ['x\n"y"', 'é😀', true, false, null, {}], b: [], ['__proto__']: 1 }));
  assert.equal(Object.getPrototypeOf(v), null, 'no prototype to pollute');
  const round = '{"arg":18446744073709551615,"s":"a\\"b"}';
  assert.equal(stringifyQmpJson(parseQmpJson(round)), round);
});

test('malformed input fails with an offset, never a hang', () => {
  for (const bad of ['{"a":1', '{"a" 1}', '[1,]', '"abc', '01', '{"a":tru}', '[1] x', '"\u0001"', '"\\x"']) {
    assert.throws(() => parseQmpJson(bad), QmpJsonError, bad);
  }
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);
  assert.throws(() => parseQmpJson(deep), /nesting deeper/);
});
