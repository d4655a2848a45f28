interface Props {
  name: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  onInput: (name: string, value: string) => void;
}

/** A labelled input whose hint and error are tied to it with `aria-describedby`. */
export function TextField(props: Props) {
  const { name, label, value, error, hint, required = false, type = 'text' } = props;
  const id = `campo-${name}`;
  const described = [hint && `${id}-aiuto`, error && `${id}-errore`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={id}>
        {label}
        {!required && <span class="field__optional"> (facoltativo)</span>}
      </label>
      {hint && (
        <p class="field__hint" id={`${id}-aiuto`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        required={required}
        autocomplete={props.autoComplete}
        inputMode={props.inputMode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
        onInput={(e) => props.onInput(name, e.currentTarget.value)}
      />
      {error && (
        <p class="field__error" id={`${id}-errore`}>
          {error}
        </p>
      )}
    </div>
  );
}
