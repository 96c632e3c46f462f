import type {
  CurrentProtocolResponse,
  ProtocolVersionResponse,
  ProtocolVersionsResponse,
  ReviseProtocolRequest,
  ReviseProtocolResponse,
} from '../../contract/protocol.js';
import { request } from './client.js';
import { queryKeys } from './query-keys.js';

/** The school's route: invalidate `queryKeys.protocol` after a save, and every key below follows. */
export const protocolKeys = {
  current: [...queryKeys.protocol, 'current'] as const,
  versions: [...queryKeys.protocol, 'versions'] as const,
  version: (version: number) => [...queryKeys.protocol, 'version', version] as const,
};

export function getProtocol(): Promise<CurrentProtocolResponse> {
  return request('GET', '/api/protocol');
}

export function getProtocolVersions(): Promise<ProtocolVersionsResponse> {
  return request('GET', '/api/protocol/versions');
}

export function getProtocolVersion(version: number): Promise<ProtocolVersionResponse> {
  return request('GET', `/api/protocol/versions/${encodeURIComponent(String(version))}`);
}

/** Saves the edited route as the next version; `unchanged` when there was nothing to save. */
export function reviseProtocol(body: ReviseProtocolRequest): Promise<ReviseProtocolResponse> {
  return request('PUT', '/api/protocol', body);
}
