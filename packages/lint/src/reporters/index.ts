// createReporter(format, options): the streaming reporters shared by `selfhelp lint` and `selfhelp links`.
import { ConfigError } from '../errors.js';
import { createGithubReporter } from './github.js';
import { createJsonReporter } from './json.js';
import { createJunitReporter } from './junit.js';
import { createSarifReporter } from './sarif.js';
import { createStylishReporter } from './stylish.js';
import { REPORT_FORMATS, type ReportFormat, type Reporter, type ReporterOptions } from './types.js';

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export function createReporter(format: ReportFormat, options: ReporterOptions = {}): Reporter {
  switch (format) {
    case 'stylish':
      return createStylishReporter(options);
    case 'json':
      return createJsonReporter();
    case 'sarif':
      return createSarifReporter(options);
    case 'github':
      return createGithubReporter(options);
    case 'junit':
      return createJunitReporter(options);
    default:
      throw new ConfigError(`unknown format "${String(format)}"; expected one of ${REPORT_FORMATS.join(', ')}`);
  }
}

export { REPORT_FORMATS, summarizeResults, type ReportFormat, type Reporter, type ReporterOptions, type RunSummary } from './types.js';
