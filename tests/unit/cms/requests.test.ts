import { describe, it, expect } from 'vitest';
import {
  cmsRequestSchema,
  commitAuthor,
  commitMessage,
  contentFolderOf,
  coverPathOf,
  mayWrite,
} from '../../../src/lib/cms/requests.ts';

describe('what the editor may touch', () => {
  it.each([
    ['content/articles/fiducia.mdx', 'articles', 'source'],
    ['content/articles/fiducia/copertina.jpg', 'articles', 'image'],
    ['content/articles/copertina.JPEG', 'articles', 'image'],
    ['content/pages/privacy.mdx', 'pages', 'source'],
    ['content/quiz/test-gratuito.yaml', 'quiz', 'source'],
    ['content/quiz/foto.png', 'quiz', null],
    ['content/articles/script.js', 'articles', null],
    ['content/articles/../../src/pages/x.astro', null, null],
    ['content/articles/a..b.mdx', null, null],
    ['src/pages/index.astro', null, null],
    ['/etc/passwd', null, null],
    ['content/articles/.hidden.mdx', null, null],
    ['content/other/x.mdx', null, null],
  ])('%s is in %s, writable as %s', (p, folder, kind) => {
    expect(contentFolderOf(p)?.folder ?? null).toBe(folder);
    expect(mayWrite(p)).toBe(kind);
  });
});

describe('commits', () => {
  it.each([
    [{ name: 'Carla Conti', user: 'carla@azienda.it' }, 'Carla Conti <carla@azienda.it>'],
    [{ name: 'Titolare', user: 'admin' }, 'Titolare <admin@redazione.invalid>'],
    [{ name: ' <x>\n', user: 'a b@c.it' }, 'x <ab@c.it>'],
    [{ name: '<>', user: 'z@c.it' }, 'z@c.it <z@c.it>'],
  ])('%j is the author %s', (member, author) => {
    expect(commitAuthor(member)).toBe(author);
  });

  it('one line of message, never empty', () => {
    expect(commitMessage('Aggiorna\n articoli “x”', 'f')).toBe('Aggiorna articoli “x”');
    expect(commitMessage('  ', 'Aggiorna x')).toBe('Aggiorna x');
    expect(commitMessage(undefined, 'Aggiorna x')).toBe('Aggiorna x');
  });
});

describe('requests of Decap’s proxy backend', () => {
  it.each([
    { action: 'info', params: { branch: 'main' } },
    { action: 'entriesByFolder', params: { folder: 'content/articles', extension: 'mdx', depth: 1, branch: 'main' } },
    { action: 'getEntry', params: { path: 'content/articles/a.mdx', branch: 'main' } },
    {
      action: 'persistEntry',
      params: {
        dataFiles: [{ slug: 'a', path: 'content/articles/a.mdx', raw: '---\n---\n' }],
        assets: [{ path: 'content/articles/a.jpg', content: 'AA==', encoding: 'base64' }],
        options: { commitMessage: 'Crea', useWorkflow: false },
      },
    },
    { action: 'deleteFiles', params: { paths: ['content/articles/a.mdx'], options: {} } },
  ])('accepts $action', (request) => {
    expect(cmsRequestSchema.safeParse(request).success).toBe(true);
  });

  it.each([
    { action: 'unpublishedEntries', params: {} },
    { action: 'persistEntry', params: { assets: [{ path: 'a', content: 'x', encoding: 'utf8' }] } },
    { action: 'entriesByFolder', params: { folder: 'content/articles', extension: 'mdx', depth: 99 } },
    'info',
  ])('refuses %j', (request) => {
    expect(cmsRequestSchema.safeParse(request).success).toBe(false);
  });
});

describe('an article’s cover', () => {
  it.each([
    ['---\ncover: "./foto.jpg"\n---\n', 'content/articles/foto.jpg'],
    ['---\ncover: foto/a.png\n---\n', 'content/articles/foto/a.png'],
    ['---\ncover: "  "\n---\n', null],
    ['---\ntitle: "x"\n---\n', null],
    ['---\n---\n', null],
    ['niente frontmatter', null],
  ])('%j → %s', (raw, expected) => {
    expect(coverPathOf('content/articles/a.mdx', raw)).toBe(expected);
  });
});
