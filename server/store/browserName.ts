// A short browser label ("Chrome 156") from a user agent string, for the session list.
const PATTERNS: [label: string, pattern: RegExp][] = [
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /OPR\/(\d+)/],
  ['Samsung Internet', /SamsungBrowser\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/],
  ['Safari', /Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//],
];

export function browserName(userAgent: string): string | undefined {
  for (const [label, pattern] of PATTERNS) {
    const match = pattern.exec(userAgent);
    if (match) return `${label} ${match[1]}`;
  }
  return undefined;
}
