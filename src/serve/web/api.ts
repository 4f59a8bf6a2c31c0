// Calls to the workbench server. The token comes from the page's address and
// goes with every request; the server also checks Origin on every write.
const token = new URL(location.href).searchParams.get('token') ?? '';

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly body: unknown) {
    super(message);
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { 'x-plandoc-token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok && response.status !== 409) throw new ApiError(response.status, data.error ?? `请求失败（${response.status}）`, data);
  return data;
}

export function query(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

/** A link the browser can follow directly (downloads): the token travels in the query. */
export function tokenUrl(path: string, params: Record<string, string>): string {
  return `${path}?${query({ ...params, token })}`;
}
