import { fileURLToPath } from 'node:url';

// Where the servers of an e2e run listen, for playwright.config.ts, global-setup.ts and the tests.

/** The library's fixture pages (fixtures/), built and served by `vite preview`. */
export const FIXTURES_PORT = 4318;
export const FIXTURES_URL = `http://127.0.0.1:${FIXTURES_PORT}`;
/** The playground without Stripe keys: fake sessions. */
export const FAKE_PLAYGROUND_PORT = 4319;
export const FAKE_PLAYGROUND_URL = `http://127.0.0.1:${FAKE_PLAYGROUND_PORT}`;
/** The playground with test keys, its `stripe` SDK pointed at the stand-in for api.stripe.com. */
export const STRIPE_PLAYGROUND_PORT = 4320;
export const STRIPE_PLAYGROUND_URL = `http://127.0.0.1:${STRIPE_PLAYGROUND_PORT}`;
/** The stand-in for api.stripe.com (test-support/stripe-api.ts), started by global-setup.ts. */
export const STAND_IN_PORT = 4321;
export const STAND_IN_URL = `http://127.0.0.1:${STAND_IN_PORT}`;
/** The Next.js example (examples/nextjs), built by `next build` and served by `next start`. */
export const NEXTJS_PORT = 4322;
export const NEXTJS_URL = `http://127.0.0.1:${NEXTJS_PORT}`;

/** Where each row of the fault matrix (tests/library/faults.spec.ts) writes its result, for global-setup.ts to print. */
export const FAULT_MATRIX_DIR = fileURLToPath(new URL('../.reports/fault-matrix/', import.meta.url));
