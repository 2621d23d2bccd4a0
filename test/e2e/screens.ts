import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { declareIncident, openRunbook } from './incident-helpers';

// Every screen of the app and how a responder reaches it, for the specs that look at each one
// (screens.spec.ts: layout and screenshots; accessibility.spec.ts: axe-core). Each `open` starts
// from any screen with nothing open (the caller presses Escape first); the run screens need the
// incident `prepareScreens` declares.

export interface Screen {
  name: string;
  open(page: Page): Promise<void>;
}

export const SCREENS: Screen[] = [
  { name: 'library', open: async (page) => void (await page.goto(`${new URL(page.url()).origin}/index.html#/`)) },
  { name: 'runbook', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/runbook/incident-response/database-outage'))) },
  { name: 'runbook-long-commands', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/runbook/troubleshooting/high-memory-usage'))) },
  { name: 'note', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/note/notes/connection-pooling'))) },
  { name: 'runbook-folder-readme-from-links', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/runbook/troubleshooting/disk-full?section=step-5-on-a-database-host-check-the-wal-folder'))) },
  { name: 'health', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/health'))) },
  { name: 'notes', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/notes'))) },
  { name: 'quick-reference', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/quick-reference'))) },
  {
    name: 'note-editor',
    open: async (page) => {
      await page.evaluate(() => (window.location.hash = '#/runbook/incident-response/database-outage'));
      await page.getByRole('button', { name: 'Write a note' }).click();
      await expect(page.getByRole('dialog', { name: 'Write a note for the next responder' })).toBeVisible();
    },
  },
  { name: 'settings', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/settings'))) },
  { name: 'incident', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/incident'))) },
  { name: 'incidents', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/incidents'))) },
  {
    name: 'run',
    open: async (page) => {
      await page.evaluate(() => (window.location.hash = '#/incident'));
      await page.getByRole('region', { name: 'Current incident' }).getByRole('link', { name: /step 2 of/ }).click();
      await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of/ })).toBeVisible();
    },
  },
  {
    name: 'run-rollback',
    open: async (page) => {
      await page.keyboard.press('b');
      await expect(page.getByRole('complementary', { name: 'Rollback and related runbooks' })).toBeVisible();
    },
  },
  {
    name: 'start-run-dialog',
    open: async (page) => {
      await page.evaluate(() => (window.location.hash = '#/runbook/incident-response/database-outage'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('PostgreSQL outage and Patroni failover');
      await page.keyboard.press('r');
      await expect(page.getByRole('dialog').getByLabel('Database host')).toBeVisible();
    },
  },
  {
    name: 'declare-dialog',
    open: async (page) => {
      await page.keyboard.press('i');
      await expect(page.getByRole('dialog', { name: 'Declare an incident' })).toBeVisible();
    },
  },
  { name: 'oncall', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/oncall'))) },
  // Empty on the first pass only (the next screen pastes alerts into it).
  { name: 'alerts-paste', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/alerts'))) },
  {
    name: 'alerts',
    open: async (page) => {
      await page.evaluate(() => (window.location.hash = '#/alerts'));
      // The alerts read stay on the screen: a second pass (the other size) finds them there.
      await expect(page.getByRole('heading', { level: 1, name: 'From an alert' })).toBeVisible();
      const field = page.getByLabel(/Paste the alert that woke you/);
      if (!(await field.isVisible())) return;
      await field.fill('[FIRING:2] KubePodCrashLooping (namespace=production pod=api-7f9c service=api severity=critical)\n[FIRING:1] NodeFilesystemAlmostOutOfSpace (instance=db-1 mountpoint=/var severity=warning)');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('list', { name: 'Alerts' }).getByRole('article')).toHaveCount(2);
    },
  },
  {
    name: 'runbook-from-alert',
    open: async (page) => {
      await page.keyboard.press('Enter');
      await expect(page.getByRole('region', { name: 'From the alert' })).toBeVisible();
    },
  },
  { name: 'messages-initial', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/messages/templates/initial'))) },
  { name: 'messages-internal', open: async (page) => void (await page.evaluate(() => (window.location.hash = '#/messages/templates/internal'))) },
  {
    name: 'severity-panel',
    open: async (page) => {
      await page.evaluate(() => (window.location.hash = '#/'));
      // A key pressed before the library replaces the message form would be typed into the form's field.
      await expect(page.getByRole('heading', { level: 1, name: 'Runbook library' })).toBeVisible();
      await page.keyboard.press('l');
      await expect(page.getByRole('dialog', { name: 'Severity levels' })).toBeVisible();
    },
  },
  {
    name: 'palette-actions',
    open: async (page) => {
      await page.keyboard.press('Control+K');
      await page.getByRole('combobox', { name: 'Search runbooks' }).fill('>');
      await expect(page.getByRole('group', { name: 'Actions' })).toBeVisible();
    },
  },
  {
    name: 'palette',
    open: async (page) => {
      await page.evaluate(() => (window.location.hash = '#/'));
      await page.keyboard.press('Control+K');
      await page.getByRole('combobox', { name: 'Search runbooks' }).fill('db down');
      await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toBeVisible();
    },
  },
];

/** An incident with a run in progress on its step 2, so the incident and run screens have something to show. */
export async function prepareScreens(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Runbook library' })).toBeVisible();
  await declareIncident(page, 'Checkout API returns 502 for a third of requests');
  await openRunbook(page, 'application crash', 'Application crash or high error rate');
  await page.keyboard.press('r');
  await expect(page.getByRole('dialog').getByLabel('Deployment')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of/ })).toBeVisible();
  await page.keyboard.press('d');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of/ })).toBeVisible();
}
