import { describe, expect, it } from 'vitest';
import { cleanFileName, isAcceptedType, isAttachable } from '../../../../src/domain/attachments/attachment-rules.js';

describe('what may carry attachments', () => {
  it('allows signals and conversations only', () => {
    expect(['signal', 'pupil-conversation', 'parent-conversation'].every(isAttachable)).toBe(true);
    expect(['task', 'agreement', 'escalation-decision', 'case-started', 'parent-conversation-plan', 'veilig-thuis-advice'].some(isAttachable)).toBe(false);
  });

  it('accepts photos and PDF, nothing that runs', () => {
    expect(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'].every((t) => isAcceptedType(t))).toBe(true);
    expect(['text/html', 'image/svg+xml', 'application/javascript', 'image/gif', undefined].some((t) => isAcceptedType(t))).toBe(false);
  });
});

describe('the stored file name', () => {
  it('keeps only the last part of a path, without control characters', () => {
    expect(cleanFileName('C:\\fakepath\\foto arm.jpg')).toBe('foto arm.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('brief\u0000\n.pdf')).toBe('brief.pdf');
    expect(cleanFileName('  ')).toBeNull();
    expect(cleanFileName('..')).toBeNull();
  });

  it('shortens a very long name but keeps its extension', () => {
    const name = cleanFileName(`${'a'.repeat(300)}.pdf`)!;
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
