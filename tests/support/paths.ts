import path from 'node:path';

/** The project's root folder, with a trailing separator. */
export const ROOT = path.resolve(import.meta.dirname, '../..') + path.sep;
/** Where the test build lives: a copy of `content/` plus fixtures, and its `dist`. */
export const TEST_BUILD = path.join(ROOT, '.test-build');
export const TEST_CONTENT = path.join(TEST_BUILD, 'content');
export const TEST_DIST = path.join(TEST_BUILD, 'dist');
export const TEST_CLIENT = path.join(TEST_DIST, 'client');
/** The draft and scheduled fixtures must never leak into the output. */
export const HIDDEN_MARKERS = ['FIXTURE-DRAFT-7f3a', 'FIXTURE-FUTURE-91c2', 'tag-solo-bozza', 'tag-solo-futuro'];
