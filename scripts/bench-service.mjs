#!/usr/bin/env node
// Intake benchmark, by hand: uploads per second and latency for 100 KB Crashpad-style uploads at
// a fixed concurrency, against `culprit`'s service and, in the same run, bare Node HTTP servers
// that write and fsync the same bodies (the limit for this stack). Servers run one at a time,
// interleaved round by round, each on a fresh data folder; the figures are medians over rounds.
// Load goes to 127.0.0.1 only, bounded in count and time.
//
// The two limits:
//   bare          open, write, fsync, close the new file, then answer. It does NOT sync the
//                 folder, so the file's name is not yet durable: faster than any server that
//                 keeps the durability promise can be (the stricter ceiling).
//   bare+dirsync  the same, then fsync the folder before answering: what a bare server needs for
//                 a durable new file (the honest like-for-like limit). One folder sync per upload.
//   bare+batch    for scale only: bodies appended to one O_DSYNC file, one write per batch of
//                 requests (the service's intake-journal technique, without parsing or metadata).
// The service must also make its metadata durable before it answers: it appends each upload (bytes
// and row) to its intake journal, one synced write per batch of uploads, beside one SQLite commit.
//
// Also printed: CPU milliseconds the server process used per upload (user+system, /proc), since on
// a 2-core machine the load generator and the server share the CPUs.
//
// Usage: node scripts/bench-service.mjs [--requests N] [--concurrency C] [--rounds R] [--processing]
//          [--only bare,bare+dirsync,bare+batch,service] [--node-args "--cpu-prof --cpu-prof-dir=/tmp/p"]
//          [--strace /tmp/counts.txt]
// --node-args applies to the measured (not the warm-up) server; servers exit cleanly on SIGTERM so
// --cpu-prof profiles get written. --strace attaches `strace -f -c` to the measured server for the
// duration of the load and writes its syscall counts (per server name) to that path prefix.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const REQUESTS = Math.min(Number(arg('requests', 2000)), 20000);
const CONCURRENCY = Math.min(Number(arg('concurrency', 16)), 256);
const ROUNDS = Math.min(Number(arg('rounds', 3)), 9);
const PROCESSING = process.argv.includes('--processing');
const ONLY = arg('only', 'bare,bare+dirsync,bare+batch,service').split(',');
const NODE_ARGS = arg('node-args', '').split(' ').filter(Boolean);
const STRACE = arg('strace', '');
const TIME_LIMIT_MS = 120_000;
const root = new URL('..', import.meta.url).pathname;

const onTerm = `process.on('SIGTERM', () => process.exit(0));`;
// The bare limit: one open, the body's writes, fsync, close (as the service's blob store does).
const bare = (dirsync) => `
import { createServer } from 'node:http';
import { promises as fsp } from 'node:fs';
import { randomUUID } from 'node:crypto';
${onTerm}
const dir = process.argv[1];
const server = createServer(async (req, res) => {
  const id = randomUUID();
  const fh = await fsp.open(dir + '/' + id, 'wx');
  try {
    for await (const chunk of req) await fh.write(chunk);
    await fh.sync();
  } finally {
    await fh.close();
  }
  ${dirsync ? `const d = await fsp.open(dir, 'r'); try { await d.sync(); } finally { await d.close(); }` : ''}
  res.writeHead(200, { 'content-type': 'text/plain' }).end(id);
});
server.listen(0, '127.0.0.1', () => process.stderr.write('serving on http://127.0.0.1:' + server.address().port + ' \\n'));
`;
// The service as \`culprit serve\` builds it (processing off by default: this measures intake).
const SERVICE = `
import { createService } from '${root}packages/service/dist/index.js';
${onTerm}
const s = await createService({ dataDir: process.argv[1], workers: 1, processing: ${PROCESSING} });
await s.app.listen({ host: '127.0.0.1', port: 0 });
process.stderr.write('serving on http://127.0.0.1:' + s.app.server.address().port + ' \\n');
`;
// Not a limit the issue names, shown for scale: the service's own technique without the service —
// bodies appended to one O_DSYNC file, one write per batch of requests that arrived meanwhile.
const BARE_BATCH = `
import { createServer } from 'node:http';
import { openSync, writev, constants } from 'node:fs';
import { randomUUID } from 'node:crypto';
${onTerm}
const fd = openSync(process.argv[1] + '/journal', constants.O_RDWR | constants.O_CREAT | constants.O_DSYNC);
let position = 0;
let pending = [];
let writing = false;
function flush() {
  if (writing || pending.length === 0) return;
  writing = true;
  const batch = pending;
  pending = [];
  const buffers = batch.flatMap((b) => b.chunks);
  const at = position;
  for (const b of batch) position += b.size;
  writev(fd, buffers, at, (err) => {
    if (err) throw err;
    writing = false;
    for (const b of batch) b.done();
    flush();
  });
}
const server = createServer(async (req, res) => {
  const id = randomUUID();
  const chunks = [];
  let size = 0;
  for await (const c of req) (chunks.push(c), (size += c.length));
  await new Promise((done) => (pending.push({ chunks, size, done }), flush()));
  res.writeHead(200, { 'content-type': 'text/plain' }).end(id);
});
server.listen(0, '127.0.0.1', () => process.stderr.write('serving on http://127.0.0.1:' + server.address().port + ' \\n'));
`;
const SERVERS = { bare: bare(false), 'bare+dirsync': bare(true), 'bare+batch': BARE_BATCH, service: SERVICE };

function crashpadBody() {
  const boundary = `---MultipartBoundary-${randomBytes(8).toString('hex')}---`;
  const fields = { prod: 'Bench', ver: '1.0', plat: 'Win64', guid: 'bench' };
  let head = '';
  for (const [k, v] of Object.entries(fields)) head += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  head += `--${boundary}\r\nContent-Disposition: form-data; name="upload_file_minidump"; filename="b.dmp"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), randomBytes(100 * 1024), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

async function start(code, dir, measured) {
  const child = spawn(process.execPath, [...(measured ? NODE_ARGS : []), '--input-type=module', '-e', code, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      log += d;
      const m = /serving on (http:\/\/\S+)/.exec(log);
      if (m) resolve(m[1]);
    });
    child.once('exit', (c) => reject(new Error(`server exited ${c}: ${log}`)));
  });
  // Lines a (temporarily instrumented) server writes as `PHASE ...` on exit are shown after its round.
  child.phases = () => log.split('\n').filter((l) => l.startsWith('PHASE ')).join('\n');
  return { child, url };
}

/** strace -f -c on a running process; SIGINT detaches it and writes the summary. */
async function attachStrace(pid, out) {
  const tracer = spawn('strace', ['-f', '-c', '-o', out, '-p', String(pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise((resolve) => tracer.stderr.once('data', resolve)); // "Process N attached"
  await new Promise((r) => setTimeout(r, 200));
  return tracer;
}

function stop(child, signal = 'SIGTERM') {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => (clearTimeout(t), resolve()));
    child.kill(signal);
  });
}

/** User+system CPU ms of a process so far (Linux /proc; NaN elsewhere). */
function cpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ=100)
  } catch {
    return NaN;
  }
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

async function measure(name, payload) {
  // Warm-up (JIT, page cache) on a throw-away server, not counted.
  const warm = mkdtempSync(join(tmpdir(), `culprit-bench-warm-`));
  const w = await start(SERVERS[name], warm, false);
  try {
    await load(w.url, payload, Math.min(200, REQUESTS));
  } finally {
    await stop(w.child);
    rmSync(warm, { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(tmpdir(), `culprit-bench-`));
  const server = await start(SERVERS[name], dir, true);
  try {
    const tracer = STRACE ? await attachStrace(server.child.pid, `${STRACE}.${name}`) : null;
    const cpu0 = cpuMs(server.child.pid);
    const r = await load(server.url, payload);
    if (tracer) await stop(tracer, 'SIGINT');
    r.cpuPerUpload = (cpuMs(server.child.pid) - cpu0) / r.ok;
    return r;
  } finally {
    await stop(server.child);
    if (server.child.phases()) console.log(server.child.phases());
    rmSync(dir, { recursive: true, force: true });
  }
}

const payload = crashpadBody();
console.log(`${REQUESTS} uploads of ${(payload.body.length / 1024).toFixed(0)} KB, concurrency ${CONCURRENCY}, ${ROUNDS} rounds${PROCESSING ? ', analysis workers running' : ''}`);
const results = Object.fromEntries(ONLY.map((n) => [n, []]));
const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');
for (let round = 1; round <= ROUNDS; round++) {
  for (const name of ONLY) {
    const r = await measure(name, payload);
    results[name].push(r);
    console.log(
      `round ${round} ${name.padEnd(12)} ${fmt(r.perSecond, 0).padStart(6)} uploads/s  p50 ${fmt(r.p50)} ms  p99 ${fmt(r.p99)} ms  cpu ${fmt(r.cpuPerUpload, 2)} ms/upload  (${r.ok} ok, ${r.failures} failed)`,
    );
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const med = Object.fromEntries(
  ONLY.map((n) => [n, Object.fromEntries(['perSecond', 'p50', 'p99', 'cpuPerUpload'].map((k) => [k, median(results[n].map((r) => r[k]))]))]),
);
console.log('medians:');
for (const n of ONLY) {
  const m = med[n];
  console.log(`  ${n.padEnd(12)} ${fmt(m.perSecond, 0).padStart(6)} uploads/s  p50 ${fmt(m.p50)} ms  p99 ${fmt(m.p99)} ms  cpu ${fmt(m.cpuPerUpload, 2)} ms/upload`);
}
if (med.service) {
  for (const limit of ['bare', 'bare+dirsync', 'bare+batch'].filter((n) => med[n])) {
    // Ratio per round (same machine state), then the median of those.
    const ratios = results.service.map((r, i) => r.perSecond / results[limit][i].perSecond);
    console.log(`service / ${limit}: ${median(ratios).toFixed(2)}x (median of per-round ratios; ${ratios.map((x) => x.toFixed(2)).join(' ')})`);
  }
}
