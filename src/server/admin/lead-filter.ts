import type { LeadFilter } from '../storage/lead-store.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The team area's lead filter from its query string (`esito`, `dal`, `al`, `marketing`, `spam`); bad values are ignored. */
export function leadFilterFrom(params: URLSearchParams): LeadFilter {
  const marketing = params.get('marketing');
  const spam = params.get('spam');
  return {
    outcome: params.get('esito') || undefined,
    from: DAY.test(params.get('dal') ?? '') ? params.get('dal')! : undefined,
    to: DAY.test(params.get('al') ?? '') ? params.get('al')! : undefined,
    marketing: marketing === 'si' ? true : marketing === 'no' ? false : undefined,
    spam: spam === 'solo' ? 'only' : spam === 'inclusi' ? 'include' : 'exclude',
  };
}
