import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Holds every JSON answer of the API to the OpenAPI document the app serves:
 * the status must be documented for the operation, and the body must match
 * the schema given for that status. Objects are closed (no property the
 * document does not name), so a field added, renamed or dropped without the
 * schema changing fails the test that saw it.
 */

type Schema = Record<string, unknown>;
type Operation = { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };
type Route = { method: string; template: string; pattern: RegExp; operation: Operation };

const BASE = '/api/v1';
const DEFS = 'volley-openapi';

/** Every `#/components/schemas/X` pointed at the one registered copy, and every object closed. */
function prepare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prepare);
  if (value === null || typeof value !== 'object') return value;
  const out: Schema = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof child === 'string' ? child.replace('#/components/schemas/', `${DEFS}#/$defs/`) : prepare(child);
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

export class ApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly compiled = new Map<Schema, ValidateFunction>();

  constructor(document: Document) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DEFS, $defs: prepare(document.components?.schemas ?? {}) as Schema });
    this.routes = Object.entries(document.paths)
      .flatMap(([template, item]) =>
        Object.entries(item).map(([method, operation]) => ({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${BASE}${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          operation,
        })),
      )
      // Literal segments before parameters, so /me/tokens is never read as /me/{id}.
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  }

  /** What is wrong with this answer, or [] when the document describes it; null when no operation is at that path. */
  problems(method: string, url: string, status: number, contentType: string | null, body: string): string[] | null {
    const path = new URL(url, 'https://volley.test').pathname;
    const route = this.routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
    if (!route) return null;
    const name = `${route.method} ${route.template} (${route.operation.operationId ?? 'no operationId'}) answered ${status}`;
    const responses = route.operation.responses ?? {};
    const documented = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!documented) return [`${name}, a status the document does not give (it gives ${Object.keys(responses).join(', ')})`];
    const schema = documented.content?.['application/json']?.schema;
    const isJson = contentType?.includes('application/json') ?? false;
    if (!schema) return isJson ? [`${name} with a JSON body the document does not describe`] : [];
    if (!isJson) return [`${name} with ${contentType ?? 'no content type'}, not the JSON the document gives`];
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return [`${name} with a body that is not JSON`];
    }
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(prepare(schema) as Schema);
      this.compiled.set(schema, validate);
    }
    if (validate(data)) return [];
    return (validate.errors ?? []).map((e) => `${name}: ${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
  }

  /** Throws, naming each mismatch, when the answer is not what the document says. */
  async check(request: Request, response: Response): Promise<void> {
    const problems = this.problems(request.method, request.url, response.status, response.headers.get('content-type'), await response.clone().text());
    if (problems?.length) throw new Error(`The API answered what its OpenAPI document does not say:\n  ${problems.join('\n  ')}`);
  }
}
