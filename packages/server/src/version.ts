// One definition, in @fc-relink/core (SPEC section 12): the version every relink request names.
export { RELINK_API_VERSION } from '@fc-relink/core/interpret';
