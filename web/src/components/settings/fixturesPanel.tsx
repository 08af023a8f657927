// Replay fixtures: values typed into masked fields at replay. Values are write-only; the server returns masks.
import { useState } from 'preact/hooks';
import type { ProjectSettings } from '../../../../protocol/api.js';
import { api, messageOf } from '../../api.js';

interface FixturesPanelProps {
  project: string;
  fixtures: Record<string, string>;
  onSaved: (settings: ProjectSettings) => void;
}

export function FixturesPanel({ project, fixtures, onSaved }: FixturesPanelProps) {
  const [field, setField] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const save = async (patch: Record<string, string | null>) => {
    setError('');
    try {
      onSaved(await api.saveSettings(project, { replayFixtures: patch }));
      return true;
    } catch (cause) {
      setError(messageOf(cause));
      return false;
    }
  };
  const add = async (event: Event) => {
    event.preventDefault();
    if (await save({ [field.trim()]: value })) {
      setField('');
      setValue('');
    }
  };
  const entries = Object.entries(fixtures);
  return (
    <section class="card" aria-labelledby="fixtures-title">
      <h2 id="fixtures-title">Replay fixtures</h2>
      <p class="muted small">Masked fields (passwords) are never recorded: replay types these values into the field with this name or id.</p>
      {entries.length === 0 ? (
        <p class="muted">No fixtures: masked fields get a synthetic value of the recorded length.</p>
      ) : (
        <table class="table compact">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([name, masked]) => (
              <tr key={name}>
                <td>
                  <code>{name}</code>
                </td>
                <td aria-label="Value hidden">{masked}</td>
                <td class="num">
                  <button type="button" class="button button-quiet" onClick={() => save({ [name]: null })} aria-label={`Remove fixture ${name}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="inline-form" onSubmit={add}>
        <label class="inline-field">
          <span>Field</span>
          <input required maxLength={200} value={field} onInput={(e) => setField((e.target as HTMLInputElement).value)} />
        </label>
        <label class="inline-field">
          <span>Value</span>
          <input type="password" autoComplete="new-password" value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="button">
          Set fixture
        </button>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
