// What the browser refused the plugin (a CSP violation: a fetch to an
// origin it was not granted, a frame, a script from elsewhere), reported to
// the host as "refused" so the user sees it. Best effort: each distinct
// refusal once, and at most MAX in all (a plugin cannot flood the host).
import type { FrameMessage } from '../features/plugins/sandbox/protocol';

const MAX = 50;

export function describeViolation(e: Pick<SecurityPolicyViolationEvent, 'effectiveDirective' | 'blockedURI'>): string {
  const what = e.blockedURI || 'inline';
  return `${e.effectiveDirective || 'content'}: ${what}`;
}

export function reportRefusals(doc: Document, send: (m: FrameMessage) => void): () => void {
  const seen = new Set<string>();
  const onViolation = (e: SecurityPolicyViolationEvent) => {
    const what = describeViolation(e);
    if (seen.has(what) || seen.size >= MAX) return;
    seen.add(what);
    send({ type: 'refused', what });
  };
  doc.addEventListener('securitypolicyviolation', onViolation);
  return () => doc.removeEventListener('securitypolicyviolation', onViolation);
}
