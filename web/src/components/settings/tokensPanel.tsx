// API tokens for scripts and CI: created here, shown once, revoked here.
import { useState } from 'preact/hooks';
import type { ApiTokenInfo, CreatedApiToken } from '../../../../protocol/api.js';
import { api, messageOf } from '../../api.js';
import { formatDateTime } from '../../format.js';

interface TokensPanelProps {
  project: string;
  tokens: ApiTokenInfo[];
  onChange: (tokens: ApiTokenInfo[]) => void;
}

export function TokensPanel({ project, tokens, onChange }: TokensPanelProps) {
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiToken | undefined>();
  const [error, setError] = useState('');

  const create = async (event: Event) => {
    event.preventDefault();
    setError('');
    try {
      const token = await api.createToken(project, name.trim());
      setCreated(token);
      setName('');
      onChange([...tokens, { id: token.id, name: token.name, createdAt: token.createdAt }]);
    } catch (cause) {
      setError(messageOf(cause));
    }
  };
  const revoke = async (token: ApiTokenInfo) => {
    if (!confirm(`Revoke the token "${token.name}"? Scripts using it stop working at once.`)) return;
    setError('');
    try {
      await api.revokeToken(project, token.id);
      onChange(tokens.filter((candidate) => candidate.id !== token.id));
      if (created?.id === token.id) setCreated(undefined);
    } catch (cause) {
      setError(messageOf(cause));
    }
  };

  return (
    <section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p class="muted small">For CI and scripts (`reprise ci --token …`). Tokens reach this project only.</p>
      {tokens.length === 0 ? (
        <p class="muted">No tokens created from the dashboard yet.</p>
      ) : (
        <table class="table compact">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.id}</code>
                </td>
                <td>{formatDateTime(token.createdAt)}</td>
                <td class="num">
                  <button type="button" class="button button-quiet" onClick={() => revoke(token)} aria-label={`Revoke token ${token.name}`}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {created && (
        <div class="callout" role="status">
          <label class="field">
            <span>New token "{created.name}": copy it now, it is not shown again</span>
            <input readOnly value={created.token} class="mono" onFocus={(e) => (e.target as HTMLInputElement).select()} />
          </label>
        </div>
      )}
      <form class="inline-form" onSubmit={create}>
        <label class="inline-field">
          <span>Token name</span>
          <input required maxLength={100} placeholder="github-actions" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="button">
          Create token
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
