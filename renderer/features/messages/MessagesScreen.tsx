import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { prefillFromIncident } from '../../../shared/comms/incident-prefill';
import { emptyFields, fillTemplate, messageMarkdown, plainText } from '../../../shared/comms/template-render';
import { promisedUpdate, suggestedTemplate } from '../../../shared/comms/template-stage';
import { INCIDENT_STATUSES } from '../../../shared/incident/incident-events';
import type { CommsTemplate, TemplateField } from '../../../shared/model';
import { fieldType } from '../../../shared/library/template-parser';
import { keptSentence } from '../../../shared/sync/kept-parts';
import { dropDraft, keepDraft, messageDraft, readDraft } from '../../app/services/drafts';
import { hashOf } from '../../app/services/routes';
import { nowStamp, useIncidentStore } from '../incident';
import { useLibraryStore } from '../library';
import { withCommand } from '../../ui/keys';
import { recallTyped, rememberTyped, typedBefore, typedFieldsOf } from './typed-fields';
import { MarkdownView } from '../../ui/markdown/MarkdownView';

/**
 * Message templates: pick one, fill its fields (from the incident when one is current), copy it.
 * Without one picked, the template that fits the incident's moment is offered.
 */
export function MessagesScreen({ id }: { id?: string }) {
  const templates = useLibraryStore((state) => state.templates);
  const kept = useLibraryStore((state) => state.meta?.kept?.templates);
  const incident = useIncidentStore((state) => (state.currentId ? state.loaded[state.currentId]?.state : undefined));
  const suggested = suggestedTemplate(templates, incident);
  // The template offered when the screen opened stays on screen: copying it moves the incident on
  // (the next one to fit becomes an update), but the form being read must not change under the reader.
  // Picked again once the current incident has loaded (just after a launch): picked before, it was
  // the initial notice, though the incident had sent one already.
  const [opened, setOpened] = useState({ incidentId: incident?.id, id: suggested?.id });
  if (opened.incidentId !== incident?.id) setOpened({ incidentId: incident?.id, id: suggested?.id });
  const byId = (wanted: string | undefined) => templates.find((candidate) => candidate.id === wanted);
  const template = id ? byId(id) : (byId(opened.id) ?? suggested);
  return (
    <section className="messages" aria-labelledby="messages-title">
      <nav className="template-list" aria-label="Templates">
        <h1 id="messages-title">Messages</h1>
        {kept && (
          <p className="muted" data-testid="templates-kept">
            {keptSentence('templates', kept)}
          </p>
        )}
        <ul>
          {templates.map((candidate) => (
            <li key={candidate.id}>
              <a href={hashOf({ name: 'messages', id: candidate.id })} aria-current={candidate === template ? 'page' : undefined}>
                {candidate.title}
                {candidate.channel && <span className="muted"> · {candidate.channel}</span>}
                {candidate === suggested && <span className="badge">fits now</span>}
              </a>
            </li>
          ))}
        </ul>
        {!templates.length && <p className="empty">The library has no message templates (templates/*.md).</p>}
      </nav>
      {/* Opened again once the current incident has loaded (just after a launch): filled from it, not left at the template's defaults. */}
      {template ? <MessageForm key={`${template.id}:${incident?.id ?? ''}`} template={template} /> : id && <p className="empty">There is no template “{id}” in this library.</p>}
    </section>
  );
}

function MessageForm({ template }: { template: CommsTemplate }) {
  const incidentId = useIncidentStore((state) => state.currentId);
  const incident = useIncidentStore((state) => (state.currentId ? state.loaded[state.currentId]?.state : undefined));
  const levels = useLibraryStore((state) => state.severity);
  const level = levels.find((candidate) => candidate.id === incident?.severity);
  // Filled once when the form opens: defaults, then what the incident knows. Typing is never overwritten.
  const [values, setValues] = useState<Record<string, string>>(() => {
    const defaults = Object.fromEntries(template.fields.map((field) => [field.name, field.default ?? '']));
    // Defaults, then what was typed into this incident's earlier messages, then what the incident knows.
    return incident ? { ...defaults, ...typedBefore(incident.id, template.fields), ...prefillFromIncident(template.fields, incident, level, nowStamp().at) } : defaults;
  });
  const [confirming, setConfirming] = useState<'plain' | 'markdown'>();
  // The fields filled back after a relaunch arrive once the form is open: a cursor put in one of
  // them while it was empty moves on to the field still to fill (after a relaunch, the resolution
  // notice left it in the service already given, not in the cause).
  const [recalled, setRecalled] = useState<ReadonlySet<string>>(new Set());
  const shown = useRef(values);
  useEffect(() => {
    shown.current = values;
  }, [values]);
  const form = useRef<HTMLFormElement>(null);
  // What the responder types is kept as they type: a closed window or a crash gives the half-written
  // message back (only the fields they changed: the incident's own answers are read fresh).
  const draftKey = messageDraft(incidentId, template.id);
  const changed = useRef<Record<string, string>>({});
  const change = (name: string, value: string) => {
    changed.current = { ...changed.current, [name]: value };
    setValues((before) => ({ ...before, [name]: value }));
    keepDraft({ key: draftKey, text: JSON.stringify(changed.current) });
  };
  useEffect(() => {
    let live = true;
    // After a relaunch, what earlier messages were given comes back from its record: it fills the
    // fields still at their defaults (never one typed into, nor one the incident answers).
    if (incidentId) {
      void recallTyped(incidentId).then(() => {
        const before = typedBefore(incidentId, template.fields);
        if (!live) return;
        const fills = (current: Record<string, string>) =>
          Object.fromEntries(template.fields.flatMap((field) => (Object.hasOwn(before, field.name) && !Object.hasOwn(changed.current, field.name) && (current[field.name] ?? '') === (field.default ?? '') && before[field.name] !== current[field.name] ? [[field.name, before[field.name]]] : [])));
        setRecalled(new Set(Object.keys(fills(shown.current))));
        setValues((current) => ({ ...current, ...fills(current) }));
      });
    }
    void readDraft(draftKey).then((draft) => {
      const kept = draft && typedFieldsOf(draft.text, template.fields);
      if (!live || !kept) return;
      // Typed since the form opened wins over the draft read back.
      changed.current = { ...kept, ...changed.current };
      setValues((before) => ({ ...before, ...changed.current }));
    });
    return () => {
      live = false;
    };
  }, [draftKey, incidentId, template.fields]);
  // Picking a template opens its form with the cursor in it (its first empty field, else its first):
  // what is typed next is the message, never a shortcut of the page.
  const focusFirstEmpty = () => {
    const fields = [...(form.current?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select') ?? [])];
    (fields.find((field) => !field.value.trim()) ?? fields[0])?.focus();
  };
  useLayoutEffect(focusFirstEmpty, []);
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && form.current?.contains(active) && recalled.has(active.getAttribute('name') ?? '')) focusFirstEmpty();
  }, [recalled]);
  // Going back puts the cursor where the gap is: typed words must land in the message, never act as keys of the page.
  const goBack = () => {
    setConfirming(undefined);
    focusFirstEmpty();
  };
  const [outcome, setOutcome] = useState<string>();
  const notice = useRef<HTMLParagraphElement>(null);
  // Where the preview sits under the form (a narrow window), the word that the message was copied
  // (or was not) lies below the fold: brought into view, only as far as needed.
  useLayoutEffect(() => {
    if (outcome) notice.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);
  const pieces = useMemo(() => fillTemplate(template.body, template.fields, values), [template, values]);
  const empty = emptyFields(pieces);
  const markdown = messageMarkdown(pieces);
  const plain = plainText(markdown);
  const promise = promisedUpdate(template, plain);

  const copy = async (format: 'plain' | 'markdown', anyway = false) => {
    if ((empty.length || promise) && !anyway) {
      setConfirming(format);
      return;
    }
    setConfirming(undefined);
    const text = format === 'plain' ? plain : markdown;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      setOutcome('Copy failed: select the preview and copy it by hand.');
      return;
    }
    // Sent: the draft has done its work (the next message of the incident starts afresh).
    const typedHere = changed.current;
    changed.current = {};
    dropDraft(draftKey);
    if (!incidentId) {
      setOutcome(`Copied as ${format === 'plain' ? 'plain text' : 'Markdown'}.`);
      return;
    }
    // Only what the responder typed: what the incident filled in (its cadence) it fills in again.
    rememberTyped(incidentId, template.fields, typedHere);
    const recorded = await useIncidentStore.getState().record(incidentId, [{ type: 'message-copied', templateId: template.id, templateTitle: template.title, format, text }]);
    setOutcome(recorded ? `Copied as ${format === 'plain' ? 'plain text' : 'Markdown'}, and recorded in the incident’s timeline.` : 'Copied, but not recorded in the incident.');
  };

  return (
    <div className="message-form">
      <form
        ref={form}
        aria-label={`Fill “${template.title}”`}
        onSubmit={(event) => {
          event.preventDefault();
          void copy('plain');
        }}
      >
        <h2>{template.title}</h2>
        {template.channel && <p className="muted">For: {template.channel}</p>}
        {incident && <p className="muted">Filled from “{incident.title}” where the incident knows the answer.</p>}
        {template.fields.map((field) => (
          <FieldInput key={field.name} field={field} value={values[field.name] ?? ''} empty={!values[field.name]?.trim()} onChange={(value) => change(field.name, value)} />
        ))}
      </form>
      <div className="message-preview">
        <h2>Preview</h2>
        <div className="preview-box" data-testid="message-preview">
          <MarkdownView markdown={markdown} fromPath={template.path} />
        </div>
        {empty.length > 0 && (
          <p className="form-problem" role="note">
            Empty: {empty.map((field) => field.label).join(', ')}. {empty.length === 1 ? 'It reads' : 'They read'} {empty.map((field) => `[${field.label}]`).join(', ')} if sent as is.
          </p>
        )}
        <div className="run-actions">
          <button type="button" className="primary" onClick={() => void copy('plain')}>
            Copy as text <kbd>{withCommand('Enter')}</kbd>
          </button>
          <button type="button" onClick={() => void copy('markdown')}>
            Copy as Markdown
          </button>
        </div>
        {promise && (
          <p className="form-problem" role="note" data-testid="promised-update">
            This resolution notice still promises another update: “{promise}”.
          </p>
        )}
        {confirming && (
          <div
            className="confirm"
            role="alertdialog"
            aria-label={promise ? 'Copy a resolution that promises an update?' : 'Copy with empty fields?'}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              event.stopPropagation();
              goBack();
            }}
          >
            {empty.length > 0 && (
              <p>
                {empty.length} field{empty.length === 1 ? ' is' : 's are'} empty: {empty.map((field) => field.label).join(', ')}. Copy the message with the gaps marked?
              </p>
            )}
            {promise && <p>It tells readers the incident is resolved, yet promises “{promise}”. Copy it as it is?</p>}
            <button type="button" className="primary" autoFocus onClick={() => void copy(confirming, true)}>
              {empty.length ? 'Copy with gaps' : 'Copy as it is'}
            </button>{' '}
            <button type="button" onClick={goBack}>
              {empty.length ? 'Go back and fill them' : 'Go back'} <kbd>Esc</kbd>
            </button>
          </div>
        )}
        <p className="run-notice" role="status" ref={notice}>
          {outcome}
        </p>
      </div>
    </div>
  );
}

function FieldInput({ field, value, empty, onChange }: { field: TemplateField; value: string; empty: boolean; onChange(value: string): void }) {
  const levels = useLibraryStore((state) => state.severity);
  const type = fieldType(field);
  const label = (
    <span className="param-label">
      {field.label}
      {empty && <span className="required"> (empty)</span>}
      <code className="param-name" aria-hidden="true">{`{{${field.name}}}`}</code>
    </span>
  );
  const options =
    type === 'choice' ? (field.options ?? []) : type === 'severity' ? levels.map((level) => level.id) : type === 'status' ? (field.options ?? INCIDENT_STATUSES.map((status) => status[0].toUpperCase() + status.slice(1))) : undefined;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.currentTarget as HTMLElement).closest('form')?.requestSubmit();
    }
  };
  return (
    <label className={empty ? 'field-empty' : undefined}>
      {label}
      {type === 'multiline' ? (
        <textarea name={field.name} rows={4} value={value} onChange={(event) => onChange(event.target.value)} onKeyDown={onKeyDown} />
      ) : options ? (
        <select name={field.name} value={value} onChange={(event) => onChange(event.target.value)} onKeyDown={onKeyDown}>
          <option value="">(empty)</option>
          {value && !options.includes(value) && <option value={value}>{value}</option>}
          {options.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : (
        <span className="field-row">
          <input name={field.name} value={value} placeholder={type === 'time' ? '02:14 UTC' : undefined} onChange={(event) => onChange(event.target.value)} onKeyDown={onKeyDown} />
          {type === 'time' && (
            <button type="button" onClick={() => onChange(`${new Date().toISOString().slice(11, 16)} UTC`)}>
              Now
            </button>
          )}
        </span>
      )}
    </label>
  );
}
