// Words that mark the steps where a product earns or keeps a customer, in any app: no shop-specific ids.
const CONVERSION_WORDS =
  /(^|[^a-z])(log ?in|sign ?in|sign ?up|signup|register|registration|cart|basket|checkout|check out|pay|payment|billing|order|orders|purchase|buy|subscribe|subscription|upgrade|book|booking|reserve|donate)([^a-z]|$)/i;

/** True when any of the texts (URLs, action phrases, element names) mentions a conversion step. */
export function isOnConversionPath(texts: Array<string | undefined>): boolean {
  return texts.some((text) => Boolean(text) && CONVERSION_WORDS.test(text!.replace(/[-_/]/g, ' ')));
}
