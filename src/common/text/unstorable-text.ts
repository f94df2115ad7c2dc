import { isUtf8 } from 'node:buffer';
import { ProblemField } from '../errors/domain-error';

/** NUL and lone surrogates: PostgreSQL text cannot hold them, and no person means to send them. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what it looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_MESSAGE = 'недопустимый символ (NUL или одиночный суррогат)';
export const NOT_UTF8_MESSAGE = 'недопустимая последовательность байтов: ожидается текст в кодировке UTF-8';

export function isUnstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** What is wrong with the bytes of one text value (a decoded URL part), if anything. */
export function bytesProblem(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return UNSTORABLE_MESSAGE;
  // A lone surrogate can only arrive as bytes (ED A0 80): isUtf8 refuses those as well.
  if (!isUtf8(bytes)) return NOT_UTF8_MESSAGE;
  return undefined;
}

/**
 * Every string (value or key) in a parsed JSON value that PostgreSQL could not store, with its path
 * (`items[2].title`). Walked without recursion: a body nested thousands deep must not overflow the stack.
 */
export function findUnstorableText(value: unknown, limit = 20): ProblemField[] {
  const found: ProblemField[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length && found.length < limit) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (isUnstorable(current)) found.push({ field: path || 'body', message: UNSTORABLE_MESSAGE });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: `${path}[${i}]` });
    } else if (current !== null && typeof current === 'object') {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const field = path ? `${path}.${key}` : key;
        if (isUnstorable(key)) found.push({ field, message: UNSTORABLE_MESSAGE });
        else stack.push({ value: (current as Record<string, unknown>)[key], path: field });
      }
    }
  }
  return found;
}
