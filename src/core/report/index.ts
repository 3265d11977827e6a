// Export: the public `cors-lens/report@1` document and header redaction.
export { buildReport } from './build-report';
export type { BuildReportOptions } from './build-report';
export { REDACTED, SECRET_HEADER_NAMES, isSecretHeader, redactHeaders } from './redact-headers';
export { REPORT_SCHEMA_V1 } from './report-types';
export type * from './report-types';
