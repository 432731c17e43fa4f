// The ports of the playgrounds playwright.config.ts serves, for the config and the tests.

/** The playground without Stripe keys: fake sessions (every test's default baseURL). */
export const FAKE_PLAYGROUND_PORT = 4319;
/** The playground with test keys, its `stripe` SDK pointed at the stand-in (stripe-api.ts). */
export const STRIPE_PLAYGROUND_PORT = 4320;
export const STRIPE_PLAYGROUND_URL = `http://127.0.0.1:${STRIPE_PLAYGROUND_PORT}`;
