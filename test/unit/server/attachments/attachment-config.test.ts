import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/server/config/config.js';

describe('ATTACHMENT_MAX_BYTES', () => {
  it('is 20 MB unless set', () => {
    expect(loadConfig({}, '/tmp').attachmentMaxBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ ATTACHMENT_MAX_BYTES: '5242880' }, '/tmp').attachmentMaxBytes).toBe(5 * 1024 * 1024);
  });

  it('stops start-up with a line that names it when it is not a sensible number of bytes', () => {
    expect(() => loadConfig({ ATTACHMENT_MAX_BYTES: '20MB' }, '/tmp')).toThrow(/^ATTACHMENT_MAX_BYTES: /);
    expect(() => loadConfig({ ATTACHMENT_MAX_BYTES: '0' }, '/tmp')).toThrow(/^ATTACHMENT_MAX_BYTES: /);
  });
});
