/** A submission attempt: its idempotency key and the content it was made for. */
export interface Attempt {
  key: string;
  fingerprint: string;
}

/** 32 random hex characters; `getRandomValues` works on plain-HTTP pages too, unlike `randomUUID`. */
export function randomKey(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A stable text for a value: object keys sorted, so equal content gives equal text. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * The key for sending `content`: the previous attempt's key when the content is
 * unchanged (a retry must not create a second lead), a new one when it changed.
 */
export function attemptFor(previous: Attempt | null, content: unknown, newKey: () => string = randomKey): Attempt {
  const print = fingerprint(content);
  return previous && previous.fingerprint === print ? previous : { key: newKey(), fingerprint: print };
}
