import { useState, type FormEvent } from 'react';
import type { Contact } from '../../../shared/model';
import { overrideActive, overrideProblem, type ContactOverride } from '../../../shared/oncall/contact-overrides';
import { useLibraryStore } from '../library';
import { useOnCallStore } from './oncall-store';
import { localToday } from '../../ui/local-today';

const EMPTY: Contact = { id: '', name: '', role: '', phone: '', email: '', chat: '', timeZone: '', escalationOrder: 1 };

/** Changes to the roster on this machine only: kept across every sync until they end or are removed. */
export function ContactOverrides() {
  const contacts = useLibraryStore((state) => state.contacts);
  const overrides = useOnCallStore((state) => state.overrides);
  const problem = useOnCallStore((state) => state.problem);
  const [base, setBase] = useState('');
  const [contact, setContact] = useState<Contact>(EMPTY);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [formProblem, setFormProblem] = useState<string>();
  const [open, setOpen] = useState(false);
  const today = localToday();

  const choose = (id: string) => {
    setBase(id);
    const from = contacts.find((candidate) => candidate.id === id);
    setContact(from ? { ...EMPTY, ...from } : EMPTY);
  };
  const field = (key: keyof Contact, label: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        value={String(contact[key] ?? '')}
        onChange={(event) => setContact({ ...contact, [key]: key === 'escalationOrder' ? Number(event.target.value) || 1 : event.target.value })}
      />
    </label>
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cleaned: Contact = {
      ...contact,
      id: base || `local-${crypto.randomUUID()}`,
      phone: contact.phone?.trim() || undefined,
      email: contact.email?.trim() || undefined,
      chat: contact.chat?.trim() || undefined,
      timeZone: contact.timeZone?.trim() || undefined,
    };
    const draft = { contact: cleaned, reason: reason.trim(), until: until || undefined };
    const why = overrideProblem(draft, today);
    if (why) {
      setFormProblem(why);
      return;
    }
    const override: ContactOverride = { id: `override-${crypto.randomUUID()}`, kind: base ? 'change' : 'add', ...draft, createdAt: new Date().toISOString() };
    if (await useOnCallStore.getState().save(override)) {
      setOpen(false);
      setFormProblem(undefined);
      setContact(EMPTY);
      setBase('');
      setReason('');
      setUntil('');
    }
  };

  return (
    <section className="overrides" aria-labelledby="overrides-heading">
      <h2 id="overrides-heading">Changes on this machine</h2>
      <p className="muted">Only here: never written into the library, kept through every sync until they end or you remove them.</p>
      {overrides.length > 0 && (
        <ul>
          {overrides.map((override) => (
            <li key={override.id} className={overrideActive(override, today) ? undefined : 'muted'}>
              {override.kind === 'add' ? 'Added' : 'Changed'} <strong>{override.contact.name}</strong>: {override.reason}
              {override.until ? ` (until ${override.until})` : ''}
              {!overrideActive(override, today) && ' (ended)'}{' '}
              <button type="button" onClick={() => void useOnCallStore.getState().remove(override.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          Add or change a person…
        </button>
      ) : (
        <form className="override-form" onSubmit={(event) => void submit(event)} aria-label="Add or change a person">
          <label>
            Person
            <select value={base} onChange={(event) => choose(event.target.value)}>
              <option value="">Someone new (this week’s on-call, a stand-in…)</option>
              {contacts.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  Change {candidate.name} ({candidate.role})
                </option>
              ))}
            </select>
          </label>
          {field('name', 'Name')}
          {field('role', 'Role')}
          {field('phone', 'Phone', 'tel')}
          {field('email', 'Email', 'email')}
          {field('chat', 'Chat handle')}
          {field('timeZone', 'Time zone (e.g. Europe/Lisbon)')}
          {field('escalationOrder', 'Escalation order', 'number')}
          <label>
            Why (required)
            <input value={reason} onChange={(event) => setReason(event.target.value)} placeholder="New phone since Monday" />
          </label>
          <label>
            Until (optional, last day)
            <input type="date" value={until} onChange={(event) => setUntil(event.target.value)} />
          </label>
          {(formProblem ?? problem) && (
            <p className="form-problem" role="alert">
              {formProblem ?? problem}
            </p>
          )}
          <div className="dialog-actions-inline">
            <button type="submit" className="primary">
              Save on this machine
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
