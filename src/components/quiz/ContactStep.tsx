import type { Ref } from 'preact';
import { TextField } from './TextField.tsx';
import { FIELD } from '../../lib/leads/form-fields.ts';
import type { ContactField, ContactRaw } from '../../lib/leads/contact-rules.ts';

export interface ConsentTexts {
  privacy: { version: string; textId: string; text: string };
  marketing: { textId: string; text: string };
}

interface Props extends ConsentTexts {
  contact: ContactRaw;
  marketingAccepted: boolean;
  errors: Record<string, string>;
  headingRef?: Ref<HTMLHeadingElement>;
  onInput: (name: string, value: string) => void;
  onMarketing: (accepted: boolean) => void;
}

const FIELDS: {
  name: ContactField;
  label: string;
  required?: boolean;
  type?: 'email' | 'tel';
  auto: string;
  mode?: 'email' | 'tel' | 'numeric';
  hint?: string;
}[] = [
  { name: 'nome', label: 'Nome', required: true, auto: 'given-name' },
  { name: 'cognome', label: 'Cognome', required: true, auto: 'family-name' },
  { name: 'email', label: 'Email', required: true, type: 'email', auto: 'email', mode: 'email' },
  { name: 'telefono', label: 'Telefono', type: 'tel', auto: 'tel', mode: 'tel', hint: 'Per esempio 333 123 4567.' },
  { name: 'azienda', label: 'Azienda', required: true, auto: 'organization' },
  { name: 'piva', label: 'Partita IVA', auto: 'off', mode: 'numeric', hint: '11 cifre.' },
];

/**
 * Each contact field's label followed by a colon, for the error summary. Pure, so the island's bundle, which never
 * reads it (the summary is rendered on the server), drops it.
 */
export const FIELD_LABELS: Record<string, string> = /* @__PURE__ */ Object.fromEntries(
  FIELDS.map((f) => [f.name, `${f.label}:`]),
);

/** The contact fields, the privacy notice, the optional marketing box and the honeypot. */
export function ContactStep(props: Props) {
  const { contact, errors, privacy, marketing } = props;
  return (
    <div class="contact">
      <h2 class="question__title" tabIndex={-1} ref={props.headingRef}>
        Dove possiamo ricontattarti?
      </h2>
      <div class="contact__grid">
        {FIELDS.map((f) => (
          <TextField
            key={f.name}
            name={f.name}
            label={f.label}
            value={contact[f.name] ?? ''}
            error={errors[f.name]}
            hint={f.hint}
            required={f.required}
            type={f.type}
            autoComplete={f.auto}
            inputMode={f.mode}
            onInput={props.onInput}
          />
        ))}
      </div>
      <p class="consent" id="informativa-breve">
        {privacy.text} <a href="/privacy/">Leggi l’informativa completa</a> (versione {privacy.version}).
      </p>
      <label class="option option--consent">
        <input
          type="checkbox"
          name={FIELD.marketing}
          value="si"
          checked={props.marketingAccepted}
          onChange={(e) => props.onMarketing(e.currentTarget.checked)}
        />
        <span>{marketing.text}</span>
      </label>
      {errors.privacy && <p class="field__error">{errors.privacy}</p>}
      <input type="hidden" name={FIELD.privacyNoticeVersion} value={privacy.version} />
      <input type="hidden" name={FIELD.privacyTextId} value={privacy.textId} />
      <input type="hidden" name={FIELD.marketingTextId} value={marketing.textId} />
      {/* Hidden from people and assistive technology; bots that fill every field reveal themselves. */}
      <div class="hp" aria-hidden="true">
        <label>
          Non compilare questo campo
          <input type="text" name={FIELD.website} tabIndex={-1} autocomplete="off" />
        </label>
      </div>
    </div>
  );
}
