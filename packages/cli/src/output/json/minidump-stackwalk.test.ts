// Our --json output against rust-minidump's minidump-stackwalk snapshots for the same dumps:
// every field the minidump reader fills must be equal. Frames past the context frame and the
// symbol fields belong to stack walking (issue "engine, part 2") and are compared there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, BufferSource } from '@culprit/core';
import { minidumpStackwalkJson } from './minidump-stackwalk.js';

const corpus = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../../../../../shared/corpus/minidump/rust-minidump');

function snapshot(name: string): any {
  const text = readFileSync(join(corpus, 'snapshots', name), 'utf8');
  return JSON.parse(text.slice(text.indexOf('\n{') + 1));
}

function ours(dump: string): any {
  const report = analyze(new BufferSource(new Uint8Array(readFileSync(join(corpus, dump)))));
  return JSON.parse(JSON.stringify(minidumpStackwalkJson(report), (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
}

const MODULE_FIELDS = ['base_addr', 'code_id', 'debug_file', 'debug_id', 'end_addr', 'filename', 'version', 'cert_subject', 'symbol_url'];

/**
 * Where rust-minidump and Breakpad word the crash reason differently, we follow Breakpad (the
 * issue asks for Breakpad's words): rust-minidump prints a bare "SIGSEGV" for si_code 0 where
 * Breakpad prints "SIGSEGV /0x00000000".
 */
const REASON_FOLLOWS_BREAKPAD: Record<string, string> = { SIGSEGV: 'SIGSEGV /0x00000000' };

for (const [snap, dump] of [
  ['test_minidump_stackwalk__json-pretty.snap', 'test.dmp'],
  ['test_minidump_stackwalk__linux_json_pretty.snap', 'linux-mini.dmp'],
  ['test_minidump_stackwalk__macos_inlines_json_pretty.snap', 'pipeline-inlines-macos-segv.dmp'],
] as const) {
  test(`--json matches rust-minidump's snapshot for ${dump}`, () => {
    const want = snapshot(snap);
    const got = ours(dump);
    assert.deepEqual(got.system_info, want.system_info);
    assert.equal(got.pid, want.pid);
    assert.equal(got.process_uptime, want.process_uptime);
    assert.equal(got.main_module, want.main_module);
    assert.equal(got.thread_count, want.thread_count);
    assert.deepEqual(got.threads.map((t: any) => [t.thread_id, t.thread_name]), want.threads.map((t: any) => [t.thread_id, t.thread_name]));
    assert.deepEqual(got.lsb_release, want.lsb_release);
    assert.equal(got.linux_memory_map_count, want.linux_memory_map_count);
    assert.deepEqual(got.mac_crash_info, want.mac_crash_info);
    assert.equal(got.crash_info.address, want.crash_info.address);
    assert.equal(got.crash_info.crashing_thread, want.crash_info.crashing_thread);
    assert.equal(got.crash_info.type, REASON_FOLLOWS_BREAKPAD[want.crash_info.type] ?? want.crash_info.type);
    assert.equal(got.modules.length, want.modules.length);
    got.modules.forEach((m: any, i: number) => {
      for (const f of MODULE_FIELDS) assert.equal(m[f], want.modules[i][f], `module ${i} ${f}`);
    });
    const f0 = got.crashing_thread.frames[0];
    const w0 = want.crashing_thread.frames[0];
    for (const f of ['module', 'module_offset', 'offset', 'trust', 'registers']) assert.deepEqual(f0[f], w0[f], `frame 0 ${f}`);
    assert.equal(got.crashing_thread.thread_id, want.crashing_thread.thread_id);
    assert.equal(got.crashing_thread.threads_index, want.crashing_thread.threads_index);
  });
}
