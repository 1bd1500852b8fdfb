// Accessibility checks for the end-to-end tests: axe-core on the page as it is.
import AxeBuilder from '@axe-core/playwright';

/** Runs axe on the page (or a part of it) and returns the serious and critical violations, readable. */
export async function seriousViolations(page, { include } = {}) {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`);
}
