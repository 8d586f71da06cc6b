// GET /api/symbols/stores: the folders searched for symbols, in order, with what each holds.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath, readCorpus } from '../../../core/src/testing/corpus.js';
import { tempService } from '../testing/temp-service.js';
import { multipart } from '../testing/client-bodies.js';

const store = corpusPath('minidump', 'breakpad', 'symbols');
const absent = join(store, 'no-such-folder');
const service = await tempService({ processing: false, symbolPaths: [store, absent] });
after(() => service.dispose());
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const token = async (role: string) => (await service.app.inject({ method: 'POST', url: '/api/tokens', headers: auth(service.admin), payload: { role, name: role } })).json().token as string;
const stores = async (t: string) => service.app.inject({ url: '/api/symbols/stores', headers: auth(t) });

// What the corpus store holds, counted here with Node's own recursive listing.
const symFiles = (readdirSync(store, { recursive: true }) as string[]).filter((f) => f.toLowerCase().endsWith('.sym'));
const symBytes = symFiles.reduce((n, f) => n + statSync(join(store, f)).size, 0);

test('the uploads folder first, then the configured stores with their .sym counts; a missing folder says so', async () => {
  const developer = await token('developer');
  const r = await stores(developer);
  assert.equal(r.statusCode, 200, r.body);
  const [uploads, corpus, missing] = r.json().stores;
  assert.deepEqual({ ...uploads, path: undefined }, { path: undefined, uploads: true, exists: true, symFiles: 0, bytes: 0, partial: false });
  assert.ok(symFiles.length > 0);
  assert.deepEqual(corpus, { path: store, uploads: false, exists: true, symFiles: symFiles.length, bytes: symBytes, partial: false });
  assert.deepEqual(missing, { path: absent, uploads: false, exists: false, symFiles: 0, bytes: 0, partial: false });

  const sym = readCorpus('minidump', 'breakpad', 'symbols', 'null_read_av', '7B7D1968FF0D47AE4366E9C3A7E1B6750', 'null_read_av.sym');
  const body = multipart([{ name: 'symbol_file', value: sym, filename: 'null_read_av.sym', contentType: 'application/octet-stream' }]);
  assert.equal((await service.app.inject({ method: 'POST', url: '/api/symbols', payload: body.payload, headers: { ...body.headers, ...auth(developer) } })).statusCode, 200);
  const after = (await stores(service.admin)).json().stores[0];
  assert.deepEqual([after.symFiles, after.bytes], [1, sym.length]);
});

test('read and vendor tokens may not list the stores (their paths are the server’s)', async () => {
  assert.equal((await stores(await token('read'))).statusCode, 403);
  const vendor = (await service.app.inject({ method: 'POST', url: '/api/vendors', headers: auth(service.admin), payload: { name: 'V', modules: ['v.dll'] } })).json();
  const vt = (await service.app.inject({ method: 'POST', url: `/api/vendors/${vendor.id}/tokens`, headers: auth(service.admin), payload: {} })).json().token;
  assert.equal((await stores(vt)).statusCode, 403);
  assert.equal((await service.app.inject({ url: '/api/symbols/stores' })).statusCode, 401);
});
