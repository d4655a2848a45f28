import { isLeadStatus, type LeadStatus } from './pipeline.ts';

/**
 * The team's view of the leads, as the list page's URL says it: search, filters, order
 * and page, so a view can be bookmarked and shared. Parameter names are Italian, as the
 * team reads them in the address bar.
 */
export interface LeadQuery {
  /** Words to find in name, surname, email, company, phone or P.IVA. */
  q: string;
  /** One status, `aperti` (still being worked), or '' for all. */
  stato: LeadStatus | 'aperti' | '';
  esito: string;
  /** The article the lead came from. */
  articolo: string;
  /** The UTM campaign. */
  campagna: string;
  /** An account's email, `nessuno` (unassigned), or '' for all. */
  responsabile: string;
  /** Follow-up due: today (and earlier, not done), overdue only, within a week. */
  ricontatto: '' | 'oggi' | 'scaduti' | 'settimana';
  /** Calendar days, inclusive (YYYY-MM-DD, Rome). */
  dal: string;
  al: string;
  marketing: '' | 'si' | 'no';
  spam: 'esclusi' | 'solo' | 'inclusi';
  ordine: 'recenti' | 'meno-recenti' | 'punteggio' | 'ricontatto';
  pagina: number;
}

export const DEFAULT_QUERY: LeadQuery = {
  q: '',
  stato: '',
  esito: '',
  articolo: '',
  campagna: '',
  responsabile: '',
  ricontatto: '',
  dal: '',
  al: '',
  marketing: '',
  spam: 'esclusi',
  ordine: 'recenti',
  pagina: 1,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** The query of a list URL; anything it does not understand is left at its default, never an error. */
export function leadQueryFrom(params: URLSearchParams): LeadQuery {
  const text = (name: string, max = 100) => (params.get(name) ?? '').trim().slice(0, max);
  const stato = params.get('stato');
  // String(null) is "null": no day, as an absent parameter should be.
  const day = (name: string) => (DAY.test(String(params.get(name))) ? String(params.get(name)) : '');
  const page = Number(params.get('pagina'));
  return {
    q: text('q'),
    stato: stato === 'aperti' || isLeadStatus(stato) ? stato : '',
    esito: text('esito', 64),
    articolo: text('articolo', 128),
    campagna: text('campagna', 200),
    responsabile: text('responsabile', 254),
    ricontatto: oneOf(params.get('ricontatto'), ['oggi', 'scaduti', 'settimana'], ''),
    dal: day('dal'),
    al: day('al'),
    marketing: oneOf(params.get('marketing'), ['si', 'no'], ''),
    spam: oneOf(params.get('spam'), ['solo', 'inclusi'], 'esclusi'),
    ordine: oneOf(params.get('ordine'), ['meno-recenti', 'punteggio', 'ricontatto'], 'recenti'),
    pagina: Number.isInteger(page) && page > 0 ? Math.min(page, 100_000) : 1,
  };
}

/** The query string of a view (`?…`, or '' for the default view): only what differs from the default. */
export function leadQueryString(query: LeadQuery, change: Partial<LeadQuery> = {}): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_QUERY) as (keyof LeadQuery)[]) {
    if (merged[key] !== DEFAULT_QUERY[key]) params.set(key, String(merged[key]));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
