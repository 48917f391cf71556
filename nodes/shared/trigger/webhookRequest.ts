import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** Answers the delivery itself (status + JSON) and tells n8n not to start the workflow. */
export function refuse(
	context: IWebhookFunctions,
	statusCode: number,
	message: string,
): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(statusCode).json({ error: message });
	return { noWebhookResponse: true };
}

/**
 * Starts a run with `items` and answers the delivery 200 `{received: true}` itself.
 *
 * Answering here, not after the run is queued, is what makes the delivery's event id durable:
 * n8n saves the static data webhook() changed when the node's answer comes before the run
 * starts. With the answer deferred until the run is started, n8n 2.41's live webhooks re-wrap
 * the same static data for the run (which marks it unchanged) before saving, so the id would
 * stay in this process's memory only, unseen by the other webhook processors of a queue-mode
 * instance and forgotten on restart (n8n `webhooks/live-webhooks.js` `executeWebhook`,
 * `workflow-runner.js` `establishContextForPersistence`).
 */
export function startRun(context: IWebhookFunctions, items: IDataObject[]): IWebhookResponseData {
	context.getResponseObject().status(200).json({ received: true });
	return { workflowData: [context.helpers.returnJsonArray(items)], noWebhookResponse: true };
}

/** A 200 that starts nothing: OFAuth counts the delivery as done and does not retry it. */
export function acknowledge(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, started: false, reason } };
}

/**
 * The request body exactly as it arrived. Signatures are computed over these bytes, so
 * the parsed body (re-serialised JSON may differ in spacing or key order) is never used.
 */
export async function readRawBody(context: IWebhookFunctions): Promise<Buffer> {
	// n8n-workflow types the request's rawBody (a Buffer) and readRawBody(); n8n fills rawBody before the node runs
	const request = context.getRequestObject();
	if (request.rawBody === undefined && typeof request.readRawBody === 'function')
		await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.alloc(0);
}

/** The event envelope, or undefined when the body is not a JSON object with a string `type`. */
export function parseEvent(rawBody: Buffer): IDataObject | undefined {
	let text = rawBody.toString('utf8');
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
	const event = parsed as IDataObject;
	return typeof event.type === 'string' && event.type !== '' ? event : undefined;
}
