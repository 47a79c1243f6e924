import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { renderPage } from '../ui/render';
import { openApiInfo } from './openapi';

type Document = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;
type Operation = {
  summary?: string;
  description?: string;
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
};

/** Inlines `$ref`s so each schema reads on its own, without a client-side viewer. */
function resolveRefs(value: unknown, doc: Document, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, doc, depth + 1));
  const ref = (value as { $ref?: string }).$ref;
  if (ref?.startsWith('#/components/schemas/')) {
    const name = ref.slice('#/components/schemas/'.length);
    return resolveRefs(doc.components?.schemas?.[name], doc, depth + 1);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, doc, depth + 1)]));
}

function Reference({ doc }: { doc: Document }) {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <section class="reference">
      <h1>{doc.info.title}</h1>
      <p>{doc.info.description}</p>
      <p class="muted">
        Base URL <code>/api/v1</code>. Machine-readable: <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).
      </p>
      <nav aria-label="Endpoints">
        <ul class="endpoint-index">
          {operations.map(({ path, method, op }) => (
            <li>
              <a href={`#${method}-${path}`}>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </a>{' '}
              {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => {
        const body = op.requestBody?.content?.['application/json']?.schema;
        return (
          <article class="card endpoint" id={`${method}-${path}`}>
            <h2>
              <code>
                {method.toUpperCase()} /api/v1{path}
              </code>
            </h2>
            <p>{op.summary}</p>
            {op.description ? <p class="muted">{op.description}</p> : null}
            <p>{op.security?.length ? 'Needs a signed-in member.' : 'Open to anyone.'}</p>
            {body ? (
              <>
                <h3>Request body</h3>
                <pre>{JSON.stringify(resolveRefs(body, doc), null, 2)}</pre>
              </>
            ) : null}
            <h3>Responses</h3>
            <ul>
              {Object.entries(op.responses ?? {}).map(([status, response]) => (
                <li>
                  <code>{status}</code> {response.description}
                </li>
              ))}
            </ul>
          </article>
        );
      })}
    </section>
  );
}

/** /api/docs: the reference, rendered on the server from the same document, so it works offline. */
export function docsPages(api: OpenAPIHono<AppEnv>) {
  return new Hono<AppEnv>().get('/api/docs', (c) =>
    renderPage(c, 'API reference', <Reference doc={api.getOpenAPI31Document(openApiInfo)} />),
  );
}
