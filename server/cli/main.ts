import { buildProgram } from './program.js';
import { CliError } from './apiClient.js';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    if (error instanceof CliError) {
      console.error(`reprise: ${error.message}`);
      process.exit(error.exitCode);
    }
    const named = error as { name?: string; code?: string; message?: string };
    console.error(`reprise: ${named.message ?? String(error)}`);
    process.exit(2);
  });
