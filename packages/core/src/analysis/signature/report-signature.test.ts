// The CrashReport side: adapter, report signature and its id, bucket key; and real
// minidump-stackwalk JSON outputs (rust-minidump snapshots) run through the generator the way
// Socorro feeds them (convert_to_crash_data's json_dump path).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { corpusPath } from '../../testing/corpus.js';
import type { CrashReport } from '../../report/model.js';
import { bucketKey, crashDataFromReport, generateSignature, generateSignatureFromCrashData, sha1Hex, signatureId, utf8Bytes } from './index.js';
import type { SignatureCrashData } from './crash-data.js';

function report(overrides: Partial<CrashReport> = {}): CrashReport {
  return {
    kind: 'minidump',
    format: 'MDMP',
    system: { os: { platform: 'Windows NT', id: 'windows' }, cpu: { arch: 'x86' } },
    crash: { reason: 'EXCEPTION_ACCESS_VIOLATION_WRITE', code: 0xc0000005, address: 0x45n },
    threads: [
      {
        id: 1,
        frames: [
          { instruction: 0x77ad015dn, trust: 'context', module: 1, moduleOffset: 0x2015dn, function: 'NtWaitForSingleObject' },
          {
            instruction: 0x40429en,
            trust: 'cfi',
            module: 0,
            moduleOffset: 0x429en,
            function: 'Outer::Call(int)',
            inlines: [{ function: 'Inner::Helper<int>(int)', file: 'c:\\src\\inner.h', line: 12 }, { function: 'Middle::Step()' }],
          },
          { instruction: 0x12345n, trust: 'scan', unloadedModules: [{ name: 'C:\\gone\\Old.DLL', offset: 0x10n }, { name: 'C:\\gone\\Old.DLL', offset: 0x20n }] },
        ],
        lastErrorValue: 1455,
      },
    ],
    crashingThread: 0,
    mainModule: 0,
    modules: [
      { base: 0x400000n, size: 0x10000n, codeFile: 'C:\\Program Files\\App\\Test_App.exe', version: '1.2.3.4' },
      { base: 0x77ab0000n, size: 0x100000n, codeFile: 'C:\\Windows\\System32\\ntdll.dll', version: '10.0.19041.1' },
    ],
    unloadedModules: [],
    annotations: [
      { source: 'crashpad', key: 'AbortMessage', value: '[12] ###!!! ABORT: broken state: file x.cpp, line 3' },
      { source: 'crashpad-module', module: 'xul.dll', key: 'IPCMessageName', value: 'per-module, ignored' },
    ],
    warnings: [],
    details: {},
    ...overrides,
  };
}

test('adapter: module names, hex offsets, inlines, unloaded modules, annotations, last error', () => {
  const data = crashDataFromReport(report());
  assert.equal(data.os, 'Windows NT');
  assert.equal(data.reason, 'EXCEPTION_ACCESS_VIOLATION_WRITE');
  assert.equal(data.crashing_thread, 0);
  assert.equal(data.abort_message, '[12] ###!!! ABORT: broken state: file x.cpp, line 3');
  assert.equal(data.ipc_message_name, undefined, 'per-module annotations do not describe the crash');
  const thread = data.threads![0]!;
  assert.equal(thread.last_error_value, 'ERROR_COMMITMENT_LIMIT');
  assert.deepEqual(thread.frames![0], { module: 'ntdll.dll', function: 'NtWaitForSingleObject', file: null, line: null, module_offset: '0x2015d', offset: '0x77ad015d' });
  assert.equal(thread.frames![1]!.inlines!.length, 2);
  assert.deepEqual(thread.frames![2]!.unloaded_modules, [{ module: 'Old.DLL', offsets: ['0x10', '0x20'] }]);
});

test('report signature: inlined calls before their frame, OOM by last error, abort message, stable id', () => {
  const sig = generateSignature(report());
  assert.deepEqual(sig.normalizedFrames, ['NtWaitForSingleObject', 'Inner::Helper<T>', 'Middle::Step', 'Outer::Call', '(unloaded Old.DLL)']);
  assert.equal(sig.signature, 'Abort | broken state | OOM | unknown | Inner::Helper<T>');
  assert.equal(sig.id, signatureId(sig.signature));
  assert.match(sig.id, /^[0-9a-f]{16}$/);
  assert.equal(generateSignature(report()).id, sig.id, 'same report, same id');
  const plain = generateSignature(report({ annotations: [], threads: [{ ...report().threads[0]!, lastErrorValue: undefined }] }));
  assert.equal(plain.signature, 'Inner::Helper<T>');
  assert.notEqual(plain.id, sig.id);
});

test('report without frames: EMPTY with the first warning as the walker status', () => {
  const sig = generateSignature(report({ threads: [], crashingThread: null, annotations: [], warnings: [{ code: 'CULPRIT_ERR_TRUNCATED', message: 'x' }] }));
  assert.equal(sig.signature, 'EMPTY: no frame data available; CULPRIT_ERR_TRUNCATED');
});

test('bucket key: app, faulting module, offset, code, and a stable string', () => {
  const faultInApp = report();
  faultInApp.threads[0]!.frames.shift();
  const key = bucketKey(faultInApp);
  assert.deepEqual(
    { ...key },
    { appName: 'Test_App.exe', appVersion: '1.2.3.4', module: 'Test_App.exe', moduleVersion: '1.2.3.4', offset: 0x429en, exceptionCode: 0xc0000005, key: 'Test_App.exe|1.2.3.4|Test_App.exe|1.2.3.4|0x429e|0xc0000005' },
  );
  const noModule = report({ crash: null, mainModule: null, process: { name: 'a|b' } });
  noModule.threads[0]!.frames = [{ instruction: 0xdeadn, trust: 'context' }];
  assert.equal(bucketKey(noModule).key, 'a_b|unknown|unknown|unknown|0xdead|unknown');
  assert.equal(bucketKey(report({ crashingThread: null })).offset, null);
});

test('SHA-1 agrees with node:crypto, ids are 16 hex digits', () => {
  for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), 'OOM | small', '微软雅黑 😀', '\ud800 lone']) {
    const bytes = utf8Bytes(text);
    assert.deepEqual(Buffer.from(bytes), Buffer.from(text, 'utf8'), `utf-8 of ${JSON.stringify(text)}`);
    assert.equal(sha1Hex(bytes), createHash('sha1').update(text, 'utf8').digest('hex'));
  }
  assert.equal(signatureId('abc'), 'a9993e364706816a');
});

/** Socorro's convert_to_crash_data for a minidump-stackwalk JSON dump. */
function fromStackwalkJson(name: string): SignatureCrashData {
  const text = readFileSync(corpusPath('minidump', 'rust-minidump', 'snapshots', name), 'utf8');
  const dump = JSON.parse(text.slice(text.indexOf('\n{') + 1)) as {
    crash_info: { crashing_thread: number | null; type: string | null };
    threads: SignatureCrashData['threads'];
    system_info: { os: string | null };
  };
  return { crashing_thread: dump.crash_info.crashing_thread, reason: dump.crash_info.type, threads: dump.threads, os: dump.system_info.os };
}

test('minidump-stackwalk JSON (rust-minidump snapshots) through the default pipeline', () => {
  const symbols = generateSignatureFromCrashData(fromStackwalkJson('test_minidump_stackwalk__json-pretty-symbols.snap'));
  assert.equal(symbols.signature, '(anonymous namespace)::CrashFunction');
  assert.equal(generateSignatureFromCrashData(fromStackwalkJson('test_minidump_stackwalk__json-pretty.snap')).signature, 'test_app.exe');
  assert.equal(generateSignatureFromCrashData(fromStackwalkJson('test_minidump_stackwalk__linux_json_pretty.snap')).signature, 'crash');
  // macOS with inline records: the inlined core::ptr::write_volatile comes first and is irrelevant.
  const inlines = generateSignatureFromCrashData(fromStackwalkJson('test_minidump_stackwalk__macos_inlines_json_pretty.snap'));
  assert.deepEqual(inlines.normalizedFrames.slice(0, 3), ['core::ptr::write_volatile::<T>', 'sadness_generator::raise_segfault', 'crash_client::real_main::{closure#1}']);
  assert.equal(inlines.signature, 'sadness_generator::raise_segfault');
});
