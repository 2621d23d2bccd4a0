// Builds the offline copy in the window: each runbook and note rendered by the app's own
// MarkdownView (so the same rules for raw HTML and links hold), a piece at a time so the window
// never freezes, then assembled by shared/offline/offline-page.ts with the index the app searches
// and the app's search engine, bundled into the copy's script at build time.
import { renderToStaticMarkup } from 'react-dom/server';
import { applyOverrides } from '../../../shared/oncall/contact-overrides';
import { rosterAge } from '../../../shared/oncall/roster-age';
import { withoutTitleLine } from '../../../shared/library/markdown/markdown-blocks';
import { titlePlaces, titleWithPlace } from '../../../shared/library/document/title-places';
import type { AdminNote, CommsTemplate, Contact, LibraryMeta, Runbook, SeverityLevel } from '../../../shared/model';
import { escapeHtml, offlineHtml, OFFLINE_STYLE, type OfflineDoc } from '../../../shared/offline/offline-page';
import { offlineSearchData } from '../../../shared/offline/offline-search';
import { buildSearchIndex, type SerializedSearchIndex } from '../../../shared/search/search-engine';
import { formatUtc } from '../../../shared/incident/time-format';
import type { ContactOverride } from '../../../shared/oncall/contact-overrides';
import { MarkdownView } from '../../ui/markdown/MarkdownView';
import { typeLabel } from '../library';
import { NOTE_KIND_LABELS } from '../notes';

export interface OfflineLibrary {
  meta: LibraryMeta;
  runbooks: Runbook[];
  notes: AdminNote[];
  severity: SeverityLevel[];
  contacts: Contact[];
  overrides: ContactOverride[];
  templates: CommsTemplate[];
  /** The index the app searches, as stored; built here only when the library has none stored. */
  searchIndex?: SerializedSearchIndex;
}

const markdownHtml = (markdown: string, fromPath: string) => renderToStaticMarkup(<MarkdownView markdown={markdown} fromPath={fromPath} />);

async function base64Sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

const yieldToWindow = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The offline copy as one HTML file. `onProgress` is told how far it got. */
export async function buildOfflineCopy(library: OfflineLibrary, now: Date, today: string, onProgress?: (done: number, total: number) => void): Promise<string> {
  const docs: OfflineDoc[] = [];
  const notesFor = new Map<string, AdminNote[]>();
  for (const note of library.notes) for (const id of note.runbooks) notesFor.set(id, [...(notesFor.get(id) ?? []), note]);
  let last = performance.now();
  const places = titlePlaces(library.runbooks);
  for (const [index, runbook] of library.runbooks.entries()) {
    const facts = [typeLabel(runbook.type), runbook.priority, runbook.owner && `owner ${runbook.owner}`, runbook.version && `version ${runbook.version}`, runbook.lastReviewed && `reviewed ${runbook.lastReviewed}`].filter(Boolean).join(' · ');
    const notes = (notesFor.get(runbook.id) ?? []).map((note) => `<aside class="note"><strong>${escapeHtml(note.kind)}: ${escapeHtml(note.title)}</strong>${markdownHtml(note.body, note.path)}</aside>`).join('');
    docs.push({
      key: `runbook/${runbook.id}`,
      title: titleWithPlace(runbook.title, places.get(runbook.id)),
      kind: typeLabel(runbook.type),
      html: `<p>${escapeHtml(facts)}</p>${notes}${markdownHtml(withoutTitleLine(runbook.body, runbook.title), runbook.path)}`,
    });
    // A slice of work at a time: the window keeps answering while a large library renders.
    if (performance.now() - last > 30) {
      onProgress?.(index + 1, library.runbooks.length);
      await yieldToWindow();
      last = performance.now();
    }
  }
  for (const note of library.notes) docs.push({ key: `note/${note.id}`, title: note.title, kind: 'Notes', html: markdownHtml(note.body, note.path) });
  const pagesFrom = docs.length;
  docs.push({ key: 'severity', title: 'Severity levels', kind: 'Reference', html: severityHtml(library.severity) });
  const roster = applyOverrides(library.contacts, library.overrides, today);
  const age = rosterAge(library.meta.source, now.getTime());
  docs.push({ key: 'oncall', title: 'On-call: who to call', kind: 'Reference', html: rosterHtml(roster, age.text) });
  for (const template of library.templates) docs.push({ key: `messages/${template.id}`, title: `Message: ${template.title}`, kind: 'Templates', html: `<p>${escapeHtml(template.channel ?? '')}</p><pre>${escapeHtml(template.body)}</pre>` });
  const source = library.meta.source.kind === 'git' ? `library commit ${library.meta.source.commit}` : `bundled library, version ${library.meta.version}`;
  const banner = `<strong>Failsafe offline copy</strong>, exported ${escapeHtml(formatUtc(now.getTime()))} · ${escapeHtml(source)} · <span class="age-${age.level}">roster ${escapeHtml(age.text)}</span>`;
  const index = library.searchIndex ?? buildSearchIndex(library.meta.version, library.runbooks);
  const labels = { ...Object.fromEntries(index.summaries.map((summary) => [summary.type, typeLabel(summary.type)])), ...NOTE_KIND_LABELS };
  const pages = docs.slice(pagesFrom).map(({ key, title }) => ({ key, title }));
  const search = offlineSearchData(index, library.runbooks, library.notes, pages, labels);
  // The copy's script (the search engine, bundled) is fetched from the app's own files when first needed, not at start-up.
  const { default: script } = await import('./offline-copy-script?iife');
  onProgress?.(library.runbooks.length, library.runbooks.length);
  return offlineHtml({ banner, docs, search }, script, { script: await base64Sha256(script), style: await base64Sha256(OFFLINE_STYLE) });
}

function severityHtml(levels: SeverityLevel[]): string {
  const rows = levels
    .map(
      (level) =>
        `<tr><td><strong>${escapeHtml(level.id)}</strong> ${escapeHtml(level.name)}</td><td>${escapeHtml(level.description ?? '')}</td><td>${escapeHtml(level.responseTime)}</td><td>${escapeHtml(level.pages.join(', '))}</td><td>${escapeHtml(level.updateEvery ?? '')}</td><td>${escapeHtml((level.escalation ?? []).map((step) => `${step.notify}${step.wait ? ` (then ${step.wait})` : ''}`).join(' → '))}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Level</th><th>Meaning</th><th>Respond within</th><th>Who is paged</th><th>Updates</th><th>Escalation</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function rosterHtml(roster: ReturnType<typeof applyOverrides>, age: string): string {
  const rows = roster
    .map(
      (entry) =>
        `<tr><td>${escapeHtml(entry.name)}${entry.local ? ` <em>(local: ${escapeHtml(entry.local.reason)})</em>` : ''}</td><td>${escapeHtml(entry.role)}</td><td>${entry.phone ? `<a href="tel:${escapeHtml(entry.phone.replace(/[^\d+]/g, ''))}">${escapeHtml(entry.phone)}</a>` : ''}</td><td>${entry.email ? `<a href="mailto:${escapeHtml(entry.email)}">${escapeHtml(entry.email)}</a>` : ''}</td><td>${escapeHtml(entry.chat ?? '')}</td><td>${escapeHtml(entry.timeZone ?? '')}</td><td>${entry.escalationOrder}</td></tr>`,
    )
    .join('');
  return `<p>Roster ${escapeHtml(age)}.</p><table><thead><tr><th>Name</th><th>Role</th><th>Phone</th><th>Email</th><th>Chat</th><th>Time zone</th><th>Order</th></tr></thead><tbody>${rows}</tbody></table>`;
}
