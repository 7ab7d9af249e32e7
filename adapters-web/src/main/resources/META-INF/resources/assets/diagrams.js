// Mermaid diagrams drawn in the browser (Mermaid, vendored, loaded only when an answer has a diagram). Mermaid runs
// with securityLevel "strict" (no HTML labels, no click handlers) and the picture it draws is shown as an image, so
// nothing in the diagram can run script or reach the page; its source stays beside it, and is all that shows if
// drawing fails.
let loading = null;
let count = 0;

function mermaid() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/vendor/mermaid/mermaid.min.js';
      script.addEventListener('load', () => {
        const dark = matchMedia('(prefers-color-scheme: dark)').matches;
        globalThis.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
        resolve(globalThis.mermaid);
      });
      script.addEventListener('error', () => reject(new Error('Mermaid could not be loaded')));
      document.head.append(script);
    });
  }
  return loading;
}

/** Draws the diagram as an image into {@code container}; gives whether it was drawn. */
export async function drawDiagram(container, source) {
  try {
    const library = await mermaid();
    const { svg } = await library.render('diagram-' + (++count), source);
    const image = document.createElement('img');
    image.className = 'diagram';
    image.alt = 'Diagram: ' + source.split('\n')[0].trim();
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
    container.prepend(image);
    return true;
  } catch {
    return false;
  }
}
