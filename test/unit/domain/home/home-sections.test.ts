import { describe, expect, it } from 'vitest';
import { homeSectionsFor } from '../../../../src/domain/home/home-sections.js';

describe('a home page per role', () => {
  it('gives each role its own parts', () => {
    expect(homeSectionsFor(['teacher'])).toEqual(['my-concerns', 'my-due', 'start-of-year-talks']);
    expect(homeSectionsFor(['ib'])).toEqual(['my-due', 'cases-by-step', 'school-due', 'destruction-due']);
    expect(homeSectionsFor(['smw'])).toEqual(['my-due', 'my-cases']);
    expect(homeSectionsFor(['director'])).toEqual(['my-due', 'school-overview', 'break-glass']);
    expect(homeSectionsFor(['board'])).toEqual(['board-figures', 'staff-route-cases']);
  });

  it('shows case content to no administrator, and combines roles without repeating a list', () => {
    expect(homeSectionsFor(['administrator'])).toEqual([]);
    expect(homeSectionsFor(['teacher', 'ib'])).toEqual(['my-due', 'start-of-year-talks', 'cases-by-step', 'school-due', 'destruction-due']);
  });
});
