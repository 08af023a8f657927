import type { ProjectSettings } from '../../../protocol/api.js';
import { api } from '../api.js';
import { useAsync } from '../useAsync.js';
import { ErrorBox, Loading } from '../components/status.js';
import { GeneralSettingsForm } from '../components/settings/generalSettingsForm.js';
import { FixturesPanel } from '../components/settings/fixturesPanel.js';
import { RecorderInstallPanel } from '../components/settings/recorderInstallPanel.js';
import { TokensPanel } from '../components/settings/tokensPanel.js';
import { WebhookSecretPanel } from '../components/settings/webhookSecretPanel.js';
import { SchedulesPanel } from '../components/settings/schedulesPanel.js';

export function SettingsPage({ project }: { project: string }) {
  const { state, reload, setData } = useAsync(() => api.settings(project), [project]);
  if (state.status === 'error') return <ErrorBox title="Cannot load the project settings" message={state.error} onRetry={reload} />;
  if (!state.data) return <Loading label="Loading settings…" />;
  const settings = state.data;
  const replace = (next: ProjectSettings) => setData(() => next);
  return (
    <section class="settings-page">
      <div class="page-head">
        <h1>Settings</h1>
        <span class="muted">
          Project <code>{settings.name}</code>
        </span>
      </div>
      <GeneralSettingsForm project={project} settings={settings} onSaved={replace} />
      <RecorderInstallPanel ingestKey={settings.ingestKey} />
      <FixturesPanel project={project} fixtures={settings.replayFixtures} onSaved={replace} />
      <SchedulesPanel project={project} />
      <div class="settings-grid">
        <TokensPanel project={project} tokens={settings.tokens} onChange={(tokens) => setData((data) => ({ ...data, tokens }))} />
        <WebhookSecretPanel project={project} secret={settings.webhookSecret} onChange={(webhookSecret) => setData((data) => ({ ...data, webhookSecret }))} />
      </div>
    </section>
  );
}
