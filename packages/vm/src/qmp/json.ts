import { VM_LIMITS } from '../limits.js';

/**
 * A JSON value as QMP sends it. Integers that do not fit a double exactly (QMP's `uint64`/`int64`,
 * e.g. Hyper-V crash parameters in `GUEST_PANICKED`) stay exact as `bigint`; every other number is
 * a `number`.
 */
export type QmpValue = null | boolean | number | bigint | string | QmpValue[] | { [key: string]: QmpValue };
export type QmpObject = { [key: string]: QmpValue };

export class QmpJsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'QmpJsonError';
  }
}

/**
 * Parses one JSON text (RFC 8259) keeping big integer literals exact. `JSON.parse` would round
 * 0xFFFFF80012345678 to the nearest double, losing the low bits of a bug check parameter.
 */
export function parseQmpJson(text: string): QmpValue {
  const p = new Parser(text);
  p.ws();
  const v = p.value(0);
  p.ws();
  if (p.pos !== text.length) throw new QmpJsonError('trailing characters', p.pos);
  return v;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  ws(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      this.pos++;
    }
  }

  value(depth: number): QmpValue {
    if (depth > VM_LIMITS.qmpJsonDepth) throw new QmpJsonError('nesting deeper than the limit', this.pos);
    const c = this.s[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    throw new QmpJsonError(c === undefined ? 'unexpected end' : `unexpected ${JSON.stringify(c)}`, this.pos);
  }

  object(depth: number): QmpObject {
    const out: QmpObject = Object.create(null);
    this.pos++;
    this.ws();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.pos] !== '"') throw new QmpJsonError('expected a member name', this.pos);
      const key = this.string();
      this.ws();
      if (this.s[this.pos] !== ':') throw new QmpJsonError("expected ':'", this.pos);
      this.pos++;
      this.ws();
      out[key] = this.value(depth + 1);
      this.ws();
      const c = this.s[this.pos++];
      if (c === '}') return out;
      if (c !== ',') throw new QmpJsonError("expected ',' or '}'", this.pos - 1);
    }
  }

  array(depth: number): QmpValue[] {
    const out: QmpValue[] = [];
    this.pos++;
    this.ws();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.pos++];
      if (c === ']') return out;
      if (c !== ',') throw new QmpJsonError("expected ',' or ']'", this.pos - 1);
    }
  }

  number(): number | bigint {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.s);
    if (!m) throw new QmpJsonError('malformed number', this.pos);
    this.pos += m[0].length;
    const isInteger = m[1] === undefined && m[2] === undefined;
    if (isInteger) {
      const n = Number(m[0]);
      return Number.isSafeInteger(n) ? n : BigInt(m[0]);
    }
    return Number(m[0]);
  }

  string(): string {
    const s = this.s;
    let i = ++this.pos;
    let out = '';
    let start = i;
    for (;;) {
      if (i >= s.length) throw new QmpJsonError('unterminated string', this.pos - 1);
      const c = s.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) throw new QmpJsonError('control character in string', i);
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += s.slice(start, i);
      const e = s[i + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && e in simple) {
        out += simple[e];
        i += 2;
      } else if (e === 'u') {
        const hex = s.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new QmpJsonError('bad \\u escape', i);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        throw new QmpJsonError('bad escape', i);
      }
      start = i;
    }
    out += s.slice(start, i);
    this.pos = i + 1;
    return out;
  }
}

/** Serialises a value for QMP (commands we send) or for reports: bigints as exact decimal literals. */
export function stringifyQmpJson(value: QmpValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map(stringifyQmpJson).join(',') + ']';
  return '{' + Object.entries(value).map(([k, v]) => JSON.stringify(k) + ':' + stringifyQmpJson(v)).join(',') + '}';
}

/** An integer field of a QMP object as an exact bigint (QMP sends small ones as numbers). */
export function qmpBigInt(value: QmpValue | undefined): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return undefined;
}

export function isQmpObject(value: QmpValue | undefined): value is QmpObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
