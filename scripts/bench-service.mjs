#!/usr/bin/env node
// Intake benchmark, by hand: uploads per second and latency for 100 KB Crashpad-style uploads at
// a fixed concurrency, against `culprit`'s service and, in the same run, a bare Node HTTP server
// that writes and fsyncs the same bodies (the limit for this stack). Load goes to 127.0.0.1 only,
// bounded in count and time.
// Usage: node scripts/bench-service.mjs [--requests N] [--concurrency C] [--rounds R] [--processing]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const REQUESTS = Math.min(arg('requests', 2000), 20000);
const CONCURRENCY = Math.min(arg('concurrency', 16), 256);
const ROUNDS = Math.min(arg('rounds', 2), 5);
const PROCESSING = process.argv.includes('--processing');
const TIME_LIMIT_MS = 120_000;
const root = new URL('..', import.meta.url).pathname;

// The bare limit: stream the body to a new file, fsync it, answer with an id.
const BARE = `
import { createServer } from 'node:http';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
const dir = process.argv[1];
const server = createServer(async (req, res) => {
  const id = randomUUID();
  await pipeline(req, createWriteStream(dir + '/' + id, { flush: true }));
  res.writeHead(200, { 'content-type': 'text/plain' }).end(id);
});
server.listen(0, '127.0.0.1', () => process.stderr.write('serving on http://127.0.0.1:' + server.address().port + ' \\n'));
`;
// The service as \`culprit serve\` builds it (processing off by default: this measures intake).
const SERVICE = `
import { createService } from '${root}packages/service/dist/index.js';
const s = await createService({ dataDir: process.argv[1], workers: 1, processing: ${PROCESSING} });
await s.app.listen({ host: '127.0.0.1', port: 0 });
process.stderr.write('serving on http://127.0.0.1:' + s.app.server.address().port + ' \\n');
`;

function crashpadBody() {
  const boundary = `---MultipartBoundary-${randomBytes(8).toString('hex')}---`;
  const fields = { prod: 'Bench', ver: '1.0', plat: 'Win64', guid: 'bench' };
  let head = '';
  for (const [k, v] of Object.entries(fields)) head += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  head += `--${boundary}\r\nContent-Disposition: form-data; name="upload_file_minidump"; filename="b.dmp"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), randomBytes(100 * 1024), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

async function start(code, dir) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', code, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      log += d;
      const m = /serving on (http:\/\/\S+)/.exec(log);
      if (m) resolve(m[1]);
    });
    child.once('exit', (c) => reject(new Error(`server exited ${c}: ${log}`)));
  });
  return { child, url };
}

async function load(url, payload, count = REQUESTS) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const { hostname, port } = new URL(url);
  const latencies = [];
  let next = 0;
  let failures = 0;
  const deadline = Date.now() + TIME_LIMIT_MS;
  const one = () =>
    new Promise((resolve) => {
      const t0 = process.hrtime.bigint();
      const req = request({ hostname, port, path: '/submit', method: 'POST', agent, headers: { 'content-type': payload.type, 'content-length': payload.body.length } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          else failures++;
          resolve();
        });
      });
      req.on('error', () => {
        failures++;
        resolve();
      });
      req.end(payload.body);
    });
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count && Date.now() < deadline) {
        next++;
        await one();
      }
    }),
  );
  const seconds = (Date.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { ok: latencies.length, failures, perSecond: latencies.length / seconds, p50: pct(50), p99: pct(99) };
}

const payload = crashpadBody();
console.log(`${REQUESTS} uploads of ${(payload.body.length / 1024).toFixed(0)} KB, concurrency ${CONCURRENCY}, ${ROUNDS} rounds${PROCESSING ? ', analysis workers running' : ''}`);
const results = { bare: [], service: [] };
for (let round = 1; round <= ROUNDS; round++) {
  for (const [name, code] of [['bare', BARE], ['service', SERVICE]]) {
    const dir = mkdtempSync(join(tmpdir(), `culprit-bench-${name}-`));
    const { child, url } = await start(code, dir);
    try {
      await load(url, payload, Math.min(200, REQUESTS)); // warm-up (JIT, page cache), not counted
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
    const dir2 = mkdtempSync(join(tmpdir(), `culprit-bench-${name}-`));
    const server = await start(code, dir2);
    try {
      const r = await load(server.url, payload);
      results[name].push(r);
      console.log(`round ${round} ${name.padEnd(7)} ${r.perSecond.toFixed(0).padStart(6)} uploads/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  (${r.ok} ok, ${r.failures} failed)`);
    } finally {
      server.child.kill('SIGKILL');
      rmSync(dir2, { recursive: true, force: true });
    }
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const b = median(results.bare.map((r) => r.perSecond));
const s = median(results.service.map((r) => r.perSecond));
console.log(`median: bare ${b.toFixed(0)} uploads/s, service ${s.toFixed(0)} uploads/s → ${(s / b).toFixed(2)}x of the bare limit`);
console.log(`p99: bare ${median(results.bare.map((r) => r.p99)).toFixed(1)} ms, service ${median(results.service.map((r) => r.p99)).toFixed(1)} ms`);
