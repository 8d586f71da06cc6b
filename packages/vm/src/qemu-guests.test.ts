// Real guests under QEMU (TCG software emulation): a guest that oopses from a test module, one that
// panics on purpose (sysrq), and a bystander that keeps printing a heartbeat. The guest is built by
// test-setup/build-guest.sh from Debian packages and cached under packages/vm/.guest-cache/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Supervisor } from './watch/supervisor.js';
import { CrashPolicy } from './policy/policy.js';
import { submitVmReport } from './submit/submit.js';
import { until } from './testing/fake-qmp.js';
import type { VmCrashReport } from './report/vm-report.js';

const qemu = spawnSync('qemu-system-x86_64', ['--version']).status === 0;
const skip = !qemu && process.env.CI !== 'true' ? 'qemu-system-x86 is not installed (.ci/run installs it)' : false;

function buildGuest(): { dir: string; hasOops: boolean } {
  const script = fileURLToPath(new URL('../test-setup/build-guest.sh', import.meta.url));
  const r = spawnSync('bash', [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build-guest.sh failed: ${r.stderr}`);
  const dir = r.stdout.trim().split('\n').at(-1)!;
  let hasOops = false;
  try {
    hasOops = readFileSync(join(dir, 'has-oops-module'), 'utf8').trim() === 'yes';
  } catch {
    hasOops = false;
  }
  return { dir, hasOops };
}

function startGuest(guest: string, run: string, name: string, mode: string, device: string, waitForWatcher: boolean): ChildProcess {
  // panic=0: the kernel does not reboot by itself (panic=-1 would reset at once); -action
  // panic=pause freezes the guest for collection. No -no-reboot: it turns system_reset into an exit.
  const args = [
    ...['-name', name, '-accel', 'tcg', '-m', '128', '-display', 'none', '-nodefaults', '-monitor', 'none'],
    ...['-kernel', join(guest, 'vmlinuz'), '-initrd', join(guest, 'initramfs.cpio.gz')],
    ...['-append', `console=ttyS0 panic=0 quiet culprit.mode=${mode}`],
    ...['-device', device, '-action', 'panic=pause'],
    ...['-serial', `file:${join(run, `${name}.log`)}`],
    ...['-qmp', `unix:${join(run, `${name}.sock`)},server=on,wait=${waitForWatcher ? 'on' : 'off'}`],
  ];
  const p = spawn('qemu-system-x86_64', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  p.stderr!.on('data', (d: Buffer) => {
    if (!/info: QEMU waiting for connection/.test(String(d))) process.stderr.write(`qemu ${name}: ${d}`);
  });
  return p;
}

function heartbeats(run: string): number {
  let text = '';
  try {
    text = readFileSync(join(run, 'bystander.log'), 'utf8');
  } catch {
    return 0; // QEMU has not created its log yet
  }
  return (text.match(/culprit-guest: heartbeat \d+/g) ?? []).length;
}

test('real guests: crashes caught, culprit named, restart policy applied, bystander keeps running', { skip, timeout: 240_000 }, async () => {
  const { dir: guest, hasOops } = buildGuest();
  assert.ok(hasOops, 'the oops test module was built (needs linux-headers for the guest kernel)');
  const run = mkdtempSync(join(tmpdir(), 'culprit-vm-qemu-'));
  const ids: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      ids.push(`r${ids.length + 1}`);
      res.end(ids.at(-1));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const procs: ChildProcess[] = [];
  const reports: VmCrashReport[] = [];
  let sup: Supervisor | undefined;
  try {
    procs.push(startGuest(guest, run, 'bystander', 'heartbeat', 'pvpanic', false));
    await until(() => heartbeats(run) >= 1, 'bystander boots', 60_000);
    procs.push(startGuest(guest, run, 'oopser', 'oops', 'pvpanic', true));
    procs.push(startGuest(guest, run, 'panicker', 'panic', 'pvpanic-pci', true));
    await until(() => spawnSync('sh', ['-c', `ls ${run}/*.sock | wc -l`], { encoding: 'utf8' }).stdout.trim() === '3', 'three QMP sockets', 30_000);
    const beatsBefore = heartbeats(run);
    sup = new Supervisor({
      sockets: [],
      folders: [run],
      rescanMs: 200,
      policy: new CrashPolicy({ onCrash: 'restart', maxRestarts: 1, windowMs: 600_000 }),
      dump: { format: 'kdump-zlib', dir: join(run, 'dumps'), budgetBytes: 64 * 1024 * 1024 },
      submit: (r) => submitVmReport(r, { url }),
      submitUrl: url,
      onReport: (r) => reports.push(r),
    });
    await sup.start();
    // Each crasher: crash, restart, crash again, left paused (crash loop after one restart).
    await until(() => reports.length >= 4, 'four crash reports', 180_000);
    const beatsAfter = heartbeats(run);

    const of = (name: string): VmCrashReport[] => reports.filter((r) => r.vm.name === name);
    const oops = of('oopser');
    const panic = of('panicker');
    assert.equal(oops.length, 2);
    assert.equal(panic.length, 2);
    for (const r of oops) {
      assert.equal(r.channel, 'pvpanic');
      assert.equal(r.guestOs, 'linux');
      assert.match(r.title, /NULL pointer dereference in culprit_oops_write_null/);
      assert.equal(r.culprit?.name, 'culprit_oops');
      assert.equal(r.culprit?.confidence, 'high');
      assert.equal((r.console!.excerpt.match(/culprit-guest: up/g) ?? []).length, 1, 'the excerpt is this boot only');
    }
    for (const r of panic) {
      assert.equal(r.channel, 'pvpanic');
      assert.match(r.title, /sysrq triggered crash/);
    }
    for (const list of [oops, panic]) {
      assert.equal(list[0]!.policy?.action, 'restart');
      assert.equal(list[0]!.policy?.status, 'running');
      assert.equal(list[1]!.policy?.action, 'pause');
      assert.match(list[1]!.policy!.reason, /crash loop/);
      assert.equal(list[0]!.statusAtCrash, 'guest-panicked');
      assert.match(list[0]!.registers ?? '', /RIP=/);
      const d = list[0]!.dump!;
      assert.ok(d.taken, `dump: ${'reason' in d ? d.reason : ''}`);
      assert.ok(d.bytes > 0 && d.bytes <= 64 * 1024 * 1024);
    }
    for (const r of reports) {
      assert.ok(r.submission?.id?.startsWith('r'), 'submitted to the server');
      assert.equal(r.host.otherGuests.find((g) => g.name === 'bystander')?.status, 'running');
    }
    assert.ok(beatsAfter > beatsBefore, `bystander heartbeat continued (${beatsBefore} → ${beatsAfter})`);
    assert.equal(procs[0]!.exitCode, null, 'bystander QEMU still running');
    const restartedOnce = readFileSync(join(run, 'oopser.log'), 'utf8').match(/culprit-guest: up/g)?.length;
    assert.equal(restartedOnce, 2, 'the oopser booted twice: restarted by policy');
  } finally {
    sup?.stop();
    for (const p of procs) p.kill('SIGKILL');
    server.close();
    rmSync(run, { recursive: true, force: true });
  }
});
