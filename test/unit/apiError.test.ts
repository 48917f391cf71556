import type { INode } from 'n8n-workflow';

import { OFAUTH } from '../../nodes/OfAuth/ofAuthService';
import type { ApiFailure } from '../../nodes/shared/transport/apiError';
import { toNodeApiError as mapWithLabels } from '../../nodes/shared/transport/apiError';

/** Errors as the OFAuth node words them. */
const toNodeApiError = (node: INode, failure: ApiFailure, itemIndex?: number) =>
	mapWithLabels(node, failure, itemIndex, OFAUTH);

const node: INode = {
	id: '1',
	name: 'OFAuth',
	type: 'n8n-nodes-ofauth-messaging.ofAuth',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const failure = (statusCode: number, body: unknown) => ({
	statusCode,
	body,
	method: 'POST',
	path: '/v2/access/chats/1/messages',
});

describe('toNodeApiError maps both OFAuth error shapes', () => {
	it('current shape: SESSION_EXPIRED asks for a re-link and keeps the request ID', () => {
		const error = toNodeApiError(
			node,
			failure(401, {
				error: 'Session expired',
				type: 'SESSION_EXPIRED',
				requestId: 'req_42',
				actionRequired: 'relink',
			}),
			3,
		);
		expect(error.message).toBe('The OnlyFans session of this connection has expired');
		expect(error.description).toContain('Re-link the OnlyFans account');
		expect(error.description).toContain('req_42');
		expect(error.httpCode).toBe('401');
		expect(error.context.itemIndex).toBe(3);
	});

	it('older shape: {message, code, details} with a validation problem', () => {
		const error = toNodeApiError(
			node,
			failure(422, {
				message: 'Validation failed',
				code: 'VALIDATION',
				details: { price: ['must be at least 3'] },
			}),
		);
		expect(error.message).toBe('OFAuth refused the request: Validation failed');
		expect(error.description).toContain('price: must be at least 3');
	});

	it('older shape: AUTH_INSUFFICIENT_SCOPE names the scope', () => {
		const error = toNodeApiError(
			node,
			failure(403, { error: 'Key lacks vault:write', code: 'AUTH_INSUFFICIENT_SCOPE' }),
		);
		expect(error.message).toBe('The API key or connection lacks the permission "vault:write"');
	});

	it('a 400 lists the problems from the details array', () => {
		const error = toNodeApiError(
			node,
			failure(400, {
				error: 'Invalid body',
				type: 'BAD_REQUEST',
				requestId: 'req_1',
				details: [{ path: ['mediaItems', 0], message: 'unknown media' }],
			}),
		);
		expect(error.message).toBe('OFAuth refused the request: Invalid body');
		expect(error.description).toContain('mediaItems.0: unknown media');
	});

	it('a non-JSON 502 that is not HTML still gives a plain message', () => {
		const error = toNodeApiError(node, failure(502, 'upstream connect error'));
		expect(error.message).toBe(
			'OFAuth or OnlyFans failed to answer (HTTP 502): upstream connect error',
		);
		expect(error.description).toBe('This is usually temporary: retry later.');
	});

	it("a proxy's HTML error page reads as text: status, host and the page's title, no markup", () => {
		const page = `<!DOCTYPE html>\n<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->\n<head>\n<title>api.ofauth.com | 502: Bad gateway</title>\n<meta charset="UTF-8" />${'<div class="cf">x</div>'.repeat(40)}</head></html>`;
		const error = toNodeApiError(node, {
			...failure(502, page),
			host: 'api.ofauth.com',
			contentType: 'text/html',
		});
		expect(error.message).toBe(
			'HTTP 502 Bad Gateway from api.ofauth.com (an HTML page from a proxy, not the API): "api.ofauth.com | 502: Bad gateway"',
		);
		expect(error.description).toBe(
			'Something in front of OFAuth answered instead of the API: usually a short outage. Retry later.',
		);
		expect(error.description).not.toContain('request ID');
	});

	it('a 5xx hint speaks of a request ID only when the answer has one', () => {
		expect(toNodeApiError(node, failure(500, { error: 'boom' })).description).not.toMatch(
			/request ID/i,
		);
		expect(
			toNodeApiError(node, failure(500, { error: 'boom', requestId: 'req_7' })).description,
		).toContain('Request ID (for OFAuth support): req_7');
	});
});
