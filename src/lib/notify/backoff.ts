/**
 * When to try a delivery again after `attempts` failures: exponential (base, 2×, 4×, …)
 * capped at six hours; `null` once `maxAttempts` are spent.
 */
export function nextAttempt(now: Date, attempts: number, baseSeconds: number, maxAttempts: number): Date | null {
  if (attempts >= maxAttempts) return null;
  const seconds = Math.min(baseSeconds * 2 ** Math.max(0, attempts - 1), 6 * 3600);
  return new Date(now.getTime() + seconds * 1000);
}
