/**
 * Helpers for FEEL extension functions: value tests, structural equality, invocation
 * failures (a warning and `null`, as feelin's own built-ins report bad arguments) and
 * Base64 over UTF-8 without relying on globals the workflow sandbox may lack.
 */
import { FeelFunction, isFunction, isRange } from 'feelin';

/** True for `null` and `undefined` (a missing argument). */
export function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** True for a FEEL context (a plain object). */
export function isContext(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A string that is equal for FEEL-equal values (contexts compare regardless of key order). */
export function valueKey(value: unknown): string {
  if (isNil(value)) return 'null';
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  if (isContext(value)) {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${valueKey(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  if (typeof value === 'object') return `${value.constructor?.name ?? 'object'}:${String(value)}`;
  return `${typeof value}:${JSON.stringify(value)}`;
}

/** A FEEL value as JSON text: temporal values as ISO strings, functions and ranges as their FEEL text. */
export function feelToJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, entry: unknown) => {
    if (isFunction(entry)) return `function(${entry.parameterNames.join(', ')})`;
    if (isRange(entry)) return String(entry);
    return entry === undefined ? null : entry;
  });
}

/**
 * The signal feelin's interpreter turns into a warning and a `null` result. feelin does not
 * export its class, so it is taken from the failure a mismatched call returns.
 */
type FailureClass = new (warning: string, template: string, values: Record<string, unknown>) => object;
const failureClass = (() => {
  const failure: unknown = new FeelFunction(() => null, []).invoke([1]);
  return typeof failure === 'object' && failure !== null ? (failure.constructor as FailureClass) : undefined;
})();

/** The result of a call with unusable arguments: `null`, with `message` as the evaluation's warning. */
export function invalidArguments(message: string): unknown {
  return failureClass ? new failureClass('INVALID_ARGUMENTS', message, {}) : null;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of the UTF-8 bytes of `text`. */
export function toBase64(text: string): string {
  const bytes = utf8Bytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = bytes.slice(i, i + 3);
    const chunk = (a << 16) | (b << 8) | c;
    out += BASE64[(chunk >> 18) & 63] + BASE64[(chunk >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[chunk & 63] : '=';
  }
  return out;
}

/** The UTF-8 text encoded in Base64 `value`, or undefined when it is not valid Base64 of UTF-8. */
export function fromBase64(value: string): string | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i += 4) {
    const digits = [...value.slice(i, i + 4)].map((char) => (char === '=' ? 0 : BASE64.indexOf(char)));
    const chunk = (digits[0] << 18) | (digits[1] << 12) | (digits[2] << 6) | digits[3];
    bytes.push((chunk >> 16) & 255);
    if (value[i + 2] !== '=') bytes.push((chunk >> 8) & 255);
    if (value[i + 3] !== '=') bytes.push(chunk & 255);
  }
  return utf8Text(bytes);
}

function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

function utf8Text(bytes: number[]): string | undefined {
  let text = '';
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xf0 && lead < 0xf8 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    if (length === 0 || i + length > bytes.length) return undefined;
    let code = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k += 1) {
      if ((bytes[i + k] & 0xc0) !== 0x80) return undefined;
      code = (code << 6) | (bytes[i + k] & 63);
    }
    if (code > 0x10ffff) return undefined;
    text += String.fromCodePoint(code);
    i += length;
  }
  return text;
}
