/** One sample of a Prometheus text exposition: `name{label="value",…} value`. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A scrape, parsed: every sample, and each metric family's declared TYPE. */
export interface PrometheusScrape {
  samples: PrometheusSample[];
  types: Map<string, string>;
  /** The value of the one sample with this name whose labels include `labels`; 0 when there is none. */
  value(name: string, labels?: Record<string, string>): number;
  /** Every sample with this name. */
  all(name: string): PrometheusSample[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * A sample's value as Prometheus reads it (Go's ParseFloat): a decimal, or NaN and ±Inf in any case
 * (prom-client writes an empty summary's NaN as `Nan`).
 */
function sampleValue(text: string): number | undefined {
  if (/^nan$/i.test(text)) return NaN;
  if (/^[+]?inf(inity)?$/i.test(text)) return Infinity;
  if (/^-inf(inity)?$/i.test(text)) return -Infinity;
  const value = Number(text);
  return text.trim() !== '' && !Number.isNaN(value) ? value : undefined;
}

/**
 * Parses Prometheus's text format (version 0.0.4) strictly enough for tests: a line that is neither a
 * comment nor a well-formed sample is an error, so a broken exposition fails the test that reads it.
 */
export function parsePrometheusText(text: string): PrometheusScrape {
  const samples: PrometheusSample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
      if (type) types.set(type[1], type[2]);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(LABEL)) {
      labels[key] = raw.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    }
    const value = sampleValue(match[3]);
    if (value === undefined) throw new Error(`not a sample value: ${line}`);
    samples.push({ name: match[1], labels, value });
  }
  const matches = (sample: PrometheusSample, labels: Record<string, string>) =>
    Object.entries(labels).every(([key, value]) => sample.labels[key] === value);
  return {
    samples,
    types,
    all: (name) => samples.filter((s) => s.name === name),
    value: (name, labels = {}) => {
      const found = samples.filter((s) => s.name === name && matches(s, labels));
      if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
      return found[0]?.value ?? 0;
    },
  };
}
