// Class renaming for the renamed-classes variant. Pages and client scripts only ever write classes as literal
// class="..." attributes (scripts find elements by id and data-* hooks), so one pattern covers both.
// The lookbehind keeps data-class="..." and similar attributes out.
const CLASS_ATTRIBUTE = /(?<=\s)class="([^"]*)"/g;
const CSS_CLASS_SELECTOR = /\.(-?[A-Za-z_][\w-]*)/g;

export function renameClassesInMarkup(markup: string, rename: (className: string) => string): string {
  return markup.replace(CLASS_ATTRIBUTE, (_match, classes: string) => {
    const renamed = classes.split(/\s+/).filter(Boolean).map(rename).join(' ');
    return `class="${renamed}"`;
  });
}

/** Rewrites class selectors only in rule preludes (text before `{`), never in declarations such as `0.5rem`. */
export function renameClassesInCss(css: string, rename: (className: string) => string): string {
  return css.replace(/([^{}]+)\{/g, (_match, prelude: string) => {
    const renamed = prelude.trimStart().startsWith('@')
      ? prelude
      : prelude.replace(CSS_CLASS_SELECTOR, (_selector, className: string) => `.${rename(className)}`);
    return `${renamed}{`;
  });
}
