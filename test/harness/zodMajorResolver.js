/**
 * Jest resolver for the "zod 4" project of jest.unit.config.js: the node's own code (nodes/) gets zod 4
 * (the devDependency alias zod4) where it imports zod, as it would inside an n8n that ships zod 4;
 * everything else (n8n-core, n8n-workflow) keeps the zod it was built with.
 */
const path = require('node:path');

const NODE_CODE = path.resolve(__dirname, '..', '..', 'nodes') + path.sep;

module.exports = (request, options) =>
	options.defaultResolver(
		request === 'zod' && options.basedir.startsWith(NODE_CODE) ? 'zod4' : request,
		options,
	);
