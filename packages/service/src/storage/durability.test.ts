// kill -9 during a stream of uploads loses no acknowledged report: the real server process is
// killed with SIGKILL while uploads are in flight, restarted on the same data folder, and every
// report it had acknowledged must be there, byte for byte, and get processed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCorpus } from '../../../core/src/testing/corpus.js';
import { crashpadBody } from '../testing/client-bodies.js';
import { killHard, startServerProcess } from '../testing/server-process.js';

const ADMIN = 'cul_durability-test-admin';
const CONCURRENCY = 8;
/** Acknowledgements to collect before the kill; uploads keep streaming while it lands. */
const ACKS_BEFORE_KILL = 60;

test('SIGKILL mid-stream: every acknowledged report survives and is processed after restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'culprit-durability-'));
  try {
    const env = { CULPRIT_ADMIN_TOKEN: ADMIN };
    const first = await startServerProcess(dataDir, env);
    const dump = readCorpus('minidump', 'rust-minidump', 'test.dmp');
    const acked = new Map<string, number>();
    let sent = 0;
    let killed = false;

    const uploader = async (): Promise<void> => {
      while (!killed) {
        const n = sent++;
        const b = crashpadBody(dump, { prod: 'Durable', ver: String(n) });
        try {
          const r = await fetch(`${first.url}/submit`, { method: 'POST', body: b.payload, headers: b.headers });
          const text = await r.text();
          if (r.status === 200) acked.set(text, n);
        } catch {
          // connection cut by the kill: not acknowledged, so nothing is owed
        }
      }
    };
    const kill = (async () => {
      while (acked.size < ACKS_BEFORE_KILL) await new Promise((r) => setTimeout(r, 5));
      await killHard(first.child);
      killed = true;
    })();
    await Promise.all([kill, ...Array.from({ length: CONCURRENCY }, uploader)]);
    assert.ok(acked.size >= ACKS_BEFORE_KILL);

    const second = await startServerProcess(dataDir, env);
    try {
      const auth = { authorization: `Bearer ${ADMIN}` };
      for (const [id, n] of acked) {
        const r = await fetch(`${second.url}/api/reports/${id}`, { headers: auth });
        assert.equal(r.status, 200, `acknowledged report ${id} is present`);
        assert.equal(((await r.json()) as { version: string }).version, String(n));
        const raw = Buffer.from(await (await fetch(`${second.url}/api/reports/${id}/raw`, { headers: auth })).arrayBuffer());
        assert.deepEqual(raw, Buffer.from(dump));
      }
      for (const id of acked.keys()) {
        for (;;) {
          const a = (await (await fetch(`${second.url}/api/answers/${id}`)).json()) as { status: string };
          if (a.status === 'processed') break;
          assert.notEqual(a.status, 'failed');
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    } finally {
      await killHard(second.child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
