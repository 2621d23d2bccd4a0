import { useEffect, useState } from 'react';
import { loadResponderName, saveResponderName, useIncidentStore } from '../incident';

/** The name put on incident exports ("Responder") and on this machine's events of shared incidents. */
export function ResponderNameForm() {
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string>();
  useEffect(() => {
    void loadResponderName().then((stored) => setName(stored ?? ''));
  }, []);
  return (
    <form
      className="responder-name"
      onSubmit={(event) => {
        event.preventDefault();
        void saveResponderName(name).then(() => {
          // Your next events carry it: others sharing the incident see who did what.
          useIncidentStore.getState().setWriterName(name);
          setSaved(name.trim() ? 'Saved: exports and shared incidents name you as the responder.' : 'Saved: exports name no responder.');
        });
      }}
    >
      <h2>You</h2>
      <label>
        Your name, as incident exports show it (optional)
        <input value={name} autoComplete="name" onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="submit">Save name</button>
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}
