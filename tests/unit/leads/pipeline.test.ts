import { describe, it, expect } from 'vitest';
import { LEAD_STATUSES, PIPELINE, isLeadStatus, isOpenStatus, statusLabel } from '../../../src/lib/leads/pipeline.ts';
import { formatPhone, telHref, mailtoHref, whatsappHref } from '../../../src/lib/leads/contact-links.ts';

describe('the pipeline', () => {
  it('goes nuovo → contattato → appuntamento → proposta → cliente, and leaves by two doors', () => {
    expect(PIPELINE.map((s) => s.label)).toEqual([
      'nuovo',
      'contattato',
      'appuntamento fissato',
      'proposta inviata',
      'cliente',
      'non interessato',
      'non pertinente',
    ]);
    expect(LEAD_STATUSES.filter(isOpenStatus)).toEqual(['new', 'contacted', 'meeting', 'proposal']);
  });

  it.each([
    ['meeting', true, 'appuntamento fissato'],
    ['client', true, 'cliente'],
    ['won', false, 'won'],
    ['', false, ''],
  ])('%j: a status %s, read as %j', (value, known, label) => {
    expect(isLeadStatus(value)).toBe(known);
    expect(statusLabel(value)).toBe(label);
  });

  it('has nothing open about an unknown status', () => {
    expect(isOpenStatus('won')).toBe(false);
    expect(isLeadStatus(undefined)).toBe(false);
  });
});

describe('contact in one tap', () => {
  it('calls the number as stored, without spaces', () => {
    expect(telHref('+39 333 123 4567')).toBe('tel:+393331234567');
  });

  it('writes an email with an Italian subject', () => {
    expect(mailtoHref('mario@rossi.it', 'Il tuo test con Segnalazione Vincente')).toBe(
      'mailto:mario@rossi.it?subject=Il%20tuo%20test%20con%20Segnalazione%20Vincente',
    );
  });

  it.each([
    ['+393331234567', 'https://wa.me/393331234567?text=Buongiorno%20Mario'],
    ['+39333123456', 'https://wa.me/39333123456?text=Buongiorno%20Mario'],
    ['+390212345678', null], // a landline has no WhatsApp
    ['+3933312345', null],
    ['+3933312345678', null],
    ['0039 333 1234567', null], // not stored that way: a number the site did not normalise
  ])('WhatsApp for %s → %s', (phone, href) => {
    expect(whatsappHref(phone, 'Buongiorno Mario')).toBe(href);
  });
});

describe('a phone number as people read it', () => {
  it.each([
    ['+393331234567', '+39 333 123 4567'],
    ['+39333123456', '+39 333 123 456'],
    ['+390212345678', '+39 02 1234 5678'],
    ['+39061234567', '+39 06 1234 567'],
    ['+390111234567', '+39 011 1234 567'],
    ['+3905512', '+39 055 12'],
    ['+41441234567', '+41441234567'],
    ['x+393331234567', 'x+393331234567'],
    ['+393331234567x', '+393331234567x'],
    // A three-digit prefix with "02" inside is still a three-digit prefix.
    ['+390331026543', '+39 033 1026 543'],
  ])('%s → %s', (phone, shown) => {
    expect(formatPhone(phone)).toBe(shown);
  });
});
