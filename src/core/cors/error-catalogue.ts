/**
 * Facts about each CorsError (reference §7, §8): its preflight twin, what Firefox calls the same
 * failure, and which response header the server has to fix.
 */
import type { CorsErrorName, FirefoxReason } from '../types';
import type { AccessFailure } from './access-check';
import { ACAC, ACAH, ACAM, ACAO } from './header-index';

type AccessError = AccessFailure['error'];

const PREFLIGHT_TWIN: Readonly<Record<AccessError, CorsErrorName>> = {
  WildcardOriginNotAllowed: 'PreflightWildcardOriginNotAllowed',
  MissingAllowOriginHeader: 'PreflightMissingAllowOriginHeader',
  MultipleAllowOriginValues: 'PreflightMultipleAllowOriginValues',
  InvalidAllowOriginValue: 'PreflightInvalidAllowOriginValue',
  AllowOriginMismatch: 'PreflightAllowOriginMismatch',
  InvalidAllowCredentials: 'PreflightInvalidAllowCredentials',
};

/** Chromium's CheckPreflightAccess reports ACAO/ACAC failures of a preflight under these names. */
export function preflightTwin(error: AccessError): CorsErrorName {
  return PREFLIGHT_TWIN[error];
}

const FIREFOX_REASON: Partial<Record<CorsErrorName, FirefoxReason>> = {
  MissingAllowOriginHeader: 'CORSMissingAllowOrigin',
  PreflightMissingAllowOriginHeader: 'CORSMissingAllowOrigin',
  WildcardOriginNotAllowed: 'CORSNotSupportingCredentials',
  PreflightWildcardOriginNotAllowed: 'CORSNotSupportingCredentials',
  InvalidAllowCredentials: 'CORSMissingAllowCredentials',
  PreflightInvalidAllowCredentials: 'CORSMissingAllowCredentials',
  AllowOriginMismatch: 'CORSAllowOriginNotMatchingOrigin',
  PreflightAllowOriginMismatch: 'CORSAllowOriginNotMatchingOrigin',
  InvalidAllowOriginValue: 'CORSAllowOriginNotMatchingOrigin',
  PreflightInvalidAllowOriginValue: 'CORSAllowOriginNotMatchingOrigin',
  PreflightInvalidStatus: 'CORSPreflightDidNotSucceed',
  PreflightDisallowedRedirect: 'CORSExternalRedirectNotAllowed',
  InvalidAllowMethodsPreflightResponse: 'CORSInvalidAllowMethod',
  InvalidAllowHeadersPreflightResponse: 'CORSInvalidAllowHeader',
  MethodDisallowedByPreflightResponse: 'CORSMethodNotFound',
  HeaderDisallowedByPreflightResponse: 'CORSMissingAllowHeaderFromPreflight',
  CorsDisabledScheme: 'CORSRequestNotHttp',
};

/**
 * What Firefox would log for the same failure; null where it has no CORS reason key (DisallowedByMode,
 * RedirectContainsCredentials and Local Network Access fail there without a CORS message).
 * Firefox counts Access-Control-Allow-Origin lines (reference §3 table, §8): two lines are
 * CORSMultipleAllowOriginNotAllowed, one line `a, b` is a plain mismatch.
 */
export function firefoxReasonFor(error: CorsErrorName, allowOriginLines: number): FirefoxReason | null {
  if (error === 'MultipleAllowOriginValues' || error === 'PreflightMultipleAllowOriginValues') {
    return allowOriginLines > 1 ? 'CORSMultipleAllowOriginNotAllowed' : 'CORSAllowOriginNotMatchingOrigin';
  }
  return FIREFOX_REASON[error] ?? null;
}

const CULPRIT_HEADER: Partial<Record<CorsErrorName, string>> = {
  MissingAllowOriginHeader: ACAO,
  WildcardOriginNotAllowed: ACAO,
  MultipleAllowOriginValues: ACAO,
  InvalidAllowOriginValue: ACAO,
  AllowOriginMismatch: ACAO,
  InvalidAllowCredentials: ACAC,
  PreflightMissingAllowOriginHeader: ACAO,
  PreflightWildcardOriginNotAllowed: ACAO,
  PreflightMultipleAllowOriginValues: ACAO,
  PreflightInvalidAllowOriginValue: ACAO,
  PreflightAllowOriginMismatch: ACAO,
  PreflightInvalidAllowCredentials: ACAC,
  InvalidAllowMethodsPreflightResponse: ACAM,
  MethodDisallowedByPreflightResponse: ACAM,
  InvalidAllowHeadersPreflightResponse: ACAH,
  HeaderDisallowedByPreflightResponse: ACAH,
};

/**
 * The response header the server must change, lowercased. For HeaderDisallowedByPreflightResponse that
 * is Access-Control-Allow-Headers; the request header it must list is in failedParameter.
 */
export function culpritHeaderFor(error: CorsErrorName): string | null {
  return CULPRIT_HEADER[error] ?? null;
}
