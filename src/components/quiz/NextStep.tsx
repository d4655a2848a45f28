import type { Band } from '../../lib/quiz/schema.ts';

interface Props {
  band: Band;
}

/** The outcome's next step from the test's content, as one button. */
export function NextStep({ band }: Props) {
  return (
    <p class="result__next">
      <a class="button" href={band.cta.href}>
        {band.cta.label}
      </a>
    </p>
  );
}
