// Every case of Socorro's signature test tables (../shared/corpus/signature/socorro_test_rules_cases.json)
// run against Culprit's signature generation; prints the agreement count. A disagreement fails the
// test unless it is listed in KNOWN_DISAGREEMENTS with its reason; skipped tables say why.
//
// Rules with no corpus case are tested with Culprit's own cases in rules.test.ts:
// StackwalkerErrorSignatureRule, OOMSignature's actions, SignatureShutdownTimeout,
// SignatureRunWatchDog, SignatureIPCChannelError, SignatureIPCMessageName, SigTruncate, and
// SignatureJitCategory and SignatureParentIDNotEqualsChildID (implemented, off by default as in
// Socorro). Not implemented: HungProcess (no corpus case, and its documented output
// "hang: <hang_type>" does not say how it joins the signature) and Socorro's Java signature tools
// (Culprit reads native crashes only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agreement, loadSocorroCases, type ParamTable } from './socorro-cases.test.js';
import { compileAnchored, compileSignatureLists, DEFAULT_SIGNATURE_LIST_SOURCE, defaultSignatureLists } from './siglists.js';
import { normalizeCppFunction, normalizeRustFunction } from './normalize-function.js';
import { normalizeFrame, type FrameFields } from './normalize-frame.js';
import { walkNormalizedFrames } from './frame-walk.js';
import { generateSignatureFromCrashData } from './generator.js';
import { SignatureGenerationResult } from './result.js';
import type { SignatureCrashData } from './crash-data.js';
import type { SignatureRule } from './rules/rule.js';
import { signatureGenerationRule } from './rules/stack-rules.js';
import { abortSignature, badHardware, oomSignature, stackOverflowSignature } from './rules/annotation-rules.js';
import { sigFixWhitespace, sigPrintableCharsOnly } from './rules/finishing-rules.js';

const corpus = loadSocorroCases();

/** Tables Culprit does not run, and why. */
const SKIPPED_TABLES: Record<string, string> = {
  'TestJavaExceptionSignatureTool.test_bad_data':
    'Java exception signatures: Culprit analyses native crashes (minidumps, kernel dumps, kernel logs) only; the table also has no expected values',
  'TestJavaExceptionSignatureTool.test_normalize_frame': 'Java exception signatures: Culprit analyses native crashes only',
};

/** Cases where Culprit knowingly answers differently from Socorro, with the reason. None today. */
const KNOWN_DISAGREEMENTS: Record<string, string> = {};

// Socorro's TestCSignatureTool builds its tool with a mocked line-number list ['fnNeedNumber']
// (setup_config_c_sig_tool in test_rules.py); the 'fnNeedNumber:23' row depends on it.
const TEST_LINE_NUMBERS = compileAnchored(['fnNeedNumber']);

function predicateOf(rule: SignatureRule, data: SignatureCrashData): boolean {
  return rule.predicate(data, new SignatureGenerationResult());
}

function actionOn(rule: SignatureRule, data: SignatureCrashData, signature: string): string {
  const result = new SignatureGenerationResult();
  result.signature = signature;
  if (rule.predicate(data, result)) rule.action(data, result);
  return result.signature;
}

/** How each table's rows are run: returns [label, actual, expected] per row. */
const RUNNERS: Record<string, (row: Record<string, unknown>) => [string, unknown, unknown]> = {
  'TestCSignatureTool.test_normalize_frame': (row) => {
    const args = row.args as unknown[];
    const frame: FrameFields = {
      module: args[0] as string,
      function: args[1] as string,
      file: args[2] as string,
      line: args[3] as string,
      module_offset: args[4] as string,
      offset: args[5] as string | undefined,
      unloaded_modules: args[6] as FrameFields['unloaded_modules'],
    };
    return [JSON.stringify(args), normalizeFrame(frame, TEST_LINE_NUMBERS), row.expected];
  },
  'TestCSignatureTool.test_normalize_cpp_function': (row) => [
    String(row.function),
    normalizeCppFunction(String(row.function), String(row.line), TEST_LINE_NUMBERS),
    row.expected,
  ],
  'TestCSignatureTool.test_normalize_rust_function': (row) => [
    String(row.function),
    normalizeRustFunction(String(row.function), String(row.line), TEST_LINE_NUMBERS),
    row.expected,
  ],
  'TestStackOverflowSignature.test_predicate_reason': (row) => [
    String(row.reason),
    predicateOf(stackOverflowSignature, { reason: row.reason as string }),
    row.expected,
  ],
  'TestOOMSignature.test_predicate_error_commitment_limit': (row) => [
    JSON.stringify(row.crashdata),
    predicateOf(oomSignature, row.crashdata as SignatureCrashData),
    row.expected,
  ],
  'TestOOMSignature.test_predicate_reason': (row) => [String(row.reason), predicateOf(oomSignature, { reason: row.reason as string }), row.expected],
  'TestOOMSignature.test_predicate_js_large_allocation_failure': (row) => [
    String(row.value),
    predicateOf(oomSignature, { js_large_allocation_failure: row.value as string | null }),
    row.expected,
  ],
  'TestBadHardware.test_predicate_reason': (row) => [String(row.reason), predicateOf(badHardware, { reason: row.reason as string }), row.expected],
  // Socorro's test runs the rule on the signature "hello".
  'TestAbortSignature.test_action_success_remove_unwanted_parts': (row) => [
    String(row.abort_msg),
    actionOn(abortSignature, { abort_message: row.abort_msg as string }, 'hello'),
    row.expected,
  ],
  'TestSigPrintableCharsOnly.test_whitespace_fixing': (row) => [
    JSON.stringify(row.signature),
    actionOn(sigPrintableCharsOnly, {}, String(row.signature)),
    row.expected,
  ],
  'TestSigFixWhitespace.test_whitespace_fixing': (row) => [
    JSON.stringify(row.signature),
    actionOn(sigFixWhitespace, {}, String(row.signature)),
    row.expected,
  ],
};

test('every Socorro rule case: agreement count', () => {
  const a = new Agreement();
  const skipped: string[] = [];
  for (const [name, table] of Object.entries(corpus.cases) as [string, ParamTable][]) {
    if (name in SKIPPED_TABLES) {
      skipped.push(`${name} (${table.rows.length} rows): ${SKIPPED_TABLES[name]!}`);
      continue;
    }
    const run = RUNNERS[name];
    assert.ok(run, `no runner for corpus table ${name}: add one or skip it with a reason`);
    for (const row of table.rows) {
      const [label, actual, expected] = run(row);
      a.check(`${name} ${label}`, actual, expected);
    }
  }

  for (const c of corpus.end_to_end) {
    // Socorro's TestSignatureGenerationRule cases run that rule alone; the generator case runs all.
    const pipeline = c.test.includes('full DEFAULT_RULESET') ? undefined : [signatureGenerationRule(defaultSignatureLists())];
    const result = generateSignatureFromCrashData(c.crash_data as SignatureCrashData, { pipeline });
    a.check(`${c.test} signature`, result.signature, c.expected_signature);
    if (c.expected_normalized_frames) a.check(`${c.test} normalized frames`, result.normalizedFrames, c.expected_normalized_frames);
  }

  for (const c of corpus.generate_with_custom_lists) {
    const lists = compileSignatureLists({
      irrelevant: c.irrelevant,
      prefix: c.prefix,
      lineNumbers: [],
      sentinels: c.sentinels === 'default' ? DEFAULT_SIGNATURE_LIST_SOURCE.sentinels : [],
    });
    a.check(c.test, walkNormalizedFrames(c.input, lists, 0).signature, c.expected);
  }

  const unexplained = a.disagreements.filter((d) => !Object.keys(KNOWN_DISAGREEMENTS).some((k) => d.startsWith(k)));
  console.log(`Socorro signature cases: ${a.agreed}/${a.total} agree; ${a.total - a.agreed} known disagreements`);
  for (const s of skipped) console.log(`  skipped ${s}`);
  for (const d of a.disagreements) console.log(`  DISAGREE ${d}`);
  assert.deepEqual(unexplained, []);
  assert.ok(a.total >= 80, `expected about 80+ cases, ran ${a.total}`);
});

// The shape this helper relies on; a re-extracted corpus file with another layout fails here first.
test('socorro_test_rules_cases.json has the shape the signature tests read', () => {
  const c = corpus;
  for (const [name, t] of Object.entries(c.cases)) {
    assert.ok(Array.isArray(t.params) && t.params.length > 0, `${name}: params`);
    assert.ok(Array.isArray(t.rows) && t.rows.length > 0, `${name}: rows`);
  }
  assert.ok(c.end_to_end.every((e) => typeof e.expected_signature === 'string' && typeof e.crash_data === 'object'));
  assert.ok(c.generate_with_custom_lists.every((e) => Array.isArray(e.input) && typeof e.expected === 'string'));
});
