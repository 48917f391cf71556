/**
 * Values read once per node run (its context object) and reused by every request of that run:
 * n8n resolves a parameter afresh (expressions included), and decrypts a credential, on each
 * read, which a Return All of 500 pages or a send to 10,000 items would otherwise pay on every
 * request. A promise that fails is forgotten, so the next request reads again.
 */
const valuesByRun = new WeakMap<object, Map<string, unknown>>();

export function oncePerRun<T>(context: object, key: string, read: () => T): T {
	let values = valuesByRun.get(context);
	if (!values) valuesByRun.set(context, (values = new Map()));
	if (values.has(key)) return values.get(key) as T;
	const value = read();
	values.set(key, value);
	if (value instanceof Promise) {
		value.catch(() => {
			if (values?.get(key) === value) values.delete(key);
		});
	}
	return value;
}
