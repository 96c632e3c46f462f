export * from './fields.js';
export * from './problems.js';
export * from './headers.js';
export * from './values.js';
export * from './incoming.js';
export * from './edex.js';
export * from './plan.js';
export * from './households.js';
export { fold } from './text.js';
