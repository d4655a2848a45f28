import type { Ref } from 'preact';
import type { Question } from '../../lib/quiz/schema.ts';
import { answerField } from '../../lib/leads/form-fields.ts';

interface Props {
  question: Question;
  /** Before the ids, where two copies of a question share a page (QuizForm's `idPrefix`). */
  idPrefix?: string;
  chosen: string[];
  error?: string | null;
  /** Set on the current step's heading so focus can move to it. */
  headingRef?: Ref<HTMLHeadingElement>;
  onChange: (questionId: string, chosen: string[]) => void;
}

/** One question as native radio buttons or checkboxes in a fieldset (arrow keys work in a radio group). */
export function QuestionFieldset({ question, idPrefix = '', chosen, error, headingRef, onChange }: Props) {
  const base = `${idPrefix}domanda-${question.id}`;
  const described =
    [question.help && `${base}-aiuto`, error && `${base}-errore`].filter(Boolean).join(' ') || undefined;
  const multiple = question.type === 'multiple';
  const toggle = (optionId: string, checked: boolean) => {
    if (!multiple) return onChange(question.id, [optionId]);
    const next = checked ? [...chosen, optionId] : chosen.filter((id) => id !== optionId);
    onChange(question.id, next);
  };

  return (
    <fieldset id={base} class={`question${error ? ' question--error' : ''}`} aria-describedby={described}>
      <legend>
        <h2 class="question__title" tabIndex={-1} ref={headingRef}>
          {question.text}
        </h2>
      </legend>
      {question.help && (
        <p class="question__help" id={`${base}-aiuto`}>
          {question.help}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${base}-errore`}>
          {error}
        </p>
      )}
      <div class="question__options">
        {question.options.map((option, i) => (
          <label class="option" key={option.id}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={answerField(question.id)}
              value={option.id}
              checked={chosen.includes(option.id)}
              required={!multiple && question.required && i === 0}
              onChange={(e) => toggle(option.id, e.currentTarget.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
