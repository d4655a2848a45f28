import buildSite from '../tests/support/build-site.ts';
await buildSite();
