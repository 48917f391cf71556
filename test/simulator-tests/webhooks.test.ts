import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	signOfAuthSignature,
	signOnlyFansApi,
	signSvix,
	startSimulator,
	type OfAuthSimulator,
} from '../simulator';

const OFAUTH_SECRET = ['ofauth', 'whsec', 'test', '123'].join('_');
const SVIX_SECRET = `whsec_${Buffer.from('super secret svix key').toString('base64')}`;

/** an independent verifier, written from ofauth.md (not using the simulator's helpers) */
function verify(req: IncomingMessage, raw: string): boolean {
	const eq = (a: string, b: string) =>
		a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
	const now = Math.floor(Date.now() / 1000);
	const of = req.headers['ofauth-signature'];
	if (typeof of === 'string') {
		const parts = Object.fromEntries(of.split(',').map((p) => p.split('=') as [string, string]));
		if (Math.abs(now - Number(parts.t)) > 300) return false;
		return eq(
			createHmac('sha256', OFAUTH_SECRET).update(`${parts.t}.${raw}`).digest('hex'),
			parts.v1,
		);
	}
	const id = req.headers['svix-id'] as string;
	const ts = req.headers['svix-timestamp'] as string;
	const sigs = (req.headers['svix-signature'] as string | undefined)?.split(' ') ?? [];
	if (!id || !ts || Math.abs(now - Number(ts)) > 300) return false;
	const key = Buffer.from(SVIX_SECRET.slice('whsec_'.length), 'base64');
	const expected = `v1,${createHmac('sha256', key).update(`${id}.${ts}.${raw}`).digest('base64')}`;
	return sigs.some((s) => eq(s, expected));
}

describe('simulator: webhook delivery and signatures', () => {
	let sim: OfAuthSimulator;
	let receiver: Server;
	let url: string;
	const received: { headers: IncomingMessage['headers']; raw: string }[] = [];

	beforeAll(async () => {
		sim = await startSimulator();
		receiver = createServer((req, res) => {
			let raw = '';
			req.on('data', (c) => (raw += c));
			req.on('end', () => {
				received.push({ headers: req.headers, raw });
				const ok = verify(req, raw);
				res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ ok }));
			});
		});
		await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
		url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	});
	afterAll(async () => {
		await sim.close();
		await new Promise((r) => receiver.close(r));
	});

	const event = {
		type: 'realtime.chat_message.received',
		timestamp: new Date().toISOString(),
		data: {
			connection: { id: 'conn_sim_active' },
			eventBody: { id: 42, text: 'hi', fromUser: { id: 100001 } },
		},
	};

	test('ofauth scheme: OFAuth-Signature t=,v1= verifies; tampered body and stale timestamp fail', async () => {
		expect(
			await sim.deliverWebhook(url, event, { scheme: 'ofauth', secret: OFAUTH_SECRET }),
		).toEqual({ status: 200, body: '{"ok":true}' });
		const last = received[received.length - 1];
		expect(last.headers['ofauth-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
		expect(JSON.parse(last.raw)).toEqual(event);
		expect(
			(
				await sim.deliverWebhook(url, event, {
					scheme: 'ofauth',
					secret: OFAUTH_SECRET,
					tamper: true,
				})
			).status,
		).toBe(401);
		expect(
			(
				await sim.deliverWebhook(url, event, {
					scheme: 'ofauth',
					secret: OFAUTH_SECRET,
					timestamp: Math.floor(Date.now() / 1000) - 600,
				})
			).status,
		).toBe(401);
		expect(
			(await sim.deliverWebhook(url, event, { scheme: 'ofauth', secret: 'other' })).status,
		).toBe(401);
	});

	test('svix scheme: svix-id/timestamp/signature verify; tamper fails', async () => {
		const r = await sim.deliverWebhook(url, event, {
			scheme: 'svix',
			secret: SVIX_SECRET,
			id: 'msg_fixed_1',
		});
		expect(r.status).toBe(200);
		const last = received[received.length - 1];
		expect(last.headers['svix-id']).toBe('msg_fixed_1');
		expect(last.headers['svix-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
		expect(
			(await sim.deliverWebhook(url, event, { scheme: 'svix', secret: SVIX_SECRET, tamper: true }))
				.status,
		).toBe(401);
	});

	test('exported signing helpers match the documented formulas', () => {
		const body = '{"a":1}';
		expect(signOfAuthSignature('s', 1700000000, body)).toBe(
			`t=1700000000,v1=${createHmac('sha256', 's').update('1700000000.{"a":1}').digest('hex')}`,
		);
		const key = Buffer.from('super secret svix key');
		expect(signSvix(SVIX_SECRET, 'msg_1', 1700000000, body)).toBe(
			`v1,${createHmac('sha256', key).update('msg_1.1700000000.{"a":1}').digest('base64')}`,
		);
		expect(signOnlyFansApi('s', body)).toBe(
			createHmac('sha256', 's').update('{"a":1}').digest('hex'),
		);
	});

	test('control endpoint POST /__sim/webhooks/deliver', async () => {
		const r = await fetch(`${sim.controlUrl}/webhooks/deliver`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				url,
				event: { type: 'connection.expired', timestamp: 't', data: {} },
				scheme: 'svix',
				secret: SVIX_SECRET,
			}),
		});
		expect(await r.json()).toEqual({ status: 200, body: '{"ok":true}' });
		expect(sim.requests).toHaveLength(0);
	});
});
