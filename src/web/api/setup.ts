import type { SetupRequest, SetupResponse, SetupStatusResponse } from '../../contract/setup.js';
import { request } from './client.js';

export function getSetupStatus(): Promise<SetupStatusResponse> {
  return request('GET', '/api/setup/status');
}

export function setUp(body: SetupRequest): Promise<SetupResponse> {
  return request('POST', '/api/setup', body);
}
