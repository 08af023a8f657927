import type { StepOutcome } from '../../../protocol/trajectory.js';
import type { TimelineStep } from '../sessionTimeline.js';
import { describeAction } from '../describeAction.js';
import { KindChips } from './badges.js';

const OUTCOME_ICON: Record<StepOutcome, string> = {
  performed: '✓',
  'target-missing': '✗',
  'not-actionable': '⚠',
  'timed-out': '⏱',
  error: '✗',
  skipped: '–',
};

function Outcome({ side, outcome }: { side: string; outcome?: StepOutcome }) {
  if (!outcome) return <span class="outcome outcome-none" title={`${side}: not reached`}>·</span>;
  return (
    <span class={`outcome outcome-${outcome}`} title={`${side}: ${outcome}`}>
      <span aria-hidden="true">{OUTCOME_ICON[outcome]}</span>
      <span class="visually-hidden">
        {side} {outcome}
      </span>
    </span>
  );
}

interface StepTimelineProps {
  steps: TimelineStep[];
  selected?: number;
  onSelect: (index: number) => void;
}

export function StepTimeline({ steps, selected, onSelect }: StepTimelineProps) {
  return (
    <ol class="timeline" aria-label="Steps">
      {steps.map((step) => (
        <li key={step.index}>
          <button
            type="button"
            class={`timeline-step${step.divergences.length && !step.onlyNoise ? ' has-divergence' : ''}${step.onlyNoise ? ' is-noise' : ''}`}
            aria-current={selected === step.index ? 'step' : undefined}
            onClick={() => onSelect(step.index)}
          >
            <span class="step-index">{step.index + 1}</span>
            <span class="step-text">
              <span class="step-action">{describeAction(step.action)}</span>
              <KindChips divergences={step.divergences} />
            </span>
            <span class="step-outcomes">
              <Outcome side="Baseline" outcome={step.baseline?.outcome} />
              <Outcome side="Candidate" outcome={step.candidate?.outcome} />
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
