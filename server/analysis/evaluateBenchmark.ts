// Scores a labelled benchmark: one run per variant of an app, each variant known to be a regression (must be
// caught) or harmless (no session may be predicted as a ticket). Sessions are scored too, for calibration.
import type { RunReport } from '../../protocol/index.js';
import type { Calibration } from './types.js';
import { reliability } from './reliability.js';

export interface BenchmarkCase {
  app: string;
  variant: string;
  kind: 'baseline' | 'regression' | 'benign';
  /** For a regression: the divergence kind that shows it; a session showing it is an affected session. */
  expectedDivergence?: string;
}

export interface BenchmarkRun {
  benchmarkCase: BenchmarkCase;
  report: Pick<RunReport, 'sessions' | 'tickets'>;
}

export interface CaseOutcome {
  app: string;
  variant: string;
  kind: BenchmarkCase['kind'];
  sessions: number;
  sessionsInTickets: number;
  tickets: number;
  topProbability: number;
  /** Regression: flagged with the expected kind. Harmless: no predicted ticket. */
  passed: boolean;
}

export interface BenchmarkEvaluation {
  cases: CaseOutcome[];
  /** Runs: of the runs with a predicted ticket, the share that were regressions (1 when none was flagged). */
  precision: number;
  /** Runs: of the regressions, the share caught (1 when there were none). */
  recall: number;
  /** Sessions of baseline and benign runs that ended up in a predicted ticket, over all their sessions. */
  sessionFalseAlarmRate: number;
  /** Per session: predicted probability against "this session shows the regression". */
  calibration: Calibration;
  /** Every regression caught and no session of a harmless run in a ticket. */
  goalMet: boolean;
}

export function evaluateBenchmark(runs: BenchmarkRun[]): BenchmarkEvaluation {
  const cases: CaseOutcome[] = [];
  const scored: { probability: number; outcome: 0 | 1 }[] = [];
  let harmlessSessions = 0;
  let harmlessAlarms = 0;
  for (const { benchmarkCase, report } of runs) {
    const inTickets = new Set(report.tickets.flatMap((ticket) => ticket.sessionIds));
    const isRegression = benchmarkCase.kind === 'regression';
    const showsExpected = (kinds: string[]) => !benchmarkCase.expectedDivergence || kinds.includes(benchmarkCase.expectedDivergence);
    for (const session of report.sessions) {
      if (session.status === 'error') continue;
      const kinds = session.divergences.filter((divergence) => !divergence.noise).map((divergence) => divergence.kind);
      scored.push({ probability: session.ticketProbability, outcome: isRegression && kinds.length > 0 && showsExpected(kinds) ? 1 : 0 });
      if (!isRegression) {
        harmlessSessions++;
        if (inTickets.has(session.id)) harmlessAlarms++;
      }
    }
    const flaggedKinds = report.sessions
      .filter((session) => inTickets.has(session.id))
      .flatMap((session) => session.divergences.filter((divergence) => !divergence.noise).map((divergence) => divergence.kind));
    const flagged = report.tickets.length > 0;
    cases.push({
      app: benchmarkCase.app,
      variant: benchmarkCase.variant,
      kind: benchmarkCase.kind,
      sessions: report.sessions.length,
      sessionsInTickets: inTickets.size,
      tickets: report.tickets.length,
      topProbability: Math.max(0, ...report.sessions.map((session) => session.ticketProbability)),
      passed: isRegression ? flagged && showsExpected(flaggedKinds) : !flagged,
    });
  }
  const regressions = cases.filter((outcome) => outcome.kind === 'regression');
  const flaggedRuns = cases.filter((outcome) => outcome.tickets > 0);
  const caught = regressions.filter((outcome) => outcome.passed).length;
  const precision = flaggedRuns.length ? flaggedRuns.filter((outcome) => outcome.kind === 'regression').length / flaggedRuns.length : 1;
  const recall = regressions.length ? caught / regressions.length : 1;
  return {
    cases,
    precision,
    recall,
    sessionFalseAlarmRate: harmlessSessions ? harmlessAlarms / harmlessSessions : 0,
    calibration: reliability(scored),
    goalMet: recall === 1 && harmlessAlarms === 0,
  };
}

/** Markdown: one row per run, then the totals and the reliability bins. */
export function formatBenchmarkEvaluation(evaluation: BenchmarkEvaluation): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    '| app | variant | kind | sessions | in tickets | tickets | top probability | result |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...evaluation.cases.map((outcome) =>
      `| ${outcome.app} | ${outcome.variant} | ${outcome.kind} | ${outcome.sessions} | ${outcome.sessionsInTickets} | ${outcome.tickets} | ${outcome.topProbability.toFixed(3)} | ${outcome.passed ? 'pass' : 'FAIL'} |`),
    '',
    '| metric | value |',
    '| --- | ---: |',
    `| precision (runs) | ${percent(evaluation.precision)} |`,
    `| recall (runs) | ${percent(evaluation.recall)} |`,
    `| false-alarm rate (sessions of harmless runs) | ${percent(evaluation.sessionFalseAlarmRate)} |`,
    `| Brier score (sessions) | ${evaluation.calibration.brierScore.toFixed(4)} |`,
    `| goal (recall 1, no false alarm) | ${evaluation.goalMet ? 'met' : 'NOT met'} |`,
    '',
    '| predicted | sessions | mean predicted | observed rate |',
    '| --- | ---: | ---: | ---: |',
    ...evaluation.calibration.bins.map((bin) => `| ${bin.lower.toFixed(1)}–${bin.upper.toFixed(1)} | ${bin.count} | ${bin.count ? bin.meanPredicted.toFixed(3) : '–'} | ${bin.count ? bin.observedRate.toFixed(3) : '–'} |`),
  ];
  return lines.join('\n');
}
