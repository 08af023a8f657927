// What an app folder of the evaluation benchmark provides (bench/eval/<app>/environment.ts): a Reprise server with
// customers recorded on the app's baseline, and a deployment per variant to replay against.

export interface BenchEnvironment {
  serverUrl: string;
  projectKey: string;
  token: string;
  /** URL of the running deployment of a variant (the baseline is a variant too). */
  deploymentUrl(variant: string): string;
  /** Records the app's scripted customers; returns the flows that failed to record. */
  recordCustomers(): Promise<string[]>;
  close(): Promise<void>;
}

export interface BenchEnvironmentModule {
  startBenchEnvironment(options: { variants: string[]; dataDir: string }): Promise<BenchEnvironment>;
}
