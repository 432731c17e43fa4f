// Japanese: loaded when an element first speaks it (strings.ts, loadBuiltInStrings).
import type { FcRelinkStrings } from '../strings.js';

export const strings: FcRelinkStrings = {
  trigger: '銀行口座を再接続',
  retry: 'もう一度試す',
  loading: '準備しています…',
  open: 'Stripe の画面で銀行にログインしてください。',
  account_relinked: '銀行口座を再接続しました。',
  authorization_relinked: '銀行を再接続しました。',
  new_authorization: '銀行に接続しました。',
  no_account: 'ログインは完了しましたが、必要な口座が選択されませんでした。',
  no_authorization: '銀行へのログインが完了しませんでした。',
  other: '再接続中に問題が発生しました。',
  error: '現在、再接続をご利用いただけません。',
  error_retryable: 'Stripe に接続できませんでした。もう一度お試しください。',
  authorization_retry: 'この銀行の別の口座を選ぶ',
  new_payment_method: '別の支払い方法を使う',
  hosted: 'Stripe のサイトで続ける',
  error_hosted: 'このページでは Stripe を開けません。代わりに Stripe のサイトで再接続できます。',
  fallbacks: 'ほかの方法',
};
