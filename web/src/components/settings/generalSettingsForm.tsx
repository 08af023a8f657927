// Origins, baseline, budget, retention and ignore rules: one form, saved with one PATCH.
import { useState } from 'preact/hooks';
import type { ProjectSettings, ProjectSettingsPatch } from '../../../../protocol/api.js';
import { api, messageOf } from '../../api.js';
import { LinesField, linesOf } from './linesField.js';

interface GeneralSettingsFormProps {
  project: string;
  settings: ProjectSettings;
  onSaved: (settings: ProjectSettings) => void;
}

export function GeneralSettingsForm({ project, settings, onSaved }: GeneralSettingsFormProps) {
  const [origins, setOrigins] = useState(settings.allowedOrigins.join('\n'));
  const [baselineUrl, setBaselineUrl] = useState(settings.baselineUrl ?? '');
  const [budget, setBudget] = useState(settings.selectionBudget?.toString() ?? '');
  const [retention, setRetention] = useState(String(settings.retentionDays));
  const [textPatterns, setTextPatterns] = useState(settings.ignore.textPatterns.join('\n'));
  const [requestPaths, setRequestPaths] = useState(settings.ignore.requestPaths.join('\n'));
  const [selectors, setSelectors] = useState(settings.ignore.selectors.join('\n'));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    const patch: ProjectSettingsPatch = {
      allowedOrigins: linesOf(origins),
      baselineUrl: baselineUrl.trim() || null,
      selectionBudget: budget.trim() ? Number(budget) : null,
      retentionDays: Number(retention),
      ignore: { textPatterns: linesOf(textPatterns), requestPaths: linesOf(requestPaths), selectors: linesOf(selectors) },
    };
    setBusy(true);
    setResult(undefined);
    try {
      const saved = await api.saveSettings(project, patch);
      onSaved(saved);
      setOrigins(saved.allowedOrigins.join('\n'));
      setResult({ ok: true, text: 'Settings saved.' });
    } catch (error) {
      setResult({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card settings-form" onSubmit={submit} aria-labelledby="general-settings">
      <h2 id="general-settings">Replay and recording</h2>
      <div class="settings-grid">
        <LinesField id="allowed-origins" label="Allowed origins" hint="Origins the recorder may send from, one per line (https://shop.example)." value={origins} onInput={setOrigins} />
        <div class="settings-column">
          <label class="field">
            <span>Baseline deployment URL</span>
            <input type="url" value={baselineUrl} placeholder="https://staging.shop.example" onInput={(e) => setBaselineUrl((e.target as HTMLInputElement).value)} />
          </label>
          <div class="settings-row">
            <label class="field">
              <span>Selection budget (sessions per run)</span>
              <input type="number" min={1} max={10000} value={budget} placeholder="all" onInput={(e) => setBudget((e.target as HTMLInputElement).value)} />
            </label>
            <label class="field">
              <span>Retention (days, 0 keeps forever)</span>
              <input type="number" min={0} max={3650} required value={retention} onInput={(e) => setRetention((e.target as HTMLInputElement).value)} />
            </label>
          </div>
        </div>
      </div>
      <h3>Ignore rules</h3>
      <div class="settings-grid three">
        <LinesField id="ignore-text" label="Text patterns" hint="Regular expressions or substrings of text that may change freely." value={textPatterns} onInput={setTextPatterns} placeholder="\d+ items in stock" />
        <LinesField id="ignore-requests" label="Request paths" hint="Paths left out of the network comparison; * is a wildcard." value={requestPaths} onInput={setRequestPaths} placeholder="/api/ads*" />
        <LinesField id="ignore-selectors" label="Elements" hint='Accessible name or role "name" of elements whose changes are noise.' value={selectors} onInput={setSelectors} placeholder='button "Chat"' />
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
        <p class={result?.ok === false ? 'form-error' : 'success'} role={result?.ok === false ? 'alert' : 'status'}>
          {result?.text}
        </p>
      </div>
    </form>
  );
}
