/** npm run test:compat: the example workflows in n8n 1.123.81 on Node 20. */
const base = require('./jest.config');

module.exports = {
	...base,
	roots: ['<rootDir>/test/compat'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 300_000,
};
