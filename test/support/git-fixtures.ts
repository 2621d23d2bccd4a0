// Builds real Git repositories for the sync tests with the system git.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type FileSpec = string | { symlink: string };

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    stdio: 'pipe',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.invalid' },
  }).toString();

export function gitAvailable(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A bare repo `<root>/<name>.git` and a work clone to change it from. */
export class FixtureRepo {
  private constructor(
    readonly bare: string,
    readonly work: string,
  ) {}

  static async create(root: string, name: string, files: Record<string, FileSpec>, branch = 'main'): Promise<FixtureRepo> {
    const bare = path.join(root, `${name}.git`);
    await mkdir(bare, { recursive: true });
    git(bare, 'init', '--bare', '--quiet', `--initial-branch=${branch}`);
    const work = await mkdtemp(path.join(tmpdir(), `failsafe-work-${name}-`));
    git(work, 'init', '--quiet', `--initial-branch=${branch}`);
    git(work, 'remote', 'add', 'origin', bare);
    const repo = new FixtureRepo(bare, work);
    await repo.commit(files, 'initial library');
    return repo;
  }

  /** Writes (or with null, deletes) files, commits and pushes. */
  async commit(files: Record<string, FileSpec | null>, message: string, options: { force?: boolean } = {}): Promise<string> {
    for (const [file, spec] of Object.entries(files)) {
      const target = path.join(this.work, file);
      await rm(target, { force: true });
      if (spec === null) continue;
      await mkdir(path.dirname(target), { recursive: true });
      if (typeof spec === 'string') await writeFile(target, spec);
      else await symlink(spec.symlink, target);
    }
    git(this.work, 'add', '--all');
    git(this.work, 'commit', '--quiet', '--allow-empty', '-m', message);
    git(this.work, 'push', '--quiet', ...(options.force ? ['--force'] : []), 'origin', 'HEAD');
    return this.head();
  }

  /** Rewrites history: a new root commit with these files, force-pushed. */
  async rewrite(files: Record<string, FileSpec>, message: string): Promise<string> {
    git(this.work, 'checkout', '--quiet', '--orphan', 'rewritten');
    git(this.work, 'rm', '-r', '--quiet', '--cached', '.');
    git(this.work, 'clean', '-fdq');
    for (const [file, spec] of Object.entries(files)) {
      const target = path.join(this.work, file);
      await mkdir(path.dirname(target), { recursive: true });
      if (typeof spec === 'string') await writeFile(target, spec);
      else await symlink(spec.symlink, target);
    }
    git(this.work, 'add', '--all');
    git(this.work, 'commit', '--quiet', '-m', message);
    const branch = git(this.bare, 'symbolic-ref', '--short', 'HEAD').trim();
    git(this.work, 'push', '--quiet', '--force', 'origin', `HEAD:${branch}`);
    return this.head();
  }

  head(): string {
    return git(this.work, 'rev-parse', 'HEAD').trim();
  }

  async remove(): Promise<void> {
    await rm(this.work, { recursive: true, force: true });
  }
}

export const runbook = (title: string, extra = '') => `---\ntitle: ${title}\ntags: [synced]\n---\n# ${title}\n\n## Steps\n\n### Step 1: Do it\n\`\`\`bash\necho ${title.toLowerCase().replace(/\W+/g, '-')}\n\`\`\`\n${extra}`;
