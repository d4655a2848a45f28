import { CALLBACK_DAYS, CALLBACK_FIELD, CALLBACK_SLOTS } from '../../lib/leads/callback.ts';

export interface CallbackState {
  /** Where the form posts: the lead's signed result page, which handles it (no JavaScript needed). */
  action: string;
  /** What the prospect sent, when it comes back with errors. */
  values?: { days: string[]; slot: string; phone: string };
  errors?: Partial<Record<'days' | 'slot' | 'phone', string>>;
}

/** "Richiamami": days, time of day and phone, as a plain form (the island renders the same). */
export function CallbackForm({ action, values, errors = {} }: CallbackState) {
  const v = values ?? { days: [], slot: '', phone: '' };
  const error = (name: keyof typeof errors) =>
    errors[name] && (
      <p class="field__error" id={`richiamami-${name}-errore`}>
        {errors[name]}
      </p>
    );
  return (
    <form method="post" action={action} class="callback" id="richiamami">
      <fieldset class="callback__group" aria-describedby={errors.days ? 'richiamami-days-errore' : undefined}>
        <legend>In quali giorni?</legend>
        {error('days')}
        {CALLBACK_DAYS.map((d) => (
          <label class="chip" key={d.id}>
            <input type="checkbox" name={CALLBACK_FIELD.days} value={d.id} checked={v.days.includes(d.id)} />
            <span>{d.label}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="callback__group" aria-describedby={errors.slot ? 'richiamami-slot-errore' : undefined}>
        <legend>In che fascia oraria?</legend>
        {error('slot')}
        {CALLBACK_SLOTS.map((s) => (
          <label class="chip" key={s.id}>
            <input type="radio" name={CALLBACK_FIELD.slot} value={s.id} checked={v.slot === s.id} required />
            <span>{s.label}</span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="richiamami-telefono">Il tuo telefono</label>
        {error('phone')}
        <input
          id="richiamami-telefono"
          type="tel"
          name={CALLBACK_FIELD.phone}
          value={v.phone}
          autocomplete="tel"
          inputMode="tel"
          required
          aria-invalid={errors.phone ? 'true' : undefined}
          aria-describedby={errors.phone ? 'richiamami-phone-errore' : undefined}
        />
      </div>
      <button type="submit" class="button">
        Richiamami
      </button>
    </form>
  );
}
