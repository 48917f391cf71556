/**
 * zod schemas for request bodies, written from seed 002 (OpenAPI of
 * POST /v2/access/chats/:userId/messages) and the messaging guide (seed 004).
 * Objects are strict: an unknown key (e.g. `mediaFiles`, `previews`) is a 400,
 * so a node sending a wrong field name fails loudly against the simulator.
 */
import { z } from 'zod';

export const UPLOAD_REF_RE =
	/^upload:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const LEGACY_UPLOAD_REF_RE = /^ofauth_upload_[A-Za-z0-9_-]+$/;
export const DIGITS_RE = /^\d+$/;

export function isHttpUrl(s: string): boolean {
	try {
		const u = new URL(s);
		return u.protocol === 'http:' || u.protocol === 'https:';
	} catch {
		return false;
	}
}

export const mediaItemSchema = z.union([
	z.number().int().positive(),
	z
		.string()
		.min(1)
		.refine(
			(s) =>
				(DIGITS_RE.test(s) && Number(s) > 0) ||
				UPLOAD_REF_RE.test(s) ||
				LEGACY_UPLOAD_REF_RE.test(s) ||
				isHttpUrl(s),
			{
				message:
					'mediaItems entries must be a vault media id, an upload reference (upload:<uuid>) or an http(s) URL',
			},
		),
]);

const positiveIntArray = z.array(z.number().int().positive());

export const sendBodyFields = {
	text: z.string().max(10000).optional(),
	mediaItems: z.array(mediaItemSchema).optional(),
	isLockedText: z.boolean().nullable().optional(),
	price: z.number().min(0).max(200).nullable().optional(),
	previewMediaCount: z.number().int().min(0).nullable().optional(),
	releaseForms: z
		.object({
			users: positiveIntArray.optional(),
			partners: positiveIntArray.optional(),
			guests: positiveIntArray.optional(),
		})
		.strict()
		.optional(),
	userTags: positiveIntArray.optional(),
	isMarkdown: z.boolean().nullable().optional(),
	replyToMessageId: z.string().min(1).nullable().optional(),
	isForwardedMessage: z.boolean().nullable().optional(),
};

type SendLike = {
	text?: string;
	mediaItems?: unknown[];
	price?: number | null;
	previewMediaCount?: number | null;
};

function sendRules<T extends SendLike>(b: T, ctx: z.RefinementCtx): void {
	const price = b.price ?? 0;
	const items = b.mediaItems ?? [];
	if (price !== 0 && (price < 3 || price > 200)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['price'],
			message: 'price must be 0 (free) or between 3 and 200',
		});
	}
	if (price > 0 && items.length === 0) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['mediaItems'],
			message: 'a priced (PPV) message needs at least one media item',
		});
	}
	if ((b.previewMediaCount ?? 0) > items.length) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['previewMediaCount'],
			message: `previewMediaCount (${b.previewMediaCount}) is larger than the number of mediaItems (${items.length})`,
		});
	}
	if (!(b.text ?? '').trim() && items.length === 0) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['text'],
			message: 'a message needs text or at least one media item',
		});
	}
}

export const sendBodySchema = z.object(sendBodyFields).strict().superRefine(sendRules);
export type SendBody = z.infer<typeof sendBodySchema>;

const listRef = z.union([z.number().int().positive(), z.string().min(1)]);
const isoDate = z
	.string()
	.refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO 8601 date' });

export const massMessageBodySchema = z
	.object({
		...sendBodyFields,
		userIds: positiveIntArray.optional(),
		userLists: z.array(listRef).optional(),
		excludeUserLists: z.array(listRef).optional(),
		scheduledDate: isoDate.nullable().optional(),
		subscribedAfterDate: isoDate.nullable().optional(),
	})
	.strict()
	.superRefine(sendRules);
export type MassMessageBody = z.infer<typeof massMessageBodySchema>;

export const uploadInitSchema = z
	.object({
		filename: z.string().min(1).max(255),
		size: z.number().int().positive().optional(),
		filesize: z.number().int().positive().optional(),
		contentType: z.string().min(1).optional(),
		mimeType: z.string().min(1).optional(),
	})
	.strict()
	.superRefine((b, ctx) => {
		if (b.size === undefined && b.filesize === undefined)
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['size'], message: 'size is required' });
		if (!b.contentType && !b.mimeType)
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['contentType'],
				message: 'contentType is required',
			});
	});

export const uploadCompleteSchema = z
	.object({ mediaUploadId: z.string().min(1), parts: z.array(z.unknown()).optional() })
	.strict();
export const uploadCheckSchema = z
	.object({ etag: z.string().min(1), size: z.number().int().nonnegative() })
	.strict();

export interface ErrorDetail {
	path: string;
	message: string;
	code: string;
}

export function zodDetails(err: z.ZodError): ErrorDetail[] {
	return err.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
}
