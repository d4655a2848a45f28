/*
 * Characters nobody means in a name or a comment, though a paste or a bot can carry
 * them: C0 and C1 controls (terminal escapes, NUL, line breaks in a one-line field),
 * bidi embeddings, overrides and isolates (text that reads backwards), zero-width spaces
 * and the BOM (a name that looks empty), and U+FFFD (what broken bytes decode to).
 */
const UNSEEN =
  /[\u0000-\u001F\u007F-\u009F\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFFD]/;
// The same in a multi-line text, where line breaks and tabs are meant; joiners (emoji sequences) are kept.
const UNSEEN_IN_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFFD]/g;

/** The error for a one-line field holding such characters. */
export const UNSEEN_ERROR = 'Contiene caratteri non ammessi (a capo, invisibili o di controllo): riscrivilo a mano.';

/** Whether a one-line value holds a character nobody types in it. */
export function hasUnseenCharacters(text: string): boolean {
  return UNSEEN.test(text);
}

/** A multi-line text without those characters (line breaks and tabs stay). */
export function withoutUnseen(text: string): string {
  return text.replace(UNSEEN_IN_TEXT, '');
}

/**
 * Text for an output that is not HTML (a terminal, a plain-text email, a CSV cell): every
 * control or invisible character shown as `\u{…}`, so stored data can never move the
 * cursor, recolour a terminal or fake a line. `multiline` keeps line breaks and tabs.
 */
export function printable(text: string, multiline = false): string {
  return text.replace(
    /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF\uFFFD]/g,
    (c) => (multiline && '\n\r\t'.includes(c) ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`),
  );
}
