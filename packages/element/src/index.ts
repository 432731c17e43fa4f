import './define.js';

export { FcRelinkElement, type FcRelinkProperties, type FcRelinkPropertyName } from './fc-relink.js';
export * from './events.js';
export { BUILT_IN_LANGUAGES, loadBuiltInStrings, type BuiltInLanguage, type FcRelinkStrings } from './strings.js';
export type { ClientSecretRequest, FcRelinkPreload, FcRelinkState, SetupIntentRequest } from './types.js';
export type { FcRelinkMandateStrings } from './mandate.js';
export type * from '@fc-relink/core';
