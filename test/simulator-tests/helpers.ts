/** Small HTTP client for the simulator tests (global fetch, Node 20). */
import type { OfAuthSimulator } from '../simulator';

export interface Res<T = any> {
	status: number;
	body: T;
	headers: Headers;
}

export function client(sim: OfAuthSimulator, defaults: { connectionId?: string | null; apiKey?: string | null } = {}) {
	const headersFor = (extra: Record<string, string> = {}): Record<string, string> => {
		const h: Record<string, string> = { ...extra };
		const key = defaults.apiKey === undefined ? sim.apiKey : defaults.apiKey;
		const conn = defaults.connectionId === undefined ? sim.connectionId : defaults.connectionId;
		if (key !== null) h.apiKey = key;
		if (conn !== null) h['x-connection-id'] = conn;
		return h;
	};
	const call = async <T = any>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Res<T>> => {
		const isBinary = body instanceof Uint8Array;
		const res = await fetch(sim.baseUrl + path, {
			method,
			headers: headersFor({ ...(body !== undefined && !isBinary ? { 'content-type': 'application/json' } : {}), ...extra }),
			body: body === undefined ? undefined : isBinary ? (body as Uint8Array) : JSON.stringify(body),
		});
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			/* not JSON */
		}
		return { status: res.status, body: parsed as T, headers: res.headers };
	};
	return {
		get: <T = any>(path: string, extra?: Record<string, string>) => call<T>('GET', path, undefined, extra),
		post: <T = any>(path: string, body?: unknown, extra?: Record<string, string>) => call<T>('POST', path, body ?? {}, extra),
		put: <T = any>(path: string, body?: unknown, extra?: Record<string, string>) => call<T>('PUT', path, body, extra),
		del: <T = any>(path: string, extra?: Record<string, string>) => call<T>('DELETE', path, undefined, extra),
		call,
	};
}

export function expectErrorShape(body: any, type: string): void {
	expect(body).toEqual(expect.objectContaining({ error: expect.any(String), type, requestId: expect.stringMatching(/^req_[0-9a-f]+$/) }));
}
