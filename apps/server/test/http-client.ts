import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * A browser-like client over app.inject(): keeps cookies (honouring Max-Age=0 deletions), fetches the CSRF token
 * from GET /api/v1/auth/session and sends it with every state-changing request.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  private csrf: string | null = null;
  private remoteAddress: string | undefined;

  /** Requests come from this client address (req.ip). */
  withIp(ip: string): this {
    this.remoteAddress = ip;
    return this;
  }

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private absorb(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      const maxAge = (c as { maxAge?: number }).maxAge;
      const expires = (c as { expires?: Date }).expires;
      if (maxAge === 0 || (expires && expires.getTime() <= Date.now()) || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async csrfToken(): Promise<string> {
    if (!this.csrf) await this.refreshCsrf();
    return this.csrf ?? '';
  }

  async refreshCsrf(): Promise<void> {
    const res = await this.request({ method: 'GET', url: '/api/v1/auth/session' });
    this.csrf = res.json<{ csrfToken: string }>().csrfToken;
  }

  async request(
    opts: InjectOptions & { method: NonNullable<InjectOptions['method']>; url: string },
    withCsrf = true,
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...this.headers, ...(opts.headers as Record<string, string> | undefined) };
    const method = opts.method.toUpperCase();
    // Fetch the token first: it also sets the CSRF secret cookie that must travel with this request.
    if (withCsrf && !['GET', 'HEAD', 'OPTIONS'].includes(method)) headers['x-csrf-token'] = await this.csrfToken();
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const res = await this.app.inject({ ...opts, headers, ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}) });
    this.absorb(res);
    return res;
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.request({ method: 'GET', url });
  }

  post(url: string, body?: unknown): Promise<LightMyRequestResponse> {
    return this.request({
      method: 'POST',
      url,
      ...(body !== undefined ? { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
  }

  patch(url: string, body: unknown): Promise<LightMyRequestResponse> {
    return this.request({ method: 'PATCH', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  }

  put(url: string, body: unknown): Promise<LightMyRequestResponse> {
    return this.request({ method: 'PUT', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  }

  delete(url: string): Promise<LightMyRequestResponse> {
    return this.request({ method: 'DELETE', url });
  }
}
