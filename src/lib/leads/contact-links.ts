/**
 * Links that reach a prospect in one tap from the team area: call, email with a subject,
 * WhatsApp (mobile numbers only: Italian mobiles start with 3).
 */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
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
