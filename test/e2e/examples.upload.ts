/**
 * Expectations for the upload example (examples/upload-and-send-ppv.json), spread into
 * `exampleExpectations` in examples.expectations.ts. In the real n8n: Set + Convert to File make
 * a 70-byte PNG as n8n binary data, Upload Media sends it (init + one PUT), waits until ready
 * (the simulator has it ready at once, so no poll), and Send PPV sends the upload reference.
 */
import type { ExampleExpectation } from './examples.expectations';

const CONNECTION = { 'x-connection-id': 'conn_sim_active' };
/** sha256 of the 1x1 PNG the example's Set node holds in base64 */
const SAMPLE_PNG_SHA256 = '6b7fa434f92a8b80aab02d9bf1a12e49ffcae424e4013a1c4f68b67e3d2bbcd0';

export const uploadExampleExpectations: Record<string, ExampleExpectation> = {
	'upload-and-send-ppv': {
		requests: (sim) => {
			const { mediaUploadId } = sim.state.uploads[0];
			return [
				{
					method: 'POST',
					path: '/v2/access/uploads/init',
					body: { filename: 'teaser.png', size: 70, contentType: 'image/png' },
					headers: CONNECTION,
				},
				{
					method: 'PUT',
					path: `/v2/access/uploads/${mediaUploadId}`,
					headers: { ...CONNECTION, 'content-type': 'image/png' },
				},
				{
					method: 'POST',
					path: '/v2/access/chats/100001/messages',
					body: { mediaItems: [mediaUploadId], price: 9.99, previewMediaCount: 0 },
					headers: CONNECTION,
				},
			];
		},
		check: ({ sim, output, requests }) => {
			const upload = sim.state.uploads[0];
			// the bytes n8n's Convert to File produced arrived whole, and the reference was used once
			expect(upload).toMatchObject({
				uploadType: 'single',
				size: 70,
				status: 'consumed',
				sha256: SAMPLE_PNG_SHA256,
			});
			expect(requests[1].rawPath).toBe(
				`/v2/access/uploads/${encodeURIComponent(upload.mediaUploadId)}`,
			);
			expect(requests[1].bodySize).toBe(70);

			const [uploaded] = output('Upload Media');
			expect(uploaded.json).toMatchObject({
				mediaUploadId: upload.mediaUploadId,
				mediaId: upload.mediaId,
				duplicate: false,
				fileName: 'teaser.png',
				contentType: 'image/png',
				size: 70,
				parts: 1,
				uploadType: 'single',
				ready: true,
			});
			expect(uploaded.binary).toBeUndefined();
			expect(uploaded.pairedItem).toEqual({ item: 0 });

			const [sent] = output('Send PPV');
			expect(sent.json).toMatchObject({
				text: 'Made this one just for you - unlock it to see it 📸',
				price: 9.99,
				isFree: false,
				mediaCount: 1,
			});
			expect((sent.json.media as Array<{ id: number }>).map((media) => media.id)).toEqual([
				upload.mediaId,
			]);
			expect(sent.pairedItem).toEqual({ item: 0 });
			expect(sim.messagesSentTo(100001)).toBe(1);
		},
	},
};
