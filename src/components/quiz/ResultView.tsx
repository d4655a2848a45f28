import type { Ref } from 'preact';
import type { Band } from '../../lib/quiz/schema.ts';
import type { CategoryScore } from '../../lib/quiz/score.ts';

interface Props {
  band: Band;
  percent: number;
  weakest: CategoryScore[];
  headingRef?: Ref<HTMLHeadingElement>;
  /** Shown above the outcome (e.g. the thank-you once the lead is stored). */
  lead?: string;
}

/** The full result of the test: the outcome, its explanation and the categories to work on. */
export function ResultView({ band, percent, weakest, headingRef, lead }: Props) {
  return (
    <section class={`result result--${band.id}`} aria-labelledby="esito-titolo">
      {lead && <p class="result__lead">{lead}</p>}
      <p class="result__kicker">Il tuo risultato: {percent} su 100</p>
      <h2 id="esito-titolo" class="result__title" tabIndex={-1} ref={headingRef}>
        {band.title}
      </h2>
      <p class="result__summary">{band.summary}</p>
      {band.body.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {weakest.length > 0 && (
        <>
          <h3>Su cosa lavorare</h3>
          <ul class="result__weak">
            {weakest.map(({ category, percent: score }) => (
              <li key={category.id}>
                <strong>{category.label}</strong> ({score} su 100){category.advice ? `: ${category.advice}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a class="button" href={band.cta.href}>
          {band.cta.label}
        </a>
      </p>
    </section>
  );
}
