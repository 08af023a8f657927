// The secret deployment webhooks are signed with: hidden until asked for, rotated on demand.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../../api.js';

export function WebhookSecretPanel({ project, secret, onChange }: { project: string; secret?: string; onChange: (secret: string) => void }) {
  const [shown, setShown] = useState(false);
  const [error, setError] = useState('');
  const rotate = async () => {
    if (secret && !confirm('Rotate the webhook secret? Webhooks signed with the old secret are refused from now on.')) return;
    setError('');
    try {
      onChange((await api.rotateWebhookSecret(project)).webhookSecret);
      setShown(true);
    } catch (cause) {
      setError(messageOf(cause));
    }
  };
  return (
    <section class="card" aria-labelledby="webhook-title">
      <h2 id="webhook-title">Webhook secret</h2>
      <p class="muted small">Deployment webhooks are signed with this secret (HMAC-SHA256).</p>
      <div class="inline-form">
        <code class="secret" aria-label={shown ? 'Webhook secret' : 'Webhook secret (hidden)'}>
          {secret ? (shown ? secret : '•'.repeat(16)) : 'No secret set'}
        </code>
        {secret && (
          <button type="button" class="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
          </button>
        )}
        <button type="button" class="button" onClick={rotate}>
          {secret ? 'Rotate' : 'Generate'}
        </button>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
