import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import '../../nodes/OfAuth/ofAuthService'; // the OFAuth node's service: its errors name OFAuth
import { readUploadPlan } from '../../nodes/shared/actions/media/uploadPlan';

const node: INode = {
	id: 'n',
	name: 'OFAuth',
	type: 'ofAuth',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const context = { getNode: () => node } as unknown as IExecuteFunctions;
const plan = (body: IDataObject, size: number, headers: Record<string, string> = {}) =>
	readUploadPlan(context, { body, headers, statusCode: 200 }, size, 0);

describe('readUploadPlan: how OFAuth wants the file sent', () => {
	it('no parts announced: one PUT of the whole file', () => {
		expect(plan({ mediaUploadId: 'u1' }, 1000)).toEqual({
			mediaUploadId: 'u1',
			uploadType: 'single',
			parts: [{ partNumber: 1, start: 0, length: 1000 }],
			source: 'none',
		});
	});

	it('a part size in the body: parts of that size, the last one shorter', () => {
		expect(
			plan({ mediaUploadId: 'u2', uploadType: 'multipart', partSize: 400 }, 1000).parts,
		).toEqual([
			{ partNumber: 1, start: 0, length: 400 },
			{ partNumber: 2, start: 400, length: 400 },
			{ partNumber: 3, start: 800, length: 200 },
		]);
	});

	it('listed byte ranges are followed in part order', () => {
		const parts = [
			{ partNumber: 2, byteRange: { start: 500, end: 999 } },
			{ partNumber: 1, byteRange: { start: 0, end: 499 } },
		];
		expect(plan({ mediaUploadId: 'u3', parts }, 1000)).toMatchObject({
			uploadType: 'multipart',
			source: 'body',
			parts: [{ start: 0 }, { start: 500 }],
		});
	});

	it('the older x-ofauth-upload-* headers, in any case', () => {
		expect(
			plan({ mediaUploadId: 'u4' }, 10, {
				'X-OFAuth-Upload-Type': 'multipart',
				'x-ofauth-upload-total-parts': '2',
			}),
		).toMatchObject({
			source: 'headers',
			uploadType: 'multipart',
			parts: [{ length: 5 }, { length: 5 }],
		});
	});

	it.each([
		['no mediaUploadId', {}, 10],
		[
			'ranges that leave a gap',
			{
				mediaUploadId: 'u',
				parts: [
					{ partNumber: 1, byteRange: { start: 0, end: 3 } },
					{ partNumber: 2, byteRange: { start: 5, end: 9 } },
				],
			},
			10,
		],
		[
			'ranges that do not cover the file',
			{ mediaUploadId: 'u', parts: [{ partNumber: 1, byteRange: { start: 0, end: 3 } }] },
			10,
		],
		[
			'a single upload with several parts',
			{ mediaUploadId: 'u', uploadType: 'single', partSize: 4 },
			10,
		],
	])('refuses a plan with %s, before anything is sent', (_what, body, size) => {
		expect(() => plan(body, size)).toThrow(
			/^OFAuth returned an upload plan this node cannot follow/,
		);
	});
});
