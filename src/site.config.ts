/**
 * The site's own settings, in one place. Values that differ per deployment
 * (the public URL) come from the environment in `astro.config.mjs`.
 */
export const SITE = {
  /** The brand, used in titles and structured data. */
  name: 'Segnalazione Vincente',
  /** Default meta description of pages that have none of their own. */
  description:
    'Segnalazione Vincente costruisce reti di segnalazione per le aziende con il metodo della Public Relation Referenziale.',
  /** BCP 47 locale for dates and numbers. */
  locale: 'it-IT',
  /** Open Graph locale. */
  ogLocale: 'it_IT',
  /** Dates are shown as the calendar day in this zone. */
  timeZone: 'Europe/Rome',
  /** Articles per page in `/blog/`. */
  articlesPerPage: 10,
  /** Articles shown on the home page. */
  latestOnHome: 3,
  /** The free test's page. */
  testPath: '/test-gratuito/',
} as const;
