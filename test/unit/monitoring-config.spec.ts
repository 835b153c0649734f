import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { HotlineMetrics } from '@hotline/metrics';

const DIR = join(__dirname, '..', '..', 'docs', 'monitoring');
const read = (file: string): unknown => parse(readFileSync(join(DIR, file), 'utf8'));

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string };
}

/** Every metric the processes expose, with its label names (prom-client keeps them on each metric). */
function exposed(): Map<string, string[]> {
  const metrics = new HotlineMetrics();
  const names = new Map<string, string[]>();
  for (const metric of metrics.registry.getMetricsAsArray()) {
    const { name, labelNames = [] } = metric as unknown as { name: string; labelNames?: string[] };
    const type = (metric as unknown as { type?: string }).type;
    const suffixes = type === 'histogram' ? ['_bucket', '_count', '_sum'] : [''];
    for (const suffix of suffixes) names.set(`${name}${suffix}`, suffix === '_bucket' ? [...labelNames, 'le'] : labelNames);
  }
  return names;
}

/** The sample Prometheus files of docs/monitoring.md: valid YAML, and naming only metrics and labels we expose. */
describe('docs/monitoring', () => {
  const rules = (read('hotline-alerts.yml') as { groups: { name: string; rules: Rule[] }[] }).groups.flatMap((g) => g.rules);

  it('scrapes /metrics of the API and the worker with the bearer token, and loads the alert rules', () => {
    const config = read('prometheus.yml') as {
      rule_files: string[];
      scrape_configs: { job_name: string; metrics_path: string; authorization: { type: string; credentials_file: string } }[];
    };
    expect(config.rule_files).toEqual(['hotline-alerts.yml']);
    expect(config.scrape_configs.map((c) => c.job_name)).toEqual(['hotline-api', 'hotline-worker']);
    for (const job of config.scrape_configs) {
      expect(job.metrics_path).toBe('/metrics');
      expect(job.authorization.type).toBe('Bearer');
    }
  });

  it('has the alerts operations asked for, each complete', () => {
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'HotlineDispatchLagHigh',
        'HotlineOutboxBacklog',
        'HotlineSlaBreachesPerHour',
        'HotlineJobsFailed',
      ]),
    );
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.expr).toEqual(expect.any(String));
      expect(['page', 'warn', 'info']).toContain(rule.labels.severity);
      expect(rule.annotations.summary.length).toBeGreaterThan(10);
      if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smh]$/);
    }
  });

  it('names only metrics the processes expose, with their own labels', () => {
    const names = exposed();
    const problems: string[] = [];
    for (const rule of rules) {
      for (const [, name, selector] of rule.expr.matchAll(/\b(hotline_[a-z_]+)(\{[^}]*\})?/g)) {
        const labels = names.get(name);
        if (!labels) {
          problems.push(`${rule.alert}: no metric ${name}`);
          continue;
        }
        for (const [, label] of (selector ?? '').matchAll(/([a-z_]+)\s*(?:=~|!=|!~|=)/g))
          if (!labels.includes(label)) problems.push(`${rule.alert}: ${name} has no label ${label}`);
      }
      for (const [, label] of rule.expr.matchAll(/\bby \(([^)]*)\)/g))
        for (const name of label.split(',').map((l) => l.trim()))
          if (![...names.values()].some((l) => l.includes(name))) problems.push(`${rule.alert}: no metric has the label ${name}`);
    }
    expect(problems).toEqual([]);
  });
});
