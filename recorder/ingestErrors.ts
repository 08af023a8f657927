// Errors the transport reports through onError; the page never sees them thrown.

export class IngestRejectedError extends Error {
  override name = 'IngestRejectedError';
  readonly code = 'INGEST_REJECTED';
  constructor(
    readonly status: number,
    readonly seq: number,
    detail: string,
  ) {
    super(
      `Sending recording batch ${seq} to /api/ingest: expected 2xx, got ${status} (${detail.slice(0, 200)}). ` +
        `The batch was dropped. Check the data-project key and that this origin is allowed for the project.`,
    );
  }
}

export class IngestUnreachableError extends Error {
  override name = 'IngestUnreachableError';
  readonly code = 'INGEST_UNREACHABLE';
  constructor(
    readonly seq: number,
    attempts: number,
    cause: string,
  ) {
    super(
      `Sending recording batch ${seq} to /api/ingest failed ${attempts} times (last: ${cause}). ` +
        `It is kept and retried on the next flush or page load. Check that the Reprise server is running and reachable.`,
    );
  }
}
