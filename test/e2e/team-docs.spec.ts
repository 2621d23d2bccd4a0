import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gitAvailable } from '../support/git-fixtures';
import { expect, test } from './fixtures';
import { declareIncident, holdIncidentWrites, stepItems } from './incident-helpers';
import { lookAt } from './look-at';
import { serveRepositoryEachTest, syncFromSettings } from './sync-helpers';

// The five team documents (test/fixtures/team-docs, shaped like the "Operations Runbook" files teams
// keep) synced from a real Git server: their procedures run with the documents' own numbered items
// as steps, R runs the procedure in view, the status report is a document, and a command that opens
// an interactive shell says so where it is copied.

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'team-docs');
const DOCS = ['billing/TASK_9.4_BILLING_RUNBOOKS_COMPLETE.md', 'coursework/operational-runbooks.md', 'mobile/step-6.2-release-runbooks.md', 'paydesk/OPERATIONS_RUNBOOK.md', 'stockroom/OPERATIONS_RUNBOOK.md'];

async function teamDocs(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const doc of DOCS) files[doc] = await readFile(path.join(FIXTURES, doc), 'utf8');
  return files;
}

const openPage = (page: Page, id: string, section?: string) => page.evaluate((hash) => (window.location.hash = hash), `#/runbook/${id}${section ? `?section=${section}` : ''}`);
const procedureDialog = (page: Page) => page.getByRole('dialog', { name: /^Run a procedure of/ });

/** R on the page: the list of procedures opens, the one in view first and chosen. */
async function pressRun(page: Page, inView: string) {
  await page.keyboard.press('r');
  const dialog = procedureDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('option', { selected: true })).toContainText(inView);
  return dialog;
}

/**
 * Enter in the list: the run of the chosen procedure starts, its steps the document's own items.
 * A procedure whose commands hold placeholders (`<commit-hash>`) first asks for them, by label.
 */
async function runChosen(page: Page, title: string, steps: string[], params: Record<string, string> = {}) {
  await page.keyboard.press('Enter');
  if (Object.keys(params).length) {
    const start = page.getByRole('dialog', { name: /^Run “/ });
    for (const [label, value] of Object.entries(params)) await start.getByLabel(label).fill(value);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(stepItems(page)).toHaveCount(steps.length);
  for (const [index, step] of steps.entries()) await expect(stepItems(page).nth(index)).toContainText(`${index + 1}. ${step}`);
}

test.describe('team documents synced from Git', () => {
  test.skip(!gitAvailable(), 'needs git installed: the test Git server is git http-backend');

  const repository = serveRepositoryEachTest('team', teamDocs);

  test('each document’s procedures run with its own items as steps; the status report is a document', async ({ launch, profile }) => {
    test.setTimeout(180_000);
    const { page } = await launch(profile);
    await syncFromSettings(page, repository.url());
    await expect(page.getByText(/Synced: 5 runbooks added/)).toBeVisible({ timeout: 30_000 });
    // The summary tells the two Operations Runbooks apart by where they live.
    for (const place of ['paydesk/OPERATIONS_RUNBOOK', 'stockroom/OPERATIONS_RUNBOOK']) {
      await expect(page.getByRole('listitem').filter({ hasText: 'Operations Runbook' }).filter({ hasText: place }).filter({ hasText: '(added)' })).toBeVisible();
    }

    // The status report is listed as a document, and says so on its page; R runs nothing.
    await page.evaluate(() => (window.location.hash = '#/'));
    await expect(page.getByRole('listitem').filter({ hasText: 'Task 9.4: Billing Service Runbooks - COMPLETE' }).getByText('document', { exact: true })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Coursework Platform Operational Runbooks' }).getByText('document', { exact: true })).toHaveCount(0);
    await openPage(page, 'billing/TASK_9.4_BILLING_RUNBOOKS_COMPLETE');
    await expect(page.getByRole('note').filter({ hasText: 'A document: a report of work done' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Start a run|Run a procedure/ })).toHaveCount(0);
    await page.keyboard.press('r');
    await expect(page.getByRole('dialog', { name: 'Nothing to run here' })).toContainText('is a document: a report of work done, not a procedure.');
    await lookAt(page, 'team-docs-nothing-to-run');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await declareIncident(page, 'Payments failing after release');

    // An Operations Runbook opened at a section: R offers that procedure; the list filters as typed.
    await openPage(page, 'paydesk/OPERATIONS_RUNBOOK', 'roll-back-deployment');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Operations Runbook');
    let dialog = await pressRun(page, 'Roll Back Deployment');
    await expect(dialog.getByRole('option')).toHaveCount(10);
    await expect(dialog.getByRole('option').filter({ hasText: 'Table of Contents' })).toHaveCount(0);
    await lookAt(page, 'team-docs-procedure-dialog');
    await page.keyboard.type('restore');
    await expect(dialog.getByRole('option')).toHaveCount(1);
    await expect(dialog.getByRole('option', { selected: true })).toContainText('Restore from Backup');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    dialog = await pressRun(page, 'Roll Back Deployment');
    await runChosen(page, 'Operations Runbook › Roll Back Deployment', ['Find the last good release', 'Check it out', 'Rebuild containers', 'Restart services', 'Check health'], { 'Commit hash': '4f2a9c1' });
    // Each step holds the commands under its own numbered comment, and only those.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 5: Check it out/ })).toBeVisible();
    await expect(page.locator('.run-step .code-block')).toHaveCount(1);
    await expect(page.locator('.run-step .code-block')).toContainText('git checkout 4f2a9c1');
    await lookAt(page, 'team-docs-run-of-a-procedure');

    // Step 3 of Database Connection Issues fails: the panel offers the procedure's own Resolution,
    // then the document's rollbacks, each under its heading and linked to its place; B shows it again.
    await openPage(page, 'paydesk/OPERATIONS_RUNBOOK', 'database-connection-issues');
    await pressRun(page, 'Database Connection Issues');
    await runChosen(page, 'Operations Runbook › Database Connection Issues', ['Is the database container up?', 'Database logs', 'Open a session on the ledger', 'Count connections']);
    for (const step of [1, 2]) {
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step} of 4`) })).toBeVisible();
      await page.keyboard.press('d');
    }
    await expect(page.getByRole('heading', { level: 2, name: /^Step 3 of 4: Open a session on the ledger/ })).toBeVisible();
    // The sync's report above the run is dismissed, so the screenshots show the run.
    await page.getByRole('button', { name: 'Close the sync summary' }).click();
    await page.keyboard.press('f');
    await page.keyboard.type('psql: sorry, too many clients already');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: /rollback and related runbooks$/i });
    await expect(panel).toContainText('This step failed');
    await expect(panel.getByRole('region', { name: 'After the steps of Database Connection Issues' })).toContainText('Connection limit reached: restart the API and workers');
    await expect(panel.getByRole('heading', { name: 'Rollback in this document' })).toBeVisible();
    // The library's runbook for the failure comes after the document's own Resolution, and the other
    // "Operations Runbook" is named with its place (my walk read a bare "Operations Runbook" there).
    const found = panel.getByRole('region', { name: /^In the library, for/ });
    await expect(found.getByRole('link')).toContainText(['Operations Runbook stockroom/OPERATIONS_RUNBOOK']);
    const headings = await panel.locator('h2').allInnerTexts();
    expect(headings).toContain('After the steps of this procedure');
    expect(headings.indexOf('After the steps of this procedure')).toBeLessThan(headings.findIndex((text) => text.startsWith('In the library, for')));
    await expect(panel.getByRole('link', { name: 'Roll Back Deployment' })).toHaveAttribute('href', '#/runbook/paydesk/OPERATIONS_RUNBOOK?section=roll-back-deployment');
    await expect(panel.getByRole('region', { name: 'Roll Back Deployment' })).toContainText('git checkout <commit-hash>');
    await expect(panel).not.toContainText('no Rollback section');
    // Another procedure's rollback block holds blanks this run has no value for: its copy names
    // them, as a page's does (it said only "Copied", and the block restores the ledger).
    const rollbackBlock = panel.locator('.code-block').filter({ hasText: 'restore-ledger.sh' });
    await rollbackBlock.getByRole('button', { name: 'Copy' }).click();
    await expect(rollbackBlock.getByRole('button')).toHaveText('Copied with placeholders to replace: <previous-commit-hash>, <backup-file>');
    // The failed step's command stays whole beside the panel: it wraps instead of being cut.
    const command = page.locator('.run-step .code-block pre');
    await expect(command).toContainText('exec ledger-db psql -U paydesk -d ledger');
    for (const size of [{ width: 1280, height: 720 }, { width: 900, height: 700 }]) {
      await page.setViewportSize(size);
      expect(await command.evaluate((pre) => pre.scrollWidth - pre.clientWidth), `command cut at ${size.width}`).toBeLessThanOrEqual(1);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await lookAt(page, 'team-docs-failed-step-of-a-procedure');
    // Narrow, the panel sits under the step: opening it brings it into view.
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 900, height: 700 });
    await page.keyboard.press('b');
    await expect(panel.getByRole('heading', { name: 'After the steps of this procedure' })).toBeInViewport();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await page.keyboard.press('b');
    await expect(panel.getByRole('region', { name: 'After the steps of Database Connection Issues' })).toBeVisible();
    await page.keyboard.press('Escape');
    // Under the last step, where a responder looks once the checks are through, the Resolution stands too.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('heading', { level: 2, name: /^Step 4 of 4: Count connections/ })).toBeVisible();
    const afterSteps = page.locator('.run-step').getByRole('region', { name: 'After the steps of Database Connection Issues' });
    await expect(afterSteps).toContainText('Connection limit reached: restart the API and workers');
    await expect(afterSteps.getByRole('heading', { level: 3, name: 'After the steps of this procedure' })).toBeVisible();
    await lookAt(page, 'team-docs-last-step-resolution');

    // Scrolled to a section rather than opened at it: the procedure there is the one offered.
    await openPage(page, 'stockroom/OPERATIONS_RUNBOOK');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Operations Runbook');
    await page.locator('#section-incident-process').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await pressRun(page, 'Incident Process');
    await runChosen(page, 'Operations Runbook › Incident Process', ['Detect', 'Triage', 'Mitigate', 'Resolve', 'Communicate', 'Review']);

    await openPage(page, 'coursework/operational-runbooks', 'grading-queue-stuck');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coursework Platform Operational Runbooks');
    // Its procedures sit at the fourth heading level: the outline lists them beside its sections.
    const outline = page.getByRole('navigation', { name: 'Outline' });
    await expect(outline.getByRole('link', { name: '2. Routine Operations' })).toBeVisible();
    await expect(outline.getByRole('link', { name: 'Grading Queue Stuck' })).toBeVisible();
    await expect(outline.getByRole('link', { name: 'Nightly Backup Check' })).toBeVisible();
    await lookAt(page, 'team-docs-outline-of-procedures');
    await pressRun(page, 'Grading Queue Stuck');
    // Its last step's inline command holds a placeholder: the run asks for it, as for a command block's.
    await runChosen(page, 'Coursework Platform Operational Runbooks › Grading Queue Stuck', ['Check the queue length', 'Look for a crashing worker', 'Restart the workers', 'If one submission crashes every worker, move it aside'], { 'Submission id': 'sub-4821' });

    await openPage(page, 'mobile/step-6.2-release-runbooks', 'task-622-the-three-release-runbooks');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Implementation Step 6.2: Release Runbooks for the Mobile App');
    dialog = await pressRun(page, 'Store Rollout Runbook');
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('option', { selected: true })).toContainText('Halt Rollout Runbook');
    await runChosen(page, 'Implementation Step 6.2: Release Runbooks for the Mobile App › Halt Rollout Runbook', ['Halt Both Stores', 'Turn Off the Feature', 'Plan the Fix']);
  });

  test('a command that opens an interactive shell is marked where it is copied', async ({ launch, profile }) => {
    const { page } = await launch(profile);
    await syncFromSettings(page, repository.url());
    await expect(page.getByText(/Synced: 5 runbooks added/)).toBeVisible({ timeout: 30_000 });
    await openPage(page, 'paydesk/OPERATIONS_RUNBOOK', 'suspected-breach');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Operations Runbook');
    const block = page.locator('.code-block').filter({ hasText: 'python manage.py shell' });
    await expect(block.getByText('interactive: manage.py shell')).toBeVisible();
    await block.getByRole('button', { name: 'Copy' }).click();
    await expect(block.getByRole('button')).toHaveText('Copied. It opens an interactive shell (manage.py shell): the lines after it are typed inside it.');
    await lookAt(page, 'team-docs-interactive-copy');
    // A block that only runs commands has no such label.
    await expect(page.locator('.code-block').filter({ hasText: 'DROP DATABASE ledger' }).getByText(/interactive:/)).toHaveCount(0);
  });

  test('C copies a step’s command written as inline code, and says so when a step has none', async ({ launch, profile }) => {
    const { page, readClipboard } = await launch(profile);
    await syncFromSettings(page, repository.url());
    await expect(page.getByText(/Synced: 5 runbooks added/)).toBeVisible({ timeout: 30_000 });
    await declareIncident(page, 'Course pages return 502');
    await openPage(page, 'coursework/operational-runbooks', 'course-pages-down');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coursework Platform Operational Runbooks');
    await pressRun(page, 'Course Pages Down');
    await runChosen(page, 'Coursework Platform Operational Runbooks › Course Pages Down', [
      'Confirm the alert against the status dashboard',
      'Read the API logs',
      'Check the database answers',
      'Check the cache answers',
      'Restart the API',
      'If the errors continue, roll back to the previous image',
      'Post an update on the status page',
    ]);
    // The incident bar names the run by its procedure: the document's title is the same for all of them.
    const barRun = page.getByRole('region', { name: 'Current incident' }).locator('.incident-run');
    await expect(barRun).toHaveText('▶ Course Pages Down: step 1 of 7');
    await expect(barRun).toHaveAttribute('title', 'Coursework Platform Operational Runbooks › Course Pages Down');
    await expect(page.getByRole('toolbar', { name: 'Step actions' }).getByRole('button', { name: 'No command in this step' })).toBeDisabled();
    await page.keyboard.press('c');
    await expect(page.getByText('Nothing copied: this step has no command.')).toBeVisible();
    // D then C at once, as a tired responder types them, with the record's write held up for a
    // moment (as a busy disk would): C copies the step D moved to, not the one it settled.
    const heldUp = await holdIncidentWrites(page, 600);
    await page.keyboard.press('d');
    await page.keyboard.press('c');
    await heldUp();
    await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 7/ })).toBeVisible();
    await expect(page.getByText('Copied: docker logs coursework-api --tail 200')).toBeVisible();
    await expect.poll(readClipboard).toBe('docker logs coursework-api --tail 200');
    await lookAt(page, 'team-docs-inline-command-copied');
    // A lesson from step 2 of this procedure is not attached to the document's own step 2 (the first
    // procedure's): it names the step and attaches to the document.
    await page.keyboard.press('a');
    const lesson = page.getByRole('dialog');
    await expect(lesson.getByLabel('Title')).toHaveValue('Read the API logs: ');
    // No list of the document's first procedure's steps to attach it to: they are not this procedure's.
    await expect(lesson.getByRole('combobox', { name: /^Step of/ })).toHaveCount(0);
    // Tab from the title goes to the note's box: a sentence typed there stays there (the preview
    // button came first, and the sentence's first space turned the box into its preview).
    await lesson.getByLabel('Title').focus();
    await page.keyboard.press('End');
    await page.keyboard.type('new hosts');
    await page.keyboard.press('Tab');
    await page.keyboard.type('The logs are on app-2 since the move, not app-1.');
    await expect(lesson.getByLabel('Note (Markdown)')).toHaveValue('The logs are on app-2 since the move, not app-1.');
    await lookAt(page, 'team-docs-lesson-from-procedure-step');
    // Saved, the lesson is a note for the next responder, and the run's record says it was written
    // (on the step it came from), so the postmortem knows there is one.
    await page.keyboard.press('Control+Enter');
    await expect(lesson).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Notes on this step' })).toHaveText('Lesson written for the next responder (under Notes, on this machine): Read the API logs: new hosts');
  });
});
