import { normalizeItalianPhone } from './phone.ts';
import { formatPhone } from './contact-links.ts';

/*
 * "Richiamami": the prospect asks to be called back, saying on which days, at what time of
 * day and on which number. Plain rules, so the result page (a plain form, no JavaScript)
 * and the island say the same, and the server stores only what they allow.
 */

export const CALLBACK_DAYS = [
  { id: 'lun', label: 'Lunedì' },
  { id: 'mar', label: 'Martedì' },
  { id: 'mer', label: 'Mercoledì' },
  { id: 'gio', label: 'Giovedì' },
  { id: 'ven', label: 'Venerdì' },
] as const;

export const CALLBACK_SLOTS = [
  { id: 'mattina', label: 'Mattina (9–13)', phrase: 'di mattina (9–13)' },
  { id: 'pomeriggio', label: 'Pomeriggio (14–18)', phrase: 'di pomeriggio (14–18)' },
  { id: 'sera', label: 'Dopo le 18', phrase: 'dopo le 18' },
] as const;

/** The form's field names. */
export const CALLBACK_FIELD = { days: 'giorni', slot: 'fascia', phone: 'telefono' } as const;

export interface CallbackRequest {
  days: string[];
  slot: string;
  /** +39 and digits. */
  phone: string;
}

export type CallbackCheck =
  { ok: true; request: CallbackRequest } | { ok: false; errors: Partial<Record<keyof typeof CALLBACK_FIELD, string>> };

const dayIds: readonly string[] = CALLBACK_DAYS.map((d) => d.id);
const slotIds: readonly string[] = CALLBACK_SLOTS.map((s) => s.id);

/** Checks a call-back request as sent by the form; unknown days are errors, not silently dropped. */
export function checkCallback(form: URLSearchParams): CallbackCheck {
  const days = [...new Set(form.getAll(CALLBACK_FIELD.days))];
  const slot = form.get(CALLBACK_FIELD.slot) ?? '';
  const phone = normalizeItalianPhone(form.get(CALLBACK_FIELD.phone) ?? '');
  const errors: Partial<Record<keyof typeof CALLBACK_FIELD, string>> = {};
  if (days.length === 0 || days.some((d) => !dayIds.includes(d))) errors.days = 'Scegli almeno un giorno.';
  if (!slotIds.includes(slot)) errors.slot = 'Scegli una fascia oraria.';
  if (!phone) errors.phone = 'Scrivi un numero di telefono italiano, per esempio 333 123 4567.';
  if (!phone || Object.keys(errors).length) return { ok: false, errors };
  // Days in the week's order, whatever order they came in.
  return { ok: true, request: { days: dayIds.filter((d) => days.includes(d)), slot, phone } };
}

/** "Lunedì, Mercoledì · Pomeriggio (14–18) · +39 333 123 4567", for the team. */
export function callbackLine(request: CallbackRequest): string {
  const days = CALLBACK_DAYS.filter((d) => request.days.includes(d.id)).map((d) => d.label);
  const slot = CALLBACK_SLOTS.find((s) => s.id === request.slot)?.label ?? request.slot;
  return `${days.join(', ')} · ${slot} · ${formatPhone(request.phone)}`;
}

/** "lunedì o mercoledì, di pomeriggio (14–18), al +39 333 123 4567": what the prospect is told. */
export function callbackPhrase(request: CallbackRequest): string {
  const days = CALLBACK_DAYS.filter((d) => request.days.includes(d.id)).map((d) => d.label.toLowerCase());
  const daysText = days.length > 1 ? `${days.slice(0, -1).join(', ')} o ${days.at(-1)}` : days[0];
  const slot = CALLBACK_SLOTS.find((s) => s.id === request.slot)?.phrase ?? request.slot;
  return `${daysText}, ${slot}, al ${formatPhone(request.phone)}`;
}
