import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { teamClient, type TeamClient } from './team-client.ts';
import { cleanEnv } from './clean-env.ts';
import { ROOT } from './paths.ts';

/** The password every member made here ends up with. */
export const MEMBER_PASSWORD = 'una frase lunga e tutta nuova';

/**
 * A git clone for the web editor (`CMS_REPO_DIR`): a copy of `content` (today's, unless told) in one first
 * commit, in a new temporary folder unless `at` names one.
 */
export async function editorRepo(
  content = path.join(ROOT, 'content'),
  at?: string,
): Promise<{ repo: string; git: (...args: string[]) => string }> {
  const repo = at ?? (await mkdtemp(path.join(tmpdir(), 'sv-cms-')));
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
  await rm(repo, { recursive: true, force: true });
  await mkdir(repo, { recursive: true });
  await cp(content, path.join(repo, 'content'), { recursive: true });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('-c', 'user.name=Sviluppo', '-c', 'user.email=dev@example.invalid', 'commit', '--quiet', '-m', 'Contenuti');
  return { repo, git };
}

/**
 * A member with `role`, added with `npm run admin:user` (after the server made its database) and signed in over
 * HTTP, with the temporary password already replaced by MEMBER_PASSWORD.
 */
export async function signedInMember(base: string, dataDir: string, email: string, role: string): Promise<TeamClient> {
  const added = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts/admin-user.ts'), 'add', email, '--ruolo', role, '--nome', `Persona ${role}`],
    { env: cleanEnv({ DATA_DIR: dataDir }), encoding: 'utf8' },
  );
  const temporary = /Temporary password: (\S+)/.exec(added.stdout)?.[1];
  if (!temporary) throw new Error(`admin:user add failed: ${added.stdout}${added.stderr}`);
  const c = teamClient(() => base);
  await c.signIn(email, temporary);
  const token = await c.csrf('/admin/account/');
  await c.post('/admin/account/', {
    azione: 'password',
    attuale: temporary,
    nuova: MEMBER_PASSWORD,
    ripeti: MEMBER_PASSWORD,
    csrf: token,
  });
  return c;
}
