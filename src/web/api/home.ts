import type { HomeResponse } from '../../contract/home.js';
import { request } from './client.js';

/** My home page: the parts of my roles at the school I act for. */
export function getHome(): Promise<HomeResponse> {
  return request('GET', '/api/home');
}
