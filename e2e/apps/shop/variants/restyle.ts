import type { ShopVariantDefinition } from './shopVariantPatch.js';

// The design refresh: only the theme variables change, so layout, text and behaviour stay the same.
export const restyle = {
  name: 'restyle',
  kind: 'benign',
  description: 'A visual refresh: new colours, spacing and font sizes. Same markup and behaviour.',
  patch: {
    css: `
:root {
  --color-accent: #0f766e;
  --color-accent-contrast: #f0fdfa;
  --color-surface: #f8fafc;
  --color-card: #ffffff;
  --color-text: #0f172a;
  --color-muted: #475569;
  --space: 1.25rem;
  --radius: 14px;
  --font-size-base: 17px;
  --font-size-heading: 2.1rem;
}
`,
  },
} as const satisfies ShopVariantDefinition;
