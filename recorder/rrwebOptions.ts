// How rrweb itself records: no mouse trails, user-triggered inputs only, Reprise's mask and block markers.
import type { record } from '@rrweb/record';
import type { RecordedEvent } from '../protocol/rrweb.js';
import { reportError } from './guard.js';
import { BLOCK_CLASS, BLOCK_SELECTOR, MASK_CLASS, RRWEB_MASK_INPUT_TYPES, rrwebMaskInputFn } from './maskPolicy.js';
import { CHECKOUT_EVERY_MS } from './options.js';

type RecordOptions = NonNullable<Parameters<typeof record>[0]>;

export function rrwebOptions(emit: (event: RecordedEvent) => void, maskAllInputs: boolean): RecordOptions {
  return {
    emit: emit as NonNullable<RecordOptions['emit']>,
    checkoutEveryNms: CHECKOUT_EVERY_MS,
    blockClass: BLOCK_CLASS,
    blockSelector: BLOCK_SELECTOR,
    maskTextClass: MASK_CLASS,
    maskTextSelector: '[data-reprise-mask]',
    maskInputOptions: { ...RRWEB_MASK_INPUT_TYPES, select: maskAllInputs },
    maskInputFn: rrwebMaskInputFn(maskAllInputs),
    slimDOMOptions: {
      script: true,
      comment: true,
      headFavicon: true,
      headWhitespace: true,
      headMetaDescKeywords: true,
      headMetaSocial: true,
      headMetaRobots: true,
      headMetaHttpEquiv: true,
      headMetaAuthorship: true,
      headMetaVerification: true,
    },
    sampling: { mousemove: false, scroll: 150, input: 'last' },
    userTriggeredOnInput: true,
    recordAfter: 'DOMContentLoaded',
    errorHandler: (error: unknown) => {
      reportError(error, 'rrweb');
      return true;
    },
  };
}
