// The shell every bench page shares: recorder tags in <head>, where a customer would put them.
export function benchDocument(title: string, recorderTags: string, body: string, script: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif}.carousel{position:relative;overflow:hidden;height:40px}.slide{position:absolute;width:100%}</style>
${recorderTags}
</head><body>${body}<script>${script}</script></body></html>`;
}
