/**
 * The sales pipeline a lead moves through, in order, then the two ways it leaves it. Ids
 * are stored; labels are what the team reads.
 */
export const PIPELINE = [
  { id: 'new', label: 'nuovo', open: true },
  { id: 'contacted', label: 'contattato', open: true },
  { id: 'meeting', label: 'appuntamento fissato', open: true },
  { id: 'proposal', label: 'proposta inviata', open: true },
  { id: 'client', label: 'cliente', open: false },
  { id: 'not-interested', label: 'non interessato', open: false },
  { id: 'not-relevant', label: 'non pertinente', open: false },
] as const;

export type LeadStatus = (typeof PIPELINE)[number]['id'];

export const LEAD_STATUSES: readonly LeadStatus[] = PIPELINE.map((s) => s.id);

/** Whether a value is a status of the pipeline. */
export function isLeadStatus(value: unknown): value is LeadStatus {
  return (LEAD_STATUSES as readonly unknown[]).includes(value);
}

/** The Italian label of a status (an unknown one is shown as stored). */
export function statusLabel(status: string): string {
  return PIPELINE.find((s) => s.id === status)?.label ?? status;
}

/** Whether a lead in this status is still being worked (not a client, not lost). */
export function isOpenStatus(status: string): boolean {
  return PIPELINE.find((s) => s.id === status)?.open ?? false;
}
