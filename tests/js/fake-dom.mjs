// A stand-in for the few DOM features view.js uses, so its functions run under Node.
// Not a browser: the browser tests (tests/browser/) drive the real page in Chromium.

class Node {
  constructor(doc) {
    this.ownerDocument = doc;
    this.children = [];
    this.parent = null;
  }

  append(...items) {
    for (const item of items) {
      const node = typeof item === "string" ? new Text(this.ownerDocument, item) : item;
      node.parent = this;
      this.children.push(node);
    }
  }

  replaceChildren(...items) {
    this.children = [];
    this.append(...items);
  }

  get textContent() {
    return this.children.map((c) => c.textContent).join("");
  }
}

class Text extends Node {
  constructor(doc, data) {
    super(doc);
    this.data = data;
  }

  get textContent() {
    return this.data;
  }
}

export class Element extends Node {
  constructor(doc, tag) {
    super(doc);
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.listeners = new Map();
  }

  set textContent(value) {
    this.children = [new Text(this.ownerDocument, String(value))];
  }

  get textContent() {
    return super.textContent;
  }

  set className(value) {
    this.attributes.set("class", value);
  }

  get className() {
    return this.attributes.get("class") ?? "";
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }

  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }

  hasAttribute(name) {
    return this.attributes.has(name);
  }

  addEventListener(type, fn) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push(fn);
  }

  // A click bubbles up from here, as in a browser.
  click() {
    const event = { target: this };
    for (let node = this; node instanceof Element; node = node.parent) {
      for (const fn of node.listeners.get("click") ?? []) fn(event);
    }
  }

  matches(selector) {
    return selector.split(",").some((one) => {
      const m = /^\s*\[([\w-]+)\]\s*$/.exec(one);
      if (!m) throw new Error(`fake DOM: unsupported selector ${selector}`);
      return this.hasAttribute(m[1]);
    });
  }

  closest(selector) {
    for (let node = this; node instanceof Element; node = node.parent) {
      if (node.matches(selector)) return node;
    }
    return null;
  }

  // Elements below this one (depth first) that pass `test`.
  findAll(test) {
    const out = [];
    const walk = (node) => {
      for (const child of node.children) {
        if (child instanceof Element) {
          if (test(child)) out.push(child);
          walk(child);
        }
      }
    };
    walk(this);
    return out;
  }

  // `tag`, `[attr]`, `tag[attr]` or `tag[attr=value]`: all view tests need.
  querySelectorAll(selector) {
    const m = /^([a-z0-9]*)(?:\[([\w-]+)(?:=["']?([^"'\]]*)["']?)?\])?$/.exec(selector);
    if (!m) throw new Error(`fake DOM: unsupported selector ${selector}`);
    const [, tag, attr, value] = m;
    return this.findAll(
      (e) =>
        (!tag || e.tagName === tag.toUpperCase()) &&
        (!attr || (e.hasAttribute(attr) && (value === undefined || e.getAttribute(attr) === value))),
    );
  }

  querySelector(selector) {
    return this.querySelectorAll(selector)[0] ?? null;
  }
}

export function fakeDocument() {
  const doc = {
    createElement: (tag) => new Element(doc, tag),
  };
  return doc;
}
