/** What the lead endpoint answers to the island when a lead is stored (HTTP 201, or 200 on a retry). */
export interface LeadResponse {
  /** The stored lead's id. */
  id: string;
  outcome: { id: string; title: string; summary: string; body: string };
  score: { percent: number };
  /** Whether the result email to the prospect was queued: only then does the page say one is on its way. */
  emailed?: boolean;
  /** The lead's signed result page: the "richiamami" form posts there. */
  resultPath?: string;
}

/** What the lead endpoint answers when fields are invalid (HTTP 422): an Italian message per field. */
export interface LeadErrorResponse {
  error: string;
  errors?: Record<string, string>;
}
