import { CronExpressionParser } from 'cron-parser';
import { TriggerError } from './triggerError.js';

/** The next `count` times (epoch ms) strictly after `afterMs` at which `cron` fires, in UTC. */
export function nextRunTimes(cron: string, afterMs: number, count = 1): number[] {
  assertValidCron(cron);
  const times: number[] = [];
  const iterator = CronExpressionParser.parse(cron, { currentDate: new Date(afterMs), tz: 'UTC' });
  while (times.length < count && iterator.hasNext()) times.push(iterator.next().getTime());
  return times;
}

/** Throws a TriggerError naming the expression and the parser's complaint. */
export function assertValidCron(cron: string): void {
  parseCron(cron);
}

function parseCron(cron: string) {
  try {
    return CronExpressionParser.parse(cron, { tz: 'UTC' });
  } catch (error) {
    throw new TriggerError(
      'INVALID_SCHEDULE',
      `Invalid schedule "${cron}": ${(error as Error).message}. Use five cron fields (minute hour day month weekday, e.g. "0 3 * * *" for 03:00 UTC nightly), or six with seconds first.`,
      400,
    );
  }
}
