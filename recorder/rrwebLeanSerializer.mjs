import { fileURLToPath } from 'node:url';

// A lean path through rrweb 2.1.6's serializeNodeWithId for the nodes most pages are made of: plain HTML elements
// and the text inside them (issue #8, large page). rrweb builds and destructures three options objects per node and
// runs every special case (form fields, stylesheets, iframes, media, canvas, slimDOM, custom elements, shadow DOM)
// for every element; this path serializes the common node itself and returns LEAN_FALLBACK for anything else, so
// rrweb's own code handles it. It must produce exactly rrweb's serialized node (same keys, in the same order) and the
// same mirror entries: recorder/test/integration/rrwebPatches.test.ts records with and without it.
//
// The source below runs inside @rrweb/record's module (recorder/build.mjs inserts it), so it calls rrweb's own
// helpers: index (untainted DOM accessors), needMaskingText, _isBlockedElement, transformAttribute, toLowerCase,
// getRootId, genId, IGNORED_NODE, NodeType, getUntaintedPrototype and copyNodeList (from build.mjs's
// SNAPSHOT_PATCHES), and imports recorder/pageWitness.ts, which knows which elements may have been scrolled.

const LEAN_SERIALIZER_SOURCE = `
// HTML elements rrweb serializes from their attributes alone (uppercase: an HTML element in an HTML document). Not
// here, so always rrweb's path: form fields and options, link/style/script/meta/head, img/media/canvas/iframe/object,
// dialog, form (instanceof check), svg and MathML, custom elements (they contain a hyphen).
const LEAN_TAG_NAMES = new Map(
  "HTML BODY DIV SPAN P A UL OL LI DL DT DD H1 H2 H3 H4 H5 H6 HEADER FOOTER MAIN NAV SECTION ARTICLE ASIDE B I U S EM STRONG SMALL MARK CODE PRE BLOCKQUOTE Q CITE ABBR TIME SUP SUB BR HR LABEL BUTTON FIELDSET LEGEND TABLE CAPTION THEAD TBODY TFOOT TR TD TH FIGURE FIGCAPTION DETAILS SUMMARY"
    .split(" ").map((name) => [name, name.toLowerCase()])
);
const LEAN_FALLBACK = {};
// Scroll offsets (issue #8): reading scrollLeft/scrollTop of every element forces the page's layout and costs 10-13
// ms of the large bench page's walk. recorder/pageWitness.ts knows, when the inline loader ran in <head>, which
// elements can have an offset; without that knowledge every element is read, as rrweb does.
function leanMayBeScrolled(n, tagName, rootNode) {
  return !witnessActive() || elementMayHaveScrolled(n, tagName, rootNode === void 0 ? leanRootNode(n) : rootNode);
}
// rrweb's untainted DOM accessors (index.*) look the getter up in a cache on every call, and index.getRootNode builds
// a cache key and binds the method: the lean path runs per node, so it keeps the untainted getters and getRootNode
// themselves (the same untainted prototypes, so the same protection against a page that patched the DOM). It walks an element's
// children with firstChild/nextSibling instead of copying childNodes: no NodeList wrapper and no array per element.
// The walk is synchronous and serializing a node changes nothing in the DOM, so the siblings cannot change under it.
let leanGet;
function leanGetters() {
  if (leanGet === void 0) {
    const node = getUntaintedPrototype("Node");
    const getter = (name) => {
      const descriptor = Object.getOwnPropertyDescriptor(node, name);
      return descriptor && descriptor.get;
    };
    const get = {
      firstChild: getter("firstChild"), nextSibling: getter("nextSibling"), parentNode: getter("parentNode"),
      textContent: getter("textContent"), getRootNode: node.getRootNode,
    };
    leanGet = Object.values(get).every((member) => typeof member === "function") ? get : null;
  }
  return leanGet;
}
function leanParentNode(n) {
  const get = leanGetters();
  return get ? get.parentNode.call(n) : index.parentNode(n);
}
function leanRootNode(n) {
  const get = leanGetters();
  return get ? get.getRootNode.call(n) : index.getRootNode(n);
}
// Block and mask markers (issue #8): rrweb matches the block class and selector, and the mask class and selector,
// against every element (two classList lookups, which create a DOMTokenList per element, and two matches()). A full
// snapshot first asks the document once whether any element carries any of them; if none does, no element of its
// light DOM is blocked or masked (every ancestor of such an element is in the same light DOM), so those checks are
// skipped for the walk. Shadow trees and iframe documents keep the per-element checks. Set only while snapshot()
// runs: the walk is synchronous, so the document cannot change under it.
let leanUnmarkedDocument = null;
function leanFindUnmarked(doc, blockClass, blockSelector, maskTextClass, maskTextSelector) {
  if (typeof blockClass !== "string" || typeof maskTextClass !== "string") return null;
  try {
    const selector = [\`.\${blockClass}\`, blockSelector, \`.\${maskTextClass}\`, maskTextSelector].filter(Boolean).join(",");
    return doc.querySelector(selector) === null ? doc : null;
  } catch {
    return null;
  }
}
// rrweb's needsMask step, with the text-node shortcut of build.mjs's SNAPSHOT_PATCHES.
function leanNeedsMask(n, options) {
  const needsMask = options.needsMask;
  if (needsMask || (needsMask === false && n.nodeType === 3)) return needsMask;
  return needMaskingText(n, options.maskTextClass, options.maskTextSelector, needsMask === void 0);
}
// A child of a shadow root (or of any fragment) gets isShadow: rrweb's path sets it.
function leanParentIsPlain(parent) {
  return parent === null || parent.nodeType !== 11;
}
// rrweb's bypassOptions: what serializeNodeWithId hands to an element's children. It differs from the element's own
// options only in needsMask, cssCaptured and newlyAddedElement (absent there: false); every reader applies the same
// defaults, so a copy of the options is equivalent. Reused down the tree while needsMask stays the same (lean
// elements never change preserveWhiteSpace or cssCaptured). It also carries what every child of a lean element shares
// with it: its root node and rootId (same tree, same document). rrweb's own path builds its children's options field
// by field, so these never reach a node that is not a lean element's child.
function leanChildOptions(options, needsMask, rootNode, rootId) {
  if (options.leanChildOptions === true && options.needsMask === needsMask && options.leanRoot === rootNode) return options;
  return { ...options, needsMask, cssCaptured: false, newlyAddedElement: false, leanChildOptions: true, leanRoot: rootNode, leanRootId: rootId };
}
// rrweb's two onSerialize hooks (record's snapshot and MutationBuffer) act only on iframes, stylesheet links and
// shadow hosts; a lean node is none of these, so the hook is not called for it.
function leanElement(n, options) {
  const tagName = LEAN_TAG_NAMES.get(n.tagName);
  if (tagName === void 0 || index.shadowRoot(n)) return LEAN_FALLBACK;
  // In a document's tree (not a shadow tree) no parent can be a fragment.
  const inherited = options.leanChildOptions === true;
  const rootNode = inherited ? options.leanRoot : leanRootNode(n);
  if (rootNode.nodeType !== 9 && !leanParentIsPlain(leanParentNode(n))) return LEAN_FALLBACK;
  const unmarked = rootNode === leanUnmarkedDocument;
  if (!unmarked && _isBlockedElement(n, options.blockClass, options.blockSelector)) return LEAN_FALLBACK;
  const needsMask = unmarked ? false : leanNeedsMask(n, options);
  const { doc, mirror: mirror2 } = options;
  const rootId = inherited ? options.leanRootId : getRootId(doc, mirror2);
  const attributes = {};
  // n.attributes creates a NamedNodeMap for the element the first time: not for the many elements without any.
  if (n.hasAttributes()) {
    const attrs = n.attributes;
    const len = attrs.length;
    for (let i = 0; i < len; i++) {
      const attr = attrs[i];
      attributes[attr.name] = transformAttribute(doc, tagName, toLowerCase(attr.name), attr.value);
    }
  }
  if (!options.newlyAddedElement && leanMayBeScrolled(n, tagName, rootNode)) {
    if (n.scrollLeft) attributes.rr_scrollLeft = n.scrollLeft;
    if (n.scrollTop) attributes.rr_scrollTop = n.scrollTop;
  }
  const serializedNode = { type: NodeType.Element, tagName, attributes, childNodes: [], isSVG: void 0, needBlock: false, rootId, isCustom: void 0 };
  const id = mirror2.hasNode(n) ? mirror2.getId(n) : genId();
  serializedNode.id = id;
  mirror2.add(n, serializedNode);
  if (id === IGNORED_NODE) return null;
  serializedNode.needBlock = void 0;
  if (options.skipChild) return serializedNode;
  const childOptions = leanChildOptions(options, needsMask, rootNode, rootId);
  const get = leanGetters();
  if (get) {
    for (let childN = get.firstChild.call(n); childN !== null; childN = get.nextSibling.call(childN)) {
      const serializedChildNode = serializeNodeWithId(childN, childOptions);
      if (serializedChildNode) serializedNode.childNodes.push(serializedChildNode);
    }
    return serializedNode;
  }
  for (const childN of copyNodeList(index.childNodes(n))) {
    const serializedChildNode = serializeNodeWithId(childN, childOptions);
    if (serializedChildNode) serializedNode.childNodes.push(serializedChildNode);
  }
  return serializedNode;
}
// Masked text (maskTextFn), text in a stylesheet or script, and text whose parent's CSS was captured: rrweb's path.
function leanText(n, options) {
  if (options.cssCaptured) return LEAN_FALLBACK;
  if (leanNeedsMask(n, options)) return LEAN_FALLBACK;
  const parent = leanParentNode(n);
  if (!leanParentIsPlain(parent)) return LEAN_FALLBACK;
  const parentTagName = parent && parent.tagName;
  if (parentTagName === "STYLE" || parentTagName === "SCRIPT") return LEAN_FALLBACK;
  const { mirror: mirror2, preserveWhiteSpace = true } = options;
  const get = leanGetters();
  const textContent = get ? get.textContent.call(n) : index.textContent(n);
  const serializedNode = { type: NodeType.Text, textContent: textContent || "", rootId: getRootId(options.doc, mirror2) };
  let id;
  if (mirror2.hasNode(n)) id = mirror2.getId(n);
  else if (!preserveWhiteSpace && !serializedNode.textContent.replace(/^\\s+|\\s+$/gm, "").length) id = IGNORED_NODE;
  else id = genId();
  serializedNode.id = id;
  mirror2.add(n, serializedNode);
  return id === IGNORED_NODE ? null : serializedNode;
}
function leanSerialize(n, options) {
  const nodeType = n.nodeType;
  if (nodeType === 1) return leanElement(n, options);
  if (nodeType === 3) return leanText(n, options);
  return LEAN_FALLBACK;
}
`;

/** Put at the top of @rrweb/record's module: recorder/pageWitness.ts, as an absolute path esbuild resolves from anywhere. */
export const LEAN_SERIALIZER_IMPORT = `import { elementMayHaveScrolled, selectionMayBeSet, viewportMayHaveScrolled, witnessActive } from ${JSON.stringify(
  fileURLToPath(new URL('./pageWitness.ts', import.meta.url)),
)};\n`;

/** Textual patches of @rrweb/record 2.1.6, applied after recorder/build.mjs's SNAPSHOT_PATCHES (copyNodeList). */
export const LEAN_SERIALIZER_PATCHES = [
  // rrweb's own path reads the same two offsets for every element the lean path leaves to it (<head>, <script>, ...).
  ['  if (!newlyAddedElement) {\n    if (n.scrollLeft) {', '  if (!newlyAddedElement && leanMayBeScrolled(n, tagName)) {\n    if (n.scrollLeft) {'],
  // The block and mask pre-check of a full snapshot (leanUnmarkedDocument above), around rrweb's walk.
  [
    '  const slimDOMOptions = slimDOMDefaults(slimDOM);\n  return serializeNodeWithId(n, {\n    doc: n,',
    '  const slimDOMOptions = slimDOMDefaults(slimDOM);\n  leanUnmarkedDocument = leanFindUnmarked(n, blockClass, blockSelector, maskTextClass, maskTextSelector);\n  try {\n  return serializeNodeWithId(n, {\n    doc: n,',
  ],
  ['    newlyAddedElement: false\n  });\n}\nclass BaseRRNode {', '    newlyAddedElement: false\n  });\n  } finally {\n    leanUnmarkedDocument = null;\n  }\n}\nclass BaseRRNode {'],
  // rrweb's selection observer reads the document's selection when it starts: layout again.
  ['  updateSelection();\n  return on("selectionchange", updateSelection);', '  if (selectionMayBeSet(doc)) updateSelection();\n  return on("selectionchange", updateSelection);'],
  // The full snapshot's initialOffset reads the window's scroll offset, which forces layout like any other read.
  ['initialOffset: getWindowScroll(window)', 'initialOffset: viewportMayHaveScrolled() ? getWindowScroll(window) : { left: 0, top: 0 }'],
  [
    'function serializeNodeWithId(n, options) {\n  const {\n    doc,',
    `${LEAN_SERIALIZER_SOURCE}function serializeNodeWithId(n, options) {\n  const lean = leanSerialize(n, options);\n  if (lean !== LEAN_FALLBACK) return lean;\n  const {\n    doc,`,
  ],
];
