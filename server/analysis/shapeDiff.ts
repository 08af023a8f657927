// Compares two JSON type skeletons (`{items:[{id:number}]}`) field by field.

export interface ShapeDiff {
  removed: string[];
  added: string[];
  /** Fields whose type changed: `total: number → string`. */
  retyped: string[];
}

export function shapeDiff(baseline: string, candidate: string): ShapeDiff {
  const before = flattenShape(baseline);
  const after = flattenShape(candidate);
  const removed: string[] = [];
  const retyped: string[] = [];
  for (const [path, type] of before) {
    const now = after.get(path);
    if (now === undefined) removed.push(path);
    else if (now !== type) retyped.push(`${path}: ${type} → ${now}`);
  }
  const added = [...after.keys()].filter((path) => !before.has(path));
  // A removed object also removes its children: name only the topmost path.
  return { removed: topmost(removed), added: topmost(added), retyped };
}

/** `{items:[{id:number}]}` -> Map { 'items' => 'array', 'items[].id' => 'number' }. */
export function flattenShape(shape: string): Map<string, string> {
  const fields = new Map<string, string>();
  let position = 0;
  const parseValue = (path: string): string => {
    const char = shape[position];
    if (char === '{') {
      position++;
      while (position < shape.length && shape[position] !== '}') {
        const colon = shape.indexOf(':', position);
        if (colon === -1) break;
        const key = shape.slice(position, colon);
        position = colon + 1;
        const childPath = path ? `${path}.${key}` : key;
        fields.set(childPath, parseValue(childPath));
        if (shape[position] === ',') position++;
      }
      position++;
      return 'object';
    }
    if (char === '[') {
      position++;
      if (shape[position] !== ']') parseValue(`${path}[]`);
      position++;
      return 'array';
    }
    const end = nextDelimiter(shape, position);
    const type = shape.slice(position, end);
    position = end;
    return type;
  };
  parseValue('');
  return fields;
}

function nextDelimiter(shape: string, from: number): number {
  let index = from;
  while (index < shape.length && !',}]'.includes(shape[index])) index++;
  return index;
}

function topmost(paths: string[]): string[] {
  return paths.filter((path) => !paths.some((other) => other !== path && (path.startsWith(`${other}.`) || path.startsWith(`${other}[]`))));
}
