// A small typed client of Reprise's HTTP API for the CLI. Every failure becomes a CliError with exit code 2 and a
// message saying what was being done, what came back, and what to check.

export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface ApiClientOptions {
  server: string;
  project: string;
  token?: string;
}

export function createApiClient(options: ApiClientOptions) {
  const base = options.server.replace(/\/$/, '');
  const headers: Record<string, string> = { 'x-reprise-project': options.project };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  async function request<T>(method: string, path: string, body?: unknown, what = `${method} ${path}`): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new CliError(`Cannot reach the Reprise server at ${base} (${cause}) while trying to ${what}. Is it running? Check --server or REPRISE_SERVER.`);
    }
    const text = await response.text();
    if (!response.ok) {
      let message = text.slice(0, 500);
      try {
        message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
      } catch {
        // Not JSON: keep the raw text.
      }
      const hint = response.status === 401 ? ' Pass an API token with --token or REPRISE_TOKEN.' : '';
      throw new CliError(`Could not ${what}: the server answered ${response.status}: ${message}${hint}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    get: <T>(path: string, what?: string) => request<T>('GET', path, undefined, what),
    post: <T>(path: string, body: unknown, what?: string) => request<T>('POST', path, body, what),
    async getText(path: string, what: string): Promise<string> {
      const response = await fetch(`${base}${path}`, { headers }).catch((error: Error) => {
        throw new CliError(`Cannot reach the Reprise server at ${base} (${error.message}) while trying to ${what}.`);
      });
      const text = await response.text();
      if (!response.ok) throw new CliError(`Could not ${what}: the server answered ${response.status}: ${text.slice(0, 300)}`);
      return text;
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
