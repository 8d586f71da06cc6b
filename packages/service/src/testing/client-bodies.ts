import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * TEST-ONLY. Upload bodies written byte for byte the way each real client writes them, by code
 * that shares nothing with the service's parser (a bug cannot hide on both sides).
 *   Crashpad: util/net/http_multipart_builder.cc — fields carry no Content-Type; the dump is
 *     `upload_file_minidump`, application/octet-stream; optional gzip of the whole body.
 *   Breakpad (Linux, libcurl curl_formadd): fields without Content-Type, files with one.
 *   Electron: Crashpad underneath with its own fields, gzip on by default (`compress: true`).
 *   curl -F: fields without Content-Type; `-F name=@file` gets filename and octet-stream.
 */
export interface Part {
  name: string;
  value: string | Uint8Array;
  filename?: string;
  contentType?: string;
}

export interface Body {
  payload: Buffer;
  headers: Record<string, string>;
}

export function multipart(parts: Part[], opts: { boundary?: string; gzip?: boolean } = {}): Body {
  const boundary = opts.boundary ?? `---MultipartBoundary-${randomBytes(16).toString('hex')}---`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"`;
    head += '\r\n';
    if (p.contentType) head += `Content-Type: ${p.contentType}\r\n`;
    head += '\r\n';
    chunks.push(Buffer.from(head, 'utf8'), typeof p.value === 'string' ? Buffer.from(p.value, 'utf8') : Buffer.from(p.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  let payload = Buffer.concat(chunks);
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (opts.gzip) {
    payload = gzipSync(payload);
    headers['content-encoding'] = 'gzip';
  }
  return { payload, headers };
}

export function crashpadBody(dump: Uint8Array, annotations: Record<string, string>, gzip = false): Body {
  const parts: Part[] = Object.entries(annotations).map(([name, value]) => ({ name, value }));
  parts.push({ name: 'upload_file_minidump', value: dump, filename: `${randomBytes(8).toString('hex')}.dmp`, contentType: 'application/octet-stream' });
  return multipart(parts, { gzip });
}

/** Electron 30's uploader fields (crashReporter.start with productName 'Acme', app version 2.4.1). */
export function electronBody(dump: Uint8Array, guid: string): Body {
  return crashpadBody(
    dump,
    { _productName: 'Acme', _companyName: 'Acme Inc', _version: '2.4.1', prod: 'Electron', ver: '30.0.1', platform: 'win32', process_type: 'renderer', guid, ptype: 'renderer' },
    true,
  );
}

export function breakpadBody(dump: Uint8Array, fields: Record<string, string>, attachment?: Uint8Array): Body {
  const parts: Part[] = Object.entries(fields).map(([name, value]) => ({ name, value }));
  parts.push({ name: 'upload_file_minidump', value: dump, filename: 'minidump.dmp', contentType: 'application/octet-stream' });
  if (attachment) parts.push({ name: 'upload_file_log', value: attachment, filename: 'app.log', contentType: 'application/octet-stream' });
  return multipart(parts, { boundary: '----------------------------e0f7f7e4b8a4' });
}
