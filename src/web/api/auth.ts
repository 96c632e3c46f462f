import type {
  LoginRequest,
  LoginResponse,
  MeResponse,
  SwitchSchoolRequest,
  TotpEnrolResponse,
  TotpRequest,
  TotpResponse,
} from '../../contract/auth.js';
import { request } from './client.js';

export function login(body: LoginRequest): Promise<LoginResponse> {
  return request('POST', '/api/auth/login', body);
}

/** Starts (or restarts) enrolment of a second factor: a fresh secret for the authenticator app. */
export function enrolTotp(): Promise<TotpEnrolResponse> {
  return request('POST', '/api/auth/totp/enrol', {});
}

/** Checks a TOTP code or a recovery code; confirms the enrolment when one is in progress. */
export function verifyTotp(body: TotpRequest): Promise<TotpResponse> {
  return request('POST', '/api/auth/totp', body);
}

export function logout(): Promise<void> {
  return request('POST', '/api/auth/logout', {});
}

export function getMe(): Promise<MeResponse> {
  return request('GET', '/api/auth/me');
}

export function switchSchool(body: SwitchSchoolRequest): Promise<MeResponse> {
  return request('POST', '/api/auth/school', body);
}
