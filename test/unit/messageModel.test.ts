import { freeMessageSchema, ppvMessageSchema } from '../../nodes/shared/model/message';
import { ofauth } from '../../nodes/OfAuth/ofAuthAdapter';

/** The provider-neutral message: what the schemas accept and produce, and what the OFAuth adapter makes of it. */
const ppv = (fields: Record<string, unknown>) =>
	ppvMessageSchema.safeParse({
		text: 'unlock',
		media: [5000001, 'upload:2f0c1d3e-aaaa'],
		price: 9.99,
		...fields,
	});

describe('message schemas', () => {
	it.each([3, 9.99, '19.50', 200])('a PPV price of %s USD is accepted', (price) => {
		expect(ppv({ price }).success).toBe(true);
	});

	it.each([2.99, 200.01, 0, -5, 9.999, 'abc', undefined])(
		'a PPV price of %s is refused',
		(price) => {
			expect(ppv({ price }).success).toBe(false);
		},
	);

	it('previews are 0 up to the number of media', () => {
		expect(ppv({ previewMediaCount: 2 }).success).toBe(true);
		expect(ppv({ previewMediaCount: 3 }).success).toBe(false);
		expect(ppv({ previewMediaCount: -1 }).success).toBe(false);
	});

	it('a PPV needs media; a free message needs text or media; Lock Text needs a price', () => {
		expect(ppv({ media: [] }).success).toBe(false);
		expect(freeMessageSchema.safeParse({ text: '', media: [] }).success).toBe(false);
		expect(freeMessageSchema.safeParse({ text: 'hi', media: [], isLockedText: true }).success).toBe(
			false,
		);
		expect(ppv({ isLockedText: true }).success).toBe(true);
	});

	it('produces the neutral Message, with no provider field names', () => {
		const parsed = ppv({
			previewMediaCount: 1,
			isLockedText: true,
			userTags: '100010, 100011',
			releaseFormGuests: [9100003],
		});
		expect(parsed.success && parsed.data).toEqual({
			text: 'unlock',
			media: [5000001, 'upload:2f0c1d3e-aaaa'],
			price: 9.99,
			previewCount: 1,
			lockedText: true,
			markdown: true,
			replyTo: undefined,
			taggedUsers: [100010, 100011],
			releaseForms: { users: [], partners: [], guests: [9100003] },
			forwarded: false,
		});
	});
});

describe('OFAuth adapter', () => {
	it("maps a PPV to OFAuth's SendBody: mediaItems, previewMediaCount, isLockedText, non-empty release forms only", () => {
		const parsed = ppv({ previewMediaCount: 1, isLockedText: true, releaseFormGuests: '9100003' });
		if (!parsed.success) throw parsed.error;
		const { fieldLabels, ...request } = ofauth.sendMessage('100002', parsed.data);
		expect(fieldLabels).toMatchObject({
			mediaItems: 'Media',
			previewMediaCount: 'Preview Media Count',
		});
		expect(request).toEqual({
			method: 'POST',
			path: '/v2/access/chats/100002/messages',
			body: {
				text: 'unlock',
				isMarkdown: true,
				mediaItems: [5000001, 'upload:2f0c1d3e-aaaa'],
				price: 9.99,
				previewMediaCount: 1,
				isLockedText: true,
				releaseForms: { guests: [9100003] },
			},
		});
	});

	it('leaves out what a free message does not have', () => {
		const parsed = freeMessageSchema.safeParse({ text: 'hi', media: [] });
		if (!parsed.success) throw parsed.error;
		expect(ofauth.sendMessage('7', parsed.data).body).toEqual({ text: 'hi', isMarkdown: true });
	});
});
