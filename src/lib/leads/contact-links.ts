/**
 * Links that reach a prospect in one tap from the team area: call, email with a subject,
 * WhatsApp (mobile numbers only: Italian mobiles start with 3).
 */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** "+39 333 123 4567", "+39 02 1234 5678": a stored number (+39 and digits) as people read it. */
export function formatPhone(phone: string): string {
  const national = /^\+39(\d+)$/.exec(phone)?.[1];
  if (!national) return phone;
  if (national.startsWith('3')) return `+39 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
  // Landlines: Milan and Rome have two-digit prefixes, the others vary; group the rest by four.
  const prefix = /^0[26]/.test(national) ? national.slice(0, 2) : national.slice(0, 3);
  const rest = national.slice(prefix.length);
  return `+39 ${prefix} ${rest.slice(0, 4)} ${rest.slice(4)}`.trim();
}

export function mailtoHref(email: string, subject: string): string {
  return `mailto:${email}?subject=${encodeURIComponent(subject)}`;
}

/** A WhatsApp chat with a first message; null for a number that cannot have WhatsApp (a landline). */
export function whatsappHref(phone: string, text: string): string | null {
  const digits = phone.replace(/\D/g, '');
  const mobile = /^393\d{8,9}$/.test(digits);
  return mobile ? `https://wa.me/${digits}?text=${encodeURIComponent(text)}` : null;
}
