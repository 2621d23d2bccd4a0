import { readLibraryFolder } from '../../electron/library-loader';
import { gitAvailable } from '../support/git-fixtures';
import { expect, test } from './fixtures';
import { serveRepositoryEachTest, syncFromSettings } from './sync-helpers';

// Links that open in Failsafe: the fixtures shaped like the prometheus-operator, OpenShift and
// GitLab runbook repositories, synced from a real Git server, then alerts' runbook links handed to
// the app as a second launch hands them (the single-instance lock's path), each opening its file.

async function publicShapes(): Promise<Record<string, string>> {
  const read = await readLibraryFolder('test/fixtures/public-shapes');
  expect(read.problems).toEqual([]);
  return Object.fromEntries(read.files.filter((file) => file.path !== 'README.md').map((file) => [file.path, file.text]));
}

const SITES = ['https://runbooks.prometheus-operator.dev/runbooks/ content/runbooks', 'https://github.com/openshift/runbooks/blob/master/'].join('\n');

test.describe('links that open in Failsafe', () => {
  test.skip(!gitAvailable(), 'needs git installed: the test Git server is git http-backend');

  const repository = serveRepositoryEachTest('public-shapes', publicShapes);

  test('runbook_urls of the public repositories’ forms and failsafe:// links open their files; an unmapped one says what it looked for', async ({ launch, profile }) => {
    test.setTimeout(120_000);
    const app = await launch(profile);
    const { page } = app;
    await syncFromSettings(page, repository.url());
    await expect(page.getByText(/^Synced: \d+ runbooks added/)).toBeVisible({ timeout: 60_000 });

    const saved = page.getByRole('status').filter({ hasText: 'Settings saved.' });
    const sites = page.getByLabel('Published runbook sites');
    // A site must be a web address, its folder one of the library's.
    await sites.fill('https://runbooks.acme.dev/ ../outside');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'must be a plain folder of the library' })).toBeVisible();
    await sites.fill(SITES);
    await expect(saved).toBeHidden();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(saved).toBeVisible();

    const title = page.getByRole('heading', { level: 1 }).first();
    // OpenShift's form: the file under the GitHub address set as a site of the library's root.
    await app.launchAgainWith('https://github.com/openshift/runbooks/blob/master/alerts/cluster-etcd-operator/etcdMembersDown.md');
    await expect(title).toHaveText('etcdMembersDown');
    await expect(page).toHaveURL(/#\/runbook\/alerts\/cluster-etcd-operator\/etcdMembersDown$/);

    // prometheus-operator's form: a lower-cased slug of the published site finds its file.
    await app.launchAgainWith('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping');
    await expect(title).toHaveText('Kube Pod Crash Looping');
    await expect(page).toHaveURL(/#\/runbook\/content\/runbooks\/kubernetes\/KubePodCrashLooping$/);

    // The app's own link, at a section.
    await app.launchAgainWith('failsafe://runbook/docs/gitaly/gitaly-unavailable.md#network-between-the-web-nodes-and-gitaly');
    await expect(title).toHaveText('Gitaly unavailable');
    await expect(page).toHaveURL(/#\/runbook\/docs\/gitaly\/gitaly-unavailable\?section=network-between-the-web-nodes-and-gitaly$/);

    // The synced repository's own web page, on whatever branch the link names.
    await app.launchAgainWith(`${repository.url().replace(/\.git$/, "")}/blob/some-branch/docs/redis/redis-memory.md`);
    await expect(page).toHaveURL(/#\/runbook\/docs\/redis\/redis-memory$/);

    // A runbook the library lacks: the page stays, and a message names the file it looked for.
    await app.launchAgainWith('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubenodenotready');
    const message = page.getByRole('alert').filter({ hasText: 'No runbook of the library for this link' });
    await expect(message).toContainText('Looked for content/runbooks/kubernetes/kubenodenotready.md');
    await expect(page).toHaveURL(/#\/runbook\/docs\/redis\/redis-memory$/);
    await page.getByRole('button', { name: 'Close the link message' }).click();
    await expect(message).toBeHidden();

    // A link to an alert opens the "From an alert" screen.
    await app.launchAgainWith('failsafe://alert?alertname=KubePodCrashLooping&namespace=payments');
    await expect(page).toHaveURL(/#\/alerts$/);
  });

  test('a link the app was started with opens once the library is open', async ({ launch, profile }) => {
    const { page } = await launch(profile, undefined, { argv: ['--no-sandbox', 'failsafe://runbook/backup-restore/manual-database-backup.md'] });
    await expect(page).toHaveURL(/#\/runbook\/backup-restore\/manual-database-backup$/);
    await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText('Manual full database backup');
  });
});
