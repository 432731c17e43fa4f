/**
 * The Stripe API version of every relink request: the newest preview that Stripe's own beta SDK
 * pins (stripe 22.7.0-beta.1 pins `2026-08-26.preview`). It renders all that fc-relink reads:
 * `relink_options` and `relink_result` on sessions, hosted sessions, Authorizations,
 * `status_details.inactive` (preview versions only) and `status_details.active` (2026-06-24 on:
 * at an earlier version an account that Stripe expects to deactivate looks merely active).
 *
 * One definition: `@fc-relink/server` re-exports this constant.
 */
export const RELINK_API_VERSION = '2026-08-26.preview';
