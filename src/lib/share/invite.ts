/*
 * "Invita un collega": the links a prospect uses to pass the test on. The shared address
 * carries a campaign the team filters by (utm_campaign=invita-un-collega), so leads that
 * came by referral show as such in the team area; nothing identifies who shared it.
 */

export const INVITE_CAMPAIGN = 'invita-un-collega';

/** The test's address as shared: the site's test page with the referral campaign. */
export function inviteUrl(site: URL, testPath: string): string {
  const url = new URL(testPath, site);
  url.searchParams.set('utm_source', 'passaparola');
  url.searchParams.set('utm_medium', 'invito');
  url.searchParams.set('utm_campaign', INVITE_CAMPAIGN);
  return url.href;
}

const MESSAGE =
  'Ho fatto il test gratuito di Segnalazione Vincente: in tre minuti ti dice se una rete di segnalazione fa per la tua azienda.';

/** Plain links, no third-party script: WhatsApp, LinkedIn, email. */
export function inviteLinks(url: string): { id: string; label: string; href: string }[] {
  return [
    { id: 'whatsapp', label: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${MESSAGE} ${url}`)}` },
    {
      id: 'linkedin',
      label: 'LinkedIn',
      href: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`,
    },
    {
      id: 'email',
      label: 'Email',
      href: `mailto:?subject=${encodeURIComponent('Un test per la tua azienda')}&body=${encodeURIComponent(`${MESSAGE}\n\n${url}`)}`,
    },
  ];
}

export const INVITE_MESSAGE = MESSAGE;
