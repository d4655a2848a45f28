import type { AstroIntegration } from 'astro';
import type { ShareImageStats } from '../build/share-image.ts';

/** One line at the end of a build: how many share cards were made and how many came from the cache. */
export function shareImagesReport(): AstroIntegration {
  return {
    name: 'segnalazione:share-images-report',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const stats = (globalThis as { __svShareImages?: ShareImageStats }).__svShareImages;
        if (!stats) return;
        const perImage = stats.made ? `, ${(stats.renderMs / stats.made).toFixed(0)} ms each` : '';
        logger.info(
          `${stats.made} share images made in ${(stats.renderMs / 1000).toFixed(1)} s${perImage}, ${stats.cached} from the cache`,
        );
      },
    },
  };
}
