import type { AnalyseResponse, ImportFileRequest, ImportReport, ImportRequest } from '../../contract/pupil-import.js';
import { request } from './client.js';

export function analyseImport(body: ImportFileRequest): Promise<AnalyseResponse> {
  return request('POST', '/api/pupils/import/analyse', body);
}

export function dryRunImport(body: ImportFileRequest): Promise<ImportReport> {
  return request('POST', '/api/pupils/import/dry-run', body);
}

export function runImport(body: ImportRequest): Promise<ImportReport> {
  return request('POST', '/api/pupils/import', body);
}

/** The file's bytes as base64, for the JSON body (the API takes JSON only). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
