// How often a page produced tickets before: the share of labelled divergences on a route that were tickets.

export interface RouteLabel {
  route?: string;
  decision: string;
}

/** Below this many labels on a route its rate says more about chance than about the page. */
export const MIN_LABELS_PER_ROUTE = 3;

export function pageTicketRates(labels: RouteLabel[], minLabels = MIN_LABELS_PER_ROUTE): (route: string) => number | undefined {
  const counts = new Map<string, { tickets: number; total: number }>();
  for (const label of labels) {
    if (!label.route) continue;
    const count = counts.get(label.route) ?? { tickets: 0, total: 0 };
    count.total++;
    if (label.decision === 'ticket') count.tickets++;
    counts.set(label.route, count);
  }
  return (route) => {
    const count = counts.get(route);
    return count && count.total >= minLabels ? count.tickets / count.total : undefined;
  };
}
