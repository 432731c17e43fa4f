import { expect } from '@open-wc/testing';
import { checkHostedRelinkUrl, MAX_HOSTED_URL_LENGTH } from '@fc-relink/core';

describe('checkHostedRelinkUrl', () => {
  const followed: Array<[string, string]> = [
    ['https://connect.stripe.com/fc/hosted/fcsess_1Nabc', 'https://connect.stripe.com/fc/hosted/fcsess_1Nabc'],
    ['  https://CONNECT.Stripe.com/x?y=1#z  ', 'https://connect.stripe.com/x?y=1#z'],
    ['https://stripe.com/relink', 'https://stripe.com/relink'],
    ['https://a.b.stripe.com/', 'https://a.b.stripe.com/'],
  ];
  for (const [given, href] of followed) {
    it(`follows ${given.trim()}`, () => expect(checkHostedRelinkUrl(given)).to.equal(href));
  }

  const refused: unknown[] = [
    'http://connect.stripe.com/x',
    'https://connect.stripe.com.example.com/x',
    'https://evilstripe.com/x',
    'https://example.com/?next=https://connect.stripe.com/',
    'https://user:pass@connect.stripe.com/x',
    'https://connect.stripe.com:8443/x',
    'javascript:alert(1)//.stripe.com',
    'data:text/html,<p>stripe.com</p>',
    '//connect.stripe.com/x',
    '/relink',
    '',
    `https://connect.stripe.com/${'a'.repeat(MAX_HOSTED_URL_LENGTH)}`,
    null,
    undefined,
    42,
    { url: 'https://connect.stripe.com/x' },
    new URL('https://connect.stripe.com/x'),
  ];
  for (const given of refused) {
    it(`refuses ${typeof given === 'string' ? JSON.stringify(given.slice(0, 60)) : String(given)}`, () => {
      const answer = checkHostedRelinkUrl(given);
      expect(answer).to.deep.include({ type: 'error', code: 'invalid_hosted_url', retryable: false, fallbacks: [] });
    });
  }

  it('never repeats the URL it refuses (Stripe-like URLs may carry a token)', () => {
    const answer = checkHostedRelinkUrl('https://example.com/fc?token=tok_private_123');
    expect(JSON.stringify(answer)).not.to.contain('tok_private_123');
    expect(JSON.stringify(answer)).not.to.contain('example.com');
  });
});
