/**
 * A minimal MCP client over Streamable HTTP (protocol revision 2025-03-26), enough to act as an
 * outside agent talking to n8n's MCP Server Trigger: `initialize` (the server answers with an
 * `mcp-session-id`), `notifications/initialized`, `tools/list` and `tools/call`. Answers come as
 * JSON or as a server-sent-events stream; both are read.
 */

export interface McpTool {
	name: string;
	description?: string;
	inputSchema: {
		type: string;
		properties?: Record<string, { type?: string; description?: string }>;
		required?: string[];
	};
}

export interface McpToolResult {
	content: Array<{ type: string; text?: string }>;
	isError?: boolean;
}

interface JsonRpcAnswer {
	jsonrpc: '2.0';
	id?: number;
	result?: unknown;
	error?: { code: number; message: string };
}

export class McpClient {
	private sessionId?: string;
	private nextId = 1;
	/** Every answer body as the client received it (to check what a client could ever see). */
	readonly received: string[] = [];

	constructor(
		private readonly url: string,
		private readonly headers: Record<string, string> = {},
	) {}

	private async post(message: object): Promise<{ status: number; answers: JsonRpcAnswer[] }> {
		const res = await fetch(this.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				accept: 'application/json, text/event-stream',
				...(this.sessionId ? { 'mcp-session-id': this.sessionId } : {}),
				...this.headers,
			},
			body: JSON.stringify(message),
		});
		this.sessionId = res.headers.get('mcp-session-id') ?? this.sessionId;
		const body = await res.text();
		this.received.push(body);
		const contentType = res.headers.get('content-type') ?? '';
		let answers: JsonRpcAnswer[] = [];
		if (contentType.includes('text/event-stream')) {
			answers = body
				.split(/\r?\n/)
				.filter((line) => line.startsWith('data:'))
				.map((line) => JSON.parse(line.slice(5).trim()) as JsonRpcAnswer);
		} else if (body.trim()) {
			const parsed = JSON.parse(body) as JsonRpcAnswer | JsonRpcAnswer[];
			answers = Array.isArray(parsed) ? parsed : [parsed];
		}
		return { status: res.status, answers };
	}

	private async request<T>(method: string, params: object): Promise<T> {
		const id = this.nextId++;
		const { status, answers } = await this.post({ jsonrpc: '2.0', id, method, params });
		const answer = answers.find((a) => a.id === id);
		if (!answer) throw new Error(`${method}: no answer with id ${id} (HTTP ${status})`);
		if (answer.error) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
		return answer.result as T;
	}

	async initialize(): Promise<{ serverInfo: { name: string }; protocolVersion: string }> {
		const result = await this.request<{ serverInfo: { name: string }; protocolVersion: string }>(
			'initialize',
			{
				protocolVersion: '2025-03-26',
				capabilities: {},
				clientInfo: { name: 'ofauth-e2e-mcp-client', version: '1.0.0' },
			},
		);
		if (!this.sessionId) throw new Error('initialize: the server gave no mcp-session-id');
		await this.post({ jsonrpc: '2.0', method: 'notifications/initialized' });
		return result;
	}

	async listTools(): Promise<McpTool[]> {
		return (await this.request<{ tools: McpTool[] }>('tools/list', {})).tools;
	}

	async callTool(name: string, args: Record<string, unknown>): Promise<McpToolResult> {
		return await this.request<McpToolResult>('tools/call', { name, arguments: args });
	}
}
