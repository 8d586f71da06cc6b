import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FakeQmp, until } from '../testing/fake-qmp.js';
import { readCorpus } from '../../../core/src/testing/corpus.js';
import { Supervisor } from './supervisor.js';
import { VmWatcher, type VmWatcherOptions } from './vm-watcher.js';
import { CrashPolicy } from '../policy/policy.js';
import type { VmCrashReport } from '../report/vm-report.js';

const FAST = { greetingMs: 300, commandMs: 2000, reconnectMinMs: 20, reconnectMaxMs: 100, consolePollMs: 30, consoleSettleMs: 200 };

function options(over: Partial<VmWatcherOptions> = {}): Omit<VmWatcherOptions, 'qmpPath'> {
  return {
    policy: new CrashPolicy({ onCrash: 'restart', maxRestarts: 3, windowMs: 60_000 }),
    dump: { format: 'none', dir: '/nonexistent', budgetBytes: 0 },
    limits: FAST,
    ...over,
  };
}

test('pvpanic event: console oops analysed, guest restarted, the other guest named as running', async () => {
  const crasher = new FakeQmp(FakeQmp.tmpPath('crasher'), 'crasher');
  const bystander = new FakeQmp(FakeQmp.tmpPath('bystander'), 'bystander');
  await Promise.all([crasher.listen(), bystander.listen()]);
  // The console log sits beside the socket: found by convention.
  const consolePath = join(dirname(crasher.path), 'crasher.log');
  writeFileSync(consolePath, 'old text from before the watcher\n');
  const reports: VmCrashReport[] = [];
  const sup = new Supervisor({ ...options(), sockets: [crasher.path, bystander.path], folders: [], onReport: (r) => reports.push(r) });
  await sup.start();
  await until(() => [...sup.watchers.values()].every((w) => w.connected), 'both attached');
  appendFileSync(consolePath, readCorpus('oops', 'abrt', 'oops-32bit-graphics.test'));
  crasher.status = 'guest-panicked';
  crasher.emit('GUEST_PANICKED', { action: 'pause' });
  await until(() => reports.length === 1, 'a report');
  sup.stop();
  await Promise.all([crasher.close(), bystander.close()]);

  const r = reports[0]!;
  assert.equal(r.kind, 'vm-guest');
  assert.equal(r.vm.name, 'crasher');
  assert.equal(r.vm.uuid, '6e1c9d4a-0000-4000-8000-000000000001');
  assert.equal(r.channel, 'pvpanic');
  assert.equal(r.statusAtCrash, 'guest-panicked');
  assert.equal(r.analysis?.kind, 'linux-kernel-log');
  assert.ok(!r.console!.excerpt.includes('old text'), 'text from before the watcher is not part of the episode');
  assert.equal(r.title, r.analysis?.crash?.reason);
  assert.equal(r.signature, r.analysis?.signature);
  assert.match(r.registers ?? '', /RIP=/);
  assert.deepEqual(r.host.otherGuests.map((g) => [g.name, g.status]), [['bystander', 'running']]);
  assert.equal(r.policy?.action, 'restart');
  assert.equal(r.policy?.status, 'running');
  assert.ok(crasher.commands.indexOf('system_reset') < crasher.commands.indexOf('cont'));
  assert.ok(!bystander.commands.includes('system_reset'));
});

test('Hyper-V crash info becomes a bug check report with exact parameters', async () => {
  const vm = new FakeQmp(FakeQmp.tmpPath('win'), 'win11');
  await vm.listen();
  const reports: VmCrashReport[] = [];
  const w = new VmWatcher({ ...options({ policy: new CrashPolicy({ onCrash: 'pause', maxRestarts: 0, windowMs: 1 }) }), qmpPath: vm.path, onReport: (r) => reports.push(r) });
  w.start();
  await until(() => w.connected, 'attached');
  vm.status = 'guest-panicked';
  vm.emitRaw(
    '{"timestamp": {"seconds": 1700000000, "microseconds": 5}, "event": "GUEST_PANICKED", "data": {"action": "pause", "info": {"type": "hyper-v", "arg1": 209, "arg2": 18446735277616529408, "arg3": 2, "arg4": 0, "arg5": 18446735277664312433}}}',
  );
  await until(() => reports.length === 1, 'a report');
  w.stop();
  await vm.close();
  const r = reports[0]!;
  assert.equal(r.guestOs, 'windows');
  assert.equal(r.channel, 'hyper-v');
  assert.equal(r.bugCheck?.code, '0xD1');
  assert.equal(r.bugCheck?.name, 'DRIVER_IRQL_NOT_LESS_OR_EQUAL');
  assert.deepEqual(r.bugCheck?.parameters, ['0xfffff80000000000', '0x0000000000000002', '0x0000000000000000', '0xfffff80002d91c71']);
  assert.equal(r.signature, r.bugCheck?.bucket);
  assert.equal(r.policy?.action, 'pause');
  assert.ok(!vm.commands.includes('system_reset'));
});

test('a lost socket is reconnected, and crashes after it are still caught', async () => {
  const vm = new FakeQmp(FakeQmp.tmpPath('flaky'), 'flaky');
  await vm.listen();
  const reports: VmCrashReport[] = [];
  const w = new VmWatcher({ ...options(), qmpPath: vm.path, onReport: (r) => reports.push(r) });
  w.start();
  await until(() => w.connected, 'attached');
  vm.dropConnections();
  await until(() => w.connects === 2 && w.connected, 'reconnected');
  vm.status = 'guest-panicked';
  vm.emit('GUEST_PANICKED', { action: 'pause' });
  await until(() => reports.length === 1, 'a report after reconnecting');
  w.stop();
  await vm.close();
  assert.equal(reports[0]!.policy?.action, 'restart');
});

test('a VM that never answers does not hold up the others; a flood of events is bounded', async () => {
  const hung = new FakeQmp(FakeQmp.tmpPath('hung'), 'hung');
  hung.silent = true;
  const busy = new FakeQmp(FakeQmp.tmpPath('busy'), 'busy');
  await Promise.all([hung.listen(), busy.listen()]);
  const reports: VmCrashReport[] = [];
  const sup = new Supervisor({ ...options(), sockets: [hung.path, busy.path], folders: [], onReport: (r) => reports.push(r) });
  await sup.start();
  const busyWatcher = sup.watchers.get(busy.path)!;
  await until(() => busyWatcher.connected, 'busy attached');
  busy.status = 'guest-panicked';
  const lines = Array.from({ length: 5000 }, () => '{"event":"GUEST_PANICKED","data":{"action":"pause"}}').join('\r\n');
  busy.emitRaw(lines);
  await until(() => reports.length >= 1 && busyWatcher.droppedEvents + busyWatcher.coalescedEvents >= 4990, 'flood handled');
  const hungWatcher = sup.watchers.get(hung.path)!;
  sup.stop();
  await Promise.all([hung.close(), busy.close()]);
  assert.ok(reports.length <= 2, `one crash episode, not thousands (${reports.length})`);
  assert.equal(hungWatcher.connected, false);
  assert.ok(['disconnected', 'not answering'].includes(reports[0]!.host.otherGuests[0]!.status));
});

test('without pvpanic, a panic on the serial console is caught and the guest stopped', async () => {
  const vm = new FakeQmp(FakeQmp.tmpPath('quiet'), 'quiet');
  await vm.listen();
  const consolePath = join(dirname(vm.path), 'serial.txt');
  writeFileSync(consolePath, '');
  const reports: VmCrashReport[] = [];
  const w = new VmWatcher({ ...options({ policy: new CrashPolicy({ onCrash: 'pause', maxRestarts: 0, windowMs: 1 }) }), qmpPath: vm.path, consolePath, onReport: (r) => reports.push(r) });
  w.start();
  await until(() => w.connected, 'attached');
  appendFileSync(consolePath, readCorpus('oops', 'syzkaller', 'report_4.txt'));
  await until(() => reports.length === 1, 'a console report');
  w.stop();
  await vm.close();
  const r = reports[0]!;
  assert.equal(r.channel, 'console');
  assert.equal(r.analysis?.kind, 'linux-kernel-log');
  assert.equal(r.policy?.action, 'pause');
  assert.ok(vm.commands.includes('stop'), 'a running guest is stopped for inspection');
});
