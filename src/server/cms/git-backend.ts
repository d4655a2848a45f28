import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkSource, describeProblems } from '../../lib/content/source-check.ts';
import {
  commitAuthor,
  commitMessage,
  contentFolderOf,
  coverPathOf,
  mayWrite,
  type CmsRequest,
} from '../../lib/cms/requests.ts';

const run = promisify(execFile);

/** Who saves: the signed-in member, recorded as the commit's author. */
export interface Editor {
  user: string;
  name: string;
}

/** An answer for the editor: the JSON Decap expects, or a 4xx with an Italian message it shows. */
export type CmsAnswer =
  { status: 200; body: unknown; saved?: string } | { status: 403 | 404 | 422; body: { error: string } };

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const refuse = (status: 403 | 404 | 422, error: string): CmsAnswer => ({ status, body: { error } });

/**
 * Decap CMS's `proxy` protocol over a git clone of our own (`CMS_REPO_DIR`), in place of `decap-server`: every
 * save is checked with the same schemas and messages as the build (a broken article or test is refused before
 * it is written), touches only files under `content/`, and is one commit with the editor as its author. One
 * operation at a time, so two saves never mix in one commit.
 */
export class GitBackend {
  private queue: Promise<unknown> = Promise.resolve();

  readonly repo: string;

  constructor(repo: string) {
    this.repo = repo;
  }

  handle(request: CmsRequest, editor: Editor): Promise<CmsAnswer> {
    const next = this.queue.then(() => this.dispatch(request, editor));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async dispatch(request: CmsRequest, editor: Editor): Promise<CmsAnswer> {
    switch (request.action) {
      case 'info':
        return { status: 200, body: { repo: path.basename(this.repo), publish_modes: ['simple'], type: 'local_git' } };
      case 'getDeployPreview':
        return { status: 200, body: null };
      case 'entriesByFolder': {
        const { folder, extension } = request.params;
        if (!contentFolderOf(`${folder}/x.${extension}`)) return refuse(403, 'Cartella non consentita.');
        const names = await readdir(this.file(folder)).catch(() => [] as string[]);
        const files = names.filter((n) => n.endsWith(`.${extension}`)).sort();
        return { status: 200, body: await Promise.all(files.map((n) => this.entry(`${folder}/${n}`))) };
      }
      case 'entriesByFiles':
        if (!request.params.files.every((f) => contentFolderOf(f.path))) return refuse(403, 'File non consentito.');
        return { status: 200, body: await Promise.all(request.params.files.map((f) => this.entry(f.path))) };
      case 'getEntry':
        if (!contentFolderOf(request.params.path)) return refuse(403, 'File non consentito.');
        return { status: 200, body: await this.entry(request.params.path) };
      case 'getMedia': {
        const folder = request.params.mediaFolder.replace(/\/$/, '');
        if (!contentFolderOf(`${folder}/x.jpg`)) return { status: 200, body: [] };
        const names = await readdir(this.file(folder)).catch(() => [] as string[]);
        const images = names.filter((n) => mayWrite(`${folder}/${n}`) === 'image');
        return { status: 200, body: await Promise.all(images.map((n) => this.media(`${folder}/${n}`))) };
      }
      case 'getMediaFile':
        if (mayWrite(request.params.path) !== 'image') return refuse(403, 'File non consentito.');
        return { status: 200, body: await this.media(request.params.path) };
      case 'persistEntry':
        return this.persist(request.params, editor);
      case 'persistMedia': {
        const { asset, options } = request.params;
        if (mayWrite(asset.path) !== 'image')
          return refuse(422, 'Si possono caricare solo immagini accanto agli articoli.');
        await this.write(asset.path, Buffer.from(asset.content, 'base64'));
        await this.commit([asset.path], commitMessage(options?.commitMessage, `Carica ${asset.path}`), editor);
        return { status: 200, body: await this.media(asset.path), saved: asset.path };
      }
      case 'deleteFile':
      case 'deleteFiles': {
        const paths = request.action === 'deleteFile' ? [request.params.path] : request.params.paths;
        if (!paths.every((p) => mayWrite(p))) return refuse(403, 'File non consentito.');
        await Promise.all(paths.map((p) => rm(this.file(p), { force: true })));
        const message = commitMessage(request.params.options?.commitMessage, `Elimina ${paths.join(', ')}`);
        await this.commit(paths, message, editor);
        return { status: 200, body: { message: 'eliminato' }, saved: paths.join(', ') };
      }
    }
  }

  private async persist(
    params: Extract<CmsRequest, { action: 'persistEntry' }>['params'],
    editor: Editor,
  ): Promise<CmsAnswer> {
    const dataFiles = params.dataFiles ?? (params.entry ? [params.entry] : []);
    if (dataFiles.length === 0) return refuse(422, 'Niente da salvare.');
    const written: string[] = [];
    for (const file of dataFiles) {
      const target = file.newPath ?? file.path;
      const folder = contentFolderOf(target);
      if (!folder || mayWrite(target) !== 'source') return refuse(403, `Non si può salvare ${target}.`);
      const problems = checkSource(target, Buffer.from(file.raw), folder.format, folder.schema);
      if (problems.length > 0) return refuse(422, describeProblems(problems));
      const cover = folder.folder === 'articles' ? coverPathOf(target, file.raw) : null;
      const uploaded = params.assets.some((a) => a.path === cover);
      if (cover && mayWrite(cover) !== 'image') {
        return refuse(422, `${target}: la copertina deve essere un’immagine (JPEG, PNG, WebP) accanto all’articolo.`);
      }
      if (cover && !uploaded && !(await this.entry(cover)).file.id) {
        return refuse(422, `${target}: la copertina ${cover} non c’è: caricala di nuovo con «Scegli un’immagine».`);
      }
    }
    for (const asset of params.assets) {
      if (mayWrite(asset.path) !== 'image')
        return refuse(422, 'Si possono caricare solo immagini accanto agli articoli.');
    }
    for (const asset of params.assets) {
      await this.write(asset.path, Buffer.from(asset.content, 'base64'));
      written.push(asset.path);
    }
    for (const file of dataFiles) {
      const target = file.newPath ?? file.path;
      await this.write(target, Buffer.from(file.raw));
      written.push(target);
      if (file.newPath && file.newPath !== file.path && mayWrite(file.path) === 'source') {
        await rm(this.file(file.path), { force: true });
        written.push(file.path);
      }
    }
    const fallback = `Aggiorna ${dataFiles.map((f) => f.path).join(', ')}`;
    await this.commit(written, commitMessage(params.options?.commitMessage, fallback), editor);
    return { status: 200, body: { message: 'salvato' }, saved: dataFiles.map((f) => f.newPath ?? f.path).join(', ') };
  }

  private file(repoPath: string): string {
    return path.join(this.repo, ...repoPath.split('/'));
  }

  private async entry(repoPath: string) {
    try {
      const bytes = await readFile(this.file(repoPath));
      return { data: bytes.toString('utf8'), file: { path: repoPath, id: sha(bytes) } };
    } catch {
      return { data: null, file: { path: repoPath, id: null } };
    }
  }

  private async media(repoPath: string) {
    const bytes = await readFile(this.file(repoPath));
    return {
      id: sha(bytes),
      content: bytes.toString('base64'),
      encoding: 'base64',
      path: repoPath,
      name: path.basename(repoPath),
    };
  }

  private async write(repoPath: string, bytes: Buffer): Promise<void> {
    const target = this.file(repoPath);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }

  /** One commit of exactly these paths (added, changed or deleted), authored by the editor. */
  private async commit(paths: string[], message: string, editor: Editor): Promise<void> {
    const author = commitAuthor(editor);
    const git = (...args: string[]) => run('git', ['-C', this.repo, ...args]);
    await git('add', '--all', '--', ...paths);
    const { stdout } = await git('status', '--porcelain', '--', ...paths);
    if (!stdout.trim()) return; // saved without changes
    const [name, email] = [author.replace(/ <.*$/, ''), /<(.*)>/.exec(author)?.[1] ?? ''];
    await git(
      '-c',
      `user.name=${name}`,
      '-c',
      `user.email=${email}`,
      'commit',
      '--quiet',
      '--author',
      author,
      '-m',
      message,
      '--',
      ...paths,
    );
  }
}
