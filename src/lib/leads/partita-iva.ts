/**
 * Normalises an Italian VAT number (partita IVA) as typed: spaces, dots and an
 * "IT" prefix are dropped. Returns the 11 digits, or null if it is not 11 digits.
 */
export function normalizePartitaIva(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '').replace(/^IT/i, '');
  return /^\d{11}$/.test(digits) ? digits : null;
}

/**
 * Whether 11 digits form a valid partita IVA: the last digit is the check digit of the
 * first ten (odd positions added, even positions doubled with 9 taken off above 9).
 */
export function isValidPartitaIva(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /0{11}/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(digits[i]);
    if (i % 2 === 1) {
      d *= 2;
      // Stryker disable next-line EqualityOperator: a doubled digit is even, never 9, so `>= 9` is the same test
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[10]);
}
