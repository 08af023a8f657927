// Scores ticket prediction on cases whose outcome is known (for `reprise eval`).
import { DEFAULT_TICKET_THRESHOLD, type SessionVerdict } from '../../protocol/index.js';
import { groupTickets } from './groupTickets.js';

export interface EvaluationCase {
  verdicts: SessionVerdict[];
  /** Whether this change really produced a customer ticket. */
  expectTicket: boolean;
}

export interface Evaluation {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** Of the changes flagged, the share that really produced tickets (1 when nothing was flagged). */
  precision: number;
  /** Of the changes that produced tickets, the share flagged (1 when none did). */
  recall: number;
  /** Of the harmless changes, the share flagged anyway. */
  falseAlarmRate: number;
  accuracy: number;
}

export function evaluate(cases: EvaluationCase[], threshold = DEFAULT_TICKET_THRESHOLD): Evaluation {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  for (const testCase of cases) {
    const flagged = groupTickets(testCase.verdicts, threshold).length > 0;
    if (flagged && testCase.expectTicket) truePositives++;
    else if (flagged) falsePositives++;
    else if (testCase.expectTicket) falseNegatives++;
    else trueNegatives++;
  }
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives,
    precision: ratio(truePositives, truePositives + falsePositives, 1),
    recall: ratio(truePositives, truePositives + falseNegatives, 1),
    falseAlarmRate: ratio(falsePositives, falsePositives + trueNegatives, 0),
    accuracy: ratio(truePositives + trueNegatives, cases.length, 1),
  };
}

function ratio(numerator: number, denominator: number, whenEmpty: number): number {
  return denominator ? numerator / denominator : whenEmpty;
}
