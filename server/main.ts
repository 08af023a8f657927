// `npm start`: the same as `reprise start`, flags included.
process.argv.splice(2, 0, 'start');
await import('./cli/main.js');

export {};
