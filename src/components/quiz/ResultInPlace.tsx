import type { Ref } from 'preact';
import type { Band, IslandQuiz } from '../../lib/quiz/schema.ts';
import type { QuizResult } from '../../lib/quiz/score.ts';
import { bandLadder, categoryReport } from '../../lib/quiz/levels.ts';
import { ResultView } from './ResultView.tsx';

interface Props {
  quiz: IslandQuiz;
  band: Band;
  result: QuizResult;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Set once the lead is stored: the thank-you, and the outcome's button (the preview's next step is the form). */
  thanks?: { nome?: string; emailTo?: string };
}

/** The thank-you over the result: names the address only when a result email was really queued. */
function thankYou({ nome, emailTo }: { nome?: string; emailTo?: string }): string {
  const greeting = `Grazie${nome?.trim() ? `, ${nome.trim()}` : ''}: abbiamo ricevuto le tue risposte.`;
  return emailTo ? `${greeting} Ti abbiamo inviato il risultato all’indirizzo ${emailTo}.` : greeting;
}

/**
 * The result drawn by the island itself: the preview before the contact form, or the result
 * when the endpoint gives no result page (a hosted backend). The island imports this module
 * only then, so the test page's JavaScript stays within its budget: most prospects see the
 * server's result page, the same as without JavaScript.
 */
export function ResultInPlace({ quiz, band, result, headingRef, thanks }: Props) {
  return (
    <ResultView
      band={band}
      ladder={bandLadder(quiz.bands, band.id)}
      report={categoryReport(
        quiz.categories,
        result.categories.map((c) => ({ id: c.category.id, percent: c.percent })),
      )}
      headingRef={headingRef}
      lead={thanks && thankYou(thanks)}
    >
      {thanks && (
        <p class="result__next">
          <a class="button" href={band.cta.href}>
            {band.cta.label}
          </a>
        </p>
      )}
    </ResultView>
  );
}
