import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ id: 'n1', type: 'caseDispatched', title: '新工单 XG20261122000001' });
  const now = 1_795_315_000;

  it('matches an HMAC-SHA256 computed independently over "<timestamp>.<body>"', () => {
    // Known answer: echo -n '1795315000.{"a":1}' | openssl dgst -sha256 -hmac s3cret
    expect(signWebhook('s3cret', now, '{"a":1}')).toBe('sha256=fddcc7ef00868b43107d2be6e9816031718e59e7f9293e2068b6938b60ea173b');
  });

  it('verifies its own signature and refuses a changed body, another secret or a stale timestamp', () => {
    const signature = signWebhook('secret-a', now, body);
    expect(verifyWebhook('secret-a', now, body, signature, now)).toBe(true);
    expect(verifyWebhook('secret-a', now, body.replace('n1', 'n2'), signature, now)).toBe(false);
    expect(verifyWebhook('secret-b', now, body, signature, now)).toBe(false);
    expect(verifyWebhook('secret-a', now, body, signature, now + 301)).toBe(false);
    expect(verifyWebhook('secret-a', now, body, 'sha256=00', now)).toBe(false);
  });
});
