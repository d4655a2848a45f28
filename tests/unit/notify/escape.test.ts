import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { escapeHtml, oneLine } from '../../../src/lib/notify/escape.ts';

describe('escapeHtml', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['<a href="x" title=\'y\'>R & F</a>', '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;R &amp; F&lt;/a&gt;'],
    ['&amp;', '&amp;amp;'],
    ['nulla da fare', 'nulla da fare'],
  ])('%j → %j', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });

  it('leaves no character that could open a tag or an attribute', () => {
    fc.assert(fc.property(fc.string(), (text) => !/[<>"']/.test(escapeHtml(text))));
  });
});

describe('oneLine', () => {
  it.each([
    ['Eve\r\nBcc: x@y.z', 'Eve Bcc: x@y.z'],
    ['a\nb\rc\td', 'a b c d'],
    ['a\r\n\t\nb', 'a b'],
    ['a  b', 'a  b'],
    ['x'.repeat(200), 'x'.repeat(200)],
    ['x'.repeat(201), 'x'.repeat(200)],
  ])('%j → %j', (text, line) => {
    expect(oneLine(text)).toBe(line);
  });
});
