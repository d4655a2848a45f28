import { LEVEL_COUNT, type CategoryLine } from '../../lib/quiz/levels.ts';

interface Props {
  title: string;
  lines: CategoryLine[];
}

/**
 * Categories as named levels over a four-segment bar. The bar is decoration (the level's
 * name says it in words), so screen readers hear "Relazioni e passaparola: Da rafforzare".
 */
export function CategoryLevels({ title, lines }: Props) {
  if (lines.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul class="levels">
        {lines.map((line) => (
          <li key={line.id} class={`levels__item levels__item--${line.level.id}`}>
            <p class="levels__head">
              <strong>{line.label}</strong>
              <span class="sr-only">:</span> <span class="levels__label">{line.level.label}</span>
            </p>
            <span class="levels__bar" aria-hidden="true">
              {Array.from({ length: LEVEL_COUNT }, (_, i) => (
                <span key={i} class={i < line.level.filled ? 'on' : undefined} />
              ))}
            </span>
            {line.sentence && <p class="levels__sentence">{line.sentence}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
