// Studio Booking widget inside another site's page (embed.js, or an iframe with the listener of the
// admin page's snippet): the widget tells its parent page how tall its content is, whenever that
// changes, so the iframe grows and shrinks with it and never shows a scrollbar of its own. Only the
// height leaves the frame.

export function reportHeightToParent() {
  if (window.parent === window) return;
  let last = 0;
  const post = () => {
    // the body's own box (margins included), not the viewport: the iframe's height must be able to shrink
    const style = getComputedStyle(document.body);
    const height = Math.ceil(document.body.getBoundingClientRect().height
      + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'studio-booking:height', height }, '*');
  };
  new ResizeObserver(post).observe(document.body);
  post();
}
