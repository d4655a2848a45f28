import type { ComponentChildren, Ref } from 'preact';
import type { Band } from '../../lib/quiz/schema.ts';
import type { CategoryReport } from '../../lib/quiz/levels.ts';
import { CategoryLevels } from './CategoryLevels.tsx';

interface Props {
  band: Band;
  /** The bands in order, the prospect's marked (`bandLadder`). */
  ladder: { id: string; title: string; current: boolean }[];
  report: CategoryReport;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Shown above the outcome (e.g. the thank-you once the lead is stored). */
  lead?: string;
  /** The next step, shown right under the outcome so a phone shows it without scrolling. */
  children?: ComponentChildren;
}

/**
 * The full result of the test: the outcome and where it sits among the others, the next
 * step, the explanation, then strengths and what to work on. No score as a number: a low
 * one reads as a verdict, and the levels say what to do (issue 16).
 */
export function ResultView({ band, ladder, report, headingRef, lead, children }: Props) {
  return (
    <section class={`result result--${band.id}`} aria-labelledby="esito-titolo">
      {lead && <p class="result__lead">{lead}</p>}
      <p class="result__kicker">Il tuo risultato</p>
      <h2 id="esito-titolo" class="result__title" tabIndex={-1} ref={headingRef}>
        {band.title}
      </h2>
      <p class="result__summary">{band.summary}</p>
      {children}
      <ol class="ladder" aria-label="I possibili esiti del test">
        {ladder.map((b) => (
          <li
            key={b.id}
            class={b.current ? 'ladder__step ladder__step--current' : 'ladder__step'}
            aria-current={b.current ? 'step' : undefined}
          >
            {b.title}
          </li>
        ))}
      </ol>
      {band.body.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <CategoryLevels title="I tuoi punti di forza" lines={report.strengths} />
      <CategoryLevels title="Su cosa lavorare" lines={report.toWork} />
    </section>
  );
}
