/*
 * `<Definizione>` and `<CallToAction>` as blocks of Decap's body editor: each is read from the MDX into form
 * fields and written back exactly as read when untouched (attributes in one order, the inner text as it was,
 * indentation included). One convention for writing them, which the guide shows: attributes with double quotes,
 * the opening and closing tags on their own lines.
 */

/** The attributes of a tag, `tipo="nuova" titolo="…"` → `{ tipo: 'nuova', titolo: '…' }`. */
export function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([A-Za-z]+)="([^"]*)"/g)) attributes[match[1]] = match[2];
  return attributes;
}

const attribute = (name: string, value: string | undefined) => (value ? ` ${name}="${value.replace(/"/g, '”')}"` : '');

/** One component the body editor knows, with the attributes it writes in this order. */
export interface Block {
  id: string;
  tag: string;
  attributes: string[];
}

export const DEFINIZIONE: Block = { id: 'definizione', tag: 'Definizione', attributes: ['tipo', 'titolo'] };
export const CALL_TO_ACTION: Block = {
  id: 'call-to-action',
  tag: 'CallToAction',
  attributes: ['title', 'label', 'href'],
};

/** The pattern Decap looks for in the body: the tag on its own lines, whatever its attributes. */
export function blockPattern(block: Block): RegExp {
  return new RegExp(`^<${block.tag}((?:\\s+[A-Za-z]+="[^"]*")*)\\s*>\\n([\\s\\S]*?)\\n</${block.tag}>`, 'm');
}

/** The form fields' values from a match of `blockPattern`. */
export function fromBlock(block: Block, match: RegExpMatchArray): Record<string, string> {
  const attributes = parseAttributes(match[1]);
  return { ...Object.fromEntries(block.attributes.map((a) => [a, attributes[a] ?? ''])), testo: match[2] };
}

/** The MDX written back: attributes in the block's order, the text as it is. */
export function toBlock(block: Block, data: Record<string, string | undefined>): string {
  const attributes = block.attributes.map((a) => attribute(a, data[a])).join('');
  return `<${block.tag}${attributes}>\n${data.testo ?? ''}\n</${block.tag}>`;
}
