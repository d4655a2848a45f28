import { PLAIN, progressOf, stepLabel, type FlowShape } from '../../lib/quiz/flow.ts';

interface Props {
  flow: FlowShape;
  step: number;
}

/** Where the prospect is: "Domanda 3 di 10" over a progress bar. The plain form says what is ahead instead. */
export function QuizProgress({ flow, step }: Props) {
  const { max, value } = progressOf(flow, step);
  return (
    <div class="quiz__progress">
      <p class="quiz__step">{stepLabel(flow, step)}</p>
      {step !== PLAIN && <progress max={max} value={value} aria-label="Avanzamento del test" />}
    </div>
  );
}
