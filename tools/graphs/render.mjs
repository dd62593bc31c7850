// Renders every .dot file of a folder to .svg with Graphviz and parses every .mmd file with Mermaid's parser.
// Usage: node render.mjs <folder>. Prints one line per file; exits 1 if any renderer refused a file.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { Graphviz } from "@hpcc-js/wasm-graphviz";

// Mermaid sanitizes labels with DOMPurify, which needs a window: jsdom's, as a browser would give it.
const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });
const graphviz = await Graphviz.load();

const folder = process.argv[2];
let failed = 0;
for (const file of readdirSync(folder).sort()) {
  const path = join(folder, file);
  try {
    if (file.endsWith(".dot")) {
      writeFileSync(path.replace(/\.dot$/, ".svg"), graphviz.dot(readFileSync(path, "utf8"), "svg"));
      console.log(`rendered ${file} (Graphviz ${graphviz.version()})`);
    } else if (file.endsWith(".mmd")) {
      const parsed = await mermaid.parse(readFileSync(path, "utf8"));
      console.log(`parsed ${file} (${parsed.diagramType})`);
    }
  } catch (error) {
    failed++;
    console.log(`refused ${file}: ${String(error.message || error).split("\n").slice(0, 3).join(" ")}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
