// A dump that hangs, one that exhausts memory and one that kills its worker do not stop the
// others: each is marked failed with its reason after a bounded number of attempts, its worker
// is replaced, and the service keeps serving. The poison is the TEST-ONLY hook in
// test-only-poison.ts (enabled by `testHooks`), since the real parsers are bounded.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readCorpus } from '../../../core/src/testing/corpus.js';
import { tempService, waitForAnswer } from '../testing/temp-service.js';
import { crashpadBody } from '../testing/client-bodies.js';
import { TEST_ONLY_CRASH_MARKER, TEST_ONLY_HANG_MARKER, TEST_ONLY_OOM_MARKER } from './test-only-poison.js';

const service = await tempService({ workers: 2, testHooks: true, analysisTimeoutMs: 3000, analysisMemoryMb: 128, maxAttempts: 2 });
after(() => service.dispose());

async function submit(dump: Uint8Array): Promise<string> {
  const b = crashpadBody(dump, { prod: 'Poison' });
  const r = await service.app.inject({ method: 'POST', url: '/submit', payload: b.payload, headers: b.headers });
  assert.equal(r.statusCode, 200, r.body);
  return r.body;
}

const poison = (marker: string) => new TextEncoder().encode(marker.padEnd(64, '.'));

test('hang, memory exhaustion and a crashing worker fail only their own reports', async () => {
  const good = readCorpus('minidump', 'rust-minidump', 'test.dmp');
  const hang = await submit(poison(TEST_ONLY_HANG_MARKER));
  const oom = await submit(poison(TEST_ONLY_OOM_MARKER));
  const crash = await submit(poison(TEST_ONLY_CRASH_MARKER));
  const fine = await Promise.all([submit(good), submit(good), submit(good)]);

  for (const id of fine) assert.equal((await waitForAnswer(service, id)).status, 'processed');
  const reasons: [string, RegExp][] = [
    [hang, /took longer than 3000 ms/],
    [oom, /memory limit/],
    [crash, /worker died \(SIGABRT|worker died/],
  ];
  for (const [id, reason] of reasons) {
    const a = await waitForAnswer(service, id);
    assert.equal(a.status, 'failed');
    assert.match(a.text.en, reason);
  }
  // Each poison was tried exactly maxAttempts times, then left alone.
  const metrics = (await service.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${service.admin}` } })).body;
  assert.match(metrics, /culprit_processing_failures_total\{kind="timeout"\} 2$/m);
  assert.match(metrics, /culprit_processing_failures_total\{kind="memory"\} 2$/m);
  assert.match(metrics, /culprit_processing_failures_total\{kind="crash"\} 2$/m);
  assert.equal(await service.ctx.queue.depth(), 0);

  // Replaced workers keep working.
  const after = await submit(good);
  assert.equal((await waitForAnswer(service, after)).verdict, 'known');
});
