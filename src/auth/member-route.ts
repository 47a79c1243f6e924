import { memberOnly } from '../lib/openapi';
import { requireMember } from './middleware';

/**
 * The shared part of a members-only route declaration: documented as needing
 * a session, and answered 401 without one.
 *
 * @example
 * createRoute({ ...memberRoute('Drafts'), method: 'get', path: '/drafts', responses })
 */
export const memberRoute = (tag: string) => ({ tags: [tag], security: memberOnly, middleware: requireMember });
