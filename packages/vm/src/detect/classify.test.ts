import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyEvent } from './classify.js';
import { parseQmpJson, isQmpObject } from '../qmp/json.js';
import type { QmpEvent } from '../qmp/client.js';

function ev(line: string): QmpEvent {
  const v = parseQmpJson(line);
  assert.ok(isQmpObject(v) && typeof v.event === 'string' && isQmpObject(v.data ?? {}));
  return { event: v.event, data: isQmpObject(v.data) ? v.data : {}, raw: line };
}

test('Hyper-V crash info: bug check code and four exact 64-bit parameters', () => {
  const c = classifyEvent(
    ev('{"event":"GUEST_PANICKED","data":{"action":"pause","info":{"type":"hyper-v","arg1":59,"arg2":3221225477,"arg3":18446735291194347283,"arg4":18446651484125483232,"arg5":0}}}'),
  );
  assert.equal(c.kind, 'crash');
  assert.ok(c.kind === 'crash' && c.channel === 'hyper-v' && c.action === 'pause');
  assert.ok(c.info?.type === 'hyper-v' && 'bugCheck' in c.info);
  assert.equal(c.info.bugCheck.code, 0x3b);
  assert.deepEqual(c.info.bugCheck.parameters, [0xc0000005n, 18446735291194347283n, 18446651484125483232n, 0n]);
});

test('pvpanic, crash kernel, panic shutdown, guest and host resets', () => {
  assert.deepEqual(classifyEvent(ev('{"event":"GUEST_PANICKED","data":{"action":"pause"}}')), { kind: 'crash', channel: 'pvpanic', action: 'pause', info: undefined });
  assert.equal((classifyEvent(ev('{"event":"GUEST_CRASHLOADED","data":{"action":"run"}}')) as { channel: string }).channel, 'crash-loaded');
  assert.equal((classifyEvent(ev('{"event":"SHUTDOWN","data":{"guest":true,"reason":"guest-panic"}}')) as { channel: string }).channel, 'guest-panic-shutdown');
  assert.equal(classifyEvent(ev('{"event":"SHUTDOWN","data":{"guest":true,"reason":"guest-reset"}}')).kind, 'guest-stop');
  assert.equal(classifyEvent(ev('{"event":"SHUTDOWN","data":{"guest":true,"reason":"guest-shutdown"}}')).kind, 'guest-stop');
  assert.equal(classifyEvent(ev('{"event":"RESET","data":{"guest":true,"reason":"guest-reset"}}')).kind, 'guest-stop');
  // Our own system_reset and quit are not the guest's doing.
  assert.equal(classifyEvent(ev('{"event":"RESET","data":{"guest":false,"reason":"host-qmp-system-reset"}}')).kind, 'other');
  assert.deepEqual(classifyEvent(ev('{"event":"SHUTDOWN","data":{"guest":false,"reason":"host-qmp-quit"}}')), { kind: 'state', running: false });
  assert.deepEqual(classifyEvent(ev('{"event":"STOP"}')), { kind: 'state', running: false });
  assert.equal(classifyEvent(ev('{"event":"RTC_CHANGE","data":{"offset":0}}')).kind, 'other');
});
