// The slow-network figure's baseline: the hand-written integration, which calls loadStripe at
// module load and opens the flow from its own button. Ready when Stripe.js has made its instance.
import { loadStripe } from '@stripe/stripe-js/pure';

const stripePromise = loadStripe('pk_test_benchReady');
let stripe = null;
void stripePromise.then((made) => (stripe = made));
const button = document.createElement('button');
button.textContent = 'Reconnect your bank';
button.addEventListener('click', () => void stripe?.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_bench_account_relinked_secret_x' }));
document.body.append(button);
window.bench = { ready: stripePromise.then(() => window.__stripeMade) };
