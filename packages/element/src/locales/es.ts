// Spanish (US customers' second language): loaded when an element first speaks it (strings.ts,
// loadBuiltInStrings). Written for the United States: "usted", and the words US banks use.
import type { FcRelinkStrings } from '../strings.js';

export const strings: FcRelinkStrings = {
  trigger: 'Volver a conectar su banco',
  retry: 'Intentar de nuevo',
  loading: 'Preparando…',
  open: 'Continúe en la ventana de Stripe para iniciar sesión en su banco.',
  account_relinked: 'Su cuenta bancaria está conectada de nuevo.',
  authorization_relinked: 'Su banco está conectado de nuevo.',
  new_authorization: 'Su banco está conectado.',
  no_account: 'Inició sesión, pero no se eligió la cuenta que necesitábamos.',
  no_authorization: 'No terminó de iniciar sesión en su banco.',
  other: 'Algo salió mal al volver a conectar.',
  error: 'En este momento no es posible volver a conectar su banco.',
  error_retryable: 'No pudimos comunicarnos con Stripe. Inténtelo de nuevo.',
  authorization_retry: 'Usar cualquier cuenta de este banco',
  new_payment_method: 'Usar otro método de pago',
  hosted: 'Continuar en el sitio de Stripe',
  error_hosted: 'Stripe no puede abrirse en esta página. Puede volver a conectar su banco en el sitio de Stripe.',
  fallbacks: 'Otras formas de continuar',
};
