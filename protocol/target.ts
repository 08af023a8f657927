// How a recorded action names the element it acted on. Candidates are ranked best first, in the spirit of
// Playwright's selector generator: test id, role and name, label, placeholder, alt, text, title, stable id,
// input name, short CSS path. Coordinates are the last resort and live in `point`.

export type TargetCandidate =
  | { by: 'testid'; value: string }
  | { by: 'role'; role: string; name: string }
  | { by: 'label'; value: string }
  | { by: 'placeholder'; value: string }
  | { by: 'alt'; value: string }
  | { by: 'title'; value: string }
  | { by: 'text'; value: string }
  | { by: 'css'; value: string };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ActionTarget {
  /** Ranked best first. */
  candidates: TargetCandidate[];
  /** Lower-case tag name of the (retargeted) element, e.g. `button`. */
  tag: string;
  /** Implicit or explicit ARIA role, when it has one. */
  role?: string;
  /** Accessible name, trimmed to 80 characters. */
  name?: string;
  /** Element box in viewport coordinates at the time of the action. */
  rect?: Rect;
  /** Where the pointer was, in viewport coordinates, for pointer actions. */
  point?: { x: number; y: number };
  /** rrweb node id of the element in the page load that recorded it (ids restart on every load). */
  nodeId?: number;
}

/** What a masked value looked like, so replay can type something of the same shape. Never the value itself. */
export interface MaskedShape {
  kind: 'email' | 'number' | 'date' | 'tel' | 'url' | 'password' | 'card' | 'text';
  length: number;
}
