import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  CALL_TO_ACTION,
  DEFINIZIONE,
  blockPattern,
  fromBlock,
  parseAttributes,
  toBlock,
  type Block,
} from '../../../src/lib/cms/blocks.ts';

const founding = readFileSync(
  new URL('../../../content/articles/definizione-di-networking.mdx', import.meta.url),
  'utf8',
);

/** What Decap does with a body: each block read into fields and written back. */
function roundTrip(body: string, block: Block): string {
  const pattern = new RegExp(blockPattern(block).source, 'gm');
  return body.replace(pattern, (...args) => toBlock(block, fromBlock(block, args as unknown as RegExpMatchArray)));
}

describe('the body editor’s blocks', () => {
  it('round-trip the founding article byte for byte', () => {
    expect(roundTrip(roundTrip(founding, DEFINIZIONE), CALL_TO_ACTION)).toBe(founding);
    expect(founding.match(new RegExp(blockPattern(DEFINIZIONE).source, 'gm'))).toHaveLength(2);
    expect(founding.match(new RegExp(blockPattern(CALL_TO_ACTION).source, 'gm'))).toHaveLength(1);
  });

  it('read a definition into fields', () => {
    const match = '<Definizione titolo="Oggi" tipo="nuova">\n  testo **forte**\n</Definizione>'.match(
      blockPattern(DEFINIZIONE),
    );
    expect(match && fromBlock(DEFINIZIONE, match)).toEqual({
      tipo: 'nuova',
      titolo: 'Oggi',
      testo: '  testo **forte**',
    });
  });

  it('write attributes in one order, leave out empty ones, never break a quote', () => {
    expect(toBlock(DEFINIZIONE, { tipo: 'vecchia', titolo: '', testo: 'x' })).toBe(
      '<Definizione tipo="vecchia">\nx\n</Definizione>',
    );
    expect(toBlock(CALL_TO_ACTION, { title: 'Il "metodo"', label: 'Vai', href: '/test-gratuito/' })).toBe(
      '<CallToAction title="Il ”metodo”" label="Vai" href="/test-gratuito/">\n\n</CallToAction>',
    );
  });

  it('read attributes in any order', () => {
    expect(parseAttributes(' label="B"  title="A"')).toEqual({ label: 'B', title: 'A' });
    expect(parseAttributes('')).toEqual({});
  });
});
