import {
	verifyDelivery,
	verifyOfAuthSignature,
	verifySvixSignature,
} from '../../nodes/OfAuthTrigger/signature';

/**
 * Signatures checked against vectors made by other hands than this package's: the test vector
 * Svix and Standard Webhooks publish, and an OFAuth-Signature computed with the openssl CLI:
 *   printf '%s' '1700000000.{"type":"rules.updated","data":{"version":42}}' | openssl dgst -sha256 -hmac ofauth_test_signing_secret
 */
const SVIX = {
	secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
	headers: {
		'svix-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
		'svix-timestamp': '1614265330',
		'svix-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
	},
	body: Buffer.from('{"test": 2432232314}'),
	at: 1614265330,
};

const OFAUTH = {
	secret: 'ofauth_test_signing_secret',
	header: 't=1700000000,v1=d560e13a8ec9323345882684017e60ad1c519986e549be76fefe0da5648afde8',
	body: Buffer.from('{"type":"rules.updated","data":{"version":42}}'),
	at: 1700000000,
};

describe('Svix scheme against the published test vector', () => {
	it('accepts the vector', () => {
		expect(verifySvixSignature(SVIX.headers, SVIX.body, SVIX.secret, SVIX.at)).toEqual({
			valid: true,
			scheme: 'svix',
		});
	});

	it('accepts it among other signatures (secret rotation), in any header case, within 5 minutes', () => {
		const headers = {
			...SVIX.headers,
			'svix-signature': `v1,bm9wZQ== ${SVIX.headers['svix-signature']}`,
		};
		expect(verifyDelivery(headers, SVIX.body, SVIX.secret, SVIX.at + 300).valid).toBe(true);
	});

	it.each([
		['a changed body', { body: Buffer.from('{"test": 2432232315}') }],
		['another svix-id', { headers: { ...SVIX.headers, 'svix-id': 'msg_other' } }],
		['another timestamp', { headers: { ...SVIX.headers, 'svix-timestamp': '1614265331' } }],
		['another secret', { secret: 'whsec_bm9wZW5vcGVub3Blbm9wZQ==' }],
		['a stale delivery (301 s)', { at: SVIX.at + 301 }],
		[
			'a v2 signature',
			{
				headers: {
					...SVIX.headers,
					'svix-signature': SVIX.headers['svix-signature'].replace('v1,', 'v2,'),
				},
			},
		],
	])(
		'refuses %s',
		(
			_what,
			change: { body?: Buffer; headers?: Record<string, string>; secret?: string; at?: number },
		) => {
			const result = verifySvixSignature(
				change.headers ?? SVIX.headers,
				change.body ?? SVIX.body,
				change.secret ?? SVIX.secret,
				change.at ?? SVIX.at,
			);
			expect(result.valid).toBe(false);
		},
	);
});

describe('OFAuth-Signature scheme against an openssl-made vector', () => {
	it('accepts the vector', () => {
		expect(verifyOfAuthSignature(OFAUTH.header, OFAUTH.body, OFAUTH.secret, OFAUTH.at)).toEqual({
			valid: true,
			scheme: 'ofauth',
		});
		expect(
			verifyDelivery({ 'ofauth-signature': OFAUTH.header }, OFAUTH.body, OFAUTH.secret, OFAUTH.at)
				.valid,
		).toBe(true);
	});

	it.each([
		[
			'a changed body',
			OFAUTH.header,
			Buffer.from('{"type":"rules.updated","data":{"version":43}}'),
			OFAUTH.at,
		],
		[
			'another timestamp in the header',
			OFAUTH.header.replace('t=1700000000', 't=1700000001'),
			OFAUTH.body,
			OFAUTH.at,
		],
		['an old delivery (301 s)', OFAUTH.header, OFAUTH.body, OFAUTH.at + 301],
		['a header without v1', 't=1700000000', OFAUTH.body, OFAUTH.at],
	])('refuses %s', (_what, header, body, at) => {
		expect(verifyOfAuthSignature(header, body, OFAUTH.secret, at).valid).toBe(false);
	});

	it('refuses a delivery with no signature header at all', () => {
		expect(verifyDelivery({}, OFAUTH.body, OFAUTH.secret, OFAUTH.at)).toMatchObject({
			valid: false,
		});
	});
});
