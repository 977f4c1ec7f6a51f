// NUL is never part of minutes: the one check, used on every call's payload (app.ts) and on
// the editor's JSON once it is parsed (an escaped \u0000 there would decode to one).

/** Where a value carries a NUL character, in any text or key at any depth ("items.2.title"), or null. */
export function nulIn(value: unknown): string | null {
  const stack: { value: unknown; at: string[] }[] = [{ value, at: [] }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next.value === 'string') {
      if (next.value.includes('\0')) return next.at.join('.') || 'input';
    } else if (next.value !== null && typeof next.value === 'object') {
      for (const [key, inner] of Object.entries(next.value)) {
        if (key.includes('\0')) return [...next.at, key.replaceAll('\0', '')].join('.');
        stack.push({ value: inner, at: [...next.at, key] });
      }
    }
  }
  return null;
}

export const NUL_MESSAGE = 'Text cannot contain a NUL character (\\0): remove it and try again.';
