/**
 * Webhook signing (both schemes in ofauth.md) and delivery to a URL.
 *  - OFAuth:  OFAuth-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "{t}.{body}">
 *  - Svix:    svix-id, svix-timestamp, svix-signature: v1,<base64 HMAC-SHA256 of "{id}.{t}.{body}">
 *             key = base64-decoded secret after the `whsec_` prefix
 *  - OnlyFansAPI.com: Signature: <hex HMAC-SHA256 of the body> (onlyfansapi.md §7)
 */
import { createHmac, randomBytes } from 'node:crypto';

export function signOfAuthSignature(
	secret: string,
	timestamp: number,
	rawBody: string | Buffer,
): string {
	const hmac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
	return `t=${timestamp},v1=${hmac}`;
}

/** returns the OnlyFansAPI.com `Signature` header value */
export function signOnlyFansApi(secret: string, rawBody: string | Buffer): string {
	return createHmac('sha256', secret).update(rawBody).digest('hex');
}

export function svixKey(secret: string): Buffer {
	return Buffer.from(
		secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret,
		'base64',
	);
}

/** returns the svix-signature header value `v1,<base64>` */
export function signSvix(
	secret: string,
	id: string,
	timestamp: number,
	rawBody: string | Buffer,
): string {
	const sig = createHmac('sha256', svixKey(secret))
		.update(`${id}.${timestamp}.`)
		.update(rawBody)
		.digest('base64');
	return `v1,${sig}`;
}

export interface DeliverOptions {
	scheme: 'ofauth' | 'svix';
	secret: string;
	/** unix seconds; default now */
	timestamp?: number;
	/** event / message id (svix-id); default msg_<random> */
	id?: string;
	/** sign the original body but send a modified one */
	tamper?: boolean;
	/** extra headers */
	headers?: Record<string, string>;
	timeoutMs?: number;
}

export async function deliverWebhook(
	url: string,
	event: object,
	opts: DeliverOptions,
): Promise<{ status: number; body: string; headers: Record<string, string> }> {
	const raw = JSON.stringify(event);
	const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
	const id = opts.id ?? `msg_${randomBytes(12).toString('hex')}`;
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'user-agent': 'OFAuth-Webhooks-Simulator/1.0',
		...(opts.headers ?? {}),
	};
	if (opts.scheme === 'ofauth') {
		headers['OFAuth-Signature'] = signOfAuthSignature(opts.secret, timestamp, raw);
		headers['OFAuth-Event-Id'] = id;
	} else {
		headers['svix-id'] = id;
		headers['svix-timestamp'] = String(timestamp);
		headers['svix-signature'] = signSvix(opts.secret, id, timestamp, raw);
	}
	const sent = opts.tamper ? tamperBody(raw) : raw;
	const res = await fetch(url, {
		method: 'POST',
		headers,
		body: sent,
		signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
	});
	const out: Record<string, string> = {};
	res.headers.forEach((v, k) => (out[k] = v));
	return { status: res.status, body: await res.text(), headers: out };
}

function tamperBody(raw: string): string {
	// still valid JSON, different bytes
	if (raw === '{}') return '{"tampered":true}';
	return raw.endsWith('}') ? `${raw.slice(0, -1)},"tampered":true}` : `${raw} `;
}
