import { load, type YAMLException } from 'js-yaml';
import { isNode, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from '../zod.ts';
import { IMAGE_ALT_MESSAGE, imagesWithoutAlt } from './image-alt.ts';

/*
 * What is wrong with one content file, in Italian, before Astro reads it: the encoding, the YAML and the schema
 * (unknown keys included), each naming the file, the line and the field. The build (src/build/content-check.ts)
 * stops on these; `npm run dev` shows them in the browser. Pure: the caller reads the bytes.
 */

/** One thing to fix in one file. */
export interface ContentProblem {
  /** The file as the author knows it, e.g. `content/articles/fiducia.mdx`. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  column?: number;
  /** The field, e.g. `title` or `questions[2].options[0].id`. */
  field?: string;
  message: string;
}

/** How a file holds its data: an MDX/Markdown frontmatter, or a whole YAML file. */
export type SourceFormat = 'frontmatter' | 'yaml';

/** Checks one file's bytes against its collection's schema. An empty list means the file is fine. */
export function checkSource(file: string, bytes: Uint8Array, format: SourceFormat, schema: z.ZodType): ContentProblem[] {
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt >= 0) {
    return [
      {
        file,
        line: lineAt(bytes, invalidAt),
        message:
          'il file non è salvato in UTF-8 (forse in Windows-1252, da un editor più vecchio), così le lettere ' +
          'accentate non si leggono. Riaprilo e salvalo con la codifica «UTF-8» (in Blocco note: Salva con ' +
          'nome → Codifica: UTF-8).',
      },
    ];
  }
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const source = format === 'yaml' ? { yaml: text, firstLine: 1 } : frontmatterOf(text);
  if (!source) {
    return [
      {
        file,
        line: 1,
        message: 'il file deve iniziare con le informazioni dell’articolo tra due righe `---` (vedi la guida).',
      },
    ];
  }
  const fields = fieldProblems(file, source, schema);
  if (format === 'yaml') return fields;
  return [...fields, ...imagesWithoutAlt(text).map((line) => ({ file, line, message: IMAGE_ALT_MESSAGE }))];
}

/**
 * The YAML's mistakes, or its fields' against the schema, each with its line. The data checked is what Astro will
 * read: js-yaml's, Astro's own reader (a date-like `title: 2026-11-29` is a date to it, not a text). Most files
 * are fine, so the `yaml` library's Document, which keeps each node's place for an error's line, is made only
 * when one is not: js-yaml took 34 ms for 1,000 frontmatters where the Document took 250 ms, in front of
 * everything else a build does.
 */
function fieldProblems(file: string, source: { yaml: string; firstLine: number }, schema: z.ZodType): ContentProblem[] {
  let data: unknown;
  try {
    data = load(source.yaml) ?? {};
  } catch (error) {
    return [yamlMistake(file, source, error as YAMLException)];
  }
  const result = schema.safeParse(data);
  if (result.success) return [];
  const doc = parseDocument(source.yaml);
  return result.error.issues.map((issue) => ({
    file,
    field: fieldName(issue.path),
    // An unknown key is reported on its object: point at the (first) key itself.
    line: lineOfField(doc, source, issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path),
    message:
      issue.code === 'invalid_type' && issue.expected === 'string' && valueAt(data, issue.path) instanceof Date
        ? dateAsText(issue.path.at(-1))
        : issue.message,
  }));
}

/** `title: 2026-11-29` is a date to YAML: the fix, shown on the field's own key (a list's item has none). */
function dateAsText(key: PropertyKey | undefined): string {
  const example = typeof key === 'number' ? '' : ` (${String(key)}: "…")`;
  return `qui YAML legge una data, non un testo: mettila tra virgolette doppie${example}.`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown>)[key], data);
}

/** A YAML mistake in Italian: the `yaml` library's diagnosis where it sees one, else js-yaml's line. */
function yamlMistake(file: string, source: { yaml: string; firstLine: number }, error: YAMLException): ContentProblem {
  const [first] = parseDocument(source.yaml, { uniqueKeys: true, prettyErrors: true }).errors;
  if (first) return yamlProblem(file, first, source);
  return {
    file,
    line: source.firstLine + error.mark.line,
    column: error.mark.column + 1,
    message: `${GENERIC_YAML_MESSAGE} (controlla anche la riga sopra).`,
  };
}

/** The frontmatter's YAML and the file line it starts on, or null when the file has none. */
export function frontmatterOf(text: string): { yaml: string; firstLine: number } | null {
  const opening = /^---[ \t]*\r?\n/.exec(text);
  if (!opening) return null;
  const rest = text.slice(opening[0].length);
  const closing = /^---[ \t]*$/m.exec(rest);
  return closing ? { yaml: rest.slice(0, closing.index).replace(/\r?\n$/, ''), firstLine: 2 } : null;
}

/** `questions[2].options[0].id` from zod's path. */
export function fieldName(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** The line of the deepest node of `path` the YAML has, so the author finds the field (or its object). */
function lineOfField(doc: Document, source: { yaml: string; firstLine: number }, path: readonly PropertyKey[]) {
  for (let length = path.length; length > 0; length--) {
    const node: unknown = doc.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) {
      return source.firstLine + source.yaml.slice(0, node.range[0]).split('\n').length - 1;
    }
  }
  return undefined;
}

const GENERIC_YAML_MESSAGE = 'qui il testo non segue le regole del formato YAML';

const YAML_MESSAGES: Record<string, string> = {
  BAD_INDENT:
    'il rientro non torna (allinea la riga alle altre dello stesso livello, con spazi), o manca una parentesi ] o } di chiusura',
  TAB_AS_INDENT: 'usa spazi, non tabulazioni, all’inizio delle righe',
  DUPLICATE_KEY: 'questo campo compare due volte: tienine uno',
  MULTILINE_IMPLICIT_KEY: 'manca uno spazio dopo i due punti, o un valore continua su più righe senza virgolette',
  BLOCK_AS_IMPLICIT_KEY: 'manca uno spazio dopo i due punti, o un valore continua su più righe senza virgolette',
  MISSING_CHAR: 'manca la virgoletta di chiusura',
};

function yamlProblem(file: string, error: YAMLError, source: { yaml: string; firstLine: number }): ContentProblem {
  const before = source.yaml.slice(0, error.pos[0]);
  const yamlLine = before.split('\n').length;
  const column = error.pos[0] - before.lastIndexOf('\n');
  const lines = source.yaml.split(/\r?\n/);
  // YAML notices a broken quote where the text after it starts: on that line or the next one.
  const quoted = [yamlLine - 1, yamlLine - 2]
    .map((index) => ({ index, key: keyOfBrokenQuote(lines[index]) }))
    .find((candidate) => candidate.key);
  if (quoted?.key) {
    const key = quoted.key;
    return {
      file,
      line: source.firstLine + quoted.index,
      column: lines[quoted.index].indexOf("'") + 1,
      field: key,
      message:
        "il testo è tra apostrofi (') e contiene un apostrofo, che lo chiude a metà. Scrivi l’apostrofo " +
        `tipografico ’ (L’arte) oppure metti il testo tra virgolette doppie: ${key}: "L'arte…".`,
    };
  }
  return {
    file,
    line: source.firstLine + yamlLine - 1,
    column,
    message: `${YAML_MESSAGES[error.code] ?? GENERIC_YAML_MESSAGE} (controlla anche la riga sopra).`,
  };
}

/**
 * `title: 'L'arte della relazione'`: a single-quoted value closed by an apostrophe and followed by more text.
 * Returns the key (`title`), or `undefined` when the line is fine.
 */
export function keyOfBrokenQuote(line: string | undefined): string | undefined {
  const match = line === undefined ? null : /^\s*([^\s:'"#-][^:'"]*):\s+'(.*)$/.exec(line);
  if (!match) return undefined;
  const [, key, value] = match;
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== "'") continue;
    if (value[i + 1] === "'") {
      i++; // '' is YAML's escaped apostrophe
      continue;
    }
    return /^\s*(#.*)?$/.test(value.slice(i + 1)) ? undefined : key.trim();
  }
  return undefined;
}

/** Byte offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** One Italian line per problem: `content/articles/x.mdx, riga 3, campo `Draft`: … `. */
export function describeProblem(p: ContentProblem): string {
  const where = [p.file, p.line && `riga ${p.line}`, p.column && `colonna ${p.column}`, p.field && `campo \`${p.field}\``]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}

/** The whole report, for the terminal and the build log. */
export function describeProblems(problems: readonly ContentProblem[]): string {
  const count = problems.length === 1 ? 'Un errore' : `${problems.length} errori`;
  return `${count} nei contenuti: correggi e salva di nuovo.\n${problems.map((p) => `- ${describeProblem(p)}`).join('\n')}`;
}
