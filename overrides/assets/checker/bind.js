// Binds a page's widget on each page Material shows, for the checker page (checker.js) and
// "Your feed" (audit.js). Material's `document$` emits on the first load and after each
// instant navigation, which swaps the content without reloading the scripts; without
// Material (a plain page) the widget is bound once, now.
//
// `bind(root)` wires the widget found by `selector` and returns its cleanup, which runs when
// the page goes (or a new page brings a new root). The same root is never bound twice.
export function bindEach(selector, bind, win = window) {
  let bound = null; // { root, cleanup }
  const onDocument = () => {
    const root = win.document.querySelector(selector);
    if (bound && bound.root === root) return;
    if (bound) bound.cleanup();
    bound = null;
    if (root) bound = { root, cleanup: bind(root) };
  };
  if (win.document$ && typeof win.document$.subscribe === "function") win.document$.subscribe(onDocument);
  else onDocument();
}
