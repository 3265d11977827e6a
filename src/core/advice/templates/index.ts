/** One plain-words template per Chromium CorsError (reference §7); the Record type keeps it exhaustive. */
import type { CorsErrorName } from '../../types';
import { ALLOW_ORIGIN_TEMPLATES } from './allow-origin';
import type { ErrorTemplate } from './context';
import { PREFLIGHT_TEMPLATES } from './preflight';
import { REQUEST_LEVEL_TEMPLATES, legacyTemplate, type LegacyError } from './request-level';

const LEGACY: Record<LegacyError, ErrorTemplate> = {
  InsecurePrivateNetwork: legacyTemplate('InsecurePrivateNetwork'),
  InvalidPrivateNetworkAccess: legacyTemplate('InvalidPrivateNetworkAccess'),
  UnexpectedPrivateNetworkAccess: legacyTemplate('UnexpectedPrivateNetworkAccess'),
  PreflightMissingAllowPrivateNetwork: legacyTemplate('PreflightMissingAllowPrivateNetwork'),
  PreflightInvalidAllowPrivateNetwork: legacyTemplate('PreflightInvalidAllowPrivateNetwork'),
  PreflightMissingAllowExternal: legacyTemplate('PreflightMissingAllowExternal'),
  PreflightInvalidAllowExternal: legacyTemplate('PreflightInvalidAllowExternal'),
};

export const ERROR_TEMPLATES: Record<CorsErrorName, ErrorTemplate> = {
  ...ALLOW_ORIGIN_TEMPLATES,
  ...PREFLIGHT_TEMPLATES,
  ...REQUEST_LEVEL_TEMPLATES,
  ...LEGACY,
};

export { templateContext, type TemplateContext, type ErrorTemplate } from './context';
export { allowedText, notCorsText, networkErrorText } from './outcome';
export { rootCauseLead, rootCauseTitle } from './root-cause';
export { adviceFindings } from './findings';
