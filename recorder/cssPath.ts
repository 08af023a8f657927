// Last-resort CSS selectors: a stable `#id`, `tag[name="x"]`, or a short nth-of-type path.

const MAX_PATH_DEPTH = 5;

/** Ids produced by frameworks (React useId `:r1:`, `ember123`, hashes) change between builds and runs. */
export function looksGenerated(id: string): boolean {
  const digits = id.replace(/\D/g, '').length;
  return (
    id.length > 40 ||
    /^:|:$/.test(id) ||
    /\d{4,}/.test(id) ||
    /[0-9a-f]{8,}/i.test(id) && digits > 1 ||
    digits / id.length > 0.3
  );
}

export function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/[^\w-]/g, '\\$&');
}

export function stableIdSelector(el: Element): string | undefined {
  return el.id && !looksGenerated(el.id) ? `#${cssEscape(el.id)}` : undefined;
}

export function nameSelector(el: Element): string | undefined {
  const name = el.getAttribute('name');
  if (!name || !/^(input|select|textarea|button)$/.test(el.localName)) return undefined;
  return `${el.localName}[name="${name.replace(/["\\]/g, '\\$&')}"]`;
}

function step(el: Element): string {
  const parent = el.parentElement;
  if (!parent) return el.localName;
  let index = 0;
  let count = 0;
  for (const sibling of Array.from(parent.children)) {
    if (sibling.localName !== el.localName) continue;
    count++;
    if (sibling === el) index = count;
  }
  return count > 1 ? `${el.localName}:nth-of-type(${index})` : el.localName;
}

/** Walks up until an ancestor with a stable id, `body`, or the depth limit; unique by construction with nth-of-type. */
export function cssPath(el: Element): string {
  const steps: string[] = [];
  let current: Element | null = el;
  while (current && current.localName !== 'body' && current.localName !== 'html' && steps.length < MAX_PATH_DEPTH) {
    const id = current !== el ? stableIdSelector(current) : undefined;
    if (id) {
      steps.unshift(id);
      return steps.join(' > ');
    }
    steps.unshift(step(current));
    current = current.parentElement;
  }
  if (current && current.localName === 'body') steps.unshift('body');
  return steps.join(' > ');
}
