import type { Session } from '../session/session';

/** An RFC 9457 answer from the API, with the fields it names when the input was refused. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: { field: string; reason: string }[];
  allowedCommands?: unknown[];
  stage?: string;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export interface ApiAnswer<T> {
  body: T;
  etag?: string;
}

/**
 * Every call the pages make: the bearer token, French answers (Accept-Language: fr), problem
 * details turned into ApiError. A 401 means the sign-in ended: onUnauthorised signs the person out.
 */
export class ApiClient {
  constructor(
    private readonly session: Session,
    private readonly onUnauthorised: () => void,
  ) {}

  async get<T>(path: string): Promise<ApiAnswer<T>> {
    return this.send<T>('GET', path);
  }

  async post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
    return this.send<T>('POST', path, body, headers);
  }

  /**
   * The raw answer, for what is not JSON: a CSV to save, a server-sent event stream to read as it
   * comes. Problem answers are still turned into ApiError (and a 401 still signs out).
   */
  async raw(path: string, accept: string, init: { signal?: AbortSignal; headers?: Record<string, string> } = {}): Promise<Response> {
    const response = await fetch(path, {
      headers: { authorization: `Bearer ${this.session.token}`, accept, 'accept-language': 'fr', ...init.headers },
      signal: init.signal,
    });
    if (!response.ok) {
      if (response.status === 401) this.onUnauthorised();
      const text = await response.text();
      let problem: Partial<Problem> = {};
      try {
        problem = text ? (JSON.parse(text) as Partial<Problem>) : {};
      } catch {
        // Not a problem document: the status line says enough.
      }
      throw new ApiError({ ...problem, status: response.status, code: problem.code ?? 'http-error', title: problem.title ?? response.statusText });
    }
    return response;
  }

  private async send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
    const response = await fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${this.session.token}`,
        accept: 'application/json',
        'accept-language': 'fr',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      if (response.status === 401) this.onUnauthorised();
      const problem = (parsed ?? {}) as Partial<Problem>;
      throw new ApiError({ ...problem, status: response.status, code: problem.code ?? 'http-error', title: problem.title ?? response.statusText });
    }
    return { body: parsed as T, etag: response.headers.get('etag') ?? undefined };
  }
}
