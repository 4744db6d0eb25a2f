// URL helpers for the offline link rules: pure functions, no network, cheap to import.
// The HTTP checker lives in ./checker/ and is loaded only on demand via `loadChecker()`.
export { splitHref, hostIs, hostInList, safeDecode, type HrefParts } from './href.js';
export {
  MICROSOFT_DOC_HOSTS,
  REVIEW_HOSTS,
  SHORTENER_HOSTS,
  HTTPS_HOSTS,
  isMicrosoftDocHost,
  isReviewHost,
  isShortener,
  isKnownHttpsHost,
  learnHostFor,
} from './hosts.js';
export { isLocaleSegment, findLocaleSegment, withoutLocale, type LocaleSegment } from './locale.js';
export {
  CLOUD_NAMES,
  CLOUD_DOC_HOST,
  parseCloudList,
  isMooncakeOnly,
  cloudOfHref,
  mooncakeCounterpart,
  type CloudName,
  type CloudHost,
} from './clouds.js';
export { platformsInText, platformOfHref, platformMismatch, PLATFORM_LABEL, type Platform } from './platform.js';
export { BLADE_SCHEMES, parseBladeHref, type BladeScheme, type BladeTarget, type BladeProblem } from './blade.js';
export { KNOWN_SCHEMES, schemeOf, editDistance, suggestScheme } from './schemes.js';
export { classifyAddress, type AddressClass } from './checker/address-policy.js';
export type * from './checker/types.js';

/** Loads the HTTP checker (undici and friends) only when it is needed. */
export function loadChecker(): Promise<typeof import('./checker/index.js')> {
  return import('./checker/index.js');
}
