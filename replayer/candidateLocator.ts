import type { Locator, Page } from 'playwright-core';
import type { TargetCandidate } from '../protocol/index.js';

type AriaRole = Parameters<Page['getByRole']>[0];

/** The Playwright locator a target candidate stands for. Test ids use the attribute set with `selectors.setTestIdAttribute` (default `data-testid`). */
export function candidateLocator(page: Page, candidate: TargetCandidate): Locator {
  switch (candidate.by) {
    case 'testid':
      return page.getByTestId(candidate.value);
    case 'role':
      return page.getByRole(candidate.role as AriaRole, { name: candidate.name, exact: true });
    case 'label':
      return page.getByLabel(candidate.value, { exact: true });
    case 'placeholder':
      return page.getByPlaceholder(candidate.value, { exact: true });
    case 'alt':
      return page.getByAltText(candidate.value, { exact: true });
    case 'title':
      return page.getByTitle(candidate.value, { exact: true });
    case 'text':
      return page.getByText(candidate.value, { exact: true });
    case 'css':
      return page.locator(candidate.value);
  }
}

/** `role button "Place order"`, `css "#email"`: how call logs and reports name a candidate. */
export function describeCandidate(candidate: TargetCandidate): string {
  return candidate.by === 'role' ? `role ${candidate.role} ${JSON.stringify(candidate.name)}` : `${candidate.by} ${JSON.stringify(candidate.value)}`;
}
