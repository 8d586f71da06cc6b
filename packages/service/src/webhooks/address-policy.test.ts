// Which addresses a public-only webhook may reach, and what a URL's host says before any lookup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAddress, describeAddress, isPublicAddress } from './address-policy.js';
import { literalAddressRefusal, registrationHostRefusal } from './url-host.js';

const kinds = (cases: Record<string, string>) => {
  for (const [ip, want] of Object.entries(cases)) assert.equal(classifyAddress(ip)?.kind, want, ip);
};

test('IPv4: every special-purpose block, edges included', () => {
  kinds({
    '0.0.0.0': 'unspecified',
    '0.255.255.255': 'unspecified',
    '1.0.0.0': 'public',
    '9.255.255.255': 'public',
    '10.0.0.0': 'private',
    '10.255.255.255': 'private',
    '11.0.0.0': 'public',
    '100.63.255.255': 'public',
    '100.64.0.0': 'shared',
    '100.127.255.255': 'shared',
    '100.128.0.0': 'public',
    '127.0.0.1': 'loopback',
    '127.0.0.2': 'loopback',
    '127.255.255.254': 'loopback',
    '169.254.169.254': 'link-local',
    '172.15.255.255': 'public',
    '172.16.0.1': 'private',
    '172.31.255.255': 'private',
    '172.32.0.0': 'public',
    '192.0.0.8': 'reserved',
    '192.0.2.1': 'reserved',
    '192.88.99.1': 'reserved',
    '192.167.255.255': 'public',
    '192.168.1.1': 'private',
    '192.169.0.0': 'public',
    '198.18.0.1': 'reserved',
    '198.19.255.255': 'reserved',
    '198.20.0.0': 'public',
    '198.51.100.7': 'reserved',
    '203.0.113.9': 'reserved',
    '223.255.255.255': 'public',
    '224.0.0.1': 'multicast',
    '239.255.255.250': 'multicast',
    '240.0.0.1': 'reserved',
    '255.255.255.255': 'reserved',
    '8.8.8.8': 'public',
    '93.184.216.34': 'public',
  });
});

test('IPv6: loopback, unspecified, unique-local, link-local, multicast, documentation, outside 2000::/3', () => {
  kinds({
    '::': 'unspecified',
    '::1': 'loopback',
    '0:0:0:0:0:0:0:1': 'loopback',
    '::2': 'reserved', // ::/8 is not global unicast
    'fc00::1': 'unique-local',
    'fd12:3456:789a::1': 'unique-local',
    'fbff:ffff::1': 'reserved',
    'fe80::1': 'link-local',
    'fe80::1%eth0': 'link-local',
    'febf:ffff::1': 'link-local',
    'fec0::1': 'private',
    'ff02::1': 'multicast',
    'ff05::1:3': 'multicast',
    '2001:db8::1': 'reserved',
    '2001::1': 'reserved', // Teredo
    '2001:4860:4860::8888': 'public',
    '2606:4700:4700::1111': 'public',
    '3fff::1': 'reserved',
    '4000::1': 'reserved',
    '64:ff9b:1::a00:5': 'private',
    '100::1': 'reserved',
  });
});

test('IPv6 carrying IPv4 is judged by the IPv4 address: mapped, NAT64, 6to4', () => {
  assert.deepEqual(classifyAddress('::ffff:127.0.0.1'), { kind: 'loopback', embeddedIPv4: '127.0.0.1' });
  assert.deepEqual(classifyAddress('::ffff:7f00:1'), { kind: 'loopback', embeddedIPv4: '127.0.0.1' });
  assert.deepEqual(classifyAddress('0:0:0:0:0:ffff:a00:5'), { kind: 'private', embeddedIPv4: '10.0.0.5' });
  assert.deepEqual(classifyAddress('::ffff:169.254.169.254'), { kind: 'link-local', embeddedIPv4: '169.254.169.254' });
  assert.deepEqual(classifyAddress('::ffff:8.8.8.8'), { kind: 'public', embeddedIPv4: '8.8.8.8' });
  assert.deepEqual(classifyAddress('64:ff9b::192.168.0.1'), { kind: 'private', embeddedIPv4: '192.168.0.1' });
  assert.deepEqual(classifyAddress('64:ff9b::808:808'), { kind: 'public', embeddedIPv4: '8.8.8.8' });
  assert.deepEqual(classifyAddress('2002:a9fe:a9fe::1'), { kind: 'link-local', embeddedIPv4: '169.254.169.254' });
  // IPv4-compatible (deprecated) and SIIT-translated forms are not global unicast at all.
  assert.equal(classifyAddress('::127.0.0.1')?.kind, 'reserved');
  assert.equal(classifyAddress('::ffff:0:7f00:1')?.kind, 'reserved');
});

test('not an address: null; isPublicAddress says false', () => {
  for (const s of ['', 'localhost', 'example.com', '1.2.3', '256.0.0.1', '[::1]', '::g', '01.2.3.4']) {
    assert.equal(classifyAddress(s), null, s);
    assert.equal(isPublicAddress(s), false, s);
  }
  assert.equal(isPublicAddress('8.8.8.8'), true);
});

test('descriptions name the address and its class', () => {
  assert.equal(describeAddress('10.0.0.5', classifyAddress('10.0.0.5')!), '10.0.0.5, a private address');
  assert.equal(describeAddress('::ffff:a00:5', classifyAddress('::ffff:a00:5')!), '::ffff:a00:5 (10.0.0.5), a private address');
  assert.equal(describeAddress('0.0.0.0', classifyAddress('0.0.0.0')!), '0.0.0.0, the unspecified address (this machine)');
});

test('URL hosts in the forms URL parsing normalises: decimal, hex, octal, short, bracketed IPv6', () => {
  const refused: Record<string, string> = {
    'http://127.0.0.1:8080/hook': '127.0.0.1, a loopback address',
    'http://2130706433/': '127.0.0.1, a loopback address',
    'http://0x7f.1/': '127.0.0.1, a loopback address',
    'http://0177.0.0.2/': '127.0.0.2, a loopback address',
    'http://127.1/': '127.0.0.1, a loopback address',
    'http://0/': '0.0.0.0, the unspecified address (this machine)',
    'http://0xa9fea9fe/latest/meta-data': '169.254.169.254, a link-local address',
    'http://167772165/': '10.0.0.5, a private address',
    'http://100.100.100.200/': '100.100.100.200, a carrier-grade NAT (shared) address',
    'https://[::1]/': '::1, a loopback address',
    'https://[::]/': '::, the unspecified address (this machine)',
    'http://[::ffff:127.0.0.1]/': '::ffff:7f00:1 (127.0.0.1), a loopback address',
    'http://[fd00::1]:9000/': 'fd00::1, a unique-local address',
    'http://[fe80::1]/': 'fe80::1, a link-local address',
    'http://224.0.0.251/': '224.0.0.251, a multicast address',
    'http://192.168.0.1./': '192.168.0.1, a private address', // trailing dot
  };
  for (const [url, why] of Object.entries(refused)) assert.equal(literalAddressRefusal(new URL(url)), why, url);
  for (const url of ['https://hooks.slack.com/services/T/B/X', 'http://8.8.8.8/', 'https://[2606:4700:4700::1111]/', 'http://localhost:1/', 'http://internal.corp/']) {
    assert.equal(literalAddressRefusal(new URL(url)), null, url);
  }
});

test('registration also refuses localhost and names under it, in any case and with a trailing dot', () => {
  for (const url of ['http://localhost/', 'http://LOCALHOST:8080/x', 'http://localhost./', 'http://api.localhost/']) {
    assert.match(registrationHostRefusal(new URL(url)) ?? '', /localhost, this machine$/, url);
  }
  assert.equal(registrationHostRefusal(new URL('http://notlocalhost.example/')), null);
  assert.equal(registrationHostRefusal(new URL('http://localhost.example/')), null);
  assert.equal(registrationHostRefusal(new URL('http://10.1.2.3/')), '10.1.2.3, a private address');
});
