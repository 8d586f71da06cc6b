// Culprit's own cases for the pipeline rules that Socorro's corpus tables do not exercise, and
// for the default pipeline as a whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSignatureFromCrashData, signatureFromFrames } from './generator.js';
import type { SignatureCrashData, SignatureFrame } from './crash-data.js';
import { signatureJitCategory, signatureParentIDNotEqualsChildID } from './rules/annotation-rules.js';
import { sigTruncate } from './rules/finishing-rules.js';

const APP_FRAMES: SignatureFrame[] = [
  { module: 'ntdll.dll', function: 'NtWaitForSingleObject', module_offset: '0x10' },
  { module: 'app.exe', function: 'void Crasher::Crash(int)', module_offset: '0x20' },
  { module: 'app.exe', function: 'main', module_offset: '0x30' },
];

function sig(data: SignatureCrashData): string {
  return generateSignatureFromCrashData(data).signature;
}

test('plain stack through the default pipeline', () => {
  assert.equal(sig({ crashing_thread: 0, threads: [{ frames: APP_FRAMES }] }), 'Crasher::Crash');
  assert.equal(signatureFromFrames(APP_FRAMES).signature, 'Crasher::Crash');
});

test('StackwalkerErrorSignatureRule appends the walker status to EMPTY signatures only', () => {
  assert.equal(sig({ mdsw_status_string: 'ERROR_NO_THREAD_LIST' }), 'EMPTY: no frame data available; ERROR_NO_THREAD_LIST');
  assert.equal(sig({ threads: [{ frames: APP_FRAMES }], mdsw_status_string: 'OK' }), 'Crasher::Crash');
});

test('OOMSignature sizes', () => {
  const base = { threads: [{ frames: APP_FRAMES }] };
  assert.equal(sig({ ...base, oom_allocation_size: 1024 }), 'OOM | small');
  assert.equal(sig({ ...base, oom_allocation_size: '1048576' }), 'OOM | large | Crasher::Crash');
  assert.equal(sig({ ...base, reason: 'STATUS_NO_MEMORY' }), 'OOM | unknown | Crasher::Crash');
  assert.equal(sig({ ...base, oom_allocation_size: 0 }), 'Crasher::Crash', 'a zero size is no OOM, as in Python');
});

test('StackOverflowSignature and BadHardware prefix the stack signature', () => {
  const base = { threads: [{ frames: APP_FRAMES }] };
  assert.equal(sig({ ...base, reason: 'EXCEPTION_STACK_OVERFLOW' }), 'stackoverflow | Crasher::Crash');
  assert.equal(sig({ ...base, reason: 'EXCEPTION_IN_PAGE_ERROR_READ / STATUS_DEVICE_DATA_ERROR' }), 'bad hardware | Crasher::Crash');
});

test('SignatureShutdownTimeout replaces the signature', () => {
  const base = { threads: [{ frames: APP_FRAMES }] };
  const ast = JSON.stringify({ phase: 'profile-before-change', conditions: [{ name: 'Zeta' }, 'Alpha'] });
  assert.equal(sig({ ...base, async_shutdown_timeout: ast }), 'AsyncShutdownTimeout | profile-before-change | Alpha,Zeta');
  assert.equal(sig({ ...base, async_shutdown_timeout: JSON.stringify({ phase: 'p', conditions: [] }) }), 'AsyncShutdownTimeout | p | (none)');
  const broken = generateSignatureFromCrashData({ ...base, async_shutdown_timeout: '{not json' });
  assert.equal(broken.signature, 'AsyncShutdownTimeout | UNKNOWN');
  assert.ok(broken.notes.some((n) => n.startsWith('SignatureShutdownTimeout: Error parsing')));
});

test('SignatureRunWatchDog takes thread 0', () => {
  const data: SignatureCrashData = {
    crashing_thread: 1,
    threads: [{ frames: [{ function: 'nsThread::Shutdown', module: 'xul.dll' }, { function: 'Stuck::Here' }] }, { frames: [{ function: 'mozilla::(anonymous namespace)::RunWatchdog(void*)' }] }],
  };
  assert.equal(sig(data), 'shutdownhang | nsThread::Shutdown | Stuck::Here');
});

test('SignatureIPCChannelError and SignatureIPCMessageName', () => {
  const base = { threads: [{ frames: APP_FRAMES }] };
  assert.equal(sig({ ...base, ipc_channel_error: 'ShutDownKill' }), 'IPCError-content | ShutDownKill | Crasher::Crash');
  assert.equal(sig({ ...base, ipc_channel_error: 'CloseWithError', additional_minidumps: 'browser' }), 'IPCError-browser | CloseWithError');
  assert.equal(sig({ ...base, ipc_message_name: 'PContent::Msg_Foo' }), 'Crasher::Crash | IPC_Message_Name=PContent::Msg_Foo');
});

test('optional rules run only when asked for', () => {
  const data: SignatureCrashData = {
    threads: [{ frames: APP_FRAMES }],
    jit_category: 'Ion',
    moz_crash_reason: 'MOZ_RELEASE_ASSERT(parentBuildID == childBuildID)',
  };
  assert.equal(sig(data), 'Crasher::Crash');
  assert.equal(generateSignatureFromCrashData(data, { pipeline: [signatureJitCategory] }).signature, 'jit | Ion');
  assert.equal(generateSignatureFromCrashData(data, { pipeline: [signatureParentIDNotEqualsChildID] }).signature, 'parentBuildID != childBuildID');
});

test('SigTruncate: 255 characters at most, ending in the marker', () => {
  const long = Array.from({ length: 20 }, (_, i) => ({ function: `memcpy${'x'.repeat(30)}${i}` }));
  const result = signatureFromFrames([...long, { function: 'Final' }]);
  assert.equal(result.signature.length, 255);
  assert.ok(result.signature.endsWith('...'));
  assert.ok(result.notes.includes('SigTruncate: SigTrunc: signature truncated due to length'));
  const exact = generateSignatureFromCrashData({}, { pipeline: [{ name: 'Set', predicate: () => true, action: (_d, r) => void (r.signature = 'y'.repeat(255)) }, sigTruncate] });
  assert.equal(exact.signature.length, 255);
  assert.ok(!exact.signature.endsWith('...'), 'exactly 255 is left alone');
});

test('a failing rule leaves a note and the pipeline goes on', () => {
  const result = generateSignatureFromCrashData(
    { threads: [{ frames: APP_FRAMES }] },
    { pipeline: [{ name: 'Boom', predicate: () => true, action: () => { throw new Error('bad'); } }, { name: 'After', predicate: () => true, action: (_d, r) => void (r.signature = 'after') }] },
  );
  assert.equal(result.signature, 'after');
  assert.deepEqual(result.notes, ['Boom: Rule failed: bad']);
});

test('hostile crash data does not throw', () => {
  const frames = [null, 42, { function: 7, inlines: [null, { function: 'inl' }] }, { module: ['x'], function: 'Real::Frame(int)' }];
  const weird = { crashing_thread: 1, threads: [null, { frames }], oom_allocation_size: {}, async_shutdown_timeout: '[1,2]' };
  const result = generateSignatureFromCrashData(weird as unknown as SignatureCrashData);
  assert.deepEqual(result.notes.filter((n) => n.includes('Rule failed')), []);
  assert.equal(result.signature, 'AsyncShutdownTimeout | UNKNOWN');
  assert.deepEqual(result.normalizedFrames, ['', '', 'inl', '', 'Real::Frame']);
  assert.equal(generateSignatureFromCrashData({ crashing_thread: -3 } as SignatureCrashData).signature, 'EMPTY: no frame data available');
});

test('huge hostile names are bounded before the lists match them', () => {
  const frames = [{ module: `${'framework'.repeat(8000)}x` }, { module: ']'.repeat(65536) }, { file: '/'.repeat(65536), line: 1 }, { function: `${'<'.repeat(30000)}f(${'('.repeat(30000)}` }];
  const result = signatureFromFrames(frames);
  assert.ok(result.normalizedFrames.every((f) => f.length <= 1024));
  assert.ok(result.signature.length <= 255);
});
