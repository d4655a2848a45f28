import { backStep, submitLabel, type FlowShape } from '../../lib/quiz/flow.ts';

interface Props {
  flow: FlowShape;
  step: number;
  sending: boolean;
  failed: boolean;
  onBack: (step: number) => void;
  onRestart: () => void;
}

/**
 * "Indietro", the submit button ("Avanti" until the contact step) and "Ricomincia".
 * The submit button is never disabled while sending (a disabled button loses focus):
 * `aria-disabled` says it, and the island ignores a second click.
 */
export function QuizNav({ flow, step, sending, failed, onBack, onRestart }: Props) {
  const back = backStep(step);
  return (
    <>
      <div class="quiz__nav">
        {back !== null && (
          <button type="button" class="button button--ghost" onClick={() => onBack(back)}>
            Indietro
          </button>
        )}
        <button type="submit" class="button" aria-disabled={sending ? 'true' : undefined}>
          {submitLabel(flow, step, { sending, failed })}
        </button>
      </div>
      {back !== null && (
        <button type="button" class="link-button" onClick={onRestart}>
          Ricomincia
        </button>
      )}
    </>
  );
}
