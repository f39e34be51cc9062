import { describe, expect, it } from 'vitest';
import { redact } from '../../src/diagnose/redact.ts';

describe('redact', () => {
  it('masks every IPv4 address consistently', () => {
    const r = redact('The connection to the server 10.0.0.1:6443 was refused\nnode 10.128.130.75 and again 10.0.0.1');
    expect(r.text).toBe('The connection to the server <ip-1>:6443 was refused\nnode <ip-2> and again <ip-1>');
    expect(r.counts.ip).toBe(2);
  });

  it('masks IPv6 addresses but not clock times', () => {
    const r = redact('dial tcp [fd00:10:96::a]:443 at 10:00:01');
    expect(r.text).toBe('dial tcp [<ip-1>]:443 at 10:00:01');
  });

  it('masks host names but keeps cluster-internal and well-known names', () => {
    const r = redact('pull registry.corp.example.com/app:1 failed; lookup kubernetes.default.svc.cluster.local; file /etc/kubernetes/admin.conf');
    expect(r.text).toContain('pull <host-1>/app:1');
    expect(r.text).toContain('kubernetes.default.svc.cluster.local');
    expect(r.text).toContain('/etc/kubernetes/admin.conf');
  });

  it('masks tokens, JWTs and certificate blocks', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJpc3MiOiJrdWJlcm5ldGVzIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
    const r = redact(`Authorization: Bearer abcdef0123456789abcdef\ntoken: ${jwt}\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----`);
    expect(r.text).not.toContain('abcdef0123456789abcdef');
    expect(r.text).not.toContain(jwt);
    expect(r.text).not.toContain('MIIB');
    expect(r.counts.secret).toBe(3);
  });

  it('masks namespaces and pod names in describe output and tables, the same way everywhere', () => {
    const paste = [
      'Name:         order-api-6f9c8d7b5d-4kq2m',
      'Namespace:    shop',
      '  Normal  Scheduled  3m  default-scheduler  Successfully assigned shop/order-api-6f9c8d7b5d-4kq2m to node-7',
      '$ kubectl get pods -A',
      'NAMESPACE   NAME                         READY   STATUS    RESTARTS   AGE',
      'shop        order-api-6f9c8d7b5d-4kq2m   0/1     Pending   0          3m',
      'kube-system coredns-5d78c9869d-2xkqp     1/1     Running   0          9d',
    ].join('\n');
    const r = redact(paste);
    expect(r.text).not.toMatch(/order-api|shop/);
    expect(r.text).toContain('Namespace:    <name-1>');
    expect(r.text).toContain('kube-system');
    expect(r.text.match(/<name-2>/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves text with nothing sensitive unchanged', () => {
    const text = 'Back-off restarting failed container\nExit Code: 137';
    expect(redact(text).text).toBe(text);
  });
});
