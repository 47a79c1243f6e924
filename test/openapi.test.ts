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

  it('describes a queue item by the draft’s own summary fields, each under its own component name', async () => {
    type Component = { properties: Record<string, unknown>; required: string[] };
    const doc = (await (await call('/api/v1/openapi.json')).json()) as { components: { schemas: Record<string, Component> } };
    const { Draft: draft, QueueItem: item } = doc.components.schemas;
    const summary = ['id', 'title', 'genre', 'note', 'contentNotes', 'wordCount', 'reviewsWanted', 'reviewsReceived', 'createdAt', 'author'];
    for (const field of summary) {
      expect(item!.properties[field], field).toEqual(draft!.properties[field]);
      expect(item!.required, field).toContain(field);
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
