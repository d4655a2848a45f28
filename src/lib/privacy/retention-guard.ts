/** What the automatic retention would do, counted before it does anything. */
export interface RetentionPlan {
  now: Date;
  /** The newest lead or comment stored, if any. */
  newest: Date | null;
  /** Leads (not spam) stored, and how many of them are past their period. */
  leads: number;
  leadsDue: number;
}

export type RetentionSkip = { reason: 'clock-behind' | 'too-many'; message: string };

/**
 * Whether the automatic retention must not run now. Deleted leads cannot come back
 * (`secure_delete`), so a wrong clock must never be trusted with them: not when it reads
 * earlier than the newest row (it jumped back, or is wrong), not when a run would delete
 * every lead or most of them (a clock jumped years ahead looks exactly like that). A person
 * runs it by hand then: `npm run retention -- --force`.
 */
export function retentionSkip(plan: RetentionPlan): RetentionSkip | null {
  if (plan.newest && plan.now.getTime() < plan.newest.getTime())
    return {
      reason: 'clock-behind',
      message: `the clock (${plan.now.toISOString()}) is before the newest row (${plan.newest.toISOString()})`,
    };
  if (plan.leadsDue * 2 > plan.leads)
    return {
      reason: 'too-many',
      message: `it would delete ${plan.leadsDue} of ${plan.leads} leads: check the clock, then run npm run retention -- --force`,
    };
  return null;
}
