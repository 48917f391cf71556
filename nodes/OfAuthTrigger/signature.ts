import { createHmac, timingSafeEqual } from 'node:crypto';

import { headerValue } from '../shared/transport/headers';

/** Request headers as n8n hands them over (lower-case names). */
export type WebhookHeaders = Record<string, string | string[] | undefined>;

/** OFAuth rejects deliveries older than this, and so do we (both schemes). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureScheme = 'ofauth' | 'svix';

export type VerificationResult =
	| { valid: true; scheme: SignatureScheme }
	| { valid: false; scheme?: SignatureScheme; reason: string };

/** Which scheme a delivery claims, from its headers; undefined when it carries no signature at all. */
export function detectScheme(headers: WebhookHeaders): SignatureScheme | undefined {
	if (headerValue(headers, 'svix-signature') || headerValue(headers, 'svix-id')) return 'svix';
	if (headerValue(headers, 'ofauth-signature')) return 'ofauth';
	return undefined;
}

function refused(scheme: SignatureScheme, reason: string): VerificationResult {
	return { valid: false, scheme, reason };
}

/** Unix seconds from a header value; NaN when it is not a plain integer. Milliseconds are accepted too. */
function parseTimestamp(value: string): number {
	if (!/^\d{1,16}$/.test(value)) return NaN;
	const number = Number(value);
	return number > 1e12 ? Math.floor(number / 1000) : number;
}

function isFresh(timestamp: number, nowSeconds: number): boolean {
	return (
		Number.isFinite(timestamp) && Math.abs(nowSeconds - timestamp) <= SIGNATURE_TOLERANCE_SECONDS
	);
}

/** Constant-time comparison of two digests given in the same encoding. */
function digestsEqual(expected: Buffer, provided: Buffer): boolean {
	return (
		expected.length === provided.length &&
		expected.length > 0 &&
		timingSafeEqual(expected, provided)
	);
}

function hmac(key: Buffer, parts: Array<string | Buffer>): Buffer {
	const mac = createHmac('sha256', key);
	for (const part of parts) mac.update(part);
	return mac.digest();
}

/** The key of a Svix-style secret: base64 after the `whsec_` prefix. */
export function svixKey(secret: string): Buffer {
	const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
	return Buffer.from(encoded, 'base64');
}

/**
 * `OFAuth-Signature: t=<unix>,v1=<hex>`: HMAC-SHA256 of `{t}.{raw body}` with the signing
 * secret. Several `v1=` entries (secret rotation) are all tried. A `whsec_` secret is tried
 * both as text and as its decoded key, since the sources disagree on which one OFAuth uses.
 */
export function verifyOfAuthSignature(
	header: string,
	rawBody: Buffer,
	secret: string,
	nowSeconds: number,
): VerificationResult {
	const entries = header.split(',').map((part) => part.trim());
	const timestampText = entries.find((entry) => entry.startsWith('t='))?.slice(2) ?? '';
	const signatures = entries
		.filter((entry) => entry.startsWith('v1='))
		.map((entry) => entry.slice(3));
	if (!timestampText || signatures.length === 0) {
		return refused('ofauth', 'The OFAuth-Signature header needs t= and v1= parts');
	}
	const timestamp = parseTimestamp(timestampText);
	if (!isFresh(timestamp, nowSeconds)) {
		return refused('ofauth', 'The signature timestamp is outside the 5-minute window');
	}
	const keys: Buffer[] = [Buffer.from(secret, 'utf8')];
	if (secret.startsWith('whsec_')) keys.push(svixKey(secret));
	const provided = signatures
		.filter((value) => /^[0-9a-f]{64}$/i.test(value))
		.map((value) => Buffer.from(value, 'hex'));
	for (const key of keys) {
		const expected = hmac(key, [`${timestampText}.`, rawBody]);
		if (provided.some((candidate) => digestsEqual(expected, candidate)))
			return { valid: true, scheme: 'ofauth' };
	}
	return refused('ofauth', 'The signature does not match the signing secret');
}

/**
 * Svix style: `svix-id`, `svix-timestamp`, `svix-signature: v1,<base64> [v1,<base64> ...]`;
 * HMAC-SHA256 of `{id}.{timestamp}.{raw body}` keyed with the base64-decoded secret.
 */
export function verifySvixSignature(
	headers: WebhookHeaders,
	rawBody: Buffer,
	secret: string,
	nowSeconds: number,
): VerificationResult {
	const id = headerValue(headers, 'svix-id');
	const timestampText = headerValue(headers, 'svix-timestamp');
	const signatureHeader = headerValue(headers, 'svix-signature');
	if (!id || !timestampText || !signatureHeader) {
		return refused('svix', 'svix-id, svix-timestamp and svix-signature are all required');
	}
	const timestamp = parseTimestamp(timestampText);
	if (!isFresh(timestamp, nowSeconds)) {
		return refused('svix', 'The signature timestamp is outside the 5-minute window');
	}
	const key = svixKey(secret);
	if (key.length === 0) return refused('svix', 'The signing secret is not a valid whsec_ secret');
	const expected = hmac(key, [`${id}.${timestampText}.`, rawBody]);
	const provided = signatureHeader
		.split(' ')
		.map((entry) => entry.trim().split(','))
		.filter(([version, value]) => version === 'v1' && Boolean(value))
		.map(([, value]) => Buffer.from(value, 'base64'));
	if (provided.some((candidate) => digestsEqual(expected, candidate)))
		return { valid: true, scheme: 'svix' };
	return refused('svix', 'The signature does not match the signing secret');
}

/** Checks a delivery in whichever scheme its headers use. */
export function verifyDelivery(
	headers: WebhookHeaders,
	rawBody: Buffer,
	secret: string,
	nowSeconds: number,
): VerificationResult {
	const scheme = detectScheme(headers);
	if (scheme === 'svix') return verifySvixSignature(headers, rawBody, secret, nowSeconds);
	if (scheme === 'ofauth') {
		return verifyOfAuthSignature(
			headerValue(headers, 'ofauth-signature'),
			rawBody,
			secret,
			nowSeconds,
		);
	}
	return {
		valid: false,
		reason: 'The request carries no OFAuth-Signature or svix-signature header',
	};
}
