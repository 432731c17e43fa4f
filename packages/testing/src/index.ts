/**
 * `@fc-relink/testing`: a fake of the part of Stripe.js that relinking uses, playing every
 * Financial Connections relink outcome on demand. For unit tests (`createFakeStripe`), pages
 * and end-to-end tests (`fakeStripeScript`, and `routeFakeStripe` from
 * `@fc-relink/testing/playwright`), and demos (`ui: true`).
 *
 * @packageDocumentation
 */
export {
  FAKE_IDS,
  FAKE_SCENARIOS,
  fakeClientSecret,
  scenarioFromSecret,
  scenarioMode,
  type FakeScenario,
} from './scenarios.js';
export {
  createFakeStripe,
  type FakeSetupCall,
  type FakeStripe,
  type FakeStripeCall,
  type FakeStripeFault,
  type FakeStripeOptions,
} from './fake-stripe.js';
export {
  FAKE_PAYMENT_METHOD,
  FAKE_SETUP_SCENARIOS,
  fakeSetupIntentSecret,
  setupScenarioFromSecret,
  type FakeSetupScenario,
} from './setup-intents.js';
export {
  fakeStripeScript,
  fakeStripeScriptFor,
  type FakeStripeConstruction,
  type FakeStripeConstructor,
  type FakeStripeScriptOptions,
} from './script.js';
export {
  fakeHostedCompletion,
  fakeHostedEndings,
  fakeHostedRelinkPage,
  type FakeHostedCompletion,
  type FakeHostedEnding,
  type FakeHostedPageOptions,
} from './hosted.js';
