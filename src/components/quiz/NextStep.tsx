import type { Band, Category } from '../../lib/quiz/schema.ts';
import type { CategoryReport } from '../../lib/quiz/levels.ts';
import { formatPhone, telHref, whatsappHref } from '../../lib/leads/contact-links.ts';
import { CallbackForm, type CallbackState } from './CallbackForm.tsx';

export interface TeamContacts {
  telefono?: string;
  whatsapp?: string;
}

/** Who will answer (content/consulente/), with the photo as astro:assets made it. */
export interface ConsultantView {
  nome: string;
  ruolo: string;
  presentazione?: string;
  photo?: { src: string; attributes: Record<string, unknown> };
}

interface Props {
  band: Band;
  report: CategoryReport;
  categories: Category[];
  contacts: TeamContacts;
  /** The call-back form's state; without it (no signed link yet) `richiamami` offers the phone links alone. */
  callback?: CallbackState;
  /** Set once the prospect asked to be called back: what they chose, in words. */
  callbackDone?: string;
  /** Named with a call-back or a booking: "we will call you" becomes a promise from a person. */
  consultant?: ConsultantView | null;
}

function Consultant({ consultant }: { consultant: ConsultantView }) {
  const { photo } = consultant;
  return (
    <figure class="consultant">
      {photo && <img {...photo.attributes} src={photo.src} alt="" class="consultant__photo" />}
      <figcaption>
        <strong>{consultant.nome}</strong>, {consultant.ruolo}
        {consultant.presentazione && <span class="consultant__words">{consultant.presentazione}</span>}
      </figcaption>
    </figure>
  );
}

/** Call or write on WhatsApp in one tap, to the team's numbers from content/azienda/. */
function ContactLinks({ contacts }: { contacts: TeamContacts }) {
  const wa = contacts.whatsapp && whatsappHref(contacts.whatsapp, 'Ciao, ho appena fatto il test gratuito.');
  if (!contacts.telefono && !wa) return null;
  return (
    <p class="next__links">
      {contacts.telefono && (
        <a class="button button--ghost" href={telHref(contacts.telefono)}>
          Chiama {formatPhone(contacts.telefono)}
        </a>
      )}
      {wa && (
        <a class="button button--ghost" href={wa}>
          Scrivici su WhatsApp
        </a>
      )}
    </p>
  );
}

/**
 * The outcome's next step from the test's content: a call-back request, a booking page or
 * reading for each weak category; the plain `cta` button when the outcome defines none.
 */
export function NextStep({ band, report, categories, contacts, callback, callbackDone, consultant }: Props) {
  const step = band.nextStep;
  if (!step)
    return (
      <p class="result__next">
        <a class="button" href={band.cta.href}>
          {band.cta.label}
        </a>
      </p>
    );
  // One line per reading, naming every weak category it helps with.
  const reading = new Map<string, { title: string; href: string; for: string[] }>();
  for (const line of report.toWork)
    for (const r of categories.find((c) => c.id === line.id)?.reading ?? [])
      (reading.get(r.href) ?? reading.set(r.href, { ...r, for: [] }).get(r.href)!).for.push(line.label.toLowerCase());
  return (
    <section class={`next next--${step.kind}`} aria-labelledby="prossimo-passo">
      <h3 id="prossimo-passo">{step.title}</h3>
      {step.text && <p>{step.text}</p>}
      {consultant && step.kind !== 'letture' && <Consultant consultant={consultant} />}
      {step.kind === 'richiamami' &&
        (callbackDone ? (
          <p class="next__done" role="status">
            Grazie: ti chiameremo {callbackDone}.
          </p>
        ) : (
          callback && <CallbackForm {...callback} />
        ))}
      {step.kind === 'prenota' && (
        <p class="result__next">
          <a class="button" href={step.href}>
            {step.label ?? band.cta.label}
          </a>
        </p>
      )}
      {step.kind === 'letture' && (
        <ul class="next__reading">
          {(reading.size ? [...reading.values()] : [{ title: band.cta.label, href: band.cta.href, for: [] }]).map(
            (r) => (
              <li key={r.href}>
                <a href={r.href}>{r.title}</a>
                {r.for.length > 0 && <span class="next__for"> (per {r.for.join(', ')})</span>}
              </li>
            ),
          )}
        </ul>
      )}
      {step.kind !== 'letture' && <ContactLinks contacts={contacts} />}
    </section>
  );
}
