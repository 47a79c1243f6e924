import { describe, expect, it } from 'vitest';
import { app } from '../src/index';
import { call } from './helpers';

type Document = { openapi: string; paths: Record<string, Record<string, unknown>> };

describe('the API describes itself', () => {
  it('serves an OpenAPI 3.1 document listing every /api/v1 route', async () => {
    const response = await call('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Document;
    expect(doc.openapi).toBe('3.1.0');

    const routes = app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && r.path !== '/api/v1/openapi.json')
      .map((r) => ({ method: r.method.toLowerCase(), path: r.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}') }));
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      expect(doc.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    }
  });

  it('has a readable reference page at /api/docs that loads nothing from elsewhere', async () => {
    const response = await call('/api/docs');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('POST /api/v1/auth/magic-link');
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
  });
});
