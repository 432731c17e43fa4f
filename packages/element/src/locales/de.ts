// German: loaded when an element first speaks it (strings.ts, loadBuiltInStrings).
import type { FcRelinkStrings } from '../strings.js';

export const strings: FcRelinkStrings = {
  trigger: 'Bankverbindung erneuern',
  retry: 'Erneut versuchen',
  loading: 'Wird vorbereitet …',
  open: 'Melden Sie sich im Stripe-Fenster bei Ihrer Bank an.',
  account_relinked: 'Ihr Bankkonto ist wieder verbunden.',
  authorization_relinked: 'Ihre Bank ist wieder verbunden.',
  new_authorization: 'Ihre Bank ist jetzt verbunden.',
  no_account: 'Sie haben sich angemeldet, aber das benötigte Konto wurde nicht ausgewählt.',
  no_authorization: 'Die Anmeldung bei Ihrer Bank wurde nicht abgeschlossen.',
  other: 'Beim Wiederverbinden ist etwas schiefgelaufen.',
  error: 'Die Verbindung lässt sich gerade nicht erneuern.',
  error_retryable: 'Stripe war nicht erreichbar. Bitte versuchen Sie es noch einmal.',
  authorization_retry: 'Ein anderes Konto dieser Bank wählen',
  new_payment_method: 'Andere Zahlungsmethode verwenden',
  hosted: 'Auf der Website von Stripe fortfahren',
  error_hosted: 'Stripe kann auf dieser Seite nicht geöffnet werden. Sie können sich stattdessen auf der Website von Stripe erneut verbinden.',
  fallbacks: 'Weitere Möglichkeiten',
};
