import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { Plugin } from 'vite';
import { checkContent } from '../build/content-check.ts';
import { describeProblems } from '../lib/content/source-check.ts';
import { contentErrorPage } from '../lib/content/error-page.ts';
import { reloadFailedContent } from '../build/survive-in-dev.ts';

const GUIDE = 'La guida per la redazione (docs/guida-redazione.md) spiega ogni campo.';

/**
 * Content errors in Italian, before Astro reads the files (src/lib/content/source-check.ts): a build (and
 * `astro sync`/`astro check`) stops with the list; `npm run dev` answers every page with the list while a file
 * is wrong. Without this, dev keeps serving the last good page and prints Astro's English error in the terminal
 * only, and a Windows-1252 file fails as "No such file or directory".
 */
export function contentErrors(): AstroIntegration {
  const plugin: Plugin = {
    name: 'segnalazione:content-errors-in-dev',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const wantsPage = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
        if (!wantsPage) return next();
        checkContent().then(async (problems) => {
          if (problems.length === 0) {
            // Fixed files whose change the watcher did not report are read now (build/survive-in-dev.ts).
            await reloadFailedContent();
            return next();
          }
          res.statusCode = 500;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(contentErrorPage(problems));
        }, next);
      });
    },
  };
  return {
    name: 'segnalazione:content-errors',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig }) => {
        if (command === 'dev') updateConfig({ vite: { plugins: [plugin] } });
        if (command === 'dev' || command === 'preview') return;
        const problems = await checkContent();
        // Astro prints an AstroError's hint under its message.
        if (problems.length > 0) throw new AstroError(describeProblems(problems), GUIDE);
      },
    },
  };
}
