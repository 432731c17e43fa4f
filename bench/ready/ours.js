// The slow-network figure's page for <fc-relink>: the element as a page uses it (publishable key,
// idle preload), bundled with code splitting as an app's bundler would. Ready when a click would
// reach Stripe within its own task: the relink code is in and Stripe.js has made its instance.
import '@fc-relink/element';

const element = document.createElement('fc-relink');
element.publishableKey = 'pk_test_benchReady';
document.body.append(element);

/** When Stripe.js made its instance (recorded by the runner's init script), once it has. */
async function stripeMade() {
  while (window.__stripeMade === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
  return window.__stripeMade;
}
window.bench = { ready: Promise.all([element.updateComplete.then(() => performance.now()), stripeMade()]).then((times) => Math.max(...times)) };
