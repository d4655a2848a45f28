/**
 * Normalises an Italian phone number as people type it ("333 123 4567",
 * "+39 02/1234567", "0039 (06) 123.456"): returns "+39" and the digits, or null when
 * it is not a plausible Italian landline (0…) or mobile (3…) number of 6–11 digits.
 */
export function normalizeItalianPhone(input: string): string | null {
  let digits = input.replace(/[\s./()-]/g, '');
  if (digits.startsWith('+39')) digits = digits.slice(3);
  else if (digits.startsWith('0039')) digits = digits.slice(4);
  if (!/^[03]\d{5,10}$/.test(digits)) return null;
  return `+39${digits}`;
}
