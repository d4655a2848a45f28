import type { Plugin } from 'vite';

/**
 * In a build, Preact's JSX is compiled by Vite's own transform (oxc, in Rolldown), not by Babel:
 * @astrojs/preact always hands its Vite preset a `babel` option, which makes the preset run Babel over every
 * `.tsx` file in each of the three environments (~0.7 s of a 1,000-article build, on the build's one
 * JavaScript thread), for the same automatic-runtime JSX oxc writes natively. `astro dev` keeps the preset as
 * it is (Babel adds hook names for Preact's devtools there).
 */
export function preactJsxNative(): Plugin {
  return {
    name: 'segnalazione:preact-jsx-native',
    apply: 'build',
    config: () => ({ oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } }),
    configResolved(config) {
      const babel = config.plugins.find((plugin) => plugin.name === 'vite:preact-jsx');
      if (!babel)
        throw new Error('@astrojs/preact no longer has the plugin "vite:preact-jsx": review preact-jsx-native.ts');
      // The resolved plugin list is shared by every environment of the build.
      (babel as { transform?: unknown }).transform = undefined;
    },
  };
}
