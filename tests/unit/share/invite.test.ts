import { describe, it, expect } from 'vitest';
import { INVITE_CAMPAIGN, INVITE_MESSAGE, inviteLinks, inviteUrl } from '../../../src/lib/share/invite.ts';

describe('Invita un collega', () => {
  const url = inviteUrl(new URL('https://www.example.it'), '/test-gratuito/');

  it('shares the test page with the referral campaign the team filters by', () => {
    expect(url).toBe(
      'https://www.example.it/test-gratuito/?utm_source=passaparola&utm_medium=invito&utm_campaign=invita-un-collega',
    );
    expect(new URL(url).searchParams.get('utm_campaign')).toBe(INVITE_CAMPAIGN);
  });

  it('offers WhatsApp, LinkedIn and email as plain links carrying the address', () => {
    const links = inviteLinks(url);
    expect(links.map((l) => l.id)).toEqual(['whatsapp', 'linkedin', 'email']);
    expect(decodeURIComponent(new URL(links[0].href).searchParams.get('text')!)).toBe(`${INVITE_MESSAGE} ${url}`);
    expect(new URL(links[1].href).searchParams.get('url')).toBe(url);
    expect(links[2].href).toMatch(/^mailto:\?subject=Un%20test%20per%20la%20tua%20azienda&body=/);
    expect(decodeURIComponent(links[2].href.split('body=')[1])).toBe(`${INVITE_MESSAGE}\n\n${url}`);
  });
});
