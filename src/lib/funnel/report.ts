import { csvDocument } from '../format/csv.ts';
import { contactStep, flowShape, previewStep } from '../quiz/flow.ts';
import type { Quiz } from '../quiz/schema.ts';

/** A stored counter, summed over the days asked for. */
export interface FunnelCount {
  event: string;
  source: string;
  campaign: string;
  hits: number;
}

export interface StepLine {
  /** "Domanda 3: …" or "Contatti". */
  label: string;
  reached: number;
  /** Who reached this step and not the next (the last step: who did not send). */
  left: number;
}

export interface SourceLine {
  source: string;
  campaign: string;
  starts: number;
  submitted: number;
  /** Submitted per 100 starts, rounded; null without starts (the plain form alone). */
  rate: number | null;
}

export interface FunnelReport {
  steps: StepLine[];
  submitted: number;
  sources: SourceLine[];
  outcomes: { id: string; title: string; count: number }[];
}

const sum = (counts: FunnelCount[], event: string) =>
  counts.filter((c) => c.event === event).reduce((n, c) => n + c.hits, 0);

/**
 * The funnel from its counters: how many reached each step and left there, conversion by
 * source and campaign, the outcomes. Steps are sequential in the island (a step is counted
 * once, when first reached), so who left at a step is the difference with the next one.
 */
export function funnelReport(
  counts: FunnelCount[],
  stepLabels: string[],
  bands: { id: string; title: string }[],
): FunnelReport {
  const submitted = sum(counts, 'submitted');
  const reached = stepLabels.map((_, i) => sum(counts, `step:${i}`));
  const steps = stepLabels.map((label, i) => ({
    label,
    reached: reached[i],
    left: Math.max(0, reached[i] - (i + 1 < reached.length ? reached[i + 1] : submitted)),
  }));
  const keys = new Map<string, SourceLine>();
  for (const c of counts) {
    if (c.event !== 'step:0' && c.event !== 'submitted') continue;
    const key = `${c.source}|${c.campaign}`;
    const line = keys.get(key) ?? { source: c.source, campaign: c.campaign, starts: 0, submitted: 0, rate: null };
    if (c.event === 'step:0') line.starts += c.hits;
    else line.submitted += c.hits;
    keys.set(key, line);
  }
  const sources = [...keys.values()]
    .map((l) => ({ ...l, rate: l.starts ? Math.round((l.submitted / l.starts) * 100) : null }))
    .sort((a, b) => b.starts - a.starts || b.submitted - a.submitted || a.source.localeCompare(b.source));
  const outcomes = bands.map((b) => ({ id: b.id, title: b.title, count: sum(counts, `outcome:${b.id}`) }));
  return { steps, submitted, sources, outcomes };
}

/** The report as CSV for a spreadsheet: one section per table, Italian headers. */
export function funnelCsv(report: FunnelReport): string {
  return csvDocument([
    ['Passo', 'Arrivati', 'Usciti qui'],
    ...report.steps.map((s) => [s.label, s.reached, s.left]),
    ['Inviati', report.submitted, ''],
    [],
    ['Articolo di provenienza', 'Campagna', 'Test iniziati', 'Inviati', 'Conversione %'],
    ...report.sources.map((s) => [s.source || '(nessuno)', s.campaign || '(nessuna)', s.starts, s.submitted, s.rate]),
    [],
    ['Esito', 'Contatti'],
    ...report.outcomes.map((o) => [o.title, o.count]),
  ]);
}

/** The name of each step of a test, for the team: "Domanda 3: …", the preview, the contacts. */
export function funnelStepLabels(quiz: Pick<Quiz, 'questions' | 'fullResult'>): string[] {
  const flow = flowShape(quiz);
  return Array.from({ length: contactStep(flow) + 1 }, (_, i) =>
    i < flow.count
      ? `Domanda ${i + 1}: ${quiz.questions[i].text}`
      : i === previewStep(flow)
        ? 'Risultato prima dei contatti'
        : 'Contatti',
  );
}

/** Leads by source article, campaign and outcome: where the leads come from. */
export function leadSources(
  leads: { sourceArticle?: string; utm: Record<string, string>; outcome: string }[],
): { source: string; campaign: string; total: number; outcomes: Record<string, number> }[] {
  const lines = new Map<
    string,
    { source: string; campaign: string; total: number; outcomes: Record<string, number> }
  >();
  for (const lead of leads) {
    const source = lead.sourceArticle ?? '';
    const campaign = lead.utm.utm_campaign ?? '';
    const key = `${source}|${campaign}`;
    const line = lines.get(key) ?? { source, campaign, total: 0, outcomes: {} };
    line.total += 1;
    line.outcomes[lead.outcome] = (line.outcomes[lead.outcome] ?? 0) + 1;
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => b.total - a.total || a.source.localeCompare(b.source));
}
