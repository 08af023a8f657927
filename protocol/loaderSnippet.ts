// The inline loader a staging app pastes at the top of <head>, before the recorder's deferred tag (the contract it
// fills is in protocol/recorderInstall.ts). Kept apart from that module so the recorder's bundle, which only reads
// what the loader left, does not carry the loader's own text.
import { LOADER_VERSION } from './recorderInstall.js';

/**
 * The inline loader, ES5, ~750 bytes; it queues the calls named in LOADER_QUEUED_METHODS. Any error inside it is
 * swallowed: the page must never see one.
 */
export const LOADER_SNIPPET =
  '(function(w,d){try{if(w.Reprise)return;' +
  'var o={capture:true,passive:true},s={head:!d.body,scrolled:new WeakSet(),anyScrolled:false,viewportScrolled:false,selectionChanged:false,errors:[]},' +
  `q=[],R={v:${LOADER_VERSION},q:q,seen:s};` +
  'w.addEventListener("scroll",function(e){var t=e.target;if(t===d)s.viewportScrolled=true;else if(t&&t.nodeType===1){s.scrolled.add(t);s.anyScrolled=true}},o);' +
  'd.addEventListener("selectionchange",function(){s.selectionChanged=true},o);' +
  's.keep=function(e){if(s.errors.length<20)s.errors.push(e)};w.addEventListener("error",s.keep,true);w.addEventListener("unhandledrejection",s.keep);' +
  '["identify","track","setFlags","setAppVersion","stop"].forEach(function(m){R[m]=function(){q.push([m,[].slice.call(arguments)])}});' +
  'w.Reprise=R}catch(e){}})(window,document);';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The two tags to paste at the top of <head>: the inline loader, then the deferred recorder. */
export function recorderInstallHtml(options: { scriptUrl: string; projectKey: string; attributes?: Record<string, string> }): string {
  const extra = Object.entries(options.attributes ?? {}).map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  return (
    `<script>${LOADER_SNIPPET}</script>\n` +
    `<script src="${escapeAttribute(options.scriptUrl)}" data-project="${escapeAttribute(options.projectKey)}"${extra} defer></script>`
  );
}
