interface Props {
  errors: Record<string, string>;
  /** What each field is called on the page (a question's text, a field's label), to say where the error is. */
  labels: Record<string, string>;
}

/** Where each error is on the page: a question's fieldset or a contact field. */
const anchor = (field: string) => (field.startsWith('q.') ? `#domanda-${field.slice(2)}` : `#campo-${field}`);
const CONTACT = ['nome', 'cognome', 'email', 'telefono', 'azienda', 'piva'];

/** The list of errors above the plain form when it comes back from the server, each linking to its field. */
export function ErrorSummary({ errors, labels }: Props) {
  const entries = Object.entries(errors).filter(([, message]) => message);
  if (!entries.length) return null;
  return (
    <div class="quiz__summary" role="alert" aria-labelledby="riepilogo-errori">
      <h2 id="riepilogo-errori">Controlla i campi evidenziati</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            {field.startsWith('q.') || CONTACT.includes(field) ? (
              <a href={anchor(field)}>{labels[field] ? `${labels[field]} ${message}` : message}</a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
