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
  /**
   * Character classes of the value, never the characters: `9` a digit, `a` a lower-case letter, `A` an upper-case
   * letter, `*` anything else alphanumeric; punctuation and spaces kept as typed ("12/30" -> "99/99"). Lets replay
   * type a value that passes the same format checks (card expiry, CVC, postcodes). Never sent for passwords.
   */
  pattern?: string;
}

/** The `pattern` of a masked value (see MaskedShape). Shared by the recorder and the tests. */
export function maskPattern(value: string): string {
  return value.replace(/[0-9]/g, '9').replace(/[a-z]/g, 'a').replace(/[A-Z]/g, 'A').replace(/[^\s\p{P}\p{S}9aA]/gu, '*');
}
