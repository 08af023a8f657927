// A small subset of ARIA role and accessible-name computation: enough for the elements users act on, cheap
// enough to run on every click. The replayer resolves with the full algorithm (dom-accessibility-api).

const MAX_NAME_CHARS = 80;

const INPUT_ROLES: Record<string, string> = {
  button: 'button', submit: 'button', reset: 'button', image: 'button',
  checkbox: 'checkbox', radio: 'radio', search: 'searchbox', range: 'slider', number: 'spinbutton',
  text: 'textbox', email: 'textbox', tel: 'textbox', url: 'textbox', password: 'textbox',
};

export function collapse(text: string | null | undefined): string {
  return (text || '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_CHARS);
}

export function ariaRole(el: Element): string | undefined {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.trim().split(/\s+/)[0];
  const tag = el.localName;
  if (tag === 'button' || tag === 'summary') return 'button';
  if ((tag === 'a' || tag === 'area') && el.hasAttribute('href')) return 'link';
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'textarea') return 'textbox';
  if (tag === 'img') return el.getAttribute('alt') === '' ? 'presentation' : 'img';
  if (tag === 'select') {
    const select = el as HTMLSelectElement;
    return select.multiple || select.size > 1 ? 'listbox' : 'combobox';
  }
  if (tag === 'input') {
    const input = el as HTMLInputElement;
    if (input.hasAttribute('list') && /^(text|search|email|tel|url)$/.test(input.type)) return 'combobox';
    return INPUT_ROLES[input.type];
  }
  if (tag === 'option') return 'option';
  if (tag === 'form' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))) return 'form';
  return undefined;
}

/** Text of aria-labelledby targets, aria-label, or the element's <label>s. */
export function labelText(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => el.ownerDocument.getElementById(id)?.textContent || '')
      .join(' ');
    if (collapse(text)) return collapse(text);
  }
  const ariaLabel = collapse(el.getAttribute('aria-label'));
  if (ariaLabel) return ariaLabel;
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length) return collapse(Array.from(labels, (label) => label.textContent).join(' '));
  return '';
}

const NAME_FROM_CONTENT = /^(button|link|heading|tab|menuitem|option|checkbox|radio|switch|cell|columnheader|treeitem|menuitemcheckbox|menuitemradio|tooltip|gridcell|rowheader)$/;

export function accessibleName(el: Element, role: string | undefined): string {
  const labelled = labelText(el);
  if (labelled) return labelled;
  if (el.localName === 'input') {
    const input = el as HTMLInputElement;
    if (/^(submit|reset|button)$/.test(input.type)) return collapse(input.value || (input.type === 'submit' ? 'Submit' : ''));
    if (input.type === 'image') return collapse(input.alt);
  }
  if (el.localName === 'img') return collapse(el.getAttribute('alt'));
  if (role && NAME_FROM_CONTENT.test(role)) {
    const text = collapse(el.textContent);
    if (text) return text;
    const img = el.querySelector('img[alt]');
    if (img) return collapse(img.getAttribute('alt'));
  }
  return collapse(el.getAttribute('title') || (role === 'textbox' || role === 'searchbox' ? el.getAttribute('placeholder') : ''));
}
