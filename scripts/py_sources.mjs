// The .py files under a folder, as sorted "/"-separated paths relative to it (no __pycache__):
// what the stage's bytecode compiler and the Pyodide tests copy into Pyodide's file system.

import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export function sources(root, dir = root) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "__pycache__") found.push(...sources(root, path));
    } else if (name.endsWith(".py")) {
      found.push(relative(root, path).split(sep).join("/"));
    }
  }
  return found;
}
