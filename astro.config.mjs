// @ts-check
import { defineConfig, envField } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import node from '@astrojs/node';
import { startRuntimeAtBoot } from './src/integrations/start-runtime-at-boot.ts';

const site = process.env.SITE_URL ?? 'https://www.segnalazionevincente.com';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site,
  // Pages are linked with a trailing slash; endpoints (`/api/leads`) are reached without one.
  trailingSlash: 'ignore',
  // Content pages are prerendered; only the form endpoints opt out with `prerender = false`.
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [
    mdx(),
    preact(),
    // Only public content: not the team area, nor the pages that answer a form.
    sitemap({ filter: (page) => !/\/(admin|test-gratuito\/(correggi|risultato))\//.test(new URL(page).pathname) }),
    startRuntimeAtBoot(),
  ],
  security: {
    // Hashed CSP: every script and style Astro renders is allowed by its hash, nothing inline
    // beyond that. Inline style *attributes* stay allowed: comment avatars take their hue from one.
    csp: {
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  build: {
    // Small stylesheets are inlined: one request less on every page.
    inlineStylesheets: 'auto',
  },
  env: {
    // Server settings are read at run time (`access: 'secret'`), so one build serves any deployment;
    // an invalid value stops the server at start-up with a message naming the variable.
    schema: {
      PUBLIC_LEADS_ENDPOINT: envField.string({ context: 'client', access: 'public', default: '/api/leads' }),
      DATA_DIR: envField.string({ context: 'server', access: 'secret', default: './data' }),
      LEADS_RATE_LIMIT: envField.number({ context: 'server', access: 'secret', int: true, min: 1, default: 10 }),
      LEADS_RATE_WINDOW_SECONDS: envField.number({
        context: 'server',
        access: 'secret',
        int: true,
        min: 1,
        default: 600,
      }),
      LEADS_MIN_FILL_SECONDS: envField.number({ context: 'server', access: 'secret', min: 0, default: 5 }),
      SMTP_URL: envField.string({ context: 'server', access: 'secret', optional: true, url: true }),
      NOTIFY_EMAIL_TO: envField.string({ context: 'server', access: 'secret', optional: true }),
      NOTIFY_EMAIL_FROM: envField.string({
        context: 'server',
        access: 'secret',
        default: 'Segnalazione Vincente <noreply@segnalazionevincente.com>',
      }),
      WEBHOOK_URL: envField.string({ context: 'server', access: 'secret', optional: true, url: true }),
      WEBHOOK_SECRET: envField.string({ context: 'server', access: 'secret', optional: true, min: 16 }),
      COMMENTS_NOTIFY_TO: envField.string({ context: 'server', access: 'secret', optional: true }),
      COMMENTS_CLOSE_AFTER_DAYS: envField.number({
        context: 'server',
        access: 'secret',
        int: true,
        min: 0,
        default: 0,
      }),
      COMMENTS_FLOOD_SECONDS: envField.number({ context: 'server', access: 'secret', min: 0, default: 15 }),
      COMMENTS_MAX_LINKS: envField.number({ context: 'server', access: 'secret', int: true, min: 0, default: 2 }),
      COMMENTS_TRUST_APPROVED: envField.boolean({ context: 'server', access: 'secret', default: true }),
      COMMENTS_RATE_LIMIT: envField.number({ context: 'server', access: 'secret', int: true, min: 1, default: 20 }),
      ADMIN_USER: envField.string({ context: 'server', access: 'secret', default: 'admin' }),
      ADMIN_PASSWORD: envField.string({ context: 'server', access: 'secret', optional: true, min: 12 }),
      ADMIN_PASSWORD_HASH: envField.string({ context: 'server', access: 'secret', optional: true }),
      ADMIN_SESSION_HOURS: envField.number({ context: 'server', access: 'secret', min: 0.0001, default: 8 }),
      RETENTION_LEADS_DAYS: envField.number({ context: 'server', access: 'secret', int: true, min: 1, default: 730 }),
      RETENTION_SPAM_DAYS: envField.number({ context: 'server', access: 'secret', int: true, min: 1, default: 30 }),
      RETENTION_UNAPPROVED_COMMENTS_DAYS: envField.number({
        context: 'server',
        access: 'secret',
        int: true,
        min: 1,
        default: 30,
      }),
      REQUEST_BODY_TIMEOUT_SECONDS: envField.number({ context: 'server', access: 'secret', min: 0.1, default: 10 }),
      OUTBOX_MAX_ATTEMPTS: envField.number({ context: 'server', access: 'secret', int: true, min: 1, default: 8 }),
      OUTBOX_RETRY_SECONDS: envField.number({ context: 'server', access: 'secret', min: 0.1, default: 30 }),
      OUTBOX_POLL_SECONDS: envField.number({ context: 'server', access: 'secret', min: 0.05, default: 5 }),
    },
  },
  server: {
    host: process.env.HOST ?? 'localhost',
    port: Number(process.env.PORT ?? 4321),
  },
});
